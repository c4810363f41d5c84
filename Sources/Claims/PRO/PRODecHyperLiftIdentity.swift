// pro.hyper-response-lift-identity — PRO (002_74b446355a07bf4a.txt) App. B.3 (proof of
// Theorem 4.1): L̂_PRO(π_ℋ) = L̂_eDPO(π) when π is the lift of π_ℋ, π(y) = π_ℋ(ℋ)/π_ref(ℋ)·π_ref(y)
// on ℋ (claims/pro.md). π_ℋ = softmax(ζ) on 𝒴_ℋ; L̂_PRO by Objectives' PRO on 𝒴_ℋ
// (hyperSpaceTerms), L̂_eDPO by SampleEDPO at the lift (Analytic PRODecHyperLift). The shared
// coordinates are ζ: z_y = ζ_y off ℋ and z_y = ζ_ℋ + log π_ref(y) − log π_ref(ℋ) on ℋ give
// softmax(z) = the lift, so ∂/∂ζ_ℋ = Σ_{y∈ℋ} ∂/∂z_y.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let hyperLiftProvenance = ClaimProvenance.reconstructed("B.3 chain; PRO-formulas.md §6, B.3")

  static let hyperResponseLiftIdentity = Claim(
    id: "pro.hyper-response-lift-identity", paper: .pro, source: "App. B.3 (proof of Theorem 4.1)",
    kind: .identity,
    statement: "For ℋ ⊆ 𝒴 \\ supp(µ̂) and µ(ℋ) = Σ_{y∈ℋ} µ(y), L̂_PRO(π_ℋ) = L̂_eDPO(π) whenever π is "
      + "the lift of π_ℋ (π(y) = π_ℋ(ℋ)π_ref(y)/π_ref(ℋ) on ℋ).",
    provenance: hyperLiftProvenance
  ) { ctx in
    let main = try liftSweep(ctx, proportional: true)
    let control = try liftSweep(ctx, proportional: false)
    var out = PRODecTol.applyControl(
      main, controlFailed: control.verdict == .refuted,
      control: "ℋ-mass spread uniformly instead of ∝ π_ref")
    let biggest = control.classes.filter { $0.name == "values" }.map(\.worstResidual).max() ?? 0
    out.notes.append("control: the largest value difference reached is \(format3(biggest))")
    return PRODecTol.stamp(out, hyperLiftProvenance)
  }

  /// Values and ζ-gradients of L̂_PRO(π_ℋ) and L̂_eDPO(lift); with `proportional` false the
  /// ℋ-mass is spread uniformly over ℋ (the control; gradients then not compared).
  static func liftSweep(_ ctx: CheckContext, proportional: Bool) throws -> CheckOutcome {
    var tally = Tally()
    for j in 0..<ctx.count(full: 1000, quick: 100) {
      let inst = hyperInstance(
        ctx, "pro.hyper-response-lift-identity", j, nRange: 4...10, unlabeled: 2, minLabeled: 2)
      let n = inst.z.count
      var r = PRODecM1.stream(ctx, "pro.hyper-response-lift-identity/H", j)
      let unl = (0..<n).filter { inst.muHat[$0] == 0 }
      let size = Strata.integer(&r, 2...unl.count)
      let hyper = PRODecM1.subset(unl.count, size, &r).map { unl[$0] }
      let space = HyperResponseSpace(count: n, hyper: hyper)
      let m = space.elements.count
      let zeta = PRODecM1.logits(m, tau: PRODecM1.taus[(j / 3) % 4], &r)
      let uH = logSoftmax(zeta)
      let v = logSoftmax(inst.ref)
      let vH = space.aggregateLog(v)
      let muH = space.aggregate(inst.mu)
      let wH = space.elements.map { e in e.count == 1 ? inst.muHat[e[0]] * inst.s[e[0]] : 0 }
      let pro = PRO(beta: inst.beta, alpha: inst.alpha)
      let t = try pro.hyperSpaceTerms(logProbs: uH, refLogProbs: vH, mu: muH, optimizerWeights: wH)
      let lPRO = t.optimizer + t.regularizer
      // The lift (or the control's uniform spread), as logits on 𝒴.
      var lifted = PRODecHyperLift.lift(hyperLogProbs: uH, refLogProbs: v, hyper: hyper)
      if !proportional {
        for y in hyper { lifted[y] = uH[m - 1] - log(Double(hyper.count)) }
      }
      let eIn = SampleEDPOInput(logits: lifted, refLogits: v, mu: inst.mu, muHat: inst.muHat, scores: inst.s)
      let edpo = SampleEDPO(beta: inst.beta, alpha: inst.alpha)
      let lEDPO = try edpo.loss(eIn)
      let w = (0..<n).map { inst.muHat[$0] * inst.s[$0] }
      let r1 = PRODecLossRounding.value(u: lifted, v: v, mu: inst.mu, w: w, beta: inst.beta, alpha: inst.alpha)
      let r2 = PRODecLossRounding.value(u: uH, v: vH, mu: muH, w: wH, beta: inst.beta, alpha: inst.alpha)
      // C also covers the lift's formed log-probabilities ζ_ℋ + v_y − log π_ref(ℋ).
      let liftCond = inst.alpha * inst.beta * hyper.reduce(0) { $0 + inst.mu[$1] } * (abs(uH[m - 1]) + abs(vH[m - 1]))
      let inputs = [NamedValue("case", Double(j)), NamedValue("n", Double(n)), NamedValue("k", Double(inst.L.count)),
                    NamedValue("|ℋ|", Double(hyper.count)), NamedValue("β", inst.beta), NamedValue("α", inst.alpha)]
      tally.record("values", residual: abs(lPRO - lEDPO),
                   tolerance: PRODecTol.round(terms: r1.terms + r2.terms, termSum: r1.termSum + r2.termSum,
                                              conditioning: r1.conditioning + r2.conditioning + liftCond),
                   inputs: inputs, detail: "L̂_PRO(π_ℋ) = \(lPRO), L̂_eDPO(lift) = \(lEDPO)")
      guard proportional else { continue }
      // ζ-gradients: PRO's u-gradient on 𝒴_ℋ through softmax; eDPO's z-gradient summed over ℋ.
      let gU = zip(t.optimizerGradient, t.regularizerGradient).map { $0 + $1 }
      let tot = gU.reduce(0, +)
      let gPRO = (0..<m).map { gU[$0] - exp(uH[$0]) * tot }
      let gz = try edpo.gradient(eIn)
      let gEDPO = space.elements.map { e in e.reduce(0) { $0 + gz[$1] } }
      let grA = PRODecLossRounding.logitGradient(u: uH, v: vH, mu: muH, w: wH, beta: inst.beta, alpha: inst.alpha)
      let grB = PRODecLossRounding.logitGradient(u: lifted, v: v, mu: inst.mu, w: w, beta: inst.beta, alpha: inst.alpha)
      for (k, e) in space.elements.enumerated() {
        let sB = e.reduce(0) { $0 + grB.termSum[$1] }
        let cB = e.reduce(0) { $0 + grB.conditioning[$1] }
        tally.record("ζ-gradients", residual: abs(gPRO[k] - gEDPO[k]),
                     tolerance: PRODecTol.round(terms: 2 * (n + n * n), termSum: grA.termSum[k] + sB,
                                                conditioning: grA.conditioning[k] + cB + liftCond),
                     inputs: inputs + [NamedValue("coordinate of 𝒴_ℋ", Double(k))],
                     detail: "∂L̂_PRO/∂ζ = \(gPRO[k]), ∂L̂_eDPO(lift)/∂ζ = \(gEDPO[k])")
      }
    }
    return tally.outcome(claim: "L̂_PRO(π_ℋ) = L̂_eDPO(lift of π_ℋ)")
  }
}
