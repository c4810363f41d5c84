// pro.edpo-gradient-equivalence — PRO (002_74b446355a07bf4a.txt) §3.1 Theorem 3.1 (proof App.
// B.1, Eqs. (10)–(13)): ∇L_DPO = ∇L_eDPO (claims/pro.md). At logits z the two Objectives
// (PopulationDPO, EDPO) are compared; at free log-probabilities u, where Objectives has no
// entry point (its population losses normalise their logits), the Analytic closed forms of
// PRODecPopulationForms are compared instead (reading, stated in the notes). Central
// differences of L_DPO − L_eDPO are compared with 0 in both parametrisations.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// One instance of pro.edpo-gradient-equivalence / pro.edpo-constant-offset.
struct PRODecPopulationInstance {
  var n: Int
  var beta: Double
  var mu: [Double]
  var logRef: [Double]
  var preference: [[Double]]
  var x: [Double]
  var logits: Bool
  var fullSupport: Bool

  /// log π at the variables.
  var logProbs: [Double] { logits ? logSoftmax(x) : x }
  var scores: [Double] { PRODecScore.score(mu: mu, preference: preference).s }

  var inputs: [NamedValue] {
    [NamedValue("n", Double(n)), NamedValue("β", beta), NamedValue("full support", fullSupport ? 1 : 0),
     NamedValue("logits", logits ? 1 : 0)]
  }

  /// Case j: n cycling 2…10, µ full support for (j/2) even and partial otherwise, π_ref
  /// Dirichlet, mixed p, logits for odd j, free log-probabilities for even j, τ cycling.
  static func draw(_ ctx: CheckContext, _ j: Int) -> PRODecPopulationInstance {
    var r = PRODecM1.stream(ctx, "pro.edpo-gradient-equivalence", j)
    let n = PRODecM1.size(j, 2...10)
    let a = PRODecM1.concentrations[j % 3]
    let beta = PRODecM1.beta(j, &r)
    var mu = PRODecM1.distribution(n, concentration: a, &r)
    let full = (j / 2) % 2 == 0
    if !full { mu = PRODecM1.partial(mu, &r) }
    let ref = PRODecM1.distribution(n, concentration: a, &r)
    let p = PRODecM1.preference(n, .mixed, &r)
    let tau = PRODecM1.taus[(j / 4) % 4]
    let logits = j % 2 == 1
    let x = logits ? PRODecM1.logits(n, tau: tau, &r) : PRODecM1.freeLogProbs(n, tau: tau, &r)
    return PRODecPopulationInstance(
      n: n, beta: beta, mu: mu, logRef: PRODecM1.logs(ref), preference: p, x: x, logits: logits,
      fullSupport: full)
  }

  /// The Objectives input at logits z (π_ref's logits are its log-probabilities).
  var objectivesInput: PopulationPreferenceInput {
    PopulationPreferenceInput(logits: x, refLogits: logRef, mu: mu, preference: preference)
  }
}

extension PRODecompositionClaims {
  static let edpoGradientEquivalenceProvenance = ClaimProvenance.reconstructed(
    "population DPO and eDPO from S3 LaTeX, independently re-derived; PRO-formulas.md §2")

  static let edpoGradientEquivalence = Claim(
    id: "pro.edpo-gradient-equivalence", paper: .pro,
    source: "§3.1 Theorem 3.1; proof App. B.1, Eqs. (10)–(13)", kind: .gradientIdentity,
    statement: "∇θ L_DPO = ∇θ L_eDPO, with L_eDPO = −β E_µ[s log π_θ] + ½ E_µµ[K(r_θ(y₁) − "
      + "r_θ(y₂))] and s(y) = E_{y'∼µ}[p(y≻y')] − ½.",
    provenance: edpoGradientEquivalenceProvenance
  ) { ctx in
    let main = try edpoEquivalenceSweep(ctx, regularizerWeight: 1, scoreShift: 0)
    let c1 = try edpoEquivalenceSweep(ctx, regularizerWeight: 2, scoreShift: 0, quickControl: true)
    let c2 = try edpoEquivalenceSweep(ctx, regularizerWeight: 1, scoreShift: 0.1, quickControl: true)
    var out = PRODecTol.applyControl(
      main, controlFailed: c1.verdict == .refuted, control: "regularizer weight 1 instead of ½")
    out = PRODecTol.applyControl(
      out, controlFailed: c2.verdict == .refuted, control: "s replaced by s + 0.1")
    out.notes.append(
      "reading: at free log-probabilities u Objectives' PopulationDPO/EDPO have no entry point "
        + "(they normalise logits), so the u cases compare the Analytic closed forms "
        + "(PRODecPopulationForms); the logit cases compare the two Objectives")
    return PRODecTol.stamp(out, edpoGradientEquivalenceProvenance)
  }

