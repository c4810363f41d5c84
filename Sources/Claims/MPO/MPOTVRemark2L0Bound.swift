// mpo.remark2.l0-bound (001_0ef3930bdbd6a134.txt App. E Remark 2): bounded features give
// L0 ≤ E_θ⋆‖φ(Y)‖² ≤ R². Readings of L0: (i) λ_max ∇²A(θ⋆); (ii) sup of λ_max ∇²A over the
// ball B(θ⋆, ρ), ρ ∈ {0.5, 2, 5}, estimated from below by 100 random points of the ball and
// projected gradient ascent (≤ 50 steps) from the best 2, with gradient
// E_θ[(vᵀ(φ − μ_θ))²(φ − μ_θ)] for the top eigenvector v. Families: k ∈ {1, 2, 4, 8, 16},
// M ∈ {k + 1, 64}, R ∈ {0.5, 3}, 10 per setting (1 in quick mode, with 8 points and 4
// steps). Relative slack 1e-12. Base case: reading (i). Each family's random points come from
// its own stream, so the families run on both cores.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOConvergenceClaims {
  static let remark2L0Bound = Claim(
    id: "mpo.remark2.l0-bound", paper: .mpo, source: "App. E Remark 2", kind: .inequality,
    statement: "Bounded features imply L0 ≤ E_{p_θ⋆}[‖φ(Y)‖²] ≤ R²."
  ) { ctx in
    var fams: [(label: String, fam: MPOTVFamily, r: Double)] = []
    for k in [1, 2, 4, 8, 16] {
      for m in [k + 1, 64] {
        for rad in [0.5, 3.0] {
          for f in 0..<ctx.count(full: 10, quick: 1) {
            var g = ctx.stream("mpo.remark2/k\(k)/m\(m)/R\(rad)", index: UInt64(f))
            fams.append(("k=\(k) M=\(m) R=\(rad) family \(f)", MPOTVFamily.random(k: k, m: m, radius: rad, &g), rad))
          }
        }
      }
    }
    var r = ctx.stream("mpo.remark2/ascent")
    return try remark2Outcome(fams, points: ctx.count(full: 100, quick: 8),
      steps: ctx.count(full: 50, quick: 4), random: &r)
  }

  /// λ_max ∇²A(θ) and its top eigenvector.
  static func topEigen(_ fam: MPOTVFamily, _ th: [Double]) -> (Double, [Double]) {
    let (vals, vecs) = MPOTVLinearAlgebra.symmetricEigen(fam.hessian(th), k: fam.k)
    let j = fam.k - 1
    return (vals[j], (0..<fam.k).map { vecs[$0 * fam.k + j] })
  }

  /// Lower estimate of sup over B(θ⋆, ρ) of λ_max ∇²A.
  static func ballSupremum(_ fam: MPOTVFamily, rho: Double, points: Int, steps: Int,
    random r: inout RandomStream) -> Double {
    let k = fam.k
    var cands: [(Double, [Double])] = []
    for _ in 0..<points {
      var v = [Double](repeating: 0, count: k)
      r.fillGaussian(&v)
      let nv = MPOTVLinearAlgebra.norm(v)
      let rad = rho * pow(r.uniform(), 1 / Double(k))
      let th = zip(fam.thetaStar, v).map { $0 + rad * $1 / nv }
      cands.append((topEigen(fam, th).0, th))
    }
    cands.sort { $0.0 > $1.0 }
    var best = cands.first?.0 ?? 0
    for (start, th0) in cands.prefix(2) {
      var th = th0
      var cur = start
      var eta = 1.0
      for _ in 0..<steps {
        let (_, v) = topEigen(fam, th)
        let mo = fam.moments(th, withCovariance: false)
        var grad = [Double](repeating: 0, count: k)
        for y in 0..<fam.m {
          let d = (0..<k).map { fam.phi[y * k + $0] - mo.mean[$0] }
          let s = MPOTVLinearAlgebra.dot(v, d)
          for j in 0..<k { grad[j] += mo.probabilities[y] * s * s * d[j] }
        }
        var moved = false
        while eta > 1e-8 {
          var nt = zip(th, grad).map { $0 + eta * $1 }
          let off = zip(nt, fam.thetaStar).map { $0 - $1 }
          let no = MPOTVLinearAlgebra.norm(off)
          if no > rho { nt = zip(fam.thetaStar, off).map { $0 + rho * $1 / no } }
          let val = topEigen(fam, nt).0
          if val > cur { th = nt; cur = val; moved = true; eta *= 2; break }
          eta /= 2
        }
        if !moved { break }
      }
      best = max(best, cur)
    }
    return best
  }

  /// The rule of mpo.remark2.l0-bound (injectable L0 scale for mutation tests).
  static func remark2Outcome(
    _ fams: [(label: String, fam: MPOTVFamily, r: Double)], points: Int, steps: Int,
    random r: inout RandomStream, scale: Double = 1
  ) throws -> CheckOutcome {
    var tally = Tally()
    var judge: [(base: Bool, firstFails: Bool, r2Fails: Bool, line: String)] = []
    // Family i's ascent draws from its own stream (stream i of a seed taken from `r`), so the
    // families run on both cores and the result does not depend on the schedule.
    let base = r.next()
    let list = fams
    let allReadings = MPOParallelMap.map(list.count) { i -> [(String, Double)] in
      let fam = list[i].fam
      var ri = RandomStream(seed: base, stream: UInt64(i))
      var readings = [("(i)", scale * topEigen(fam, fam.thetaStar).0)]
      for rho in [0.5, 2.0, 5.0] {
        readings.append(("(ii) ρ=\(rho)", scale * ballSupremum(fam, rho: rho, points: points, steps: steps, random: &ri)))
      }
      return readings
    }
    for ((label, fam, rad), readings) in zip(fams, allReadings) {
      let e2 = fam.meanSquaredNorm(fam.thetaStar)
      for (name, l0) in readings {
        let f1 = l0 > e2 * (1 + 1e-12)
        let f2 = l0 > rad * rad * (1 + 1e-12)
        let line = "\(label), reading \(name): L0 = \(format3(l0)), E‖φ‖² = \(format3(e2)), R² = \(format3(rad * rad))"
        tally.record("reading \(name.hasPrefix("(i)") ? "(i)" : "(ii)"): L0 ≤ E‖φ‖²", passed: !f1,
          residual: max(0, l0 - e2), allowed: 1e-12 * e2, reason: "relative slack 1e-12",
          inputs: [NamedValue("k", Double(fam.k)), NamedValue("M", Double(fam.m)), NamedValue("R", rad)], detail: line)
        tally.record("L0 ≤ R²", passed: !f2, residual: max(0, l0 - rad * rad), allowed: 1e-12 * rad * rad,
          reason: "relative slack 1e-12",
          inputs: [NamedValue("k", Double(fam.k)), NamedValue("M", Double(fam.m)), NamedValue("R", rad)], detail: line)
        judge.append((name == "(i)", f1, f2, line))
      }
    }
    var out = tally.outcome(claim: "L0 ≤ E_θ⋆‖φ‖² ≤ R²")
    if tally.failures == 0 { return out }
    let baseFails = judge.contains { $0.base && ($0.firstFails || $0.r2Fails) }
    let r2Fails = judge.contains { $0.r2Fails }
    if !baseFails && !r2Fails {
      out.verdict = .conditional
      let fail = judge.first { $0.firstFails }?.line ?? ""
      let hold = judge.first { !$0.base && !$0.firstFails }?.line ?? judge.first { !$0.firstFails }?.line ?? ""
      out.conditions = [ConditionReport(
        condition: "L0 read as λ_max ∇²A(θ⋆) (reading (i)); the first inequality fails for the sup over a ball",
        casesSatisfying: judge.filter(\.base).count, holdingCase: hold, failingCase: fail)]
      out.summary = "conditional on reading (i): " + out.summary
    }
    return out
  }
}
