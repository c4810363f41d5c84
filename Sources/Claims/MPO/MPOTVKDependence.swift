// mpo.thm3.k-dependence (001_0ef3930bdbd6a134.txt App. E Theorem 3, eq. (17): "= Õ(√(k/n))"):
// at n = 2^14, ρ(k) = Ē·√n·m0/(√L0·R) (L0 = λ_max ∇²A(θ⋆), m0 = λ_min) averaged over
// families grows at most like √k: OLS exponent of ρ in k over k ∈ {2, 4, 8, 16, 32}
// (TV-SIM, plus k = 32 with M = 256, 4 families × 200 repetitions), interval ± 1.96·SE with
// SE from 1000 bootstrap resamples (families, then repetitions); threshold 0.6.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One family at n = 2^14: its constant √L0·R/m0 and its TV samples.
struct MPOTVKFamily: Sendable {
  var factor: Double
  var tv: [Double]
}

extension MPOConvergenceClaims {
  static let thm3KDependence = Claim(
    id: "mpo.thm3.k-dependence", paper: .mpo,
    source: "App. E Theorem 3, eq. (17) (Õ(√(k/n))); App. E opening paragraph", kind: .rate,
    statement: "At fixed n, once √L0·R/m0 is divided out, the TV error grows at most like √k "
      + "(up to logarithmic factors)."
  ) { ctx in
    let sim = MPOTVSim.shared(ctx)
    let n = 16384
    var perK: [(k: Int, families: [MPOTVKFamily])] = []
    for k in sim.ks {
      var fs: [MPOTVKFamily] = []
      for (f, fam) in (sim.families[k] ?? []).enumerated() {
        guard let cell = sim.cells(k: k, family: f).first(where: { $0.n == n }) else { continue }
        fs.append(MPOTVKFamily(factor: try familyFactor(fam), tv: cell.used.map(\.tv)))
      }
      perK.append((k, fs))
    }
    // k = 32 with M = 256 (n = 2^14 only).
    // Each family draws from its own stream: families on both cores, kept in family order.
    let runs32 = MPOParallelMap.map(ctx.count(full: 4, quick: 1)) { f -> (MPOTVFamily, [MPOTVRep]) in
      let fam = MPOTVSim.family(ctx, k: 32, index: f, m: 256)
      return (fam, MPOTVSim.run(ctx, fam, familyIndex: f, n: n, reps: ctx.count(full: 200, quick: 20)))
    }
    var fs32: [MPOTVKFamily] = []
    for (fam, reps) in runs32 {
      fs32.append(MPOTVKFamily(factor: try familyFactor(fam), tv: reps.filter(\.converged).map(\.tv)))
    }
    perK.append((32, fs32))
    var r = ctx.stream("mpo.thm3.k-dependence/bootstrap")
    return try kDependenceOutcome(perK, n: n, resamples: ctx.count(full: 1000, quick: 200), random: &r)
  }

  /// √L0·R/m0 at θ⋆ (L0 = λ_max, m0 = λ_min of ∇²A(θ⋆), R = max‖φ‖).
  static func familyFactor(_ fam: MPOTVFamily) throws -> Double {
    let ev = try fam.hessianEigenvalues(fam.thetaStar)
    return (ev[ev.count - 1]).squareRoot() * fam.radius / ev[0]
  }

  /// The exponent rule of mpo.thm3.k-dependence (injectable data for mutation tests).
  static func kDependenceOutcome(
    _ perK: [(k: Int, families: [MPOTVKFamily])], n: Int, resamples: Int, random r: inout RandomStream
  ) throws -> CheckOutcome {
    let rootN = Double(n).squareRoot()
    func rho(_ fs: [MPOTVKFamily]) -> Double {
      MPOTVSlope.mean(fs.map { MPOTVSlope.mean($0.tv) * rootN / $0.factor })
    }
    let ks = perK.map { Double($0.k) }
    let rhos = perK.map { rho($0.families) }
    let slope = try RateFit.logLogSlope(x: ks, y: rhos).slope
    let lk = ks.map { log($0) }
    var boots: [Double] = []
    for _ in 0..<resamples {
      var ly: [Double] = []
      for (_, fs) in perK {
        var acc = 0.0
        for _ in 0..<fs.count {
          let fam = fs[Int(r.uniformInt(below: UInt64(fs.count)))]
          var s = 0.0
          for _ in 0..<fam.tv.count { s += fam.tv[Int(r.uniformInt(below: UInt64(fam.tv.count)))] }
          acc += s / Double(fam.tv.count) * rootN / fam.factor
        }
        ly.append(log(acc / Double(fs.count)))
      }
      boots.append(MPOTVSlope.olsSlope(lk, ly))
    }
    let bm = MPOTVSlope.mean(boots)
    let se = (boots.reduce(0) { $0 + ($1 - bm) * ($1 - bm) } / Double(max(resamples - 1, 1))).squareRoot()
    let fit = MPOTVExponent(label: "exponent of ρ in k", slope: slope, standardError: se,
      lower: slope - 1.96 * se, upper: slope + 1.96 * se)
    let v = MPOTVSlope.upperRule([fit], threshold: 0.6)
    let table = zip(perK, rhos).map { "k=\($0.0.k): ρ=\(format3($0.1)) (\($0.0.families.count) fam.)" }
    var cx: Counterexample?
    if v == .refuted {
      cx = Counterexample(inputs: [NamedValue("lower end", fit.lower)],
        detail: "\(fit.line): lower end > 0.6; ρ(k) " + table.joined(separator: ", "))
    }
    return CheckOutcome(verdict: v,
      summary: "\(fit.line) at n = \(n) (threshold 0.6); ρ(k): " + table.joined(separator: ", "),
      notes: ["ρ(k) = Ē·√n·m0/(√L0·R), L0 = λ_max(∇²A(θ⋆)); SE from \(resamples) bootstrap "
        + "resamples (families, then repetitions)"], counterexample: cx)
  }
}
