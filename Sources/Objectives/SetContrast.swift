// The set-level contrast shared by MPO (eq. 4–5) and the W-MPO variants (eq. 8, 16, G.1)
// of 001_0ef3930bdbd6a134.txt: for logits a_i and a membership mask (i ∈ 𝒴⁺),
//   −log( Σ_{𝒴⁺} e^{a_i} / Σ_{𝒴⁺∪𝒴⁻} e^{a_i} ) = softplus(B − A),
//   A = logSumExp_{𝒴⁺}(a), B = logSumExp_{𝒴⁻}(a),
// and its derivative ∂/∂a_i = −σ(B − A)·softmax_{𝒴⁺}(a)_i on 𝒴⁺, +σ(B − A)·softmax_{𝒴⁻}(a)_i
// on 𝒴⁻. Goals: 1) the printed ratio exactly; 2) finite value and gradient for all finite
// logits (no e^{a} is ever formed unshifted; no 1 − p cancellation); 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The set-level negative log-probability −log P(𝒴⁺ > 𝒴⁻) for given logits.
enum SetContrast {
  /// log-sum-exp of the positive logits (A) and of the negative logits (B); B = −∞ when
  /// 𝒴⁻ is empty.
  static func logMasses(_ a: [Double], positive: [Bool]) -> (a: Double, b: Double) {
    var pos: [Double] = []
    var neg: [Double] = []
    for (x, p) in zip(a, positive) {
      if p { pos.append(x) } else { neg.append(x) }
    }
    return (logSumExp(pos), logSumExp(neg))
  }

  /// log P(𝒴⁺ > 𝒴⁻) = −softplus(B − A) ≤ 0 (0 exactly when 𝒴⁻ is empty).
  static func logProbability(_ a: [Double], positive: [Bool]) -> Double {
    let (pa, nb) = logMasses(a, positive: positive)
    if nb == -.infinity { return 0 }
    return -softplus(nb - pa)
  }

  /// ∂(−log P)/∂a_i.
  static func logitGradient(_ a: [Double], positive: [Bool]) -> [Double] {
    let (pa, nb) = logMasses(a, positive: positive)
    if nb == -.infinity { return Array(repeating: 0, count: a.count) }
    let q = sigmoid(nb - pa)  // 1 − P(𝒴⁺ > 𝒴⁻), computed without cancellation
    return zip(a, positive).map { x, p in
      p ? -q * exp(x - pa) : q * exp(x - nb)
    }
  }
}
