// mappo.prior-in-unit-interval — §4.1 eq. (5) and the sentence after it: 0 < p(r_φ) < 1.
// p < 1 is decided by the sign of q = p − 1 from the exact rewriting (the sign of a product of
// a positive number and an expm1, so exact); no tolerance band around 1 is used.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MaPPOClaims {
  static let priorInUnitInterval = Claim(
    id: "mappo.prior-in-unit-interval", paper: .mappo,
    source: "§4.1 eq. (5) and the sentence after it; Δr ∈ [0,1] after eq. (8)", kind: .inequality,
    statement: "0 < p(r_φ) = (exp(r_φ(y_w)) + exp(Δr·r_φ(y_l)))/(exp(r_φ(y_w)) + exp(r_φ(y_l))) < 1 for every input."
  ) { ctx in
    let conditions = ["b > 0", "Δr < 1", "a, b ∈ [0, 1]"]
    var judge = ConditionalJudge(conditions: conditions)
    var consistency = Tally()
    var notes: [String] = []
    var firstFailure: [Double]?
    for stratum in MaPPOClaims.priorStrata(count: 100_000) {
      var r = ctx.stream("mappo.prior-in-unit-interval/" + stratum.name)
      var violationsBelowOne = 0
      var violationsAboveZero = 0
      let n = ctx.count(full: stratum.count, quick: stratum.count / 10)
      for _ in 0..<n {
        let x = stratum.draw(&r)
        let (a, b, d) = (x[0], x[1], x[2])
        let logp = MaPPORewardLevel.logPrior(a: a, b: b, deltaR: d)
        let q = MaPPORewardLevel.priorMinusOne(a: a, b: b, deltaR: d)
        if abs(logp) >= 1e-6 && abs(logp) <= 1 {
          let tol = CatalogTolerance.identity(termSum: abs(logp) + abs(log1p(q)) + abs(a) + abs(b))
          consistency.record(
            "rewriting vs printed form, 1e-6 ≤ |log p| ≤ 1", residual: abs(log1p(q) - logp), tolerance: tol,
            inputs: [NamedValue("a", a), NamedValue("b", b), NamedValue("Δr", d)])
        }
        let notBelowOne = q >= 0
        let notAboveZero = q <= -1 || logp == -.infinity
        if notBelowOne { violationsBelowOne += 1 }
        if notAboveZero { violationsAboveZero += 1 }
        let holds = !notBelowOne && !notAboveZero
        if !holds && firstFailure == nil { firstFailure = x }
        judge.record(
          holds: holds, satisfies: [b > 0, d < 1, (0...1).contains(a) && (0...1).contains(b)],
          describe: "a = \(formatNumber(a)), b = \(formatNumber(b)), Δr = \(formatNumber(d)): p − 1 = \(q)")
      }
      notes.append("\(stratum.name): \(n) cases, \(violationsBelowOne) with p ≥ 1, \(violationsAboveZero) with p ≤ 0")
    }
    if consistency.failures > 0 {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "implementation defect: the exact rewriting of p − 1 disagrees with eq. (5)",
        classes: consistency.classes, notes: notes, counterexample: consistency.firstFailure)
    }
    let (verdict, reports) = judge.verdict()
    var cx: Counterexample?
    if let f = firstFailure {
      let fails: ([Double]) -> Bool = { v in
        MaPPORewardLevel.priorMinusOne(a: v[0], b: v[1], deltaR: v[2]) >= 0
          || MaPPORewardLevel.logPrior(a: v[0], b: v[1], deltaR: v[2]) == -.infinity
      }
      let s = CounterexampleShrinker.shrink(f, targets: [[0, 1, -20, 20], [0, 1, -20, 20], [0, 1]], fails: fails)
      let p1 = MaPPORewardLevel.priorMinusOne(a: s[0], b: s[1], deltaR: s[2])
      cx = Counterexample(
        inputs: [NamedValue("a", s[0]), NamedValue("b", s[1]), NamedValue("Δr", s[2])],
        detail: "p(r_φ) − 1 = \(p1), so p(r_φ) = \(1 + p1) is not < 1")
    }
    let summary: String
    switch verdict {
    case .confirmed: summary = "0 < p < 1 on every case"
    case .conditional:
      summary = "p < 1 fails on \(judge.failures) cases; holds under: "
        + reports.map(\.condition).joined(separator: "; ")
    default: summary = "p < 1 fails on \(judge.failures) cases and no listed condition separates them"
    }
    return CheckOutcome(
      verdict: verdict, summary: summary, classes: consistency.classes, notes: notes,
      counterexample: cx, conditions: reports)
  }
}
