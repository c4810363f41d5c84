// mpo.remark1.finite-support (001_0ef3930bdbd6a134.txt App. E Remark 1): for a finite
// response set of size m and the nonparametric MLE on the simplex (the empirical frequencies
// p̂_n), one can take k = m − 1 and R ≤ 2 in Theorem 3 and "recover the classical Õ(√(m/n))
// dependence". Feature map: one-hot for the first m − 1 responses, 0 for the last (R = 1).
// (a) Direct rate: m ∈ {2, 4, …, 256}; p uniform or one of 4 Dirichlet(1) draws (seeded, per
//     m; 1 draw in quick mode); TV-SIM's n grid × 1000 repetitions (400 in quick mode) of
//     multinomial counts; the n-slope rule of mpo.thm1.tv-rate-n per (m, p) (Bonferroni over
//     the 40 fits; 16 in quick mode) and, per p-type (uniform; Dirichlet, its draws pooled),
//     the exponent in m of Ē at n = 2^14 (± z·SE, bootstrap over repetitions, level 1 − 0.05/2, threshold 0.6).
// (b) Specialisation of (17): m0, L0 = λ_min, λ_max of Cov_p(φ) (gsl_eigen_symm),
//     F(m) = √L0·R/m0·√(m − 1 + log(1/δ)), δ = 0.1, exponent in m over m ∈ {4..256} by OLS
//     (deterministic). For the Dirichlet type, log F is averaged over the draws (so its
//     exponent is the mean of the per-draw exponents; OLS is linear).
// Verdict: refuted if (a) fails, inconclusive if (a) is undecided; else confirmed when every
// (b) exponent ≤ 0.6, conditional otherwise (the rate holds for the multinomial MLE but does
// not follow from eq. (17)).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One p of Remark 1's grid.
struct MPOTVSimplexLaw: Sendable {
  var m: Int
  /// "uniform" or "Dirichlet".
  var type: String
  /// Draw index within the type (0 for uniform).
  var draw: Int
  var p: [Double]

  var label: String { type == "uniform" ? "m=\(m) uniform" : "m=\(m) Dirichlet draw \(draw)" }
}

/// (b)'s prefactor F over m for one p-type.
struct MPOTVPrefactorSeries: Sendable {
  var type: String
  var ms: [Int]
  /// log F(m), averaged over the type's draws.
  var logF: [Double]
}

/// The m-exponent input for one p-type: TV samples at the largest n, per m.
struct MPOTVMSeries: Sendable {
  var type: String
  var ms: [Int]
  var samples: [[Double]]
}

extension MPOConvergenceClaims {
  static let remark1FiniteSupport = Claim(
    id: "mpo.remark1.finite-support", paper: .mpo, source: "App. E Remark 1", kind: .rate,
    statement: "For a finite response set of size m and the nonparametric MLE on the simplex, one "
      + "can take k = m − 1 and R ≤ 2 in Theorem 3 and recover the classical Õ(√(m/n)) dependence."
  ) { ctx in
    let input = try remark1Inputs(ctx)
    var r = ctx.stream("mpo.remark1.finite-support/bootstrap")
    var out = try remark1Outcome(series: input.series, mSeries: input.mSeries,
      prefactors: input.prefactors, ctx: ctx, random: &r)
    out.notes.insert(input.note, at: 0)
    return out
  }

  /// The simulated (a) series, the m-exponent samples and (b)'s prefactors, with a note.
  static func remark1Inputs(_ ctx: CheckContext) throws -> (series: [MPOTVSeries],
    mSeries: [MPOTVMSeries], prefactors: [MPOTVPrefactorSeries], note: String) {
    let laws = remark1Laws(ctx)
    let reps = ctx.count(full: 1000, quick: 400)
    let tv = remark1Simulation(ctx, laws: laws, reps: reps)
    let series = laws.indices.map { i in
      MPOTVSeries(label: laws[i].label, ns: MPOTVSim.ns, samples: tv[i],
        activeFractions: MPOTVSim.ns.map { _ in 0 })
    }
    let note = "(a) m ∈ \(remark1Ms); per m: uniform p and "
      + "\(laws.filter { $0.m == 2 && $0.type != "uniform" }.count) Dirichlet(1) draws; n ∈ "
      + "\(MPOTVSim.ns); \(reps) repetitions per (m, p, n); the MLE is the empirical frequency "
      + "vector; the Dirichlet m-exponent pools the draws' repetitions"
    return (series, remark1MSeries(laws, tv), try remark1Prefactors(laws), note)
  }

