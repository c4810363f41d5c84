// mpo.reduces-to-dpo — §3.1 ("DPO … is a special case of Eq. 1 where each set contains a
// single item"), eq. (2); Fig. 3 caption (001_0ef3930bdbd6a134.txt). The set-level MPO
// implementation called with singleton sets against the DPO implementation (Objectives.MPO
// and Objectives.DPO share no code): values, gradients with respect to (r_w, r_l), and
// dataset means over 1–64 triples.
//
// Reading: the gradients are each objective's own analytic gradient (∂ℓ/∂log π_θ(y) =
// ∂ℓ/∂r_θ(y)), not dual numbers: the Objectives are written on Double and both analytic
// gradients are verified against finite differences in Tests/GradientChecks.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let reducesToDPO = Claim(
    id: "mpo.reduces-to-dpo", paper: .mpo, source: "§3.1, eq. (1)–(2); Fig. 3 caption",
    kind: .equivalence,
    statement:
      "With 𝒴⁺ = {y_w}, 𝒴⁻ = {y_l}: P(𝒴⁺>𝒴⁻) = σ(β(r_θ(y_w|x) − r_θ(y_l|x))), so L_MPO (5) = "
      + "L_DPO (2) on any dataset of such triples, and so do their gradients."
  ) { ctx in
    try reducesToDPOCheck(ctx) { pair, beta in
      let d = DPO(beta: beta)
      let g = try d.gradient(pair)
      return (try d.loss(pair), g[0], g[1])
    }
  }

  /// The check with the DPO side injectable (mutation tests): (loss, ∂/∂r_w, ∂/∂r_l).
  static func reducesToDPOCheck(
    _ ctx: CheckContext, dpo: (PreferencePair, Double) throws -> (Double, Double, Double)
  ) throws -> CheckOutcome {
    let betas = [1e-3, 1e-2, 0.1, 1, 10]
    var r = ctx.stream("mpo.reduces-to-dpo")
    var tally = Tally()
    var smallest = MPOIdSmallest()
    func triple(_ r: inout RandomStream) -> (PreferencePair, Double) {
      let x = (0..<4).map { _ in -300 * r.uniform() }
      let (beta, _) = MPOId.pick(&r, betas)
      return (
        PreferencePair(
          logProbChosen: x[0], logProbRejected: x[1], refLogProbChosen: x[2],
          refLogProbRejected: x[3]), beta
      )
    }
    func mpoSide(_ p: PreferencePair, _ beta: Double) throws -> (Double, Double, Double, [Double]) {
      let sp = SetPair(
        positive: ResponseSet(logProbs: [p.logProbChosen], refLogProbs: [p.refLogProbChosen]),
        negative: ResponseSet(logProbs: [p.logProbRejected], refLogProbs: [p.refLogProbRejected]))
      let m = MPO(beta: beta)
      let g = try m.gradient(sp)  // (pos logπ, pos logπref, neg logπ, neg logπref)
      return (try m.loss(sp), g[0], g[2], m.logits(sp).logits)
    }
    func inputs(_ p: PreferencePair, _ beta: Double) -> [NamedValue] {
      [
        NamedValue("log π_θ(y_w)", p.logProbChosen), NamedValue("log π_θ(y_l)", p.logProbRejected),
        NamedValue("log π_ref(y_w)", p.refLogProbChosen),
        NamedValue("log π_ref(y_l)", p.refLogProbRejected),
        NamedValue("β", beta),
      ]
    }
    for _ in 0..<ctx.count(full: 100_000, quick: 6_000) {
      let (p, beta) = triple(&r)
      let (lm, gw, gl, a) = try mpoSide(p, beta)
      let (ld, dw, dl) = try dpo(p, beta)
      let tau = MPOId.tauLSE(a)
      let magnitude =
        [p.logProbChosen, p.logProbRejected, p.refLogProbChosen, p.refLogProbRejected].map {
          abs($0)
        }.max() ?? 0
      let checks: [(String, Double, Double)] = [
        ("value", lm, ld), ("∂/∂r_w", gw, dw), ("∂/∂r_l", gl, dl),
      ]
      for (what, x, y) in checks {
        let res = abs(x - y)
        if !tally.record(
          "triples: \(what)", residual: res.isNaN ? .infinity : res, tolerance: tau,
          inputs: inputs(p, beta),
          detail: "MPO \(what) = \(x), DPO \(what) = \(y)")
        {
          smallest.offer(
            key: [magnitude],
            Counterexample(
              inputs: inputs(p, beta), detail: "MPO \(what) = \(x), DPO \(what) = \(y)",
              residual: res,
              tolerance: tau.absolute))
        }
      }
    }
    // Dataset means (eq. 5 and eq. 2 are expectations over the dataset).
    for _ in 0..<ctx.count(full: 2_000, quick: 200) {
      let m = r.uniformInt(in: 1...64)
      var sm = 0.0
      var sd = 0.0
      var maxTau = 0.0
      var beta0 = 0.0
      for _ in 0..<m {
        let (p, beta) = triple(&r)
        beta0 = beta
        let (lm, _, _, a) = try mpoSide(p, beta)
        sm += lm
        sd += try dpo(p, beta).0
        maxTau = max(maxTau, MPOId.tauLSE(a).absolute)
      }
      let res = abs(sm / Double(m) - sd / Double(m))
      let tol = MPOId.absolute(
        maxTau, "max τ_LSE over the dataset's triples (a mean of values each within it)")
      if !tally.record(
        "dataset means over 1–64 triples", residual: res.isNaN ? .infinity : res, tolerance: tol,
        inputs: [NamedValue("triples", Double(m)), NamedValue("last β", beta0)],
        detail: "mean L_MPO = \(sm / Double(m)), mean L_DPO = \(sd / Double(m))")
      {
        smallest.offer(
          key: [1e9 + Double(m)],
          Counterexample(
            inputs: [NamedValue("triples", Double(m))],
            detail: "mean L_MPO = \(sm / Double(m)), mean L_DPO = \(sd / Double(m))", residual: res,
            tolerance: maxTau))
      }
    }
    return tally.outcome(
      claim: "L_MPO(singletons) = L_DPO, gradients and dataset means",
      counterexample: smallest.example,
      notes: [
        "reading: gradients are the objectives' analytic gradients (dual numbers are not "
          + "available on the "
          + "Double-typed Objectives); both are FD-verified in Tests/GradientChecks"
      ])
  }
}
