// mpo.remark5.model-prob-expansion — 001_0ef3930bdbd6a134.txt App. H.1 Remark 5: the printed
// expansion p_i^model = e^{log P_θ(y_i) − log P_ref(y_i)} / Σ_j e^{log P_θ(y_j) − log P_ref(y_j)},
// evaluated literally in log space, against G.1's definition evaluated by
// Objectives.InfoNCA from scores s_θ = log(P_θ/P_ref) formed in linear space. The two paths
// share no code; the identity is a substitution, so this guards transcription and
// implementation. The words about suboptimality give no testable criterion.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let remark5ModelProbExpansion = Claim(
    id: "mpo.remark5.model-prob-expansion", paper: .mpo, source: "App. H.1 Remark 5",
    kind: .identity,
    statement: "p_i^model = e^{log P_θ(y_i|x) − log P_ref(y_i|x)} / Σ_j e^{log P_θ(y_j|x) − log P_ref(y_j|x)}."
  ) { ctx in
    try remark5Check(ctx, printed: { lp, lr in
      let a = zip(lp, lr).map { $0 - $1 }
      let z = logSumExp(a)
      return a.map { exp($0 - z) }
    })
  }

  static func remark5Check(_ ctx: CheckContext, printed: ([Double], [Double]) -> [Double]) throws -> CheckOutcome {
    var tally = Tally()
    let n = ctx.count(full: 10_000, quick: 1_000)
    for i in 0..<n {
      let x = MPOGradInputs.instance(ctx, i)
      let lhs = printed(x.policy.map { log($0) }, x.reference.map { log($0) })
      let s = zip(x.policy, x.reference).map { log($0 / $1) }
      let rhs = try InfoNCA(beta: 1, tau: 1).modelDistribution(
        MPOGradInputs.rewardedSet(scores: s, rewards: x.rewards))
      let rel = zip(lhs, rhs).map { abs($0 - $1) / $1 }.max() ?? 0
      tally.record("GRAD-IN (Lemma 7 inputs)", residual: rel,
        tolerance: Tolerance(absolute: 1e-13, relative: 0, reason: "relative 1e-13, catalog"),
        inputs: x.inputs, detail: "printed \(lhs) vs G.1 \(rhs)")
    }
    return tally.outcome(claim: "Remark 5 expansion vs G.1 p^model (relative)")
  }
}