  /// ∇L_DPO against ∇L_eDPO with the eDPO regularizer at `regularizerWeight`·½ and scores
  /// s + `scoreShift` (1 and 0 for the claim; controls otherwise).
  static func edpoEquivalenceSweep(
    _ ctx: CheckContext, regularizerWeight w: Double, scoreShift: Double, quickControl: Bool = false
  ) throws -> CheckOutcome {
    var tally = Tally()
    let count = quickControl ? ctx.count(full: 200, quick: 40) : ctx.count(full: 2000, quick: 200)
    for j in 0..<count {
      let inst = PRODecPopulationInstance.draw(ctx, j)
      let s = inst.scores.map { $0 + scoreShift }
      let u = inst.logProbs
      let dA = PRODecPopulationForms.dpo(
        logProbs: u, refLogProbs: inst.logRef, mu: inst.mu, preference: inst.preference,
        beta: inst.beta)
      let eA = PRODecPopulationForms.edpo(
        logProbs: u, refLogProbs: inst.logRef, mu: inst.mu, scores: s, beta: inst.beta,
        regularizerWeight: w)
      // Per-coordinate S and C (in u; for z pulled through ∂z = ∂u − π Σ∂u).
      var sU = zip(dA.gradientTermSum, eA.gradientTermSum).map { $0 + $1 }
      var cU = zip(dA.gradientConditioning, eA.gradientConditioning).map { $0 + $1 }
      // s is formed as Σ µ p − ½ on each side (EDPO's own ScoreFunction and PRODecScore):
      // its rounding is relative to Σ µ p + ½, so the optimizer term counts β µ_a (Σ µ p + ½).
      let sTerms = PRODecScore.score(mu: inst.mu, preference: inst.preference).termSum
      for a in 0..<inst.n { sU[a] += inst.beta * inst.mu[a] * sTerms[a] }
      let gd: [Double]
      let ge: [Double]
      let f: ([Double]) -> Double
      if inst.logits {
        let input = inst.objectivesInput
        gd = Array(try PopulationDPO(beta: inst.beta).gradient(input).prefix(inst.n))
        if w == 1 && scoreShift == 0 {
          ge = Array(try EDPO(beta: inst.beta).gradient(input).prefix(inst.n))
          f = { z in
            let xi = PopulationPreferenceInput(
              logits: z, refLogits: inst.logRef, mu: inst.mu, preference: inst.preference)
            guard let a = try? PopulationDPO(beta: inst.beta).loss(xi),
              let b = try? EDPO(beta: inst.beta).loss(xi)
            else { return .nan }
            return a - b
          }
        } else {
          // Controls: the altered eDPO through the Analytic form, pulled back to z.
          let pi = u.map { exp($0) }
          let total = eA.gradient.reduce(0, +)
          ge = eA.gradient.indices.map { eA.gradient[$0] - pi[$0] * total }
          f = { z in
            let uz = logSoftmax(z)
            return PRODecPopulationForms.dpo(
              logProbs: uz, refLogProbs: inst.logRef, mu: inst.mu, preference: inst.preference,
              beta: inst.beta).value
              - PRODecPopulationForms.edpo(
                logProbs: uz, refLogProbs: inst.logRef, mu: inst.mu, scores: s, beta: inst.beta,
                regularizerWeight: w).value
          }
        }
        let pi = u.map { exp($0) }
        let sTot = sU.reduce(0, +)
        let cTot = cU.reduce(0, +)
        sU = sU.indices.map { sU[$0] + pi[$0] * sTot }
        cU = cU.indices.map { cU[$0] + pi[$0] * cTot }
      } else {
        gd = dA.gradient
        ge = eA.gradient
        f = { uu in
          PRODecPopulationForms.dpo(
            logProbs: uu, refLogProbs: inst.logRef, mu: inst.mu, preference: inst.preference,
            beta: inst.beta).value
            - PRODecPopulationForms.edpo(
              logProbs: uu, refLogProbs: inst.logRef, mu: inst.mu, scores: s, beta: inst.beta,
              regularizerWeight: w).value
        }
      }
      // The rounding of one evaluation of L_DPO − L_eDPO (both values' terms; the FD sees it).
      let evalRound = PRODecTol.round(
        terms: 2 * inst.n * inst.n + inst.n, termSum: dA.valueTermSum + eA.valueTermSum,
        conditioning: dA.valueConditioning + eA.valueConditioning).absolute
      let cls = inst.logits ? "logits z (Objectives)" : "free log-probabilities u (Analytic)"
      for k in 0..<inst.n {
        let inputs = [NamedValue("case", Double(j))] + inst.inputs + [NamedValue("coordinate", Double(k))]
        let round = PRODecTol.round(
          terms: inst.n * inst.n + inst.n, termSum: sU[k] + abs(gd[k]) + abs(ge[k]), conditioning: cU[k])
        tally.record(
          "\(cls): ∇L_DPO vs ∇L_eDPO", residual: abs(gd[k] - ge[k]), tolerance: round,
          inputs: inputs, detail: "∂L_DPO = \(gd[k]), ∂L_eDPO = \(ge[k])")
        if quickControl { continue }
        let e = try PRODecTol.centralPartial(f, at: inst.x, k)
        tally.record(
          "\(cls): central difference of L_DPO − L_eDPO vs 0", residual: abs(e.value),
          tolerance: PRODecTol.fd(
            abserr: e.error, round: round, evaluationRounding: evalRound,
            step: 1e-4 * max(1, abs(inst.x[k]))), inputs: inputs,
          detail: "∂(L_DPO − L_eDPO) by central differences = \(e)")
      }
    }
    return tally.outcome(claim: "∇L_DPO = ∇L_eDPO")
  }
}
