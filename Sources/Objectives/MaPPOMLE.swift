// The MLE term of MaPPO's eq. (6) (000_f3e0a040f5e536e0.txt), second line:
//   L_MLE(r_φ) = −log σ(r_φ(y_w, x) − r_φ(y_l, x)),
// evaluated with the reward implied by eq. (7), r_φ(y) = β log π_θ(y)/π_ref(y) (the β log Z
// term cancels in the difference). Together with ``MaPPOPrior`` it gives the left side of
// the claimed identity eq. (6); see ``MaPPOMLEPlusPrior``.
import StableMath

/// L_MLE of MaPPO eq. (6), with r_φ(y) = β log π_θ(y)/π_ref(y).
///
/// The gradient is taken with respect to the six variables of ``RewardedPreferencePair``
/// (the prior rewards do not enter, so their partials are 0): w = βσ(a − b),
/// ∂ℓ = (−w, w, w, −w, 0, 0) with a = βρ_w, b = βρ_l.
public struct MaPPOMLE: Objective {
  /// β > 0, the KL weight in r_φ = β log π/π_ref.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "MaPPO L_MLE (eq. 6)" }

  /// (a, b) = (r_φ(y_w), r_φ(y_l)) = (βρ_w, βρ_l).
  public func rewards(_ x: RewardedPreferencePair) -> (chosen: Double, rejected: Double) {
    (beta * x.logRatioChosen, beta * x.logRatioRejected)
  }

  public func loss(_ x: RewardedPreferencePair) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    let (a, b) = rewards(x)
    return Self.rewardLevelLoss(rPhiChosen: a, rPhiRejected: b)
  }

  public func gradient(_ x: RewardedPreferencePair) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let (a, b) = rewards(x)
    let w = beta * sigmoid(b - a)
    return [-w, w, w, -w, 0, 0]
  }

  /// −log σ(a − b) = softplus(b − a) for rewards a = r_φ(y_w), b = r_φ(y_l).
  public static func rewardLevelLoss(rPhiChosen a: Double, rPhiRejected b: Double) -> Double {
    softplus(b - a)
  }
}
