// Lemma 9's instances (../shared/claims/mpo.md §4, `mpo.lemma9.*`, `mpo.remark6.small-eta`;
// paper 001_0ef3930bdbd6a134.txt App. H.2): a GRAD-IN partition (K ∈ {2..16}, mean split of
// S ~ N(0, 1)) with distinct weights w_i = e^{U(−2, 2)} on every response, and the linear
// trajectories s_i^{(t)} = tη w_i⁺ B₀/(A₀Z₀) of eq. (82)/(87) observed along FS and TAB runs
// from zero scores: error e(t) = max over positives |s_i(t) − formula|, relative error
// e/max|formula|, κ(t) = max{|A_t/A₀ − 1|, |B_t/B₀ − 1|, |Z_t/Z₀ − 1|}, s̄(t) = max|s_i(t)|.
import Analytic
import Numerics
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// One Lemma 9 instance.
struct MPOGradLemma9Instance {
  var k: Int
  var positive: [Bool]
  var weights: [Double]
  var logWeights: [Double] { weights.map { log($0) } }
  var positiveWeights: [Double] { zip(weights, positive).filter { $0.1 }.map(\.0) }
  var negativeWeights: [Double] { zip(weights, positive).filter { !$0.1 }.map(\.0) }
  var inputs: [NamedValue] {
    [NamedValue("K", Double(k))] + weights.indices.map { NamedValue("w[\($0)]", weights[$0]) }
      + positive.indices.map { NamedValue("inY+[\($0)]", positive[$0] ? 1 : 0) }
  }

  static func draw(_ ctx: CheckContext, _ i: Int) -> MPOGradLemma9Instance {
    let g = MPOGradInputs.instance(ctx, i, label: "GRAD-IN lemma9")
    var r = ctx.stream("lemma9 weights", index: UInt64(i))
    return MPOGradLemma9Instance(
      k: g.k, positive: g.positive, weights: (0..<g.k).map { _ in exp(Strata.uniform(&r, -2, 2)) })
  }
}

/// Observations of a Lemma 9 run at the table times.
struct MPOGradLemma9Run {
  var eta: Double
  var times: [Int] = []
  var error: [Double] = []
  var relative: [Double] = []
  var kappa: [Double] = []
  var maxScore: [Double] = []
  /// Whether every step satisfied e(t) ≤ 8tε(1 + |formula|).
  var exact = true
}

enum MPOGradLemma9Trajectories {
  /// Runs FS (or TAB with β = 1, M = K, θ = θ_ref) from zero scores for `steps` steps.
  static func run(_ x: MPOGradLemma9Instance, eta: Double, steps: Int, tab: Bool, logRef: [Double])
    -> MPOGradLemma9Run
  {
    var out = MPOGradLemma9Run(eta: eta)
    let a0 = x.positiveWeights.reduce(0, +)
    let b0 = x.negativeWeights.reduce(0, +)
    let z0 = a0 + b0
    let eps = Double.ulpOfOne
    let slope = (0..<x.k).map { i in
      x.positive[i]
        ? MPOGradDynamics.lemma9Score(step: 1, eta: eta, weight: x.weights[i],
                                      positiveWeights: x.positiveWeights, negativeWeights: x.negativeWeights)
        : 0
    }
    let observe: (Int, [Double]) -> Void = { t, s in
      var e = 0.0
      var fmax = 0.0
      for i in 0..<x.k where x.positive[i] {
        let f = Double(t) * slope[i]
        let d = abs(s[i] - f)
        e = max(e, d)
        fmax = max(fmax, abs(f))
        if d > 8 * Double(t) * eps * (1 + abs(f)) { out.exact = false }
      }
      if MPOGradTrajectory.tableTimes.contains(t) {
        var a = 0.0
        var b = 0.0
        for i in 0..<x.k {
          let m = x.weights[i] * exp(s[i])
          if x.positive[i] { a += m } else { b += m }
        }
        out.times.append(t)
        out.error.append(e)
        out.relative.append(e / fmax)
        out.kappa.append(max(abs(a / a0 - 1), abs(b / b0 - 1), abs((a + b) / z0 - 1)))
        out.maxScore.append(s.map { abs($0) }.max() ?? 0)
      }
    }
    if tab {
      MPOGradTrajectory.runTAB(theta0: logRef, logRef: logRef, k: x.k, beta: 1, logWeights: x.logWeights,
                               positive: x.positive, eta: eta, steps: steps, observe: observe)
    } else {
      MPOGradTrajectory.runFS([Double](repeating: 0, count: x.k), logWeights: x.logWeights,
                              positive: x.positive, eta: eta, steps: steps, observe: observe)
    }
    return out
  }

  typealias AllRuns = (fs: [[MPOGradLemma9Run]], tab: [[MPOGradLemma9Run]], instances: [MPOGradLemma9Instance])

  /// All runs: instances × η grid, FS and TAB. mpo.lemma9.linear-approx and
  /// mpo.remark6.small-eta ask for the same instances and steps in full mode (remark 6 for a
  /// subset of the η grid), so the runs on MPOGradTrajectory.etas are computed once per
  /// (seed, mode, instances, steps) and the requested η columns taken from them; a run is a
  /// pure function of (instance, η, steps), so the columns are the runs a direct call makes.
  static func all(_ ctx: CheckContext, instances n: Int, steps: Int, etas: [Double] = MPOGradTrajectory.etas)
    -> AllRuns
  {
    let grid = MPOGradTrajectory.etas
    let columns = etas.compactMap { grid.firstIndex(of: $0) }
    guard columns.count == etas.count else { return compute(ctx, instances: n, steps: steps, etas: etas) }
    let key = "\(ctx.seed)/\(ctx.mode.rawValue)/\(n)/\(steps)"
    let runs: AllRuns
    if let hit = cache.withLock({ $0[key] }) {
      runs = hit
    } else {
      runs = computing.withLock { _ in
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let out = compute(ctx, instances: n, steps: steps, etas: grid)
        cache.withLock { $0[key] = out }
        return out
      }
    }
    return (runs.fs.map { row in columns.map { row[$0] } }, runs.tab.map { row in columns.map { row[$0] } },
            runs.instances)
  }

  private static let cache = Mutex<[String: AllRuns]>([:])
  /// Held while runs are computed, so that the two claims, started together on the runner's
  /// two workers, compute them once.
  private static let computing = Mutex<Void>(())

  /// The runs, uncached: instances on two threads (each instance draws from its own indexed
  /// streams, so the result does not depend on the schedule).
  static func compute(_ ctx: CheckContext, instances n: Int, steps: Int, etas: [Double]) -> AllRuns {
    let done = MPOParallelMap.map(n) { i in
      let x = MPOGradLemma9Instance.draw(ctx, i)
      var r = ctx.stream("lemma9 TAB reference", index: UInt64(i))
      let logRef = r.dirichlet([Double](repeating: 1, count: x.k)).map { log(max($0, 1e-300)) }
      let fs = etas.map { run(x, eta: $0, steps: steps, tab: false, logRef: logRef) }
      let tab = etas.map { run(x, eta: $0, steps: steps, tab: true, logRef: logRef) }
      return (x, fs, tab)
    }
    return (done.map { $0.1 }, done.map { $0.2 }, done.map { $0.0 })
  }
}
