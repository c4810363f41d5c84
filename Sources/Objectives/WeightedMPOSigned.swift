// W-MPO with the signed deviation, 001_0ef3930bdbd6a134.txt App. D.2 eq. (14)–(16) and
// Algorithm 2 (one sample's L_x):
//   ΔW(y) = S(y) − S_mean(x),  r'_θ(y) = β r_θ(y|x) + α_w ΔW(y),
//   ℓ = −log( Σ_{𝒴⁺} exp r'_θ(y) / Σ_{𝒴⁺∪𝒴⁻} exp r'_θ(y) ).
// Implementation goals: 1) eq. (16) exactly; 2) finite value and gradient for all finite
// inputs whose modified logits are finite (log space, not Algorithm 2's N_x/D_x ratio, which
// overflows for large logits); 3) simplicity.

/// Weighted MPO, App. D.2 eq. (16) with the signed-deviation logits of eq. (14)–(15).
///
/// The gradient is taken with respect to `logProbs` and `refLogProbs` of
/// ``ScoredResponseSet`` (the scores fix the partition and are not differentiated).
public struct WeightedMPOSigned: DeviationWeightedMPO {
  /// β > 0, the inverse temperature on r_θ.
  public var beta: Double
  /// α_w, the deviation scale (any finite real in D.2).
  public var alphaW: Double

  public init(beta: Double, alphaW: Double) {
    self.beta = beta
    self.alphaW = alphaW
  }

  public var name: String { "W-MPO (signed, eq. 16)" }

  public func deviations(_ partition: MeanPartition) -> [Double] { partition.deviations }
  public var deviationSymbol: String { "ΔW" }
  public func validateAlphaW() throws { try Validate.finite(alphaW, "alphaW") }
}
