// pro.edpo-unique-optimum — PRO (002_74b446355a07bf4a.txt) §3.2 after Corollary 3.3: with
// full-support µ in the regularizer, the minimiser of L̂_eDPO is a single point whenever it
// exists (claims/pro.md). On the first EXISTS instances of pro.edpo-optimality-condition, M2
// runs from 8 starts (log π_ref and 7 random ones); refuted by two certified minimisers of equal
// loss (within T-opt) farther apart than 2(e_z + e_z′), or by a confirmed flat direction. The
// contrast with µ̂ in the regularizer is reported.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let edpoUniqueProvenance = ClaimProvenance.reconstructed("L̂_eDPO; PRO-formulas.md §3")

  static let edpoUniqueOptimum = Claim(
    id: "pro.edpo-unique-optimum", paper: .pro, source: "§3.2, after Corollary 3.3", kind: .existence,
    statement: "With full-support µ in the regularizer, the minimiser of L̂_eDPO is a single point of "
      + "the simplex whenever it exists; all absolute log-probabilities are determined.",
    provenance: edpoUniqueProvenance
  ) { ctx in
    let wanted = ctx.count(full: 100, quick: 10)
    var cases: [PRODecEDPOCase] = []
    var j = 0
    while cases.count < wanted && j < 3 * wanted {
      let c = PRODecEDPOOptima.solve(ctx, j, randomStarts: 7)
      if c.decision == .exists { cases.append(c) }
      j += 1
    }
    return PRODecTol.stamp(uniqueSweep(cases, contrast: true), edpoUniqueProvenance)
  }

  /// Multi-modality and flat directions over the runs of each case.
  static func uniqueSweep(_ cases: [PRODecEDPOCase], contrast: Bool) -> CheckOutcome {
    var tally = Tally()
    var undecided = 0
    var spreads: [Double] = []
    var contrastFlat = 0
    for c in cases {
      let cert = c.runs.filter(\.certified)
      func topt(_ m: PRODecMinimum) -> Double {
        2 * m.gradient2 * m.ez + 4 * Double(c.n * c.n + c.n) * Double.ulpOfOne * (abs(m.value) + c.beta * (1 + c.alpha))
      }
      var multi = false
      var line = ""
      for a in 0..<cert.count {
        for b in (a + 1)..<cert.count {
          let same = abs(cert[a].value - cert[b].value) <= topt(cert[a]) + topt(cert[b])
          let dist = norm(zip(cert[a].z, cert[b].z).map { $0 - $1 })
          // Logits are stored values: their own rounding (8ε per unit of norm) floors the bound.
          let floor = 8 * Double.ulpOfOne * (norm(cert[a].z) + norm(cert[b].z) + 1)
          if same && dist > 2 * (cert[a].ez + cert[b].ez) + floor {
            multi = true
            line = "losses \(cert[a].value), \(cert[b].value); logit distance \(dist)"
          }
        }
      }
      tally.record("two certified minimisers of equal loss", passed: !multi, inputs: c.inputs, detail: line)
      // Flat directions at converged points whose λ_min is below the resolution.
      var flat = false
      var open = false
      for m in c.runs where m.converged && m.lambdaMin <= m.hessianError {
        let v = [0] + m.vMin
        let base = c.loss(m.z)
        let confirmed = [0.1, 1, 10].allSatisfy { t in
          abs(c.loss(zip(m.z, v).map { $0 + t * $1 }) - base)
            <= 4 * Double(c.n * c.n + c.n) * Double.ulpOfOne * (abs(base) + c.beta * (1 + c.alpha))
        }
        if confirmed { flat = true } else { open = true }
      }
      tally.record("confirmed flat direction", passed: !flat, inputs: c.inputs, detail: "a flat direction at a converged point")
      if open && !flat { undecided += 1 }
      if contrast {
        // µ̂ in the regularizer: the spread of labeled log π* across starts.
        var cc = c
        cc.mu = c.muHat
        // Reading (budget, M7): the contrast is reported only, and its loss is flat or unbounded
        // along the unlabeled directions, where M2's 2000 iterations × 6 restarts per start cost
        // minutes in some instances; it runs one BFGS2 pass of at most 100 iterations from the
        // first 3 starts (log π_ref and two random ones), and M2's certificate (Hessian, ‖E‖_F) at
        // the points that converge.
        let gtol = 1e-10 * c.beta * (1 + c.alpha)
        let ff: ([Double]) -> Double = { x in cc.loss([0] + x) }
        let gg: ([Double]) -> [Double] = { x in Array(cc.gradient([0] + x).dropFirst()) }
        var ends: [[Double]] = []
        for start in c.runs.prefix(3).map(\.z) {
          guard let m = try? Minimize.bfgs(
            ff, gradient: gg, from: Array(start.dropFirst()), gradientTolerance: gtol, initialStep: 0.1,
            lineSearchTolerance: 0.1, maxIterations: 100), m.argmin.allSatisfy(\.isFinite)
          else { continue }
          ends.append(m.argmin)
          if let a = try? PRODecM2.assess(ff, gg, m.argmin, gtol: gtol), a.converged, a.lambdaMin <= a.hessianError {
            contrastFlat += 1
          }
        }
        let labeled = (0..<c.n).filter { c.muHat[$0] > 0 }
        var spread = 0.0
        for y in labeled {
          let vals = ends.map { logSoftmax([0] + $0)[y] }
          if let lo = vals.min(), let hi = vals.max() { spread = max(spread, hi - lo) }
        }
        spreads.append(spread)
      }
    }
    var out = tally.outcome(
      claim: "uniqueness of the L̂_eDPO minimiser",
      notes: [
        "\(cases.count) EXISTS instances, \(undecided) undecided (eigenvalue below resolution, no confirmed flat direction)",
        "contrast (µ̂ in the regularizer, not part of the verdict; 3 starts, ≤ 100 BFGS2 iterations): "
          + "largest spread of labeled log π* across starts \(format3(spreads.max() ?? 0)); runs with λ_min ≤ ‖E‖_F: \(contrastFlat)",
      ])
    if out.verdict == .confirmed && undecided * 5 > max(cases.count, 1) {
      out.verdict = .inconclusive
      out.summary = "more than 20% undecided — " + out.summary
    }
    if cases.isEmpty {
      out.verdict = .inconclusive
      out.summary = "no EXISTS instance — " + out.summary
    }
    return out
  }
}
