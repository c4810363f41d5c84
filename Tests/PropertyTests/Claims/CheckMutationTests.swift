// Proof that checks can fail: for every kind of check, the engine's checking logic is fed a
// deliberately wrong function or number and the verdict must change from the one the
// correct input gets.
import Analytic
import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct CheckMutationTests {
  let ctx = CheckContext(seed: 3, mode: .quick)

  // identity: eq. (6)'s closed form against a correct rewriting and a wrong one.
  @Test func identityCheckCatchesAWrongFormula() {
    let strata = [SweepStratum("a, b ∈ [−20, 20]", count: 2_000, endpoints: [[-20, 20], [-20, 20], [0, 1]]) { r in
      [Strata.uniform(&r, -20, 20), Strata.uniform(&r, -20, 20), r.uniform()]
    }]
    let right = IdentitySweep.run(ctx, claim: "right", names: ["a", "b", "Δr"], strata: strata) { x in
      // −log σ(a − Δr b) written as log(1 + e^{Δr b − a}) through logSumExp: a true rewriting.
      let l = MaPPORewardLevel.mapLossClosed(a: x[0], b: x[1], deltaR: x[2])
      return IdentitySides(lhs: l, rhs: logSumExp(0, x[2] * x[1] - x[0]), termSum: abs(l) + abs(x[0]) + abs(x[1]))
    }
    let wrong = IdentitySweep.run(ctx, claim: "wrong", names: ["a", "b", "Δr"], strata: strata) { x in
      let l = MaPPORewardLevel.mapLossClosed(a: x[0], b: x[1], deltaR: x[2])
      return IdentitySides(lhs: l, rhs: logSumExp(0, x[1] - x[0]), termSum: abs(l) + abs(x[0]) + abs(x[1]))
    }
    #expect(right.verdict == .confirmed)
    #expect(wrong.verdict == .refuted)
    #expect(wrong.counterexample != nil)
  }

  // gradient-identity: the FD rule accepts a true gradient and rejects a 1e-6 relative error.
  @Test func gradientIdentityCheckCatchesAWrongGradient() throws {
    var r = RandomStream(seed: 5)
    let f: ([Double]) -> Double = { t in logSumExp(t) + 0.5 * t[0] * t[1] }
    let theta = [0.3, -1.25, 2.0]
    let p = softmax(theta)
    let grad = [p[0] + 0.5 * theta[1], p[1] + 0.5 * theta[0], p[2]]
    let ok = try FDRule.compare(f: f, gradient: grad, at: theta, random: &r)
    var bad = grad
    bad[1] *= 1 + 1e-6
    let ko = try FDRule.compare(f: f, gradient: bad, at: theta, random: &r)
    #expect(ok.allSatisfy { $0.passed })
    #expect(!ko.allSatisfy { $0.passed })
  }

  // inequality / bound: a Tally over |σ(a) − σ(b)| ≤ c|a − b| with c = ¼ and a wrong c = 0.2.
  @Test(arguments: [(0.25, Verdict.confirmed), (0.2, Verdict.refuted)])
  func inequalityCheckCatchesAWrongConstant(constant: Double, expected: Verdict) {
    var tally = Tally()
    var r = RandomStream(seed: 9)
    for _ in 0..<5_000 {
      let a = Strata.uniform(&r, -5, 5)
      let b = a + Strata.uniform(&r, -1e-3, 1e-3)
      let lhs = abs(sigmoid(a) - sigmoid(b))
      let rhs = constant * abs(a - b)
      let tol = CatalogTolerance.identity(termSum: 2 + rhs).absolute
      tally.record("pairs", passed: lhs <= rhs + tol, inputs: [NamedValue("a", a), NamedValue("b", b)])
    }
    #expect(tally.outcome(claim: "Lipschitz").verdict == expected)
  }

  // limit: the growth classifier separates a converging gap from a logarithmically growing one.
  @Test func limitCheckSeparatesBoundedFromGrowing() {
    let converging = (0..<15).map { k in 3 - exp(-Double(1 << k)) }
    let growing = (0..<15).map { k in log(Double(1 << k) + 1) }
    #expect(GrowthClassifier.classify(converging) == .bounded)
    #expect(GrowthClassifier.classify(growing) == .growing)
  }

  // threshold: the root of x² − 2 matches √2 and not a wrong claimed 1.5.
  @Test func thresholdCheckCatchesAWrongValue() throws {
    let right = try ThresholdSearch.locate({ $0 * $0 - 2 }, in: 0, 3, claimed: 2.0.squareRoot(), claimTolerance: 1e-12)
    let wrong = try ThresholdSearch.locate({ $0 * $0 - 2 }, in: 0, 3, claimed: 1.5, claimTolerance: 1e-12)
    #expect(right.matches)
    #expect(!wrong.matches)
  }

  // stationarity / existence: the optimizer rule finds the closed-form minimiser of a strongly
  // convex function ("equal"), rejects a wrong closed form ("different"), and does not accept
  // a point on the plateau of e^{−x} (no minimiser: existence fails).
  @Test func stationarityAndExistenceChecksCanFail() throws {
    let f: ([Double]) -> Double = { x in (x[0] - 1) * (x[0] - 1) + 2 * (x[1] + 0.5) * (x[1] + 0.5) }
    let g: ([Double]) -> [Double] = { x in [2 * (x[0] - 1), 4 * (x[1] + 0.5)] }
    let run = OptimizerRule.minimize(f: f, gradient: g, starts: [[3, 3]]).runs[0]
    let p = try OptimizerRule.assess(run.argmin, f: f, gradient: g)
    #expect(OptimizerRule.compare(p, toExact: [1, -0.5]) == .equal)
    #expect(OptimizerRule.compare(p, toExact: [1, 0.5]) == .different)
    let plateau = try OptimizerRule.assess([40], f: { exp(-$0[0]) }, gradient: { [-exp(-$0[0])] })
    #expect(plateau.gradientNorm < OptimizerRule.gradientTolerance)
    #expect(!plateau.accepted)
  }

  // rate: data with error ∝ n^{−1/2} contain −½ in the slope interval; n^{−1} data do not.
  @Test func rateCheckCatchesAWrongRate() throws {
    let n = [100.0, 200, 400, 800, 1600, 3200]
    var r = RandomStream(seed: 2)
    let half = n.map { pow($0, -0.5) * exp(0.01 * r.gaussian()) }
    let one = n.map { pow($0, -1.0) * exp(0.01 * r.gaussian()) }
    #expect(try RateFit.logLogSlope(x: n, y: half).contains(-0.5))
    #expect(try !RateFit.logLogSlope(x: n, y: one).contains(-0.5))
  }

  // numeric-value: a printed delta that matches the printed values, and an altered one.
  @Test func numericValueCheckCatchesAnAlteredCell() throws {
    let base = try #require(PrintedInterval(printed: "18.71"))
    let plus = try #require(PrintedInterval(printed: "19.35"))
    let delta = try #require(PrintedInterval(printed: "+0.64"))
    let altered = try #require(PrintedInterval(printed: "+0.74"))
    #expect((plus - base).matches(delta))
    #expect(!(plus - base).matches(altered))
    #expect(Comparison.verdict([Comparison.greater(plus, base)]) == .confirmed)
    #expect(Comparison.verdict([Comparison.greater(base, plus)]) == .refuted)
    let tie = try #require(PrintedInterval(printed: "62.2"))
    #expect(Comparison.greater(tie, tie) == .undecided)
  }

  // conditional: the judge names the separating condition, and refutes when none separates.
  @Test func conditionalRuleNamesTheConditionOrRefutes() {
    var separating = ConditionalJudge(conditions: ["x > 0", "x > 5"])
    var none = ConditionalJudge(conditions: ["x > 5"])
    for i in -200...200 {
      let x = Double(i) / 10
      separating.record(holds: x > 0, satisfies: [x > 0, x > 5], describe: "x = \(x)")
      none.record(holds: x > 0 && i % 7 != 0, satisfies: [x > 5], describe: "x = \(x)")
    }
    let (v1, reports) = separating.verdict()
    #expect(v1 == .conditional)
    #expect(reports.map(\.condition).contains("x > 0"))
    // "x > 5" implies "x > 0" on every case, so "x > 0 and x > 5" would repeat "x > 5".
    #expect(!reports.map(\.condition).contains("x > 0 and x > 5"))
    #expect(none.verdict().0 == .refuted)
  }

  // Conjunctions of two conditions neither of which implies the other are still offered.
  @Test func conditionalRuleKeepsGenuineConjunctions() {
    var judge = ConditionalJudge(conditions: ["x > 0", "y > 0"])
    for i in -20...20 {
      for j in -20...20 {
        judge.record(holds: i > 0 && j > 0, satisfies: [i > 0, j > 0], describe: "(\(i), \(j))")
      }
    }
    let (v, reports) = judge.verdict()
    #expect(v == .conditional)
    #expect(reports.map(\.condition) == ["x > 0 and y > 0"])
  }

  // Monte Carlo: a fair coin is decided below 0.6 and above 0.4, and is undecided at 0.5.
  @Test func monteCarloDecidesOnlyWhenTheIntervalIsClear() throws {
    var r = RandomStream(seed: 4)
    let below = try MonteCarlo.sequential(threshold: 0.6, batch: 1000, maxTrials: 100_000, random: &r) { $0.uniform() < 0.5 }
    let above = try MonteCarlo.sequential(threshold: 0.4, batch: 1000, maxTrials: 100_000, random: &r) { $0.uniform() < 0.5 }
    let at = try MonteCarlo.sequential(threshold: 0.5, batch: 1000, maxTrials: 20_000, random: &r) { $0.uniform() < 0.5 }
    #expect(below.decided == .fails)
    #expect(above.decided == .holds)
    #expect(at.decided == .undecided)
  }

  // The shrinker moves a counterexample to small round numbers that still fail.
  @Test func shrinkerFindsARoundCounterexample() {
    let fails: ([Double]) -> Bool = { v in v[0] > 2.5 && v[1] < -1 }
    let s = CounterexampleShrinker.shrink([13.718_281, -7.123_456], targets: [[20], [-20]], fails: fails)
    // Still a counterexample, and at most one decimal digit per input (3, 2.6, −2, −1.5 …).
    #expect(fails(s))
    #expect(s.allSatisfy { ($0 * 10).rounded() == $0 * 10 }, "shrunk to \(s)")
    #expect(abs(s[0]) < 13.7 && abs(s[1]) < 7.2, "shrunk to \(s)")
  }
}
