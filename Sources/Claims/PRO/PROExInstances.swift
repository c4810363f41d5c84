// The catalog's M1 instances (pro.md §2) for the second part of PRO's claims: µ, π_ref by
// Dirichlet(a·1) with a cycling over {0.3, 1, 3} (redrawn while min < 1e-6), β log-uniform on
// [0.01, 3] (cases 0 and 1 at 0.01 and 3), preferences of three kinds, and the scores
// (pairwise, uncentred pointwise, centred pointwise). Case j of claim `id` draws from
// ctx.stream(id, index: j), so a report is reproducible bit for bit.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How ŝ is formed (M1 "Scores").
enum PROExScoreKind: String, Sendable {
  case pairwise, uncentred, centred
}

/// One instance directly on 𝒴_ℋ (m elements, the last is ℋ and unlabeled).
struct PROExInstance: Sendable {
  var index: Int
  var beta: Double
  var mu: [Double]
  var refLogProbs: [Double]
  var muHat: [Double]
  var scores: [Double]
  var kind: PROExScoreKind

  var m: Int { mu.count }
  var loss: PROExHyperLoss {
    PROExHyperLoss(
      beta: beta, mu: mu, refLogProbs: refLogProbs,
      weights: zip(muHat, scores).map { $0 * $1 })
  }

  /// The instance for a counterexample line.
  var inputs: [NamedValue] {
    [NamedValue("case", Double(index)), NamedValue("m", Double(m)), NamedValue("beta", beta)]
      + mu.enumerated().map { NamedValue("mu[\($0)]", $1) }
      + refLogProbs.enumerated().map { NamedValue("logPiRef[\($0)]", $1) }
      + muHat.enumerated().filter { $0.1 > 0 }.map { NamedValue("muHat[\($0.0)]", $0.1) }
      + scores.enumerated().filter { muHat[$0.0] > 0 }.map { NamedValue("s[\($0.0)]", $0.1) }
  }
}

enum PROExInstances {
  /// Dirichlet(a·1_n) with full support: redrawn while min < 1e-6 (M1).
  static func fullSupport(_ r: inout RandomStream, n: Int, a: Double) -> [Double] {
    while true {
      let d = r.dirichlet([Double](repeating: a, count: n))
      if (d.min() ?? 0) >= 1e-6 { return d }
    }
  }

  /// a cycling over {0.3, 1, 3} with the case index.
  static func concentration(_ j: Int) -> Double { [0.3, 1, 3][j % 3] }

  /// β: 0.01 and 3 for cases 0 and 1, log-uniform on [0.01, 3] after.
  static func beta(_ r: inout RandomStream, case j: Int) -> Double {
    if j == 0 { return 0.01 }
    if j == 1 { return 3 }
    return exp(Strata.uniform(&r, log(0.01), log(3)))
  }

  /// p̂ on k labeled responses: each unordered pair 1, 0 or U(0,1) with equal probability.
  static func preferences(_ r: inout RandomStream, k: Int) -> [[Double]] {
    var p = [[Double]](repeating: [Double](repeating: 0.5, count: k), count: k)
    for i in 0..<k {
      for j in (i + 1)..<max(k, i + 1) {
        let kind = r.uniformInt(in: 0...2)
        let v = kind == 0 ? 1.0 : kind == 1 ? 0.0 : r.uniform()
        p[i][j] = v
        p[j][i] = 1 - v
      }
    }
    return p
  }

  /// Scores on the labeled set (indices into 𝒴_ℋ), of `kind`, with µ̂ on it.
  static func scores(
    _ r: inout RandomStream, labeled: [Int], muHat: [Double], kind: PROExScoreKind, m: Int
  ) -> [Double] {
    var s = [Double](repeating: 0, count: m)
    switch kind {
    case .pairwise:
      let p = preferences(&r, k: labeled.count)
      for (a, y) in labeled.enumerated() {
        var acc = 0.0
        for (b, y2) in labeled.enumerated() { acc += muHat[y2] * p[a][b] }
        s[y] = acc - 0.5
      }
    case .uncentred, .centred:
      for y in labeled {
        let count = r.uniformInt(in: 1...5)
        var acc = 0.0
        for _ in 0..<count { acc += r.uniform() < 0.5 ? -0.5 : 0.5 }
        s[y] = acc / Double(count)
      }
      if kind == .centred {
        let mean = labeled.reduce(0.0) { $0 + muHat[$1] * s[$1] }
        for y in labeled { s[y] -= mean }
      }
    }
    return s
  }

  /// An instance on 𝒴_ℋ with m elements (the last is ℋ): L a random subset of size k of
  /// the first m − 1 (k in `labeledRange` clipped to 1…m − 1), µ̂ ∼ Dirichlet(1) on L.
  static func onHyperSpace(
    _ r: inout RandomStream, case j: Int, m: Int, kind: PROExScoreKind,
    labeledRange: ClosedRange<Int>? = nil, muZero: Bool = false
  ) -> PROExInstance {
    let a = concentration(j)
    let beta = beta(&r, case: j)
    var mu = fullSupport(&r, n: m, a: a)
    if muZero {
      let z = r.uniformInt(in: 0...(m - 1))
      mu[z] = 0
      let total = mu.reduce(0, +)
      mu = mu.map { $0 / total }
    }
    let ref = fullSupport(&r, n: m, a: a).map { log($0) }
    let lo = max(1, labeledRange?.lowerBound ?? 1)
    let hi = min(m - 1, labeledRange?.upperBound ?? (m - 1))
    let k = r.uniformInt(in: min(lo, hi)...hi)
    var pool = Array(0..<(m - 1))
    for i in 0..<k { pool.swapAt(i, r.uniformInt(in: i...(m - 2))) }
    let labeled = Array(pool.prefix(k)).sorted()
    let w = r.dirichlet([Double](repeating: 1, count: k))
    var muHat = [Double](repeating: 0, count: m)
    for (i, y) in labeled.enumerated() { muHat[y] = w[i] }
    let s = scores(&r, labeled: labeled, muHat: muHat, kind: kind, m: m)
    return PROExInstance(
      index: j, beta: beta, mu: mu, refLogProbs: ref, muHat: muHat, scores: s, kind: kind)
  }

  /// A random interior base point: log softmax of N(0, τ²) logits.
  static func randomBase(_ r: inout RandomStream, m: Int, tau: Double) -> [Double] {
    logSoftmax((0..<m).map { _ in tau * r.gaussian() })
  }
}
