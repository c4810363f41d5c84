// W-MPO with the absolute deviation, 001_0ef3930bdbd6a134.txt §4.4 eq. (6)–(8):
//   ΔW_abs(y) = |S(y) − S_mean(x)|,  r'_θ(y) = β r_θ(y|x) + α_w ΔW_abs(y),
//   ℓ = −log( Σ_{𝒴⁺} exp r'_θ(y) / Σ_{𝒴⁺∪𝒴⁻} exp r'_θ(y) ),
// with the mean partition of eq. (12)–(13). Implementation goals: 1) eq. (8) exactly;
// 2) finite value and gradient for all finite inputs whose modified logits are finite;
// 3) simplicity. (App. D.2's signed variant is ``WeightedMPOSigned``; they differ whenever
// some rejected response has S(y) < S_mean and α_w ≠ 0.)
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Weighted MPO, §4.4 eq. (8) with the absolute-deviation logits of eq. (6)–(7).
///
/// The gradient is taken with respect to `logProbs` and `refLogProbs` of
/// ``ScoredResponseSet`` (the scores fix the partition and are not differentiated).
public struct WeightedMPOAbsolute: Objective {
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

  /// r'_θ(y_i | x; α_w) of eq. (7) and the mask of 𝒴⁺.
  public func logits(_ x: ScoredResponseSet) throws -> (logits: [Double], positive: [Bool]) {
    try validate(x)
    let p = x.partition
    let a = zip(x.logRatios, p.absoluteDeviations).map { beta * $0 + alphaW * $1 }
    for (i, v) in a.enumerated() where !v.isFinite {
      throw ObjectiveError(
        field: "logits[\(i)]", value: "\(v)", rule: "β·r_θ + α_w·ΔW_abs must be finite")
    }
    return (a, p.positive)
  }

  /// The multiplicative weights exp(α_w ΔW_abs(y_i)) equivalent to the additive logits.
  public func weights(_ x: ScoredResponseSet) -> [Double] {
    x.partition.absoluteDeviations.map { exp(alphaW * $0) }
  }

  /// log of the set probability inside eq. (8) (≤ 0).
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
    try Validate.nonNegative(alphaW, "alphaW")
    try x.validate()
  }
}
