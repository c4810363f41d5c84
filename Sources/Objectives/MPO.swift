// MPO, the set-level contrast of 001_0ef3930bdbd6a134.txt eq. (4)–(5) and Algorithm 1:
//   P(𝒴⁺ > 𝒴⁻) = Σ_{𝒴⁺} exp(β r_θ(y)) / Σ_{𝒴⁺∪𝒴⁻} exp(β r_θ(y)),   ℓ = −log P,
// r_θ(y) = log π_θ(y|x) − log π_ref(y|x), for one prompt (the expectation in (5) is the
// caller's mean over prompts). Implementation goals: 1) eq. (4)–(5) exactly; 2) finite value
// and gradient for every finite input (log space throughout, see SetContrast.swift);
// 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Multi-Preference Optimization, MPO eq. (5) with the set probability of eq. (4).
///
/// The gradient is taken with respect to the log-probabilities of ``SetPair``
/// (`positive.logProbs`, `positive.refLogProbs`, `negative.logProbs`, `negative.refLogProbs`).
public struct MPO: Objective {
  /// β > 0, the inverse temperature of the utility u(y) = exp(β r_θ(y|x)).
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "MPO" }

  /// The logits β r_θ(y|x), positives first then negatives, with the membership mask.
  public func logits(_ x: SetPair) -> (logits: [Double], positive: [Bool]) {
    let a = (x.positive.logRatios + x.negative.logRatios).map { beta * $0 }
    let mask =
      Array(repeating: true, count: x.positive.count)
      + Array(repeating: false, count: x.negative.count)
    return (a, mask)
  }

  /// log P(𝒴⁺ > 𝒴⁻ | x; θ, β) of eq. (4), in log space (≤ 0).
  public func logSetProbability(_ x: SetPair) throws -> Double {
    try validate(x)
    let (a, mask) = logits(x)
    return SetContrast.logProbability(a, positive: mask)
  }

  /// P(𝒴⁺ > 𝒴⁻ | x; θ, β) of eq. (4).
  public func setProbability(_ x: SetPair) throws -> Double { exp(try logSetProbability(x)) }

  public func loss(_ x: SetPair) throws -> Double { -(try logSetProbability(x)) }

  /// ∂ℓ/∂log π_θ(y) = β g_y and ∂ℓ/∂log π_ref(y) = −β g_y, where
  /// g_y = −(1 − P)·softmax_{𝒴⁺}(βr)_y on 𝒴⁺ and (1 − P)·softmax_{𝒴⁻}(βr)_y on 𝒴⁻.
  public func gradient(_ x: SetPair) throws -> [Double] {
    try validate(x)
    let (a, mask) = logits(x)
    let g = SetContrast.logitGradient(a, positive: mask)
    let np = x.positive.count
    let pos = g[0..<np].map { beta * $0 }
    let neg = g[np...].map { beta * $0 }
    return pos + pos.map { -$0 } + neg + neg.map { -$0 }
  }

  private func validate(_ x: SetPair) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
  }
}
