// pipa.kto.loss-type (§2.4 calls KTO's loss "the conditional log-likelihood loss function of
// KTO"; §2.3 and App. A.2 identify (10) as E[p^θ(c|x,y)], "the standard conditional likelihood
// without log") — is (10) equivalent to the conditional log-likelihood under the Theorem A.2
// constraints (p^θ(y|x,c=0) = p^prior, p^θ(c=1|x) = 1/(1 + e^z), z = KL(f‖p^prior) from θ)?
// Tested at the maximizer θ_LL of J_LL: (a) stationarity of J₁₀ there; (b) no start of a
// J₁₀ search beats J₁₀(θ_LL) beyond the error bound (paper 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// (−J, −∇J) of J = Σ_y Σ_c w_c(y)·φ_c(u_y), u_y = h_y − z(θ), on pinned θ_f; `phi` gives
  /// (φ₁(u), φ₀(u), φ₁'(u), φ₀'(u)).
  static func ktoConstrainedObjective(
    w1: [Double], w0: [Double], logPrior lp: [Double],
    phi: @escaping (Double) -> (Double, Double, Double, Double)
  ) -> (([Double]) -> Double, ([Double]) -> [Double]) {
    let k = lp.count
    func parts(_ th: [Double]) -> (lf: [Double], f: [Double], h: [Double], z: Double) {
      let lf = PIPAOptimizer.logProbs(pinned: th[0...])
      let f = lf.map { exp($0) }
      let h = (0..<k).map { lf[$0] - lp[$0] }
      return (lf, f, h, (0..<k).reduce(0) { $0 + f[$1] * h[$1] })
    }
    let value: ([Double]) -> Double = { th in
      let p = parts(th)
      return -(0..<k).reduce(0) { acc, y in
        let e = phi(p.h[y] - p.z)
        return acc + w1[y] * e.0 + w0[y] * e.1
      }
    }
    let grad: ([Double]) -> [Double] = { th in
      let p = parts(th)
      let d = (0..<k).map { y -> Double in
        let e = phi(p.h[y] - p.z)
        return w1[y] * e.2 + w0[y] * e.3
      }
      // ∂u_y/∂θ_j = (δ_yj − f_j) − f_j(h_j − z).
      let sd = d.reduce(0, +)
      return (1..<k).map { j in -(d[j] - p.f[j] * sd - p.f[j] * (p.h[j] - p.z) * sd) }
    }
    return (value, grad)
  }

  public static func logLikelihoodPhi(_ u: Double) -> (Double, Double, Double, Double) {
    (logSigmoid(u), logSigmoid(-u), sigmoid(-u), -sigmoid(u))
  }
  public static func eq10Phi(_ u: Double) -> (Double, Double, Double, Double) {
    let sp = sigmoid(u) * sigmoid(-u)
    return (sigmoid(u), sigmoid(-u), sp, -sp)
  }

  /// One dataset's draws: the data, the J_LL starts, the FD rule's plan (drawn from a copy of
  /// the stream, as the comparison always was), the J₁₀ starts, and the stream as it stood
  /// after the J_LL starts (where it resumes when the J_LL fit fails: the J₁₀ starts are then
  /// never drawn).
  struct LossTypeDraw: Sendable {
    var k: Int
    var lp: [Double]
    var w0: [Double]
    var w1: [Double]
    var startsLL: [[Double]]
    var plan: FDPlan
    var startsJ10: [[Double]]
    var afterLL: RandomStream
  }

  /// One dataset's numbers, recorded in dataset order.
  struct LossTypeEvaluation: Sendable {
    var fd: [FDComparison]
    var gradientNorm: Double
    var bound: Double
    var j10AtLL: Double
    var best: Double
    var slack: Double
    var boundary: Int
    var point: [Double]
  }

  static func lossTypeDraw(_ r: inout RandomStream) -> LossTypeDraw {
    let k = r.uniformInt(in: 2...16)
    let lp = PIPAInputs.dirichletLog(&r, k: k)
    let data = r.dirichlet([Double](repeating: 1, count: 2 * k))
    let startsLL = PIPAOptimizer.starts(&r, n: k - 1, extra: 7)
    let afterLL = r
    var rr = r
    let plan = FDRule.plan(count: k - 1, random: &rr)
    return LossTypeDraw(
      k: k, lp: lp, w0: Array(data[0..<k]), w1: Array(data[k...]), startsLL: startsLL, plan: plan,
      startsJ10: PIPAOptimizer.starts(&r, n: k - 1, extra: 7), afterLL: afterLL)
  }

  /// One dataset's fits and tests; nil when the J_LL fit is undecided.
  static func lossTypeEvaluate(
    _ d: LossTypeDraw, eq10: @escaping (Double) -> (Double, Double, Double, Double)
  ) throws -> LossTypeEvaluation? {
    let (fLL, gLL) = ktoConstrainedObjective(w1: d.w1, w0: d.w0, logPrior: d.lp, phi: logLikelihoodPhi)
    let (f10, g10) = ktoConstrainedObjective(w1: d.w1, w0: d.w0, logPrior: d.lp, phi: eq10)
    guard let ll = PIPAOptimizer.fit(fLL, gradient: gLL, starts: d.startsLL) else { return nil }
    let e = ll.gradientNorm / ll.lambdaMin
    let grad10 = g10(ll.point)
    // The FD check of the analytic ∇J₁₀ (FD rule) and the size of ∇J₁₀ at θ_LL.
    let fd = try FDRule.evaluate(d.plan, f: f10, gradient: grad10, at: ll.point)
    let fdTol = fd.reduce(0.0) { max($0, $1.tolerance.absolute) }
    let h10 = OptimizerRule.numericalHessian(gradient: g10, at: ll.point)
    let hNorm = try SymmetricEigen.eigenvalues(h10, n: d.k - 1).map { abs($0) }.max() ?? 0
    // (b) maximize J₁₀ from the rule's starts; a start whose smallest log f < −30 is a boundary run.
    var best = -Double.infinity
    var boundary = 0
    for s in d.startsJ10 {
      guard let m = PIPAOptimizer.search(f10, gradient: g10, from: s) else { continue }
      if PIPAOptimizer.logProbs(pinned: m.argmin[0...]).min() ?? 0 < -30 { boundary += 1 }
      best = max(best, -m.value)
    }
    return LossTypeEvaluation(
      fd: fd, gradientNorm: norm(grad10), bound: 2 * hNorm * e + fdTol, j10AtLL: -f10(ll.point), best: best,
      slack: norm(gLL(ll.point)) * e + hNorm * e * e + CatalogTolerance.identityAbsolute(termSum: 1),
      boundary: boundary, point: ll.point)
  }

  /// The check; `eq10` gives the (10) side's (φ₁, φ₀, φ₁', φ₀') (a test passes the
  /// log-likelihood's own, which must confirm). The datasets are drawn in their serial order
  /// as if every J_LL fit succeeds and evaluated on the runner's two cores; at the first
  /// undecided fit the later datasets are drawn again from where the stream then stands (that
  /// fit draws no J₁₀ starts), so the result is the serial loop's, byte for byte.
  public static func ktoLossType(
    _ ctx: CheckContext, eq10: @escaping @Sendable (Double) -> (Double, Double, Double, Double) = eq10Phi
  ) throws -> CheckOutcome {
    var tally = Tally()
    var undecided = 0
    var boundary = 0
    var r = ctx.stream("kto.loss-type")
    let n = ctx.count(full: 200, quick: 2)
    var example: String?
    var done: [(LossTypeDraw, Result<LossTypeEvaluation?, any Error>)] = []
    while done.count < n {
      var rs = r
      let drawn = (done.count..<n).map { _ in lossTypeDraw(&rs) }
      let evaluated = MPOParallelMap.map(drawn.count) { i in Result { try lossTypeEvaluate(drawn[i], eq10: eq10) } }
      var resumed = false
      for (d, e) in zip(drawn, evaluated) {
        done.append((d, e))
        if case .success(nil) = e {
          r = d.afterLL
          resumed = true
          break
        }
        if case .failure = e { break }
      }
      if !resumed || done.count == n { break }
    }
    for (d, e) in done {
      guard let ev = try e.get() else {
        undecided += 1
        continue
      }
      let k = d.k
      for c in ev.fd {
        tally.record("∇J₁₀ analytic vs FD", residual: abs(c.analytic - c.numeric.value), tolerance: c.tolerance,
          inputs: [NamedValue("K", Double(k))], detail: "\(c.label): \(c.analytic) vs \(c.numeric.value)")
      }
      let gn = ev.gradientNorm
      let bound = ev.bound
      let okA = tally.record(
        "(a) ‖∇J₁₀(θ_LL)‖ ≤ 2‖∇²J₁₀‖·e + FD tolerance", residual: gn,
        tolerance: Tolerance(absolute: bound, relative: 0, reason: "2‖∇²J₁₀‖₂·e + FD rule, e = ‖∇J_LL‖/λ_min"),
        inputs: [NamedValue("K", Double(k))], detail: "‖∇J₁₀(θ_LL)‖ = \(gn) > \(bound)")
      boundary += ev.boundary
      let (best, j10AtLL) = (ev.best, ev.j10AtLL)
      let okB = tally.record(
        "(b) no J₁₀ start above J₁₀(θ_LL) + slack", residual: max(0, best - j10AtLL),
        tolerance: Tolerance(absolute: ev.slack, relative: 0, reason: "‖∇J₁₀‖e + ‖∇²J₁₀‖e² + T_id"),
        inputs: [NamedValue("K", Double(k))], detail: "max J₁₀ found \(best) > J₁₀(θ_LL) = \(j10AtLL)")
      if (!okA || !okB) && example == nil {
        example = "K = \(k): θ_LL = \(ev.point.map { format3($0) }), J₁₀(θ_LL) = \(j10AtLL), ‖∇J₁₀(θ_LL)‖ = \(gn), best J₁₀ = \(best)"
      }
    }
    var out = tally.outcome(
      claim: "(10) and the conditional log-likelihood share their maximizer",
      notes: ["undecided datasets: \(undecided) of \(n)", "J₁₀ runs ending on the boundary (min log f < −30): \(boundary)"]
        + (example.map { ["example: " + $0] } ?? []))
    if out.verdict == .confirmed && Double(undecided) > 0.2 * Double(n) { out.verdict = .inconclusive }
    return out
  }

  static let ktoLossTypeClaim = Claim(
    id: "pipa.kto.loss-type", paper: .pipa, source: "§2.4 vs §2.3 and App. A.2", kind: .equivalence,
    statement: "§2.4 calls KTO's loss a conditional log-likelihood, App. A.2 identifies (10) as "
      + "E[p^θ(c|x,y)]; is (10) equivalent to the conditional log-likelihood under the same constraints?"
  ) { ctx in try ktoLossType(ctx) }
}
