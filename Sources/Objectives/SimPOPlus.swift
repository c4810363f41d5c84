// SimPO with the MaPPO plugin, MaPPO (000_f3e0a040f5e536e0.txt) eq. (15):
//   ℓ = −log σ(z),  z = (β/|y_w|) log π_θ(y_w) − Δ_r (β/|y_l|) log π_θ(y_l) − γ.
// Implemented on its own (not via ``SimPO``), so the reduction at Δ_r = 1 compares
// independent code. Goals: 1) eq. (15) exactly; 2) finite value and gradient for every
// finite input (softplus(−z), σ(−z)); 3) simplicity.
import StableMath

/// SimPO+ (SimPO with the MaPPO plugin), MaPPO eq. (15).
///
/// The gradient is taken with respect to the six variables of ``RewardedPreferencePair``:
/// with s = σ(−z), p_l = log π_θ(y_l)/|y_l|:
/// ∂ℓ = (−sβ/|y_w|, sβΔ_r/|y_l|, 0, 0, sβp_l, −sβp_l); lengths are not differentiated.
public struct SimPOPlus: Objective {
  /// β > 0, the reward scale.
  public var beta: Double
  /// γ ≥ 0, the target reward margin.
  public var gamma: Double

  public init(beta: Double, gamma: Double) {
    self.beta = beta
    self.gamma = gamma
  }

  public var name: String { "SimPO+" }

  /// z = (β/|y_w|) log π_θ(y_w) − Δ_r (β/|y_l|) log π_θ(y_l) − γ.
  public func margin(_ x: RewardedPreferencePair) -> Double {
    beta * (x.logProbChosen / Double(x.lengthChosen))
      - x.deltaR * (beta * (x.logProbRejected / Double(x.lengthRejected))) - gamma
  }

  private func validate(_ x: RewardedPreferencePair) throws {
    try Validate.positive(beta, "beta")
    try Validate.nonNegative(gamma, "gamma")
    try x.validate()
  }

  public func loss(_ x: RewardedPreferencePair) throws -> Double {
    try validate(x)
    return softplus(-margin(x))
  }

  public func gradient(_ x: RewardedPreferencePair) throws -> [Double] {
    try validate(x)
    let w = beta * sigmoid(-margin(x))
    let pl = x.logProbRejected / Double(x.lengthRejected)
    return [
      -w / Double(x.lengthChosen), w * x.deltaR / Double(x.lengthRejected), 0, 0, w * pl,
      -w * pl,
    ]
  }
}
