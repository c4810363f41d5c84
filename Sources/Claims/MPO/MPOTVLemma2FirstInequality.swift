// mpo.lemma2.first-inequality (001_0ef3930bdbd6a134.txt App. E.2 Lemma 2, first inequality):
// ‖θ̂n − θ⋆‖ ≤ (2/m0)‖μ̂n − μ⋆‖, asserted almost surely (its event does not depend on δ).
// On TV-SIM's interior MLEs: ρ1 = ‖θ̂ − θ⋆‖·m0/(2‖μ̂ − μ⋆‖), violation ρ1 > 1 + 1e-9;
// λ_seg = min over [θ⋆, θ̂] of λ_min ∇²A (1001-point grid refined by Brent) for every
// violation and for 100 seeded non-violations; conditional on λ_seg < m0/2 (the proof
// sketch's "small neighborhood" condition fails) when all violations have it.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One interior repetition for Lemma 2's first inequality.
struct MPOTVLemma2Case: Sendable {
  var k: Int
  var family: Int
  var n: Int
  var rep: Int
  var rho1: Double
  var fam: MPOTVFamily
  var thetaHat: [Double]
  var m0: Double

  var inputs: [NamedValue] {
    [NamedValue("k", Double(k)), NamedValue("family", Double(family)), NamedValue("n", Double(n)),
     NamedValue("repetition", Double(rep))]
  }
}

extension MPOConvergenceClaims {
  static let lemma2FirstInequality = Claim(
    id: "mpo.lemma2.first-inequality", paper: .mpo,
    source: "App. E.2 Lemma 2 (first inequality) and its proof sketch", kind: .inequality,
    statement: "‖θ̂n − θ⋆‖₂ ≤ (2/m0)‖μ̂n − μ⋆‖₂ (printed inside a 'with probability ≥ 1 − δ' "
      + "statement whose event does not depend on δ, i.e. almost surely)."
  ) { ctx in
    let sim = MPOTVSim.shared(ctx)
    var cases: [MPOTVLemma2Case] = []
    var activeCount = 0
    for k in sim.ks {
      for (f, fam) in (sim.families[k] ?? []).enumerated() {
        let m0 = try fam.hessianEigenvalues(fam.thetaStar)[0]
        for cell in sim.cells(k: k, family: f) {
          for (i, rep) in cell.reps.enumerated() where rep.converged {
            if rep.active { activeCount += 1; continue }
            let d = MPOTVLinearAlgebra.norm(zip(rep.thetaHat, fam.thetaStar).map { $0 - $1 })
            cases.append(MPOTVLemma2Case(k: k, family: f, n: cell.n, rep: i,
              rho1: d * m0 / (2 * rep.meanError), fam: fam, thetaHat: rep.thetaHat, m0: m0))
          }
        }
      }
    }
    var r = ctx.stream("mpo.lemma2.first-inequality/sample")
    var out = try lemma2Outcome(cases, sampleSize: ctx.count(full: 100, quick: 5), random: &r)
    out.notes.append("repetitions with an active constraint (reported separately, not judged): "
      + "\(activeCount)")
    return out
  }

  /// min over t ∈ [0, 1] of λ_min ∇²A(θ⋆ + t(θ̂ − θ⋆)): `points` grid, Brent around the best.
  static func segmentExtremeEigenvalue(
    _ fam: MPOTVFamily, from a: [Double], to b: [Double], points: Int, largest: Bool
  ) throws -> Double {
    func f(_ t: Double) throws -> Double {
      let th = zip(a, b).map { $0 + t * ($1 - $0) }
      let ev = try fam.hessianEigenvalues(th)
      return largest ? -ev[ev.count - 1] : ev[0]
    }
    var best = 0
    var vals: [Double] = []
    for i in 0..<points {
      vals.append(try f(Double(i) / Double(points - 1)))
      if vals[i] < vals[best] { best = i }
    }
    var value = vals[best]
    if best > 0 && best < points - 1 && vals[best] < vals[best - 1] && vals[best] < vals[best + 1] {
      let h = 1 / Double(points - 1)
      let t0 = Double(best) * h
      var err: Error?
      let m = try? Minimize.brent({ t in
        do { return try f(t) } catch { err = error; return .nan }
      }, a: t0 - h, guess: t0, b: t0 + h, relativeTolerance: 1e-7)
      if err == nil, let m { value = min(value, m.value) }
    }
    return largest ? -value : value
  }

