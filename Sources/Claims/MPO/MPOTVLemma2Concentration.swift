// mpo.lemma2.concentration (001_0ef3930bdbd6a134.txt App. E.2 Lemma 2, second inequality,
// "vector-valued Hoeffding or Bernstein"): with probability ≥ 1 − δ,
// (2/m0)‖μ̂n − μ⋆‖ ≤ (C1·R/m0)·√((k + log(1/δ))/n) with C1 universal. The implied constant
// Ĉ1 = 2·Q_{1−δ}(‖μ̂n − μ⋆‖)·√n/(R·√(k + log(1/δ))) must not grow in n or k: OLS exponents
// (per family and δ in n; per n and δ in k of the family mean), bootstrap intervals over the
// repetitions, Bonferroni over all exponents, threshold 0.1 (claims/mpo.md §2).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One cell's ‖μ̂n − μ⋆‖ samples.
struct MPOTVMeanCell: Sendable {
  var k: Int
  var family: Int
  var n: Int
  var radius: Double
  var errors: [Double]
}

extension MPOConvergenceClaims {
  static let lemma2Concentration = Claim(
    id: "mpo.lemma2.concentration", paper: .mpo,
    source: "App. E.2 Lemma 2 (second inequality) and the proof sketch", kind: .bound,
    statement: "With probability ≥ 1 − δ, (2/m0)‖μ̂n − μ⋆‖ ≤ (C1·R/m0)·√((k + log(1/δ))/n), "
      + "C1 universal (independent of n, k, δ and the family)."
  ) { ctx in
    let reps = ctx.count(full: 2000, quick: 200)
    var specs: [(k: Int, f: Int, n: Int)] = []
    for k in MPOTVSim.ks(ctx) {
      for f in 0..<MPOTVSim.familyCount(ctx) {
        for n in MPOTVSim.ns { specs.append((k, f, n)) }
      }
    }
    // Each cell draws from its own stream: cells on both cores, in the serial order.
    let list = specs
    let cells = MPOParallelMap.map(list.count) { i -> MPOTVMeanCell in
      let (k, f, n) = list[i]
      let fam = MPOTVSim.family(ctx, k: k, index: f)
      let p = fam.probabilities(fam.thetaStar)
      let mu = fam.mean(p)
      var r = ctx.stream("mpo.lemma2.concentration/k\(k)/f\(f)", index: UInt64(n))
      var errs: [Double] = []
      errs.reserveCapacity(reps)
      for _ in 0..<reps {
        let c = MPOTVSampler.multinomial(n, p, &r)
        let muHat = MPOTVExpFamilyMLE.empiricalMean(fam, counts: c)
        errs.append(MPOTVLinearAlgebra.norm(zip(muHat, mu).map { $0 - $1 }))
      }
      return MPOTVMeanCell(k: k, family: f, n: n, radius: fam.radius, errors: errs)
    }
    var r = ctx.stream("mpo.lemma2.concentration/bootstrap")
    return try concentrationOutcome(cells, resamples: ctx.count(full: 1000, quick: 200), random: &r)
  }

  /// The (1 − δ) empirical quantile: the ⌈(1 − δ)N⌉-th smallest value (by selection).
  static func upperQuantile(_ v: [Double], delta: Double) -> Double {
    var a = v
    return select(&a, quantileIndex(a.count, delta: delta), below: a.count)
  }

  /// The (1 − δ) empirical quantiles for several δ from one copy of `v`: the order
  /// statistics are selected from the largest index down, each within the part below the
  /// last one (selection leaves a[0..<j] holding the j smallest values), so the values are
  /// exactly upperQuantile's.
  static func upperQuantiles(_ v: [Double], deltas: [Double]) -> [Double] {
    var a = v
    let idx = deltas.map { quantileIndex(a.count, delta: $0) }
    var out = [Double](repeating: 0, count: deltas.count)
    var last: (index: Int, value: Double)?
    for i in idx.indices.sorted(by: { idx[$0] > idx[$1] }) {
      if let l = last, l.index == idx[i] {
        out[i] = l.value
        continue
      }
      out[i] = select(&a, idx[i], below: last?.index ?? a.count)
      last = (idx[i], out[i])
    }
    return out
  }

  /// The index of the ⌈(1 − δ)N⌉-th smallest of N values.
  static func quantileIndex(_ count: Int, delta: Double) -> Int {
    max(0, min(count - 1, Int((Double(count) * (1 - delta)).rounded(.up)) - 1))
  }

  /// The j-th smallest of a[0..<bound] (Hoare selection), leaving a[0..<j] ≤ a[j] ≤ a[j+1..<bound].
  static func select(_ a: inout [Double], _ j: Int, below bound: Int) -> Double {
    var lo = 0
    var hi = bound - 1
    while lo < hi {
      let pivot = a[(lo + hi) / 2]
      var i = lo
      var jj = hi
      while i <= jj {
        while a[i] < pivot { i += 1 }
        while a[jj] > pivot { jj -= 1 }
        if i <= jj { a.swapAt(i, jj); i += 1; jj -= 1 }
      }
      if j <= jj { hi = jj } else if j >= i { lo = i } else { return a[j] }
    }
    return a[j]
  }

  static func impliedC1(_ q: Double, n: Int, k: Int, radius: Double, delta: Double) -> Double {
    2 * q * Double(n).squareRoot() / (radius * (Double(k) + log(1 / delta)).squareRoot())
  }

