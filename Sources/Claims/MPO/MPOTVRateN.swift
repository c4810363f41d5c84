// mpo.thm1.tv-rate-n (001_0ef3930bdbd6a134.txt §5 Theorem 1, eq. (9); App. E Theorem 3,
// eq. (17)): E TV(p_θ̂n, p_θ⋆) = Õ(1/√n) at fixed k, checked on TV-SIM (claims/mpo.md §2)
// by the per-family log-log slope over n ∈ {2^8, …, 2^14} with a bootstrap interval at
// level 1 − 0.05/J; confirmed if every upper end ≤ −0.4, refuted if a lower end > −0.4.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One series for the n-rate rule: per-n samples of the error and the active fractions.
struct MPOTVSeries: Sendable {
  var label: String
  var ns: [Int]
  var samples: [[Double]]
  var activeFractions: [Double]
}

extension MPOConvergenceClaims {
  static let thm1TVRateN = Claim(
    id: "mpo.thm1.tv-rate-n", paper: .mpo,
    source: "§5 Theorem 1, eq. (9); abstract; App. E Theorem 3, eq. (17)", kind: .rate,
    statement: "For the MLE on n i.i.d. samples from P_true, E[D_TV(P_learned, P_true)] = "
      + "Õ(1/√n) with k fixed."
  ) { ctx in
    let sim = MPOTVSim.shared(ctx)
    var series: [MPOTVSeries] = []
    for k in sim.ks {
      for f in 0..<(sim.families[k]?.count ?? 0) {
        let cells = sim.cells(k: k, family: f)
        series.append(MPOTVSeries(label: "k=\(k) family \(f)", ns: cells.map(\.n),
          samples: cells.map { $0.used.map(\.tv) }, activeFractions: cells.map(\.activeFraction)))
      }
    }
    let nonConv = sim.cells.reduce(0) { $0 + $1.nonConverged }
    var r = ctx.stream("mpo.thm1.tv-rate-n/bootstrap")
    var out = try nRateOutcome(series, ctx: ctx, random: &r, what: "mean TV")
    out.notes.append("TV-SIM: M = 64, k ∈ \(sim.ks), \(MPOTVSim.familyCount(ctx)) famil"
      + "\(MPOTVSim.familyCount(ctx) == 1 ? "y" : "ies") per k, \(MPOTVSim.repetitions(ctx)) "
      + "repetitions per (k, family, n); non-converged fits left out: \(nonConv)")
    return out
  }

  /// The fit range of the n-rate rule.
  static let rateFitRange = [256, 1024, 4096, 16384]

  /// The slope rule of mpo.thm1.tv-rate-n on a list of series (injectable for mutation
  /// tests): per series, the exponent over `rateFitRange` (refit without an n whose active
  /// fraction exceeds 1%), interval at level 1 − 0.05/J, threshold −0.4.
  static func nRateOutcome(
    _ series: [MPOTVSeries], ctx: CheckContext, random r: inout RandomStream, what: String,
    threshold: Double = -0.4
  ) throws -> CheckOutcome {
    let level = 1 - 0.05 / Double(series.count)
    let resamples = ctx.count(full: 1000, quick: 200)
    var fits: [MPOTVExponent] = []
    var notes: [String] = []
    for s in series {
      let idx = s.ns.indices.filter { rateFitRange.contains(s.ns[$0]) }
      let kept = idx.filter { s.activeFractions[$0] <= 0.01 }
      let x = idx.map { Double(s.ns[$0]) }
      var fit = try MPOTVSlope.exponent(label: s.label, x: x, samples: idx.map { s.samples[$0] },
        level: level, resamples: resamples, random: &r)
      if kept.count < idx.count {
        let refit = try MPOTVSlope.exponent(label: s.label + " (refit, flagged)",
          x: kept.map { Double(s.ns[$0]) }, samples: kept.map { s.samples[$0] }, level: level,
          resamples: resamples, random: &r)
        notes.append("\(s.label): active constraint > 1% at n = "
          + idx.filter { !kept.contains($0) }.map { "\(s.ns[$0])" }.joined(separator: ", ")
          + "; fit \(fit.line); refit \(refit.line)")
        fit = refit
      }
      fits.append(fit)
      let allIdx = Array(s.ns.indices)
      let full = try MPOTVSlope.exponent(label: "full range", x: allIdx.map { Double(s.ns[$0]) },
        samples: allIdx.map { s.samples[$0] }, level: level, resamples: 0, random: &r)
      let means = s.samples.map(MPOTVSlope.mean)
      let scaled = zip(s.ns, means).map { "\($0.0): \(format3(Double($0.0).squareRoot() * $0.1))" }
      let dec = zip(means, means.dropFirst()).allSatisfy { $0.1 < $0.0 }
      let bootDec = decreasingFraction(s.samples, resamples: resamples / 5, random: &r)
      notes.append("\(s.label): slope \(fit.line); full-range slope \(format3(full.slope)); "
        + "√n·\(what) by n {\(scaled.joined(separator: ", "))}; strictly decreasing: \(dec) "
        + "(bootstrap fraction \(format3(bootDec))); max active fraction "
        + "\(format3(s.activeFractions.max() ?? 0))")
    }
    let v = MPOTVSlope.upperRule(fits, threshold: threshold)
    let worst = fits.max { $0.upper < $1.upper }
    var summary = "\(what) exponent in n over n = 2^8…2^14, \(fits.count) series at level "
      + "\(format3(level)): slopes \(format3(fits.map(\.slope).min() ?? 0))…"
      + "\(format3(fits.map(\.slope).max() ?? 0)); largest upper end \(worst?.line ?? "")"
    var cx: Counterexample?
    if v == .refuted, let bad = fits.first(where: { $0.lower > threshold }) {
      cx = Counterexample(inputs: [NamedValue("lower end", bad.lower)],
        detail: "\(bad.line): lower end > \(formatNumber(threshold))")
      summary = "refuted: " + summary
    }
    return CheckOutcome(verdict: v, summary: summary, notes: notes, counterexample: cx)
  }

  /// Fraction of bootstrap resamples whose per-n means are strictly decreasing.
  static func decreasingFraction(_ samples: [[Double]], resamples: Int, random r: inout RandomStream) -> Double {
    guard resamples > 0 else { return .nan }
    var hits = 0
    for _ in 0..<resamples {
      var prev = Double.infinity
      var ok = true
      for s in samples {
        var acc = 0.0
        for _ in 0..<s.count { acc += s[Int(r.uniformInt(below: UInt64(s.count)))] }
        let m = acc / Double(s.count)
        if !(m < prev) { ok = false }
        prev = m
      }
      if ok { hits += 1 }
    }
    return Double(hits) / Double(resamples)
  }
}

