// A token-averaged variant of IPO: MaPPO (000_f3e0a040f5e536e0.txt) eq. (16) prints IPO on
// sequence log-ratios; common implementations divide each log-ratio by its length first:
//   ℓ = (h)²,  h = ρ_w/|y_w| − ρ_l/|y_l| − 1/(2β),  ρ = log π_θ/π_ref.
// Not printed in any of the five papers; kept under its own name so it is never mistaken for
// eq. (16).

/// IPO on length-normalised log-ratios (a variant, not MaPPO eq. 16 itself).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// 2h·(1/|y_w|, −1/|y_l|, −1/|y_w|, 1/|y_l|); lengths are not differentiated.
public struct TokenAveragedIPO: Objective {
  /// β > 0; the target gap of the length-normalised log-ratios is 1/(2β).
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "IPO (token-averaged)" }

  /// h = ρ_w/|y_w| − ρ_l/|y_l| − 1/(2β).
  public func residual(_ x: PreferencePair) -> Double {
    (x.logRatioChosen / Double(x.lengthChosen) - x.logRatioRejected / Double(x.lengthRejected))
      - 1 / (2 * beta)
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
    let gw = g / Double(x.lengthChosen)
    let gl = g / Double(x.lengthRejected)
    return [gw, -gl, -gw, gl]
  }
}
