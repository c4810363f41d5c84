// mpo.lemma7.prob-gradient — 001_0ef3930bdbd6a134.txt App. G.2 Lemma 7, eqs. (52)–(53):
// with the P_θ(y_j|x) as independent variables, u_i = w_i/P_ref(y_i|x), U = Σ_j u_j P_θ(y_j),
// V = Σ_{Y⁺} u_i P_θ(y_i): ∂L_weighted/∂P_θ(y_i) = u_i(1/U − 1/V) on Y⁺ and u_i/U off it.
// References: dual numbers of L = log U − log V in the K probability coordinates; the
// chain rule P_i·∂L/∂P_i against Objectives.WeightedMPOG1's ∂L/∂log P_θ is reported too.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  typealias ProbFormula = @Sendable ([Double], [Double], [Double], [Bool]) -> [Double]

  static let lemma7ProbGradient = Claim(
    id: "mpo.lemma7.prob-gradient", paper: .mpo, source: "App. G.2 Lemma 7, eq. (52)–(53)",
    kind: .gradientIdentity,
    statement: "∂L_weighted/∂P_θ(y_i|x) = u_i(1/U − 1/V) for y_i ∈ Y⁺ and u_i/U for y_i ∉ Y⁺."
  ) { ctx in
    try lemma7Check(ctx, formula: {
      MPOGradLemmas.probGradient(policy: $0, reference: $1, weights: $2, positive: $3)
    })
  }

  static func lemma7Check(_ ctx: CheckContext, formula: ProbFormula) throws -> CheckOutcome {
    var tally = Tally()
    let n = ctx.count(full: 10_000, quick: 1_000)
    for i in 0..<n {
      let x = MPOGradInputs.instance(ctx, i)
      let u = zip(x.weights, x.reference).map { $0 / $1 }
      let g = MPOGradReference.probForm(MPOGradDual.variables(x.policy), u: u, positive: x.positive).d
      let f = formula(x.policy, x.reference, x.weights, x.positive)
      let scale = 1 + (g.map { abs($0) }.max() ?? 0)
      let tol = Tolerance(absolute: 1e-12 * scale, relative: 0, reason: "1e-12(1 + max|g|), catalog")
      let inputs = x.inputs + x.policy.indices.map { NamedValue("P[\($0)]", x.policy[$0]) }
        + x.reference.indices.map { NamedValue("Pref[\($0)]", x.reference[$0]) }
      tally.record("(53) vs dual numbers", residual: zip(f, g).map { abs($0 - $1) }.max() ?? 0,
        tolerance: tol, inputs: inputs, detail: "(53) \(f) vs dual \(g)")
      // Chain rule against the objective: ∂L/∂log P_i = P_i ∂L/∂P_i.
      let set = ScoredResponseSet(
        logProbs: x.policy.map { log($0) }, refLogProbs: x.reference.map { log($0) }, scores: x.quality)
      let og = Array(try WeightedMPOG1(alpha: x.alpha).gradient(set).prefix(x.k))
      let chain = zip(f, x.policy).map { $0 * $1 }
      let t2 = Tolerance(
        absolute: 1e-12 * (1 + (og.map { abs($0) }.max() ?? 0)), relative: 0,
        reason: "1e-12(1 + max|g|) in log-probability coordinates")
      tally.record("P_i·(53) vs Objectives.WeightedMPOG1 ∂L/∂log P", residual: zip(chain, og).map { abs($0 - $1) }.max() ?? 0,
        tolerance: t2, inputs: inputs, detail: "chain \(chain) vs objective \(og)")
    }
    return tally.outcome(claim: "Lemma 7 (53) on GRAD-IN (Lemma 7 inputs)")
  }
}
