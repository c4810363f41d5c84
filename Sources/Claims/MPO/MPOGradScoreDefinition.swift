// mpo.g.score-definition — 001_0ef3930bdbd6a134.txt App. G.2, proof of Lemma 6 (after eq. 51):
// "s_θ(y_i|x) = −log(P_θ(y_i|x))" and "e^{s_θ(y_i|x)} = 1/P_θ(y_i|x)", against the definition
// of G.1 and Lemma 7, s_θ = log(P_θ/P_ref) (and eq. 96). Both printed identities hold only
// where P_ref = P_θ², which the check finds rather than assumes.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let gScoreDefinition = Claim(
    id: "mpo.g.score-definition", paper: .mpo,
    source: "App. G.2, proof of Lemma 6 (after eq. 51) vs G.1 / Lemma 7 / eq. (96)",
    kind: .identity,
    statement: "The identities s_θ = −log P_θ and e^{s_θ} = 1/P_θ printed in the Lemma 6 proof are "
      + "consistent with the definition s_θ = log(P_θ/P_ref)."
  ) { ctx in
    scoreDefinitionCheck(ctx, printedScore: { p, _ in -log(p) }, printedExp: { p, _ in 1 / p })
  }

  /// `printedScore(P_θ, P_ref)` and `printedExp(P_θ, P_ref)` are the proof's expressions.
  static func scoreDefinitionCheck(
    _ ctx: CheckContext, printedScore: (Double, Double) -> Double,
    printedExp: (Double, Double) -> Double
  ) -> CheckOutcome {
    var tally = Tally()
    func test(_ cls: String, _ p: Double, _ q: Double) {
      let s = log(p / q)
      let e = p / q
      let a = printedScore(p, q)
      let b = printedExp(p, q)
      let inputs = [NamedValue("P_theta", p), NamedValue("P_ref", q)]
      tally.record("\(cls): −log P_θ vs log(P_θ/P_ref)", residual: abs(a - s),
        tolerance: Tolerance(absolute: 1e-12 * (1 + abs(s)), relative: 0, reason: "1e-12(1 + |value|), catalog"),
        inputs: inputs, detail: "−log P_θ = \(a) but log(P_θ/P_ref) = \(s)")
      tally.record("\(cls): 1/P_θ vs P_θ/P_ref", residual: abs(b - e),
        tolerance: Tolerance(absolute: 1e-12 * (1 + abs(e)), relative: 0, reason: "1e-12(1 + |value|), catalog"),
        inputs: inputs, detail: "1/P_θ = \(b) but P_θ/P_ref = \(e)")
    }
    for j in 0...10 {
      for l in 0...10 { test("dyadic grid", exp2(-Double(j)), exp2(-Double(l))) }
    }
    var r = ctx.stream("log-uniform pairs")
    for _ in 0..<ctx.count(full: 100_000, quick: 10_000) {
      test("log-uniform pairs", Strata.logUniform(&r, 1e-12, 1), Strata.logUniform(&r, 1e-12, 1))
    }
    return tally.outcome(
      claim: "s_θ = −log P_θ and e^{s_θ} = 1/P_θ vs s_θ = log(P_θ/P_ref)",
      notes: ["both printed identities hold exactly when P_ref = P_θ² (e.g. P_θ = P_ref = 1, or "
        + "P_θ = 1/2, P_ref = 1/4); elsewhere the proof's substitution changes the quantity"])
  }
}
