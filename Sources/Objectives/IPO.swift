// IPO (Azar et al. 2024), as printed in MaPPO (000_f3e0a040f5e536e0.txt) eq. (16), on sequence
// log-probabilities:
//   ℓ = (h)²,  h = log π_θ(y_w)/π_ref(y_w) − log π_θ(y_l)/π_ref(y_l) − 1/(2β).
// The square of a finite h is finite unless |h| > 1.3e154, far outside the domain
// (|log-ratios| ≤ 2e5 for log-probabilities ≥ −1e5, and 1/(2β) finite for β > 0 normal).

/// Identity Preference Optimization, MaPPO eq. (16).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// 2h·(1, −1, −1, 1).
public struct IPO: Objective {
  /// β > 0; the target log-ratio gap is 1/(2β).
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "IPO" }

  /// h = ρ_w − ρ_l − 1/(2β), the residual that is squared.
  public func residual(_ x: PreferencePair) -> Double {
    (x.logRatioChosen - x.logRatioRejected) - 1 / (2 * beta)
  }

  public func loss(_ x: PreferencePair) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    let h = residual(x)
    return h * h
  }

  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let g = 2 * residual(x)
    return [g, -g, -g, g]
  }
}