  static let remark1Ms = [2, 4, 8, 16, 32, 64, 128, 256]

  /// The p of each (m, type, draw), seeded per m: uniform, then the Dirichlet(1) draws.
  static func remark1Laws(_ ctx: CheckContext) -> [MPOTVSimplexLaw] {
    var laws: [MPOTVSimplexLaw] = []
    for m in remark1Ms {
      laws.append(MPOTVSimplexLaw(m: m, type: "uniform", draw: 0,
        p: [Double](repeating: 1 / Double(m), count: m)))
      var g = ctx.stream("mpo.remark1.finite-support/dirichlet", index: UInt64(m))
      for d in 0..<ctx.count(full: 4, quick: 1) {
        laws.append(MPOTVSimplexLaw(m: m, type: "Dirichlet", draw: d,
          p: g.dirichlet([Double](repeating: 1, count: m))))
      }
    }
    return laws
  }

  /// TV(p̂_n, p) samples for every law (outer index) and n of TV-SIM's grid, on two workers;
  /// each (law, n) cell has its own stream, so the result does not depend on the schedule.
  static func remark1Simulation(_ ctx: CheckContext, laws: [MPOTVSimplexLaw], reps: Int) -> [[[Double]]] {
    let ns = MPOTVSim.ns
    let cells = laws.indices.flatMap { i in ns.indices.map { (i, $0) } }
    // MPOParallelMap hands out cells as workers free up (cells differ in cost with m and n).
    let done = MPOParallelMap.map(cells.count) { c -> [Double] in
      let (i, j) = cells[c]
      let law = laws[i]
      let n = ns[j]
      var r = ctx.stream("mpo.remark1.finite-support/m\(law.m)/\(law.type)\(law.draw)",
        index: UInt64(n))
      return (0..<reps).map { _ in
        let counts = MPOTVSampler.multinomial(n, law.p, &r)
        var s = 0.0
        for y in 0..<law.m { s += abs(Double(counts[y]) / Double(n) - law.p[y]) }
        return s / 2
      }
    }
    return laws.indices.map { i in ns.indices.map { j in done[i * ns.count + j] } }
  }

  /// Per p-type, the TV samples at n = 2^14 for each m (Dirichlet draws pooled).
  static func remark1MSeries(_ laws: [MPOTVSimplexLaw], _ tv: [[[Double]]]) -> [MPOTVMSeries] {
    ["uniform", "Dirichlet"].map { type in
      MPOTVMSeries(type: type, ms: remark1Ms, samples: remark1Ms.map { m in
        laws.indices.filter { laws[$0].m == m && laws[$0].type == type }
          .flatMap { tv[$0][tv[$0].count - 1] }
      })
    }
  }

