// The seeded finite instances of claims/pro.md §2 M1, as the checks of pro.dpo-gradient …
// pro.kl-half-closed-form draw them: sizes cycling with the case index, µ and π_ref from
// Dirichlet(a·1) with a cycling over {0.3, 1, 3} (redrawn while min < 1e-6), preferences of
// three kinds, β (0.01 and 3 first, then log-uniform on [0.01, 3]) and evaluation points
// (logits N(0, τ²), free log-probabilities −|ξ| − 10⁻³, τ cycling over {0.1, 1, 5, 20}).
// Reading: case j of claim id draws from ctx.stream(id, index: j) (the engine's seeded
// stream) instead of a gsl_rng_mt19937 seeded by a hash of (seed, id, j); both make a report
// reproducible from its seed.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// M1 draws.
enum PRODecM1 {
  /// The τ cycle of M1's evaluation points.
  static let taus: [Double] = [0.1, 1, 5, 20]
  /// The Dirichlet concentration cycle of M1.
  static let concentrations: [Double] = [0.3, 1, 3]

  /// The stream of case j of claim `id`.
  static func stream(_ ctx: CheckContext, _ id: String, _ j: Int) -> RandomStream {
    ctx.stream(id, index: UInt64(j))
  }

  /// n cycling through `range` with the case index.
  static func size(_ j: Int, _ range: ClosedRange<Int>) -> Int {
    range.lowerBound + j % range.count
  }

  /// β: 0.01 and 3 for the first two cases, then log-uniform on [0.01, 3].
  static func beta(_ j: Int, _ r: inout RandomStream) -> Double {
    if j == 0 { return 0.01 }
    if j == 1 { return 3 }
    return Strata.logUniform(&r, 0.01, 3)
  }

  /// Dirichlet(a·1_n), redrawn while its smallest entry is below 1e-6 (at most 1000 draws;
  /// the last draw is then floored and renormalised, which keeps full support).
  static func distribution(_ n: Int, concentration a: Double, _ r: inout RandomStream) -> [Double] {
    var d = r.dirichlet([Double](repeating: a, count: n))
    var tries = 1
    while (d.min() ?? 0) < 1e-6 && tries < 1000 {
      d = r.dirichlet([Double](repeating: a, count: n))
      tries += 1
    }
    if (d.min() ?? 0) < 1e-6 {
      let f = d.map { max($0, 1e-6) }
      let s = f.reduce(0, +)
      d = f.map { $0 / s }
    }
    return d
  }

  /// A partial-support variant: a random nonempty proper subset set to 0, renormalised.
  static func partial(_ mu: [Double], _ r: inout RandomStream) -> [Double] {
    let n = mu.count
    let zeros = Strata.integer(&r, 1...(n - 1))
    var idx = Array(0..<n)
    for i in 0..<zeros {
      let k = Strata.integer(&r, i...(n - 1))
      idx.swapAt(i, k)
    }
    var out = mu
    for i in idx.prefix(zeros) { out[i] = 0 }
    let s = out.reduce(0, +)
    return out.map { $0 / s }
  }

  /// Kinds of preference matrices.
  enum PreferenceKind { case mixed, deterministic, acyclic }

  /// p on 𝒴²: each unordered pair is 1, 0 or U(0, 1) with equal probability (mixed), 1 or 0
  /// (deterministic), or follows a uniformly random total order (acyclic); p(i≻i) = ½.
  static func preference(_ n: Int, _ kind: PreferenceKind, _ r: inout RandomStream) -> [[Double]] {
    var p = [[Double]](repeating: [Double](repeating: 0.5, count: n), count: n)
    var rank = Array(0..<n)
    if kind == .acyclic {
      for i in 0..<n {
        let k = Strata.integer(&r, i...(n - 1))
        rank.swapAt(i, k)
      }
    }
    for i in 0..<n {
      for j in (i + 1)..<n {
        let v: Double
        switch kind {
        case .mixed:
          let c = Strata.integer(&r, 0...2)
          v = c == 0 ? 1 : c == 1 ? 0 : r.uniform()
        case .deterministic: v = Strata.integer(&r, 0...1) == 0 ? 1 : 0
        case .acyclic: v = rank[i] < rank[j] ? 1 : 0
        }
        p[i][j] = v
        p[j][i] = 1 - v
      }
    }
    return p
  }

  /// A random subset of 0..<n of size k, in increasing order.
  static func subset(_ n: Int, _ k: Int, _ r: inout RandomStream) -> [Int] {
    var idx = Array(0..<n)
    for i in 0..<k {
      let m = Strata.integer(&r, i...(n - 1))
      idx.swapAt(i, m)
    }
    return idx.prefix(k).sorted()
  }

  /// Logits z_y ∼ N(0, τ²).
  static func logits(_ n: Int, tau: Double, _ r: inout RandomStream) -> [Double] {
    (0..<n).map { _ in tau * r.gaussian() }
  }

  /// Free log-probabilities u_y = −|ξ_y| − 10⁻³, ξ ∼ N(0, τ²).
  static func freeLogProbs(_ n: Int, tau: Double, _ r: inout RandomStream) -> [Double] {
    (0..<n).map { _ in -abs(tau * r.gaussian()) - 1e-3 }
  }

  /// log of a distribution (entries > 0).
  static func logs(_ p: [Double]) -> [Double] { p.map { log($0) } }
}