  /// The rule of mpo.lemma2.first-inequality on interior cases (injectable for mutation tests).
  static func lemma2Outcome(
    _ cases: [MPOTVLemma2Case], sampleSize: Int, random r: inout RandomStream,
    segmentMin: (MPOTVLemma2Case) throws -> Double = {
      try segmentExtremeEigenvalue($0.fam, from: $0.fam.thetaStar, to: $0.thetaHat, points: 1001,
        largest: false)
    }
  ) throws -> CheckOutcome {
    let violating = cases.filter { $0.rho1 > 1 + 1e-9 }
    let holding = cases.filter { !($0.rho1 > 1 + 1e-9) }
    var sample: [MPOTVLemma2Case] = []
    var pool = holding
    for _ in 0..<min(sampleSize, pool.count) {
      sample.append(pool.remove(at: Int(r.uniformInt(below: UInt64(pool.count)))))
    }
    var notes: [String] = []
    let ns = Array(Set(cases.map(\.n))).sorted()
    notes.append("violation frequency per n: " + ns.map { n in
      let all = cases.filter { $0.n == n }.count
      let v = violating.filter { $0.n == n }.count
      return "\(n): \(v)/\(all)"
    }.joined(separator: ", "))
    var sampleLow = 0
    var holdingCase = ""
    for c in sample {
      let l = try segmentMin(c)
      if l < c.m0 / 2 { sampleLow += 1 }
      if holdingCase.isEmpty {
        holdingCase = "k=\(c.k) family \(c.family) n=\(c.n) rep \(c.rep): ρ1 = \(format3(c.rho1)), "
          + "λ_seg/m0 = \(format3(l / c.m0))"
      }
    }
    notes.append("non-violating sample: \(sample.count) cases, \(sampleLow) with λ_seg < m0/2")
    let maxRho = cases.map(\.rho1).max() ?? 0
    if violating.isEmpty {
      return CheckOutcome(verdict: .confirmed,
        summary: "\(cases.count) interior MLEs, no violation of ‖θ̂ − θ⋆‖ ≤ (2/m0)‖μ̂ − μ⋆‖ "
          + "(max ρ1 = \(format3(maxRho)))", notes: notes)
    }
    // Smallest first: fewest n, then k.
    let ordered = violating.sorted { ($0.n, $0.k, $0.family, $0.rep) < ($1.n, $1.k, $1.family, $1.rep) }
    var inBase: MPOTVLemma2Case?
    var baseLambda = 0.0
    var firstLambda = Double.nan
    for (i, c) in ordered.enumerated() {
      let l = try segmentMin(c)
      if i == 0 { firstLambda = l }
      if l >= c.m0 / 2 { inBase = c; baseLambda = l; break }
    }
    let first = ordered[0]
    let firstLine = "k=\(first.k) family \(first.family) n=\(first.n) rep \(first.rep): ρ1 = "
      + "\(format3(first.rho1)), λ_seg/m0 = \(format3(firstLambda / first.m0))"
    notes.append("smallest-n violation: " + firstLine)
    if let c = inBase {
      let cx = Counterexample(inputs: c.inputs,
        detail: "ρ1 = \(format3(c.rho1)) > 1 with λ_seg = \(format3(baseLambda)) ≥ m0/2 = "
          + "\(format3(c.m0 / 2))")
      return CheckOutcome(verdict: .refuted,
        summary: "\(violating.count) of \(cases.count) interior MLEs violate; one in the base case "
          + "(λ_seg ≥ m0/2): " + cx.line, notes: notes, counterexample: cx)
    }
    let cond = ConditionReport(
      condition: "λ_seg ≥ m0/2 (the Hessian stays above m0/2 on the segment [θ⋆, θ̂n])",
      casesSatisfying: holding.count, holdingCase: holdingCase, failingCase: firstLine)
    return CheckOutcome(verdict: .conditional,
      summary: "conditional on λ_seg ≥ m0/2: \(violating.count) of \(cases.count) interior MLEs "
        + "violate (max ρ1 = \(format3(maxRho))), all with λ_seg < m0/2; e.g. " + firstLine,
      notes: notes, conditions: [cond])
  }
}
