// pro.dpo-shift-invariance — PRO (002_74b446355a07bf4a.txt) §2, the paragraph after the DPO
// loss: L̂_DPO keeps its value when every response occurring in D has its log-probability
// shifted by one constant c (claims/pro.md). (a) free log-probabilities, (b) normalised
// policies with the unlabeled mass rescaled, (c) the directional derivative along 1_L.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let dpoShiftInvarianceProvenance = ClaimProvenance.reconstructed(
    "DPO loss, S5; the invariance itself is stated in prose")

  static let dpoShiftInvariance = Claim(
    id: "pro.dpo-shift-invariance", paper: .pro,
    source: "§2, the paragraph after the DPO loss", kind: .identity,
    statement: "L̂_DPO is unchanged when log π_θ(y) becomes log π_θ(y) + c for every response "
      + "y occurring in D (for a pair: y_w and y_l).",
    provenance: dpoShiftInvarianceProvenance
  ) { ctx in
    let main = dpoShiftSweep(ctx, extra: { _, _ in 0 })
    // Control: an added 10⁻³ log π(y_w) of the first pair must break (a).
    let control = dpoShiftSweep(ctx, extra: { u, d in 1e-3 * u[d.pairs[0].w] }, onlyA: true)
    let out = PRODecTol.applyControl(
      main, controlFailed: control.verdict == .refuted, control: "added 10⁻³ log π(y_w)")
    return PRODecTol.stamp(out, dpoShiftInvarianceProvenance)
  }

  static let dpoShifts: [Double] = [-30, -1, -1e-3, 1e-3, 1, 30]

  /// (a)–(c) on the instances of pro.dpo-gradient; `extra(u, data)` is added to the loss
  /// (0 for the claim, a symmetry-breaking term for the control).
  static func dpoShiftSweep(
    _ ctx: CheckContext, extra: @escaping ([Double], PRODecDPODataset) -> Double, onlyA: Bool = false
  ) -> CheckOutcome {
    var tally = Tally()
    for j in 0..<ctx.count(full: 2000, quick: 200) {
      let inst = dpoInstance(ctx, "pro.dpo-gradient", j)
      let d = inst.data
      let occurring = Array(Set(d.pairs.flatMap { [$0.w, $0.l] })).sorted()
      let inL = Set(occurring)
      let f: ([Double]) -> Double = { u in d.loss(u, logits: false, extra: { extra($0, d) }) }
      // The base point as log-probabilities (free u, or logSoftmax(z)).
      let u = PRODecDPODataset.logProbs(inst.x, logits: inst.logits)
      let base = f(u)
      func roundFor(_ c: Double, _ v1: Double, _ v2: Double) -> Tolerance {
        var cond = 0.0
        for p in d.pairs {
          let gap = d.beta * ((u[p.w] - d.logRef[p.w]) - (u[p.l] - d.logRef[p.l]))
          let m = d.beta * (abs(u[p.w]) + abs(u[p.l]) + 2 * abs(c) + abs(d.logRef[p.w]) + abs(d.logRef[p.l]))
          cond += sigmoid(-gap) / Double(d.pairs.count) * m
        }
        return PRODecTol.round(terms: d.pairs.count, termSum: abs(v1) + abs(v2), conditioning: cond)
      }
      let inputs: (Double) -> [NamedValue] = { c in
        [NamedValue("case", Double(j)), NamedValue("n", Double(inst.n)), NamedValue("β", d.beta),
         NamedValue("I", Double(d.pairs.count)), NamedValue("c", c)]
      }
      for c in dpoShifts {
        // (a) free log-probabilities u + c·1_L (kept ≤ 0 for the DPO domain by first moving
        // the whole point down by max(c, 0), itself a shift of every occurring response).
        let down = max(c, 0) + 1e-3
        let ua = u.indices.map { inL.contains($0) ? u[$0] - down : u[$0] }
        let ub = ua.indices.map { inL.contains($0) ? ua[$0] + c : ua[$0] }
        let va = f(ua)
        let vb = f(ub)
        tally.record(
          "(a) free log-probabilities", residual: abs(va - vb), tolerance: roundFor(c, va, vb),
          inputs: inputs(c), detail: "L(u) = \(va), L(u + c·1_L) = \(vb)")
        if onlyA { continue }
        // (b) normalised policies, n ≥ |L| + 1, feasible c < −log π(L).
        if inst.n >= occurring.count + 1 {
          let logPiL = logSumExp(occurring.map { u[$0] })
          if c < -logPiL {
            // Unlabeled rescaling (1 − e^c π(L))/(1 − π(L)) in log space.
            let logScale = log1mExp(c + logPiL) - log1mExp(logPiL)
            let up = u.indices.map { inL.contains($0) ? u[$0] + c : u[$0] + logScale }
            if up.allSatisfy({ $0 <= 0 && $0.isFinite }) {
              let vp = f(up)
              tally.record(
                "(b) normalised policies", residual: abs(base - vp),
                tolerance: roundFor(c, base, vp), inputs: inputs(c),
                detail: "L(π) = \(base), L(π_c) = \(vp)")
            }
          }
        }
      }
      if onlyA { continue }
      // (c) Σ_{y∈L} ∂L/∂u_y from the analytic (Objectives) gradient is 0.
      if let g = try? d.objectivesGradient(u, logits: false) {
        // S: the absolute pair contributions β σ/I entering the coordinates of L.
        let parts = d.eq1(u, logits: false, weight: { sigmoid($0) })
        var dir = 0.0
        var s = 0.0
        for y in occurring {
          dir += g[y]
          s += parts.termSum[y]
        }
        tally.record(
          "(c) directional derivative along 1_L", residual: abs(dir),
          tolerance: PRODecTol.round(terms: 2 * d.pairs.count, termSum: s), inputs: inputs(0),
          detail: "⟨∇L, 1_L⟩ = \(dir)")
      }
    }
    return tally.outcome(claim: "shift of the occurring responses by c")
  }
}
