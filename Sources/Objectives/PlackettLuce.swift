// Plackett–Luce for a full ranking, 001_0ef3930bdbd6a134.txt §3.2:
//   P_PL(ranking) = Π_{i=1}^{K} u(y_(i)) / Σ_{j=i}^{K} u(y_(j)),  u(y) = exp(β r_θ(y|x)),
//   ℓ = −log P_PL = Σ_{i=1}^{K} (L_i − a_i),  a_i = β r_θ(y_(i)),  L_i = logSumExp(a_i…a_K).
// The i = K factor is 1. Implementation goals: 1) the printed product exactly; 2) finite
// value and gradient for all finite inputs — each term is L_i − a_i = softplus(L_{i+1} − a_i)
// ≥ 0 (no cancellation), and ∂ℓ/∂a_j = −σ(L_{j+1} − a_j) + Σ_{i<j} e^{a_j − L_i} avoids the
// 1 − p cancellation of −1 + Σ_{i≤j} e^{a_j − L_i}; 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Plackett–Luce ranking loss, MPO §3.2, with utilities u = exp(β r_θ).
///
/// The gradient is taken with respect to `logProbs` and `refLogProbs` of ``Ranking``.
public struct PlackettLuce: Objective {
  /// β > 0, the inverse temperature of the utilities.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "Plackett-Luce" }

  /// Suffix log-sums L_1…L_K and L_{K+1} = −∞, for logits a.
  static func suffixLogSums(_ a: [Double]) -> [Double] {
    var l = Array(repeating: -Double.infinity, count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      l[i] = i == a.count - 1 ? a[i] : logSumExp(a[i], l[i + 1])
    }
    return l
  }

  /// −log of each factor u(y_(i))/Σ_{j≥i} u(y_(j)), i = 1…K (the last is 0).
  public func factorLosses(_ x: Ranking) throws -> [Double] {
    try validate(x)
    let a = x.logRatios.map { beta * $0 }
    let l = Self.suffixLogSums(a)
    return a.indices.map { i in i == a.count - 1 ? 0 : softplus(l[i + 1] - a[i]) }
  }

  /// log P_PL(ranking) ≤ 0.
  public func logProbability(_ x: Ranking) throws -> Double {
    -(try factorLosses(x)).reduce(0, +)
  }

  public func loss(_ x: Ranking) throws -> Double { try factorLosses(x).reduce(0, +) }

  /// ∂ℓ/∂log π_θ(y_(j)) = β g_j, ∂ℓ/∂log π_ref(y_(j)) = −β g_j, with
  /// g_j = −σ(L_{j+1} − a_j) + Σ_{i<j} e^{a_j − L_i}.
  public func gradient(_ x: Ranking) throws -> [Double] {
    try validate(x)
    let a = x.logRatios.map { beta * $0 }
    let l = Self.suffixLogSums(a)
    var g = [Double](repeating: 0, count: a.count)
    for j in a.indices {
      var s = -sigmoid(l[j + 1] - a[j])
      for i in 0..<j { s += exp(a[j] - l[i]) }
      g[j] = beta * s
    }
    return g + g.map { -$0 }
  }

  private func validate(_ x: Ranking) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
  }
}