  /// The exponent rule of mpo.lemma2.concentration (injectable data for mutation tests).
  static func concentrationOutcome(
    _ cells: [MPOTVMeanCell], resamples: Int, random r: inout RandomStream
  ) throws -> CheckOutcome {
    let deltas = [0.1, 0.01]
    let ks = Array(Set(cells.map(\.k))).sorted()
    let ns = Array(Set(cells.map(\.n))).sorted()
    let fams = Array(Set(cells.map(\.family))).sorted()
    func index(_ k: Int, _ f: Int, _ n: Int) -> Int? {
      cells.firstIndex { $0.k == k && $0.family == f && $0.n == n }
    }
    // c1[cell][δ] for the data and for each bootstrap resample.
    @Sendable func c1s(_ errs: (Int) -> [Double]) -> [[Double]] {
      cells.indices.map { i in
        let q = upperQuantiles(errs(i), deltas: deltas)
        return deltas.indices.map { di in
          impliedC1(q[di], n: cells[i].n, k: cells[i].k, radius: cells[i].radius, delta: deltas[di])
        }
      }
    }
    let point = c1s { cells[$0].errors }
    // Resample b draws from its own stream (stream b of a seed taken from `r`), so the
    // resamples run on both cores and the result does not depend on the schedule.
    let base = r.next()
    let boots = MPOParallelMap.map(resamples) { b -> [[Double]] in
      var rb = RandomStream(seed: base, stream: UInt64(b))
      return c1s { i in
        let e = cells[i].errors
        return (0..<e.count).map { _ in e[Int(rb.uniformInt(below: UInt64(e.count)))] }
      }
    }
    // The exponent series: (label, x, cell-index groups whose c1 are averaged per x).
    var series: [(label: String, x: [Double], groups: [[Int]], d: Int)] = []
    for (di, d) in deltas.enumerated() {
      for k in ks {
        for f in fams {
          let idx = ns.compactMap { index(k, f, $0) }
          series.append(("n-exponent k=\(k) family \(f) δ=\(d)", idx.map { Double(cells[$0].n) },
            idx.map { [$0] }, di))
        }
      }
      for n in ns {
        let groups = ks.map { k in fams.compactMap { index(k, $0, n) } }
        series.append(("k-exponent n=\(n) δ=\(d)", ks.map(Double.init), groups, di))
      }
    }
    let level = 1 - 0.05 / Double(series.count)
    let z = try MPOTVSlope.z(level)
    var fits: [MPOTVExponent] = []
    for s in series {
      let lx = s.x.map { log($0) }
      func yv(_ c: [[Double]]) -> [Double] {
        s.groups.map { g in log(MPOTVSlope.mean(g.map { c[$0][s.d] })) }
      }
      let slope = s.x.count >= 3
        ? try RateFit.logLogSlope(x: s.x, y: s.groups.map { g in MPOTVSlope.mean(g.map { point[$0][s.d] }) }).slope
        : MPOTVSlope.olsSlope(lx, yv(point))
      let bs = boots.map { MPOTVSlope.olsSlope(lx, yv($0)) }
      let bm = MPOTVSlope.mean(bs)
      let se = (bs.reduce(0) { $0 + ($1 - bm) * ($1 - bm) } / Double(max(bs.count - 1, 1))).squareRoot()
      fits.append(MPOTVExponent(label: s.label, slope: slope, standardError: se,
        lower: slope - z * se, upper: slope + z * se))
    }
    let v = MPOTVSlope.upperRule(fits, threshold: 0.1)
    let supC1 = point.flatMap { $0 }.max() ?? 0
    let worst = fits.max { $0.upper < $1.upper }
    var cx: Counterexample?
    if v == .refuted, let bad = fits.first(where: { $0.lower > 0.1 }) {
      cx = Counterexample(inputs: [NamedValue("lower end", bad.lower)],
        detail: "\(bad.line): lower end > 0.1 (Ĉ1 grows)")
    }
    let nfits = fits.filter { $0.label.hasPrefix("n-") }
    let kfits = fits.filter { $0.label.hasPrefix("k-") }
    return CheckOutcome(verdict: v,
      summary: "\(fits.count) exponents of Ĉ1 at level \(format3(level)): n-exponents "
        + "\(format3(nfits.map(\.slope).min() ?? 0))…\(format3(nfits.map(\.slope).max() ?? 0)), "
        + "k-exponents \(format3(kfits.map(\.slope).min() ?? 0))…"
        + "\(format3(kfits.map(\.slope).max() ?? 0)); largest upper end \(worst?.line ?? "")",
      notes: [
        "sup Ĉ1 = \(format3(supC1)) (sanity value 4: McDiarmid on ‖μ̂ − μ⋆‖, bounded differences "
          + "2R/n, gives P(‖μ̂ − μ⋆‖ ≥ E‖μ̂ − μ⋆‖ + t) ≤ exp(−n t²/(2R²)); with "
          + "E‖μ̂ − μ⋆‖ ≤ √(E‖μ̂ − μ⋆‖²) ≤ R/√n this gives ‖μ̂ − μ⋆‖ ≤ (R/√n)(1 + √(2 log(1/δ))) "
          + "≤ 2(R/√n)√(k + log(1/δ)) for k ≥ 1, i.e. C1 = 4)",
        "repetitions per cell: \(cells.first?.errors.count ?? 0); bootstrap resamples: \(resamples)",
      ] + fits.map(\.line), counterexample: cx)
  }
}
