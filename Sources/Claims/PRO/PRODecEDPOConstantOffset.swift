// pro.edpo-constant-offset — a consequence of PRO (002_74b446355a07bf4a.txt) Theorem 3.1
// derived in PRO-formulas.md §2 (Checkable claims item 2): for every θ,
//   L_DPO − L_eDPO = ½ log 2 + β E_{y∼µ}[s(y) log π_ref(y)]   (claims/pro.md).
// Values from Objectives (PopulationDPO, EDPO) at logits, from the Analytic closed forms at
// free log-probabilities (Objectives has no such entry point).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let edpoConstantOffsetProvenance = ClaimProvenance.reconstructed("derived, PRO-formulas.md §2")

  static let edpoConstantOffset = Claim(
    id: "pro.edpo-constant-offset", paper: .pro,
    source: "not printed; a consequence of Theorem 3.1 (PRO-formulas.md §2, Checkable claims item 2)",
    kind: .identity,
    statement: "For every θ, L_DPO − L_eDPO = ½ log 2 + β E_{y∼µ}[s(y) log π_ref(y)].",
    provenance: edpoConstantOffsetProvenance
  ) { ctx in
    let main = try edpoOffsetSweep(ctx, halfLog2: 0.5 * log(2.0))
    let control = try edpoOffsetSweep(ctx, halfLog2: 0)
    var out = PRODecTol.applyControl(
      main, controlFailed: control.verdict == .refuted, control: "½ log 2 omitted")
    out.notes.append(
      "reading: the free log-probability cases evaluate both losses by the Analytic closed forms "
        + "(Objectives' population losses take logits only)")
    return PRODecTol.stamp(out, edpoConstantOffsetProvenance)
  }

  /// L_DPO − L_eDPO against `halfLog2` + β Σ µ s log π_ref on the instances of
  /// pro.edpo-gradient-equivalence.
  static func edpoOffsetSweep(_ ctx: CheckContext, halfLog2: Double) throws -> CheckOutcome {
    var tally = Tally()
    var worstOffset = ""
    for j in 0..<ctx.count(full: 2000, quick: 200) {
      let inst = PRODecPopulationInstance.draw(ctx, j)
      let s = inst.scores
      let u = inst.logProbs
      let dA = PRODecPopulationForms.dpo(
        logProbs: u, refLogProbs: inst.logRef, mu: inst.mu, preference: inst.preference,
        beta: inst.beta)
      let eA = PRODecPopulationForms.edpo(
        logProbs: u, refLogProbs: inst.logRef, mu: inst.mu, scores: s, beta: inst.beta)
      let lDPO: Double
      let lEDPO: Double
      if inst.logits {
        lDPO = try PopulationDPO(beta: inst.beta).loss(inst.objectivesInput)
        lEDPO = try EDPO(beta: inst.beta).loss(inst.objectivesInput)
      } else {
        lDPO = dA.value
        lEDPO = eA.value
      }
      let off = PRODecPopulationForms.offset(
        refLogProbs: inst.logRef, mu: inst.mu, scores: s, beta: inst.beta)
      let rhs = off.value - 0.5 * log(2.0) + halfLog2
      let lhs = lDPO - lEDPO
      let tol = PRODecTol.round(
        terms: 2 * inst.n * inst.n + inst.n,
        termSum: dA.valueTermSum + eA.valueTermSum + off.termSum,
        conditioning: dA.valueConditioning + eA.valueConditioning)
      let ok = tally.record(
        inst.logits ? "logits z (Objectives)" : "free log-probabilities u (Analytic)",
        residual: abs(lhs - rhs), tolerance: tol,
        inputs: [NamedValue("case", Double(j))] + inst.inputs,
        detail: "L_DPO − L_eDPO = \(lhs), claimed offset = \(rhs)")
      if !ok && worstOffset.isEmpty { worstOffset = "observed offset \(lhs) vs claimed \(rhs)" }
    }
    return tally.outcome(
      claim: "L_DPO − L_eDPO = ½ log 2 + β E_µ[s log π_ref]",
      notes: worstOffset.isEmpty ? [] : [worstOffset])
  }
}
