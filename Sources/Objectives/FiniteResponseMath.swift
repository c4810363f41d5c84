// Shared pieces of the finite-response-set objectives of PRO (002_74b446355a07bf4a.txt,
// PRO-formulas.md §2–5): the policy is π_θ = softmax(θ) over a finite set 𝒴, the reference
// π_ref = softmax(θ_ref), and losses are written in the log-probabilities u = logSoftmax(θ).
// This file holds the validation of such inputs, the chain rule from ∂L/∂u to ∂L/∂θ, and the
// pair regularizer ½·Σ_{a,b} µ_a µ_b K(r_a − r_b) that eDPO and sample eDPO share.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum FiniteResponseMath {
  /// ∂L/∂θ from ∂L/∂u for u = logSoftmax(θ): ∂L/∂θ_k = g_k − π_k·Σ_j g_j.
  static func logitGradient(_ g: [Double], logProbs u: [Double]) -> [Double] {
    let total = g.reduce(0, +)
    return zip(g, u).map { gk, uk in gk - exp(uk) * total }
  }

  /// Σ_{a,b} µ_a µ_b K(r_a − r_b) and its gradient with respect to r
  /// (∂/∂r_a = 2·Σ_b µ_a µ_b K′(r_a − r_b), since K′ is odd).
  static func pairDivergence(mu: [Double], rewards r: [Double]) -> (value: Double, gradR: [Double])
  {
    var value = 0.0
    var g = [Double](repeating: 0, count: r.count)
    for a in r.indices where mu[a] > 0 {
      for b in r.indices where mu[b] > 0 && b != a {
        let w = mu[a] * mu[b]
        let d = r[a] - r[b]
        value += w * BernoulliHalfKL.value(d)
        g[a] += 2 * w * BernoulliHalfKL.derivative(d)
      }
    }
    return (value, g)
  }

  /// Logits: at least 2 entries, all finite.
  static func validateLogits(_ xs: [Double], _ field: String) throws {
    try Validate.atLeast(xs.count, 2, "\(field).count")
    try Validate.allFinite(xs, field)
  }

  /// A finite vector with as many entries as `logits` (reference logits, scores).
  static func validateCompanion(
    _ xs: [Double], _ field: String, count n: Int, logitsField: String = "logits"
  ) throws {
    if xs.count != n {
      throw ObjectiveError(
        field: field, value: "\(xs.count) elements",
        rule: "must have as many elements as \(logitsField) (\(n))")
    }
    try Validate.allFinite(xs, field)
  }

  /// A distribution on 𝒴 with as many entries as `logits`.
  static func validateDistribution(
    _ p: [Double], _ field: String, count n: Int, logitsField: String = "logits"
  ) throws {
    if p.count != n {
      throw ObjectiveError(
        field: field, value: "\(p.count) elements",
        rule: "must have as many elements as \(logitsField) (\(n))")
    }
    try Validate.distribution(p, field)
  }

  /// The tolerance on p(i≻j) + p(j≻i) = 1: as `Validate.distribution`'s 1e-9, far above the
  /// one rounding (≤ ε) of storing p and 1 − p, far below any real labelling mistake.
  static let complementTolerance = 1e-9

  /// An n×n preference matrix p(i≻j) ∈ [0, 1] with p(i≻j) + p(j≻i) = 1 (hence p(i≻i) = ½),
  /// checked on the index pairs where `checked(i, j)` is true.
  static func validatePreference(
    _ p: [[Double]], _ field: String, count n: Int, checked: (Int, Int) -> Bool = { _, _ in true }
  ) throws {
    if p.count != n {
      throw ObjectiveError(
        field: field, value: "\(p.count) rows", rule: "must have as many rows as logits (\(n))")
    }
    for i in 0..<n {
      if p[i].count != n {
        throw ObjectiveError(
          field: "\(field)[\(i)]", value: "\(p[i].count) elements",
          rule: "must have as many elements as logits (\(n))")
      }
      for j in 0..<n {
        try Validate.finite(p[i][j], "\(field)[\(i)][\(j)]")
      }
    }
    for i in 0..<n {
      for j in 0..<n where checked(i, j) {
        try Validate.inClosedInterval(p[i][j], 0, 1, "\(field)[\(i)][\(j)]")
        let s = p[i][j] + p[j][i]
        if abs(s - 1) > complementTolerance {
          throw ObjectiveError(
            field: "\(field)[\(i)][\(j)]",
            value: "\(p[i][j]) (with \(field)[\(j)][\(i)] = \(p[j][i]))",
            rule: "must satisfy p(i≻j) + p(j≻i) = 1 within \(complementTolerance)")
        }
      }
    }
  }

  /// A hyper response ℋ: non-empty, distinct indices in 0..<n, none labeled (µ̂ = 0 on ℋ).
  static func validateHyperResponse(_ h: [Int], count n: Int, muHat: [Double]) throws {
    try Validate.nonEmpty(h, "hyperResponse")
    var seen = Set<Int>()
    for (k, i) in h.enumerated() {
      if i < 0 || i >= n {
        throw ObjectiveError(
          field: "hyperResponse[\(k)]", value: "\(i)", rule: "must be an index in 0..<\(n)")
      }
      if !seen.insert(i).inserted {
        throw ObjectiveError(
          field: "hyperResponse[\(k)]", value: "\(i)", rule: "must not repeat an index")
      }
      if muHat[i] != 0 {
        throw ObjectiveError(
          field: "muHat[\(i)]", value: "\(muHat[i])",
          rule: "must be 0 for a member of the hyper response (ℋ ⊆ 𝒴 \\ supp(µ̂))")
      }
    }
  }
}
