// The MaP loss of MaPPO (000_f3e0a040f5e536e0.txt) eq. (6), SECOND line, as printed:
//   L_MaP(r_φ) = L_MLE(r_φ) + L_p(r_φ) = −log σ(r_φ(y_w) − r_φ(y_l)) − log p(r_φ),
// with p from eq. (5) and r_φ(y) = β log π_θ(y)/π_ref(y) (eq. 7). The paper claims it equals
// the third line, −log σ(r_φ(y_w) − Δ_r r_φ(y_l)), i.e. ``MaPPO``; that identity is tested,
// not assumed (Tests/PropertyTests/MaPPOMLEPlusPriorPropertyTests.swift).
import StableMath

/// L_MLE + L_p of MaPPO eq. (6), second line, with r_φ(y) = β log π_θ(y)/π_ref(y).
///
/// The gradient is taken with respect to the six variables of ``RewardedPreferencePair``
/// and is the sum of the gradients of ``MaPPOMLE`` and ``MaPPOPrior``.
public struct MaPPOMLEPlusPrior: Objective {
  /// β > 0, the KL weight in r_φ = β log π/π_ref.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "MaPPO L_MLE + L_p (eq. 6)" }

  public func loss(_ x: RewardedPreferencePair) throws -> Double {
    try MaPPOMLE(beta: beta).loss(x) + MaPPOPrior(beta: beta).loss(x)
  }

  public func gradient(_ x: RewardedPreferencePair) throws -> [Double] {
    let g1 = try MaPPOMLE(beta: beta).gradient(x)
    let g2 = try MaPPOPrior(beta: beta).gradient(x)
    return zip(g1, g2).map { $0 + $1 }
  }

  /// softplus(b − a) + logSumExp(a, b) − logSumExp(a, Δ_r b) for rewards a, b.
  public static func rewardLevelLoss(
    rPhiChosen a: Double, rPhiRejected b: Double, deltaR: Double
  ) -> Double {
    MaPPOMLE.rewardLevelLoss(rPhiChosen: a, rPhiRejected: b)
      + MaPPOPrior.rewardLevelLoss(rPhiChosen: a, rPhiRejected: b, deltaR: deltaR)
  }
}
