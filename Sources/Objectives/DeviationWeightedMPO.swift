// The shared mechanics of the two printed W-MPO variants (001_0ef3930bdbd6a134.txt §4.4
// eq. 6–8 and App. D.2 eq. 14–16): both add α_w times a score deviation to the logits
// β r_θ(y) and contrast the preferred set against all responses,
//   ℓ = −log( Σ_{𝒴⁺} exp r'_θ(y) / Σ_{𝒴⁺∪𝒴⁻} exp r'_θ(y) ),  r'_θ = β r_θ + α_w ΔW.
// They differ only in ΔW (absolute or signed deviation from the mean score), which each
// conforming type supplies; everything else is written once here.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A W-MPO variant: the deviation ΔW it adds to the logits and the rule its α_w obeys.
public protocol DeviationWeightedMPO: Objective where Input == ScoredResponseSet {
  var beta: Double { get }
  var alphaW: Double { get }
  /// ΔW(y_i) for each response of the set.
  func deviations(_ partition: MeanPartition) -> [Double]
  /// The printed name of ΔW, for error messages ("ΔW_abs", "ΔW").
  var deviationSymbol: String { get }
  /// Validates α_w (the variants admit different ranges).
  func validateAlphaW() throws
}

extension DeviationWeightedMPO {
  /// r'_θ(y_i | x; α_w) and the mask of 𝒴⁺.
  public func logits(_ x: ScoredResponseSet) throws -> (logits: [Double], positive: [Bool]) {
    try Validate.positive(beta, "beta")
    try validateAlphaW()
    try x.validate()
    let p = x.partition
    let a = zip(x.logRatios, deviations(p)).map { beta * $0 + alphaW * $1 }
    for (i, v) in a.enumerated() where !v.isFinite {
      throw ObjectiveError(
        field: "logits[\(i)]", value: "\(v)", rule: "β·r_θ + α_w·\(deviationSymbol) must be finite")
    }
    return (a, p.positive)
  }

  /// The multiplicative weights exp(α_w ΔW(y_i)) equivalent to the additive logits.
  public func weights(_ x: ScoredResponseSet) -> [Double] {
    deviations(x.partition).map { exp(alphaW * $0) }
  }

  /// log of the set probability inside the loss (≤ 0), in log space.
  public func logSetProbability(_ x: ScoredResponseSet) throws -> Double {
    let (a, mask) = try logits(x)
    return SetContrast.logProbability(a, positive: mask)
  }

  public func loss(_ x: ScoredResponseSet) throws -> Double { -(try logSetProbability(x)) }

  /// ∂ℓ/∂log π_θ(y_i) = β g_i, ∂ℓ/∂log π_ref(y_i) = −β g_i, g = ∂ℓ/∂r′ (SetContrast).
  public func gradient(_ x: ScoredResponseSet) throws -> [Double] {
    let (a, mask) = try logits(x)
    let g = SetContrast.logitGradient(a, positive: mask).map { beta * $0 }
    return g + g.map { -$0 }
  }
}
