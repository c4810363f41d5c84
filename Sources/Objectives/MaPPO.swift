// MaPPO, Maximum a Posteriori Preference Optimization (000_f3e0a040f5e536e0.txt) eq. (8):
//   ℓ = −log σ(u),  u = β log π_θ(y_w)/π_ref(y_w) − Δ_r β log π_θ(y_l)/π_ref(y_l),
// with Δ_r = r_w − r_l from the prior rewards. The gradient (eq. 13) carries the weight
// β(1 − σ(u)). Implementation goals: 1) eq. (8) exactly; 2) finite value and gradient for
// every finite input (softplus(−u), σ(−u)); 3) simplicity. Implemented on its own, never by
// calling DPO or the Δ_r = 0 loss, so the reduction claims compare independent code.
import StableMath

/// MaPPO, eq. (8).
///
/// The gradient is taken with respect to the four log-probabilities and the two rewards of
/// ``RewardedPreferencePair`` (the loss is smooth in r_w and r_l through Δ_r):
/// w = βσ(−u); ∂ℓ = (−w, wΔ_r, w, −wΔ_r, wρ_l, −wρ_l), ρ_l = log π_θ(y_l)/π_ref(y_l).
public struct MaPPO: Objective {
  /// β > 0, the KL weight.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "MaPPO" }

  /// u = β(ρ_w − Δ_r ρ_l), the confidence measure of §4.2 (defined after eq. 13).
  public func margin(_ x: RewardedPreferencePair) -> Double {
    beta * x.logRatioChosen - x.deltaR * (beta * x.logRatioRejected)
  }

  /// β(1 − σ(u)) = βσ(−u), the per-example weight of eq. (13).
  public func gradientWeight(_ x: RewardedPreferencePair) -> Double {
    beta * sigmoid(-margin(x))
  }

  public func loss(_ x: RewardedPreferencePair) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    return softplus(-margin(x))
  }

  public func gradient(_ x: RewardedPreferencePair) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let w = gradientWeight(x)
    let d = x.deltaR
    let rl = x.logRatioRejected
    return [-w, w * d, w, -w * d, w * rl, -w * rl]
  }

  /// The third line of eq. (6) at the reward level: −log σ(a − Δ_r b) = softplus(Δ_r b − a),
  /// with a = r_φ(y_w, x), b = r_φ(y_l, x) any real numbers.
  public static func rewardLevelLoss(rPhiChosen a: Double, rPhiRejected b: Double, deltaR: Double)
    -> Double
  {
    softplus(deltaR * b - a)
  }
}
