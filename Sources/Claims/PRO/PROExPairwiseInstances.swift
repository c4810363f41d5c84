// M1 instances on 𝒴 itself (pro.md §2) for the Theorem 4.3 checks: logits θ, θ_ref, a labeled
// set L (k ∈ 2…n − 1), µ̂ ∼ Dirichlet(1) on L, p̂ of three kinds, pairwise ŝ, a nonempty
// ℋ ⊆ 𝒴 \ L, ρ ∼ Dirichlet(1) on 𝒴_ℋ \ L (ℋ's mass put on its first member, which Eq. (6)
// aggregates back), η ∼ U(0.02, 0.98); and the T-round rule of M6.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pairwise-feedback instance on 𝒴 with a hyper response and η, ρ for Eq. (9).
struct PROExPairwiseInstance: Sendable {
  var index: Int
  var beta: Double
  var eta: Double
  var logits: [Double]
  var refLogits: [Double]
  var muHat: [Double]
  var preference: [[Double]]
  var rho: [Double]
  var hyper: [Int]
  var scores: [Double]

  var n: Int { logits.count }
  var mubar: [Double] { PROPTheorem43.mubar(eta: eta, muHat: muHat, rho: rho) }

  func proInput(logits z: [Double]? = nil) -> PROInput {
    PROInput(
      logits: z ?? logits, refLogits: refLogits, mu: mubar, muHat: muHat, scores: scores,
      hyperResponse: hyper)
  }

  func propInput(logits z: [Double]? = nil) -> PROPInput {
    PROPInput(
      logits: z ?? logits, refLogits: refLogits, muHat: muHat, preference: preference, rho: rho,
      hyperResponse: hyper)
  }

  var inputs: [NamedValue] {
    [
      NamedValue("case", Double(index)), NamedValue("n", Double(n)), NamedValue("beta", beta),
      NamedValue("eta", eta),
    ] + logits.enumerated().map { NamedValue("theta[\($0)]", $1) }
      + refLogits.enumerated().map { NamedValue("thetaRef[\($0)]", $1) }
      + muHat.enumerated().filter { $0.1 > 0 }.map { NamedValue("muHat[\($0.0)]", $0.1) }
      + rho.enumerated().filter { $0.1 > 0 }.map { NamedValue("rho[\($0.0)]", $0.1) }
      + hyper.map { NamedValue("H member", Double($0)) }
  }
}

enum PROExPairwiseInstances {
  /// Preference kinds: 0 mixed (M1), 1 deterministic tournament, 2 acyclic deterministic.
  static func draw(
    _ r: inout RandomStream, case j: Int, n: Int, preferenceKind: Int = 0, tau: Double? = nil
  ) -> PROExPairwiseInstance {
    let beta = PROExInstances.beta(&r, case: j)
    let eta = Strata.uniform(&r, 0.02, 0.98)
    let t = tau ?? [0.1, 1, 5, 20][j % 4]
    let logits = (0..<n).map { _ in t * r.gaussian() }
    let refLogits = PROExInstances.fullSupport(&r, n: n, a: PROExInstances.concentration(j))
      .map { log($0) }
    let k = r.uniformInt(in: 2...(n - 1))
    var pool = Array(0..<n)
    for i in 0..<n { pool.swapAt(i, r.uniformInt(in: i...(n - 1))) }
    let labeled = Array(pool.prefix(k))
    let unlabeled = Array(pool.dropFirst(k))
    // ℋ: a random nonempty subset of the unlabeled responses (one-element and full included).
    let h = r.uniformInt(in: 1...unlabeled.count)
    let hyper = Array(unlabeled.prefix(h)).sorted()
    let w = r.dirichlet([Double](repeating: 1, count: k))
    var muHat = [Double](repeating: 0, count: n)
    for (i, y) in labeled.enumerated() { muHat[y] = w[i] }
    var p = [[Double]](repeating: [Double](repeating: 0.5, count: n), count: n)
    let order = labeled.shuffledIndices(&r)
    for a in 0..<k {
      for b in (a + 1)..<max(k, a + 1) {
        let v: Double
        switch preferenceKind {
        case 2: v = order[a] < order[b] ? 1 : 0
        case 1: v = r.uniform() < 0.5 ? 1 : 0
        default:
          let kind = r.uniformInt(in: 0...2)
          v = kind == 0 ? 1.0 : kind == 1 ? 0.0 : r.uniform()
        }
        p[labeled[a]][labeled[b]] = v
        p[labeled[b]][labeled[a]] = 1 - v
      }
    }
    // ρ on 𝒴_ℋ \ L: the unlabeled singletons and ℋ (its mass on its first member).
    let targets = unlabeled.filter { !hyper.contains($0) } + [hyper[0]]
    let rw = r.dirichlet([Double](repeating: 1, count: targets.count))
    var rho = [Double](repeating: 0, count: n)
    for (i, y) in targets.enumerated() { rho[y] = rw[i] }
    var s = [Double](repeating: 0, count: n)
    for y in labeled {
      var acc = 0.0
      for y2 in labeled { acc += muHat[y2] * p[y][y2] }
      s[y] = acc - 0.5
    }
    return PROExPairwiseInstance(
      index: j, beta: beta, eta: eta, logits: logits, refLogits: refLogits, muHat: muHat,
      preference: p, rho: rho, hyper: hyper, scores: s)
  }
}

extension Array where Element == Int {
  /// A uniformly random rank for each position (a random total order).
  fileprivate func shuffledIndices(_ r: inout RandomStream) -> [Int] {
    var ranks = Array(0..<count)
    for i in 0..<count { ranks.swapAt(i, r.uniformInt(in: i...(count - 1))) }
    return ranks
  }
}

/// M6 T-round: |a − b| ≤ 4Nε·S + 4ε·C.
enum PROExTolerance {
  static func round(terms n: Int, sum s: Double, conditioning c: Double = 0) -> Tolerance {
    Tolerance(
      absolute: 4 * Double(n) * Double.ulpOfOne * abs(s) + 4 * Double.ulpOfOne * abs(c),
      relative: 0,
      reason: "T-round = 4Nε·S + 4ε·C, N = \(n), S = \(format3(s)), C = \(format3(c)) (M6)")
  }

  /// T-fd (M6) with the reading that the rounding of each loss evaluation enters too:
  /// |g − fd| ≤ 2·abserr + T-round(g) + T-round(f)/h. GSL's abserr estimates rounding from
  /// |f(x ± h)| alone, not from the sums and the shifted log-probabilities u = θ − logSumExp(θ)
  /// behind f, whose rounding T-round(f) reaches the central difference divided by h.
  static func finiteDifference(
    abserr: Double, gradientRound: Double, valueRound: Double, step h: Double
  ) -> Tolerance {
    Tolerance(
      absolute: 2 * abserr + gradientRound + valueRound / h, relative: 0,
      reason: "T-fd = 2·abserr + T-round(g) + T-round(f)/h (M6; f's rounding read in)")
  }
}
