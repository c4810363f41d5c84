// mpo.thm5.infonca-stationary — 001_0ef3930bdbd6a134.txt App. H.1 Theorem 5, eqs. (54)–(57):
// the stationary points of L_InfoNCA are exactly those with p^model = p^target. Every gradient
// here is the dual-number gradient of the loss itself (MPOGradReference.infoNCA), never
// Lemma 5's formula, so (b) and (c) compare two independent computations.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let thm5InfoNCAStationary = Claim(
    id: "mpo.thm5.infonca-stationary", paper: .mpo, source: "App. H.1 Theorem 5, eq. (54)–(57)",
    kind: .stationarity,
    statement: "The stationary points of the InfoNCA loss are exactly the points where "
      + "p_i^model = p_i^target for all i."
  ) { ctx in
    thm5Check(ctx, target: { $0 })
  }

  /// Dual-number θ-gradient of L_InfoNCA in TAB (scores β(log softmax(θ)_i − log π_ref,i), i < K).
  static func thm5TabGradient(theta: [Double], logRef: [Double], k: Int, beta: Double, target: [Double])
    -> (gradient: [Double], model: [Double])
  {
    let th = MPOGradDual.variables(theta)
    let lz = MPOGradDual.logSumExp(th, count: theta.count)
    let s = (0..<k).map { beta * (th[$0] - lz - logRef[$0]) }
    let (l, lp) = MPOGradReference.infoNCA(s, target: target)
    return (l.d, lp.map { exp($0.v) })
  }

  /// `target` maps the true targets to the ones the stationary points are built from
  /// (identity; a mutation test perturbs them).
  static func thm5Check(_ ctx: CheckContext, target perturb: ([Double]) -> [Double]) -> CheckOutcome {
    var tally = Tally()
    let eps = Double.ulpOfOne
    @Sendable func infNorm(_ v: [Double]) -> Double { v.map { abs($0) }.max() ?? 0 }
    // (a) Sufficiency.
    let na = ctx.count(full: 10_000, quick: 300)
    // GRAD-IN instances 0..<na, shared by (a) and (c) (each a pure function of its index).
    let instances = MPOParallelMap.map(na) { MPOGradInputs.instance(ctx, $0) }
    var r = ctx.stream("thm5 (a)")
    for i in 0..<na {
      let x = instances[i]
      let c = Strata.uniform(&r, -5, 5)
      let s = perturb(x.target).map { log($0) + c }
      let tauLSE = 32 * eps * (1 + infNorm(s))
      let (l, _) = MPOGradReference.infoNCA(MPOGradDual.variables(s), target: x.target)
      tally.record("(a) FS at log p^target + c", passed: infNorm(l.d) <= tauLSE, residual: infNorm(l.d),
        allowed: tauLSE, reason: "τ_LSE(s) = 32ε(1 + max|s|) (§0.13)",
        inputs: x.inputs + [NamedValue("c", c)], detail: "‖∇‖∞ = \(infNorm(l.d))")
      if i < na / 10 {
        let beta = i % 2 == 0 ? 1.0 : 0.1
        let refP = r.dirichlet([Double](repeating: 1, count: x.m))
        let logRef = refP.map { log(max($0, 1e-300)) }
        var theta = logRef
        for j in 0..<x.k { theta[j] += s[j] / beta }
        let (g, _) = thm5TabGradient(theta: theta, logRef: logRef, k: x.k, beta: beta, target: x.target)
        tally.record("(a) TAB at θ_ref + (log p^target + c)/β", passed: infNorm(g) <= beta * tauLSE,
          residual: infNorm(g), allowed: beta * tauLSE, reason: "β·τ_LSE(s) (§0.13)",
          inputs: x.inputs + [NamedValue("c", c), NamedValue("beta", beta), NamedValue("M", Double(x.m))],
          detail: "‖∇_θ‖∞ = \(infNorm(g))")
      }
    }
    // (b) Necessity along descent: η = 0.5, ≤ 2·10⁴ steps, stop at ‖∇‖∞ ≤ 1e-12. The runs are
    // independent (own indexed streams): computed on both cores, recorded in run order.
    let nb = ctx.count(full: 100, quick: 2)
    var reached: [Int] = []
    let bRuns = MPOParallelMap.map(nb) { i -> [(model: String, hits: [(gn: Double, dev: Double)])] in
      let x = MPOGradInputs.instance(ctx, i, label: "thm5 (b)")
      var out: [(model: String, hits: [(gn: Double, dev: Double)])] = []
      for model in ["FS", "TAB"] {
        var s = x.scores
        var rr = ctx.stream("thm5 (b) TAB", index: UInt64(i))
        let logRef = rr.dirichlet([Double](repeating: 1, count: x.m)).map { log(max($0, 1e-300)) }
        var theta = logRef.map { $0 + Strata.uniform(&rr, -1, 1) }
        var hits: [(gn: Double, dev: Double)] = []
        // The dual-number gradient through reused buffers (bit-identical to
        // MPOGradReference.infoNCA / thm5TabGradient; see MPOGradInfoNCAForward).
        var fw = MPOGradInfoNCAForward(k: x.k, n: model == "FS" ? x.k : x.m)
        for _ in 0..<20_000 {
          if model == "FS" {
            fw.setVariables(s)
          } else {
            fw.setTabScores(theta: theta, logRef: logRef, beta: 1)
          }
          fw.evaluate(target: x.target)
          // ‖∇‖∞ as infNorm computes it (Sequence.max of the |g_j|), without an array.
          var gn = abs(fw.gradient[0])
          for j in 1..<fw.n where gn < abs(fw.gradient[j]) { gn = abs(fw.gradient[j]) }
          if gn <= 1e-10 {
            hits.append((gn, infNorm(zip(fw.logModel.map { exp($0) }, x.target).map { $0 - $1 })))
          }
          if gn <= 1e-12 { break }
          if model == "FS" {
            MPOGradModels.step(&s, fw.gradient, eta: 0.5)
          } else {
            MPOGradModels.step(&theta, fw.gradient, eta: 0.5)
          }
        }
        out.append((model, hits))
      }
      return out
    }
    for i in 0..<nb {
      for (model, hits) in bRuns[i] {
        for (gn, dev) in hits {
          tally.record("(b) \(model) near-stationary iterates", passed: dev <= 1e-9, residual: dev,
            allowed: 1e-9, reason: "catalog: ‖∇‖∞ ≤ 1e-10 ⇒ ‖p^model − p^target‖∞ ≤ 1e-9",
            inputs: MPOGradInputs.instance(ctx, i, label: "thm5 (b)").inputs,
            detail: "‖∇‖∞ = \(gn) but ‖p^model − p^target‖∞ = \(dev)")
        }
        reached.append(hits.count)
      }
    }
    // (c) Necessity at random points (independent points: both cores, recorded in order).
    let nc = ctx.count(full: 100_000, quick: 1_000)
    let cPoints = MPOParallelMap.map(nc) { i -> (dev: Double, gn: Double) in
      let x = instances[i % na]
      var rr = ctx.stream("thm5 (c)", index: UInt64(i))
      let s = (0..<x.k).map { _ in Strata.uniform(&rr, -20, 20) }
      var fw = MPOGradInfoNCAForward(k: x.k, n: x.k)
      fw.setVariables(s)
      fw.evaluate(target: x.target)
      let dev = infNorm(zip(fw.logModel.map { exp($0) }, x.target).map { $0 - $1 })
      return (dev, dev > 1e-6 ? infNorm(fw.gradient) : 0)
    }
    for i in 0..<nc {
      let (dev, gn) = cPoints[i]
      if dev > 1e-6 {
        tally.record("(c) random points off the target", passed: gn >= 1e-12, residual: max(0, 1e-12 - gn), allowed: 1e-12,
          reason: "catalog: no point with ‖p^model − p^target‖∞ > 1e-6 has ‖∇‖∞ < 1e-12",
          inputs: instances[i % na].inputs,
          detail: "‖∇‖∞ = \(gn) < 1e-12 at ‖p^model − p^target‖∞ = \(dev)")
      }
    }
    return tally.outcome(
      claim: "Theorem 5: (a) sufficiency, (b) necessity along GD, (c) at random points",
      notes: ["(b) near-stationary iterates (‖∇‖∞ ≤ 1e-10) per run, FS/TAB alternating: \(reached)"])
  }
}
