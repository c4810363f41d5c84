// W-MPO with the signed deviation, 001_0ef3930bdbd6a134.txt App. D.2 eq. (14)–(16) and
// Algorithm 2 (one sample's L_x):
//   ΔW(y) = S(y) − S_mean(x),  r'_θ(y) = β r_θ(y|x) + α_w ΔW(y),
//   ℓ = −log( Σ_{𝒴⁺} exp r'_θ(y) / Σ_{𝒴⁺∪𝒴⁻} exp r'_θ(y) ).
// Implementation goals: 1) eq. (16) exactly; 2) finite value and gradient for all finite
// inputs whose modified logits are finite (log space, not Algorithm 2's N_x/D_x ratio, which
// overflows for large logits); 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Weighted MPO, App. D.2 eq. (16) with the signed-deviation logits of eq. (14)–(15).
///
/// The gradient is taken with respect to `logProbs` and `refLogProbs` of
/// ``ScoredResponseSet`` (the scores fix the partition and are not differentiated).
public struct WeightedMPOSigned: Objective {
  /// β > 0, the inverse temperature on r_θ.
  public var beta: Double
  /// α_w, the deviation scale (any finite real in D.2).
  public var alphaW: Double

  public init(beta: Double, alphaW: Double) {
    self.beta = beta
    self.alphaW = alphaW
  }

  public var name: String { "W-MPO (signed, eq. 16)" }

  /// r'_θ(y_i | x; α_w) of eq. (15) and the mask of 𝒴⁺.
  public func logits(_ x: ScoredResponseSet) throws -> (logits: [Double], positive: [Bool]) {
    try validate(x)
    let p = x.partition
    let a = zip(x.logRatios, p.deviations).map { beta * $0 + alphaW * $1 }
    for (i, v) in a.enumerated() where !v.isFinite {
      throw ObjectiveError(
        field: "logits[\(i)]", value: "\(v)", rule: "β·r_θ + α_w·ΔW must be finite")
    }
    return (a, p.positive)
  }

  /// w_exp(y_i) = exp(α_w ΔW(y_i)), the multiplicative weights D.2 says are equivalent.
  public func weights(_ x: ScoredResponseSet) -> [Double] {
    x.partition.deviations.map { exp(alphaW * $0) }
  }

  /// log(N_x / D_x) of Algorithm 2 line 23, in log space (≤ 0).
  public func logSetProbability(_ x: ScoredResponseSet) throws -> Double {
    let (a, mask) = try logits(x)
    return SetContrast.logProbability(a, positive: mask)
  }

  public func loss(_ x: ScoredResponseSet) throws -> Double { -(try logSetProbability(x)) }

  /// ∂ℓ/∂log π_θ(y_i) = β g_i, ∂ℓ/∂log π_ref(y_i) = −β g_i, g = ∂ℓ/∂r' (SetContrast).
  public func gradient(_ x: ScoredResponseSet) throws -> [Double] {
    let (a, mask) = try logits(x)
    let g = SetContrast.logitGradient(a, positive: mask).map { beta * $0 }
    return g + g.map { -$0 }
  }

  private func validate(_ x: ScoredResponseSet) throws {
    try Validate.positive(beta, "beta")
    try Validate.finite(alphaW, "alphaW")
    try x.validate()
  }
}
