// W-MPO with the absolute deviation, 001_0ef3930bdbd6a134.txt §4.4 eq. (6)–(8):
//   ΔW_abs(y) = |S(y) − S_mean(x)|,  r'_θ(y) = β r_θ(y|x) + α_w ΔW_abs(y),
//   ℓ = −log( Σ_{𝒴⁺} exp r'_θ(y) / Σ_{𝒴⁺∪𝒴⁻} exp r'_θ(y) ),
// with the mean partition of eq. (12)–(13). Implementation goals: 1) eq. (8) exactly;
// 2) finite value and gradient for all finite inputs whose modified logits are finite;
// 3) simplicity. (App. D.2's signed variant is ``WeightedMPOSigned``; they differ whenever
// some rejected response has S(y) < S_mean and α_w ≠ 0.)

/// Weighted MPO, §4.4 eq. (8) with the absolute-deviation logits of eq. (6)–(7).
///
/// The gradient is taken with respect to `logProbs` and `refLogProbs` of
/// ``ScoredResponseSet`` (the scores fix the partition and are not differentiated).
public struct WeightedMPOAbsolute: DeviationWeightedMPO {
  /// β > 0, the inverse temperature on r_θ.
  public var beta: Double
  /// α_w, the deviation scale: > 0 as printed in §4.4; 0 is also admitted (the α_w → 0
  /// limit, where eq. (8) is MPO on the mean partition).
  public var alphaW: Double

  public init(beta: Double, alphaW: Double) {
    self.beta = beta
    self.alphaW = alphaW
  }

  public var name: String { "W-MPO (abs, eq. 8)" }

  public func deviations(_ partition: MeanPartition) -> [Double] { partition.absoluteDeviations }
  public var deviationSymbol: String { "ΔW_abs" }
  public func validateAlphaW() throws { try Validate.nonNegative(alphaW, "alphaW") }
}
