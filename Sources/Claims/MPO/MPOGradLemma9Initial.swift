// mpo.lemma9.initial-gradient — 001_0ef3930bdbd6a134.txt App. H.2 Lemma 9, eqs. (83)–(86): if
// s_i^{(0)} = 0 for all positives, ∂L/∂s_i^{(0)} = −w_i⁺ B₀/(A₀Z₀) and s_i^{(1)} = η w_i⁺ B₀/(A₀Z₀),
// A₀ = Σ_{Y⁺} w⁺, B₀ = Σ_{Y⁻} w⁻, Z₀ = A₀ + B₀. The statement assumes only the positives at 0;
// eq. (84) also uses s_j^{(0)} = 0 for the negatives (B = Σ w_j e^{s_j} = B₀ only then).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let lemma9InitialGradient = Claim(
    id: "mpo.lemma9.initial-gradient", paper: .mpo, source: "App. H.2 Lemma 9, eq. (83)–(86)",
    kind: .gradientIdentity,
    statement: "If s_i^{(0)} = 0 for all positives, ∂L/∂s_i^{(0)} = −w_i⁺ B₀/(A₀Z₀), so after one step "
      + "s_i^{(1)} = η w_i⁺ B₀/(A₀Z₀)."
  ) { ctx in
    lemma9InitialCheck(ctx, formula: {
      MPOGradDynamics.lemma9InitialGradient(weight: $0, positiveWeights: $1, negativeWeights: $2)
    })
  }

  static func lemma9InitialCheck(
    _ ctx: CheckContext, formula: ( Double, [Double], [Double]) -> Double
  ) -> CheckOutcome {
    var tally = Tally()
    var judge = ConditionalJudge(conditions: ["negatives also start at 0"])
    let n = ctx.count(full: 10_000, quick: 1_000)
    for i in 0..<n {
      let x = MPOGradLemma9Instance.draw(ctx, i)
      var r = ctx.stream("lemma9 negatives", index: UInt64(i))
      let base = i % 2 == 0
      let eta = MPOGradTrajectory.etas[i % MPOGradTrajectory.etas.count]
      let s0 = (0..<x.k).map { x.positive[$0] || base ? 0 : Strata.uniform(&r, -3, 3) }
      let g = MPOGradReference.weightedGradient(s0, logWeights: x.logWeights, positive: x.positive)
      var worstG = 0.0
      var worstS = 0.0
      var tolG = 0.0
      var tolS = 0.0
      for j in 0..<x.k where x.positive[j] {
        let f = formula(x.weights[j], x.positiveWeights, x.negativeWeights)
        worstG = max(worstG, abs(g[j] - f))
        tolG = max(tolG, 1e-13 * (1 + abs(g[j])))
        let s1 = s0[j] - eta * g[j]
        worstS = max(worstS, abs(s1 + eta * f))
        tolS = max(tolS, 1e-13 * (1 + abs(s1)))
      }
      let cls = base ? "negatives start at 0 (base)" : "negatives start in U(−3, 3)"
      let inputs = x.inputs + [NamedValue("eta", eta)] + s0.indices.map { NamedValue("s0[\($0)]", s0[$0]) }
      let okG = tally.record("\(cls): gradient", residual: worstG,
        tolerance: Tolerance(absolute: tolG, relative: 0, reason: "1e-13(1 + |g|), catalog"),
        inputs: inputs, detail: "dual-number gradient vs −w_i B₀/(A₀Z₀) off by \(worstG)")
      let okS = tally.record("\(cls): one-step update", residual: worstS,
        tolerance: Tolerance(absolute: tolS, relative: 0, reason: "1e-13(1 + |s|), catalog"),
        inputs: inputs, detail: "s_i^{(1)} vs η w_i B₀/(A₀Z₀) off by \(worstS)")
      judge.record(holds: okG && okS, satisfies: [base], describe: inputs.map(\.description).joined(separator: ", "))
    }
    let plain = tally.outcome(claim: "Lemma 9 initial gradient and one step (FS)")
    if tally.failures == 0 { return plain }
    let baseFails = tally.failures(in: "negatives start at 0 (base): gradient")
      + tally.failures(in: "negatives start at 0 (base): one-step update")
    if baseFails > 0 { return plain }
    let (v, conds) = judge.verdict(minimumSatisfying: ctx.mode == .full ? 100 : 10)
    return CheckOutcome(
      verdict: v == .conditional ? .conditional : .refuted,
      summary: "Lemma 9 (85)–(86) hold when the negatives also start at 0 (as eq. 84 uses), not for "
        + "negatives elsewhere: \(tally.failures) failing of \(tally.cases)",
      classes: tally.classes, notes: ["B in (84) is Σ w_j e^{s_j}; it equals B₀ only when s_j = 0 on Y⁻"],
      counterexample: tally.firstFailure, conditions: conds)
  }
}
