// IPO with the MaPPO plugin, MaPPO (000_f3e0a040f5e536e0.txt) eq. (17), on sequence
// log-probabilities as printed:
//   ℓ = h²,  h = log π_θ(y_w)/π_ref(y_w) − Δ_r log π_θ(y_l)/π_ref(y_l) − 1/(2β).
// Implemented on its own (not via ``IPO``), so the reduction at Δ_r = 1 compares
// independent code.

/// IPO+ (IPO with the MaPPO plugin), MaPPO eq. (17).
///
/// The gradient is taken with respect to the six variables of ``RewardedPreferencePair``:
/// ∂ℓ = 2h·(1, −Δ_r, −1, Δ_r, −ρ_l, ρ_l), ρ_l = log π_θ(y_l)/π_ref(y_l).
public struct IPOPlus: Objective {
  /// β > 0; the target gap is 1/(2β).
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "IPO+" }

  /// h = ρ_w − Δ_r ρ_l − 1/(2β).
  public func residual(_ x: RewardedPreferencePair) -> Double {
    (x.logRatioChosen - x.deltaR * x.logRatioRejected) - 1 / (2 * beta)
  }

  public func loss(_ x: RewardedPreferencePair) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    let h = residual(x)
    return h * h
  }

  public func gradient(_ x: RewardedPreferencePair) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let g = 2 * residual(x)
    let d = x.deltaR
    let rl = x.logRatioRejected
    return [g, -g * d, -g, g * d, -g * rl, g * rl]
  }
}
