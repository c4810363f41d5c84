// pro.partial-regularizer-underdetermined — PRO (002_74b446355a07bf4a.txt) §3.2 and footnote 2
// (v1): with µ̂ in the regularizer (support L ⊊ 𝒴), L̂^µ̂_eDPO is unchanged by a common shift
// of log π on L (unlabeled mass renormalised); with full µ, L̂_eDPO changes (claims/pro.md).
// Values and gradients from Objectives' SampleEDPO (µ = µ̂ or the full µ).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let partialRegularizerProvenance = ClaimProvenance.reconstructed(
    "regularizer and sample eDPO; PRO-formulas.md §3–4")

  static let partialRegularizerUnderdetermined = Claim(
    id: "pro.partial-regularizer-underdetermined", paper: .pro,
    source: "§3.2; footnote 2 (v1)", kind: .identity,
    statement: "With µ replaced by µ̂ (support L ⊊ 𝒴), R_µ̂ and L̂^µ̂_eDPO are unchanged when log π "
      + "is shifted by one constant on L (unlabeled mass renormalised); with full-support µ in the "
      + "regularizer, L̂_eDPO changes under the same shift.",
    provenance: partialRegularizerProvenance
  ) { ctx in
    PRODecTol.stamp(try partialRegularizerSweep(ctx, centred: true), partialRegularizerProvenance)
  }

  /// One instance: n ∈ 3…10, k ∈ 2…n−1, logits, pairwise ŝ (or uncentred per-sample scores).
  static func partialInstance(_ ctx: CheckContext, _ j: Int, centred: Bool)
    -> (z: [Double], ref: [Double], mu: [Double], muHat: [Double], s: [Double], L: [Int], beta: Double, alpha: Double)
  {
    hyperInstance(
      ctx, "pro.partial-regularizer-underdetermined", j, nRange: 3...10, unlabeled: 1, minLabeled: 2,
      rescore: centred
        ? nil
        : { r, muHat in
          // Mean of 1–5 labels in {±½} per labeled response (App. D style; not centred).
          muHat.map { mass in
            guard mass > 0 else { return 0 }
            let m = Strata.integer(&r, 1...5)
            return (0..<m).map { _ in r.uniform() < 0.5 ? 0.5 : -0.5 }.reduce(0, +) / Double(m)
          }
        })
  }

  /// (i)–(iii) of the entry; with `centred` false, the scope probe (uncentred scores).
  static func partialRegularizerSweep(_ ctx: CheckContext, centred: Bool) throws -> CheckOutcome {
    var tally = Tally()
    var probeSurvives = true
    var muDirectional = 0.0
    for j in 0..<ctx.count(full: 1000, quick: 100) {
      let inst = partialInstance(ctx, j, centred: true)
      let probe = partialInstance(ctx, j, centred: false)
      let u = logSoftmax(inst.z)
      let inL = Set(inst.L)
      // log π(L) through log π(U) (accurate when π(U) is tiny), c_max = −log π(L).
      // Each from its own sum when that mass is below ½, else as the complement of the other.
      let lseL = min(0, logSumExp(inst.L.map { u[$0] }))
      let lseU = min(0, logSumExp(u.indices.filter { !inL.contains($0) }.map { u[$0] }))
      let logPiL = lseL < -log(2.0) ? lseL : log1mExp(lseU)
      let logPiU = lseU < -log(2.0) ? lseU : log1mExp(lseL)
      let cMax = -logPiL
      let obj = SampleEDPO(beta: inst.beta, alpha: inst.alpha)
      func value(_ lp: [Double], _ mu: [Double], _ s: [Double]) throws -> Double {
        try obj.loss(SampleEDPOInput(logits: lp, refLogits: inst.ref, mu: mu, muHat: inst.muHat, scores: s))
      }
      /// T-round of a value difference: terms and conditioning of both evaluations.
      func round(_ lp: [Double], _ mu: [Double], _ c: Double) -> Tolerance {
        var n = 0
        var sum = 0.0
        var cond = 0.0
        for q in [u, lp] {
          let reg = PRORegularizer.value(logProbs: q, refLogProbs: inst.ref, mu: mu, beta: inst.beta, weight: inst.alpha)
          n += reg.terms
          sum += reg.termSum
          cond += reg.conditioning
          for y in inst.L {
            let t = inst.beta * inst.muHat[y] * abs(inst.s[y])
            sum += t * abs(q[y])
            cond += t * (abs(u[y]) + abs(c))
            n += 1
          }
        }
        return PRODecTol.round(terms: n, termSum: sum, conditioning: cond)
      }
      let inputs: (Double) -> [NamedValue] = { c in
        [NamedValue("case", Double(j)), NamedValue("n", Double(u.count)), NamedValue("k", Double(inst.L.count)),
         NamedValue("β", inst.beta), NamedValue("α", inst.alpha), NamedValue("c", c)]
      }
      var fullChanged = false
      var tried: [String] = []
      for c in [-20, -1, -1e-3, 1e-3, 0.5 * cMax] {
        // Feasible shifts only (c < c_max); the unlabeled mass scales by (1 − e^c π(L))/π(U).
        guard c < cMax, c + logPiL < 0 else { continue }
        let logScale = log1mExp(c + logPiL) - logPiU
        let lp = u.indices.map { inL.contains($0) ? u[$0] + c : u[$0] + logScale }
        // (i) µ̂ in the regularizer.
        let d1 = try value(lp, inst.muHat, inst.s) - value(u, inst.muHat, inst.s)
        tally.record("(i) Δ_µ̂(c) = 0", residual: abs(d1), tolerance: round(lp, inst.muHat, c),
                     inputs: inputs(c), detail: "Δ_µ̂(c) = \(d1)")
        // (ii) full µ.
        let d2 = try value(lp, inst.mu, inst.s) - value(u, inst.mu, inst.s)
        let t2 = round(lp, inst.mu, c).absolute
        if abs(d2) > t2 { fullChanged = true }
        tried.append("c = \(formatNumber(c)): Δ_µ = \(d2) (T-round \(t2))")
        // Scope probe: uncentred per-sample scores.
        let d3 = try value(lp, inst.muHat, probe.s) - value(u, inst.muHat, probe.s)
        if abs(d3) > round(lp, inst.muHat, c).absolute { probeSurvives = false }
      }
      tally.record("(ii) Δ_µ(c) exceeds T-round for some c (full µ)", passed: fullChanged,
                   inputs: inputs(0), detail: "L̂_eDPO with full µ did not change under any tested shift (c_max = \(cMax)): "
                     + tried.joined(separator: "; "))
      // (iii) directional derivative along 1_L at c = 0 (logit shifts on L span the same family).
      for (name, mu) in [("µ̂", inst.muHat), ("µ", inst.mu)] {
        let g = try obj.gradient(SampleEDPOInput(logits: inst.z, refLogits: inst.ref, mu: mu, muHat: inst.muHat, scores: inst.s))
        let regG = PRORegularizer.gradient(logProbs: u, refLogProbs: inst.ref, mu: mu, beta: inst.beta, weight: inst.alpha)
        var dir = 0.0
        var sum = 0.0
        for y in inst.L {
          dir += g[y]
          sum += 2 * (inst.beta * inst.muHat[y] * abs(inst.s[y]) + abs(regG[y]))
        }
        for y in u.indices { sum += exp(u[y]) * (inst.beta * inst.muHat[y] * abs(inst.s[y]) + abs(regG[y])) }
        if name == "µ̂" {
          tally.record("(iii) ⟨∇L̂^µ̂, 1_L⟩ = 0", residual: abs(dir),
                       tolerance: PRODecTol.round(terms: 2 * u.count * u.count, termSum: sum),
                       inputs: inputs(0), detail: "directional derivative \(dir)")
        } else {
          muDirectional = max(muDirectional, abs(dir))
        }
      }
    }
    return tally.outcome(
      claim: "shift invariance of L̂^µ̂_eDPO on L",
      notes: [
        "(iii) with full µ (reported): largest |⟨∇L̂_eDPO, 1_L⟩| = \(format3(muDirectional))",
        "scope probe (uncentred per-sample scores): the invariance "
          + (probeSurvives ? "survives" : "does not survive") + " without centring",
      ])
  }
}
