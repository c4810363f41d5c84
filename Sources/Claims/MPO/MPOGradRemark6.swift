// mpo.remark6.small-eta — 001_0ef3930bdbd6a134.txt App. H.2 Remark 6: the linear
// approximation of Lemma 9 is accurate "for small learning rates η and a limited number of
// iterations t". On the FS trajectories of `mpo.lemma9.linear-approx`, at each fixed
// t ∈ {10, 10², 10³, 10⁴} the exponent p_t of OLS log(instance-mean ε) on log η over
// η ∈ {1e-4, …, 1e-1} gets the interval p_t ± z·SE (SE from 1000 bootstrap resamples of the
// instances, z at level 1 − 0.05/4). Confirmed if every lower end > 0; refuted if some upper
// end ≤ 0; inconclusive otherwise. TAB is reported the same way.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let remark6SmallEta = Claim(
    id: "mpo.remark6.small-eta", paper: .mpo, source: "App. H.2 Remark 6", kind: .limit,
    statement: "The linear approximation of Lemma 9 is accurate when A_t, B_t, Z_t stay close to "
      + "A₀, B₀, Z₀ and the scores stay small: for small learning rates η and a limited number of iterations t."
  ) { ctx in
    let runs = MPOGradLemma9Trajectories.all(
      ctx, instances: ctx.count(full: 200, quick: 3), steps: ctx.count(full: 10_000, quick: 1_000),
      etas: [1e-4, 1e-3, 1e-2, 1e-1])
    return try remark6Verdict(ctx, fs: runs.fs, tab: runs.tab)
  }

  /// p_t with its bootstrap interval at each table time t ≥ 10.
  static func remark6Exponents(_ ctx: CheckContext, _ runs: [[MPOGradLemma9Run]], z: Double, label: String)
    -> [(t: Int, p: Double, lower: Double, upper: Double)]
  {
    guard let first = runs.first else { return [] }
    let etas = first.map(\.eta)
    var out: [(Int, Double, Double, Double)] = []
    for (ti, t) in first[0].times.enumerated() where t >= 10 {
      func slope(_ idx: [Int]) -> Double? {
        let ys = etas.indices.map { ei in idx.map { runs[$0][ei].relative[ti] }.reduce(0, +) / Double(idx.count) }
        guard ys.allSatisfy({ $0 > 0 }) else { return nil }
        return MPOGradTrajectory.ols(etas.map { log($0) }, ys.map { log($0) })?.slope
      }
      guard let p = slope(Array(runs.indices)) else { continue }
      var r = ctx.stream("remark6 bootstrap \(label)", index: UInt64(t))
      var bs: [Double] = []
      for _ in 0..<1_000 {
        let idx = runs.indices.map { _ in r.uniformInt(in: 0...(runs.count - 1)) }
        if let b = slope(idx) { bs.append(b) }
      }
      let m = bs.reduce(0, +) / Double(max(bs.count, 1))
      let se = (bs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(bs.count - 1, 1))).squareRoot()
      out.append((t, p, p - z * se, p + z * se))
    }
    return out
  }

  static func remark6Verdict(_ ctx: CheckContext, fs: [[MPOGradLemma9Run]], tab: [[MPOGradLemma9Run]]) throws
    -> CheckOutcome
  {
    // Two-sided z at level 1 − 0.05/4 (Bonferroni over the four t).
    let z = try StandardNormal.quantile(1 - 0.05 / 8).value
    let pf = remark6Exponents(ctx, fs, z: z, label: "FS")
    let pt = remark6Exponents(ctx, tab, z: z, label: "TAB")
    func line(_ e: [(t: Int, p: Double, lower: Double, upper: Double)]) -> String {
      e.map { "t=\($0.t): p=\(format3($0.p)) [\(format3($0.lower)), \(format3($0.upper))]" }.joined(separator: "; ")
    }
    var notes = ["FS exponents p_t of ε on η (z = \(format3(z))): \(line(pf))",
                 "TAB exponents (reported): \(line(pt))"]
    // Also reported: growth with t at fixed η; ηt-only vs two-variable fits; fits on κ and s̄.
    if let first = fs.first {
      var incr: [String] = []
      var xs: [(lt: Double, le: Double, lse: Double, lk: Double, ls: Double)] = []
      for (ei, eta) in first.map(\.eta).enumerated() {
        let means = first[ei].times.indices.map { ti in fs.map { $0[ei].relative[ti] }.reduce(0, +) / Double(fs.count) }
        incr.append("η=\(formatNumber(eta)): \(zip(means.dropFirst(), means).allSatisfy { $0 >= $1 } ? "increasing" : "not monotone")")
        for (ti, t) in first[ei].times.enumerated() where means[ti] > 0 && t >= 10 {
          let k = fs.map { $0[ei].kappa[ti] }.reduce(0, +) / Double(fs.count)
          let sb = fs.map { $0[ei].maxScore[ti] }.reduce(0, +) / Double(fs.count)
          xs.append((log(eta * Double(t)), log(eta), log(means[ti]), log(max(k, 1e-300)), log(max(sb, 1e-300))))
        }
      }
      notes.append("ε against t at fixed η: " + incr.joined(separator: ", "))
      if let f1 = MPOGradTrajectory.ols(xs.map(\.lt), xs.map(\.lse)) {
        let res1 = zip(xs.map(\.lt), xs.map(\.lse)).map { pow($0.1 - f1.intercept - f1.slope * $0.0, 2) }.reduce(0, +)
        // Two-variable fit log ε = a + b log(ηt) + c log η via the normal equations.
        let res2 = twoVariableResidual(xs.map(\.lt), xs.map(\.le), xs.map(\.lse))
        notes.append("fit on ηt alone: log ε = \(format3(f1.intercept)) + \(format3(f1.slope))·log(ηt), RSS \(format3(res1)); "
          + "with log η added: RSS \(format3(res2))")
      }
      if let fk = MPOGradTrajectory.ols(xs.map(\.lk), xs.map(\.lse)) {
        notes.append("fit on κ: log ε = \(format3(fk.intercept)) + \(format3(fk.slope))·log κ")
      }
      if let fsb = MPOGradTrajectory.ols(xs.map(\.ls), xs.map(\.lse)) {
        notes.append("fit on s̄: log ε = \(format3(fsb.intercept)) + \(format3(fsb.slope))·log s̄")
      }
    }
    if pf.isEmpty { return CheckOutcome(verdict: .inconclusive, summary: "no FS exponent could be fitted", notes: notes) }
    if pf.allSatisfy({ $0.lower > 0 }) {
      return CheckOutcome(verdict: .confirmed,
        summary: "at every fixed t the FS error vanishes as η → 0: \(line(pf))", notes: notes)
    }
    if let bad = pf.first(where: { $0.upper <= 0 }) {
      return CheckOutcome(verdict: .refuted, summary: "at t = \(bad.t) the error does not fall with η: p = \(bad.p)",
        notes: notes, counterexample: Counterexample(
          inputs: [NamedValue("t", Double(bad.t))], detail: "p_t upper end \(bad.upper) ≤ 0"))
    }
    return CheckOutcome(verdict: .inconclusive, summary: "some interval straddles 0: \(line(pf))", notes: notes)
  }

  /// Residual sum of squares of y on (1, a, b) by least squares.
  static func twoVariableResidual(_ a: [Double], _ b: [Double], _ y: [Double]) -> Double {
    let n = Double(y.count)
    func mean(_ v: [Double]) -> Double { v.reduce(0, +) / n }
    let ma = mean(a), mb = mean(b), my = mean(y)
    let ac = a.map { $0 - ma }, bc = b.map { $0 - mb }, yc = y.map { $0 - my }
    func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
    let saa = dot(ac, ac), sbb = dot(bc, bc), sab = dot(ac, bc), say = dot(ac, yc), sby = dot(bc, yc)
    let det = saa * sbb - sab * sab
    guard abs(det) > 1e-300 else { return .nan }
    let ca = (say * sbb - sby * sab) / det
    let cb = (sby * saa - say * sab) / det
    return zip(zip(ac, bc), yc).map { pow($1 - ca * $0.0 - cb * $0.1, 2) }.reduce(0, +)
  }
}
