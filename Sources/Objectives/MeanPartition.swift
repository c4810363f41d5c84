// The mean-threshold partition of 001_0ef3930bdbd6a134.txt App. D.2 eq. (11)–(14) (also
// §4.4 and App. G.1): S_mean = (1/N) Σ_j S(y_j) by left-to-right float64 summation, as an
// implementation would compute it; 𝒴⁺ = {S > S_mean}, 𝒴⁻ = {S ≤ S_mean}; ΔW = S − S_mean.

/// The partition of N scored responses at their mean.
public struct MeanPartition: Hashable, Sendable {
  /// S_mean(x), eq. (11).
  public var mean: Double
  /// positive[i] ⇔ S(y_i) > S_mean (eq. 12); otherwise y_i ∈ 𝒴⁻ (eq. 13).
  public var positive: [Bool]
  /// ΔW(y_i) = S(y_i) − S_mean, the signed deviation of eq. (14).
  public var deviations: [Double]

  public init(scores: [Double]) {
    let m = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    mean = m
    positive = scores.map { $0 > m }
    deviations = scores.map { $0 - m }
  }

  /// ΔW_abs(y_i) = |S(y_i) − S_mean|, eq. (6); equals G.1's δ_i (S_i − S_mean on 𝒴⁺,
  /// S_mean − S_i off it).
  public var absoluteDeviations: [Double] { deviations.map { abs($0) } }
}
