// mpo.cor3.dpo-case — 001_0ef3930bdbd6a134.txt App. H.2 Corollary 3, eqs. (77)–(81): with
// N⁺ = N⁻ = 1 and w⁺ = w⁻ = 1, s^{(t)} = ηt/2 ("as in Direct Preference Optimization").
// (a) the arithmetic c = η/2; (b) FS trajectories against ηt/2 under Corollary 2's rules (the
// verdict); (c) the DPO loss (2) on scores βr, β ∈ {0.1, 1}, by GD on r with
// Objectives.DPO's gradient, compared with ηt/2 (reported).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let cor3DPOCase = Claim(
    id: "mpo.cor3.dpo-case", paper: .mpo, source: "App. H.2 Corollary 3, eq. (77)–(81)",
    kind: .identity,
    statement: "With N⁺ = N⁻ = 1 and w⁺ = w⁻ = 1, s^{(t)} = ηt/2."
  ) { ctx in
    try cor3Check(ctx, formula: { t, eta in MPOGradDynamics.corollary3Score(step: t, eta: eta) })
  }

  static func cor3Check(_ ctx: CheckContext, formula: @escaping @Sendable (Int, Double) -> Double) throws -> CheckOutcome {
    // (a) c = η/2 from (58).
    var notes: [String] = []
    var aFail: String?
    for eta in MPOGradTrajectory.etas {
      let c = eta * MPOGradDynamics.lemma8Increment(nPos: 1, nNeg: 1, wPos: 1, wNeg: 1)
      let f1 = formula(1, eta)
      if abs(c - f1) > 2 * Double.ulpOfOne * abs(c) { aFail = "η = \(eta): (58) gives c = \(c), (81) gives \(f1)" }
    }
    notes.append("(a) c = η/2 from (58): " + (aFail ?? "holds for every η of the grid"))
    // (b) FS trajectories, Corollary 2's rules.
    var out = linearTrajectoryCheck(ctx, claim: "Corollary 3 (FS)", fixed: (1, 1, 1, 1)) { t, eta, _, _, _, _ in
      formula(t, eta)
    }
    // (c) DPO (2) on scores βr: GD on r with the objective's gradient.
    let steps = ctx.count(full: 10_000, quick: 1_000)
    for beta in [0.1, 1.0] {
      var line: [String] = []
      for eta in MPOGradTrajectory.etas {
        var rw = 0.0
        var rl = 0.0
        let dpo = DPO(beta: beta)
        for t in 1...steps {
          let pair = PreferencePair(
            logProbChosen: min(0, rw), logProbRejected: min(0, rl), refLogProbChosen: min(0, -rw),
            refLogProbRejected: min(0, -rl))
          let g = try dpo.gradient(pair)
          rw -= eta * g[0]
          rl -= eta * g[1]
          if MPOGradTrajectory.tableTimes.contains(t) {
            line.append("η=\(formatNumber(eta)),t=\(t): βr_w = \(format3(beta * rw)) vs ηt/2 = \(format3(formula(t, eta)))")
          }
        }
      }
      notes.append("(c) DPO on βr, β = \(beta): " + line.joined(separator: "; "))
    }
    out.notes = notes + out.notes
    if aFail != nil { out.verdict = .refuted; out.summary = "(a) fails: \(aFail!)" }
    return out
  }
}