  /// Σ_p(φ) for the one-hot map of the first m − 1 responses: diag(p′) − p′p′ᵀ.
  static func oneHotCovariance(_ p: [Double]) -> [Double] {
    let k = p.count - 1
    var c = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      for j in 0..<k { c[i * k + j] = (i == j ? p[i] : 0) - p[i] * p[j] }
    }
    return c
  }

  /// F(m) = √L0·R/m0·√(m − 1 + log(1/δ)) with R = 1 (one-hot) and δ = 0.1.
  static func remark1Prefactor(_ p: [Double]) throws -> Double {
    let k = p.count - 1
    let ev = try SymmetricEigen.eigenvalues(oneHotCovariance(p), n: k)
    let r = 1.0
    return ev[k - 1].squareRoot() * r / ev[0] * (Double(k) + log(10.0)).squareRoot()
  }

  /// (b)'s log F over m ∈ {4..256} for each p-type (log F averaged over the type's draws).
  static func remark1Prefactors(_ laws: [MPOTVSimplexLaw]) throws -> [MPOTVPrefactorSeries] {
    let ms = remark1Ms.filter { $0 >= 4 }
    return try ["uniform", "Dirichlet"].map { type in
      MPOTVPrefactorSeries(type: type, ms: ms, logF: try ms.map { m in
        let ls = try laws.filter { $0.m == m && $0.type == type }.map { log(try remark1Prefactor($0.p)) }
        return MPOTVSlope.mean(ls)
      })
    }
  }

  /// The verdict rule of mpo.remark1.finite-support (injectable data for mutation tests).
  static func remark1Outcome(
    series: [MPOTVSeries], mSeries: [MPOTVMSeries], prefactors: [MPOTVPrefactorSeries],
    ctx: CheckContext, random r: inout RandomStream
  ) throws -> CheckOutcome {
    // (a): the n-rule (Bonferroni over the series inside nRateOutcome) and the m-exponents.
    let nOut = try nRateOutcome(series, ctx: ctx, random: &r, what: "mean TV")
    let mLevel = 1 - 0.05 / Double(mSeries.count)
    let mFits = try mSeries.map { s in
      try MPOTVSlope.exponent(label: "\(s.type): m-exponent of Ē at n = \(MPOTVSim.ns.last ?? 0)",
        x: s.ms.map(Double.init), samples: s.samples, level: mLevel,
        resamples: ctx.count(full: 1000, quick: 200), random: &r)
    }
    let mV = MPOTVSlope.upperRule(mFits, threshold: 0.6)
    let aV: Verdict = (nOut.verdict == .refuted || mV == .refuted) ? .refuted
      : (nOut.verdict == .confirmed && mV == .confirmed) ? .confirmed : .inconclusive
    // (b): deterministic exponents of F in m.
    let bFits = prefactors.map { s in
      (type: s.type, slope: MPOTVSlope.olsSlope(s.ms.map { log(Double($0)) }, s.logF))
    }
    let bWorst = bFits.max { $0.slope < $1.slope }
    let bLine = bFits.map { "\($0.type) \(format3($0.slope))" }.joined(separator: ", ")
    let fTable = prefactors.map { s in
      "\(s.type): " + zip(s.ms, s.logF).map { "\($0.0): \(format3(exp($0.1)))" }.joined(separator: ", ")
    }
    let aLine = "(a) \(aV.rawValue): n-rule \(nOut.verdict.rawValue); "
      + mFits.map(\.line).joined(separator: "; ") + " (threshold 0.6, level \(format3(mLevel)))"
    let bLineFull = "(b) exponent of F(m) = √L0·R/m0·√(m−1+log 10) over m = 4…256: \(bLine)"
    var notes = [aLine, "(a) n-rule: " + nOut.summary, bLineFull,
      "(b) F(m) (geometric mean over draws): " + fTable.joined(separator: "; ")]
    notes += nOut.notes
    var verdict: Verdict
    var cx: Counterexample?
    var conditions: [ConditionReport] = []
    switch aV {
    case .refuted:
      verdict = .refuted
      if let c = nOut.counterexample {
        cx = c
      } else if let bad = mFits.first(where: { $0.lower > 0.6 }) {
        cx = Counterexample(inputs: [NamedValue("lower end", bad.lower)],
          detail: "\(bad.line): lower end > 0.6")
      }
    case .confirmed:
      if let w = bWorst, w.slope > 0.6 {
        verdict = .conditional
        conditions = [ConditionReport(
          condition: "the Õ(√(m/n)) rate holds for the multinomial MLE itself but does not follow "
            + "from eq. (17): its prefactor grows like m^\(format3(w.slope)) (\(w.type) p)",
          casesSatisfying: series.count + mFits.count,
          holdingCase: "direct simulation: " + mFits.map(\.line).joined(separator: "; "),
          failingCase: "eq. (17) with k = m − 1, R = 1, δ = 0.1: exponent of F in m \(bLine)")]
      } else {
        verdict = .confirmed
      }
    default:
      verdict = .inconclusive
    }
    let summary = "\(aLine); (b) F exponent in m: \(bLine) (threshold 0.6)"
    return CheckOutcome(verdict: verdict, summary: summary, notes: notes, counterexample: cx,
      conditions: conditions)
  }
}
