// CPO with the MaPPO plugin, MaPPO (000_f3e0a040f5e536e0.txt) eq. (19):
//   ℓ = −log σ(u) − λ log π_θ(y_w),  u = β log π_θ(y_w) − βΔ_r log π_θ(y_l).
// Implemented on its own (not via ``CPO``), so the reduction at Δ_r = 1 compares
// independent code. Goals: 1) eq. (19) exactly; 2) finite value and gradient for every
// finite input; 3) simplicity.
import StableMath

/// CPO+ (CPO with the MaPPO plugin), MaPPO eq. (19).
///
/// The gradient is taken with respect to the six variables of ``RewardedPreferencePair``:
/// with w = βσ(−u), ∂ℓ = (−w − λ, wΔ_r, 0, 0, w log π_θ(y_l), −w log π_θ(y_l)).
public struct CPOPlus: Objective {
  /// β > 0.
  public var beta: Double
  /// λ ≥ 0, the weight of the negative log-likelihood of y_w.
  public var lambda: Double

  public init(beta: Double, lambda: Double) {
    self.beta = beta
    self.lambda = lambda
  }

  public var name: String { "CPO+" }

  /// u = β log π_θ(y_w) − βΔ_r log π_θ(y_l).
  public func margin(_ x: RewardedPreferencePair) -> Double {
    beta * x.logProbChosen - x.deltaR * (beta * x.logProbRejected)
  }

  private func validate(_ x: RewardedPreferencePair) throws {
    try Validate.positive(beta, "beta")
    try Validate.nonNegative(lambda, "lambda")
    try x.validate()
  }

  public func loss(_ x: RewardedPreferencePair) throws -> Double {
    try validate(x)
    return softplus(-margin(x)) - lambda * x.logProbChosen
  }

  public func gradient(_ x: RewardedPreferencePair) throws -> [Double] {
    try validate(x)
    let w = beta * sigmoid(-margin(x))
    let ll = x.logProbRejected
    return [-w - lambda, w * x.deltaR, 0, 0, w * ll, -w * ll]
  }
}
