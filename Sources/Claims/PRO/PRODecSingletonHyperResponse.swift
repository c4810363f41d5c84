// pro.singleton-hyper-response-is-edpo — PRO (002_74b446355a07bf4a.txt) §4.2, first paragraph,
// and App. C footnote 5: with ℋ = {h}, h ∉ supp µ̂, L̂_PRO ≡ L̂_eDPO in value and gradient
// (claims/pro.md). Objectives' PRO takes its general Eq. (6) path for one-element ℋ (it never
// delegates to SampleEDPO), so the two sides are computed independently.
import Analytic
import Numerics
import Objectives

extension PRODecompositionClaims {
  static let singletonHyperResponseProvenance = ClaimProvenance.reconstructed(
    "L̂_PRO; PRO-formulas.md §4")

  static let singletonHyperResponseIsEDPO = Claim(
    id: "pro.singleton-hyper-response-is-edpo", paper: .pro,
    source: "§4.2, first paragraph; App. C, footnote 5", kind: .identity,
    statement: "If ℋ = {h} with h ∉ supp(µ̂), then L̂_PRO ≡ L̂_eDPO, in value and in gradient.",
    provenance: singletonHyperResponseProvenance
  ) { ctx in
    let main = try hyperVersusEDPOSweep(ctx, hyperSize: 1)
    let control = try hyperVersusEDPOSweep(ctx, hyperSize: 2)
    let out = PRODecTol.applyControl(
      main, controlFailed: control.verdict == .refuted, control: "ℋ with two members")
    return PRODecTol.stamp(out, singletonHyperResponseProvenance)
  }

  /// A sample-eDPO instance with an unlabeled set of at least `unlabeled` responses.
  /// `rescore`, when given, replaces the pairwise ŝ (drawing from the instance's stream
  /// before the logits are drawn).
  static func hyperInstance(
    _ ctx: CheckContext, _ id: String, _ j: Int, nRange: ClosedRange<Int>, unlabeled: Int, minLabeled: Int = 1,
    rescore: ((inout RandomStream, _ muHat: [Double]) -> [Double])? = nil
  )
    -> (z: [Double], ref: [Double], mu: [Double], muHat: [Double], s: [Double], L: [Int], beta: Double, alpha: Double)
  {
    var r = PRODecM1.stream(ctx, id, j)
    let n = PRODecM1.size(j, nRange)
    let k = Strata.integer(&r, minLabeled...(n - unlabeled))
    let a = PRODecM1.concentrations[j % 3]
    let beta = PRODecM1.beta(j, &r)
    let alpha = Strata.logUniform(&r, 0.1, 10)
    let mu = PRODecM1.distribution(n, concentration: a, &r)
    let ref = PRODecM1.logs(PRODecM1.distribution(n, concentration: a, &r))
    let L = PRODecM1.subset(n, k, &r)
    let w = r.dirichlet([Double](repeating: 1, count: k))
    var muHat = [Double](repeating: 0, count: n)
    for (i, y) in L.enumerated() { muHat[y] = w[i] }
    let p = PRODecM1.preference(n, .mixed, &r)
    var s = PRODecScore.score(mu: muHat, preference: p).s
    if let rescore { s = rescore(&r, muHat) }
    let z = PRODecM1.logits(n, tau: PRODecM1.taus[(j / 3) % 4], &r)
    return (z, ref, mu, muHat, s, L, beta, alpha)
  }

  /// PRO with an ℋ of `hyperSize` unlabeled members against SampleEDPO (value and logit
  /// gradient, T-round). The claim uses size 1; the control size 2 (where n − k ≥ 2).
  static func hyperVersusEDPOSweep(_ ctx: CheckContext, hyperSize: Int) throws -> CheckOutcome {
    var tally = Tally()
    let count = hyperSize == 1 ? ctx.count(full: 1000, quick: 100) : ctx.count(full: 200, quick: 40)
    for j in 0..<count {
      let inst = hyperInstance(ctx, "pro.singleton-hyper-response-is-edpo", j,
                               nRange: (hyperSize + 1)...10, unlabeled: hyperSize)
      let n = inst.z.count
      var r = PRODecM1.stream(ctx, "pro.singleton-hyper-response-is-edpo/h", j)
      let unl = (0..<n).filter { inst.muHat[$0] == 0 }
      let pick = PRODecM1.subset(unl.count, hyperSize, &r).map { unl[$0] }
      let pro = PRO(beta: inst.beta, alpha: inst.alpha)
      let edpo = SampleEDPO(beta: inst.beta, alpha: inst.alpha)
      let pIn = PROInput(logits: inst.z, refLogits: inst.ref, mu: inst.mu, muHat: inst.muHat,
                         scores: inst.s, hyperResponse: pick)
      let eIn = SampleEDPOInput(logits: inst.z, refLogits: inst.ref, mu: inst.mu, muHat: inst.muHat, scores: inst.s)
      let vp = try pro.loss(pIn)
      let ve = try edpo.loss(eIn)
      let gp = try pro.gradient(pIn)
      let ge = try edpo.gradient(eIn)
      let u = logSoftmax(inst.z)
      let v = logSoftmax(inst.ref)
      let w = (0..<n).map { inst.muHat[$0] * inst.s[$0] }
      let vr = PRODecLossRounding.value(u: u, v: v, mu: inst.mu, w: w, beta: inst.beta, alpha: inst.alpha)
      let gr = PRODecLossRounding.logitGradient(u: u, v: v, mu: inst.mu, w: w, beta: inst.beta, alpha: inst.alpha)
      let inputs = [NamedValue("case", Double(j)), NamedValue("n", Double(n)), NamedValue("k", Double(inst.L.count)),
                    NamedValue("β", inst.beta), NamedValue("α", inst.alpha), NamedValue("h", Double(pick[0]))]
      tally.record("values", residual: abs(vp - ve),
                   tolerance: PRODecTol.round(terms: 2 * vr.terms, termSum: 2 * vr.termSum, conditioning: 2 * vr.conditioning),
                   inputs: inputs, detail: "L̂_PRO = \(vp), L̂_eDPO = \(ve)")
      for k in 0..<n {
        tally.record("logit gradients", residual: abs(gp[k] - ge[k]),
                     tolerance: PRODecTol.round(terms: 2 * (n + n * n), termSum: 2 * gr.termSum[k],
                                                conditioning: 2 * gr.conditioning[k]),
                     inputs: inputs + [NamedValue("coordinate", Double(k))],
                     detail: "∂L̂_PRO = \(gp[k]), ∂L̂_eDPO = \(ge[k])")
      }
    }
    return tally.outcome(claim: "L̂_PRO with |ℋ| = \(hyperSize) against L̂_eDPO")
  }
}
