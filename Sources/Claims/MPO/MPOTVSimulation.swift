// TV-SIM, the shared simulation of claims/mpo.md §2 (check construction): 64 responses,
// φ = g/max‖g‖ (R = 1), θ⋆ ~ N(0, I_k); k ∈ {2, 4, 8, 16} × 4 families; n ∈ {2^4, …, 2^14}
// × R_rep repetitions of multinomial counts and the A5 MLE on {‖θ‖ ≤ ‖θ⋆‖ + 5} by projected
// Newton (MPOTVExpFamilyMLE). Computed once per (seed, mode) and shared by the §2 entries.
// Quick mode: k ∈ {2, 4, 8}, 1 family per k and 100 repetitions per cell (same n grid).
import Analytic
import Numerics
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// One repetition of TV-SIM.
struct MPOTVRep: Sendable {
  var tv: Double
  var thetaHat: [Double]
  /// ‖μ̂_n − μ⋆‖.
  var meanError: Double
  var active: Bool
  var converged: Bool
}

/// One (k, family, n) cell.
struct MPOTVCell: Sendable {
  var k: Int
  var family: Int
  var n: Int
  var reps: [MPOTVRep]
  /// Converged repetitions (non-converged fits are flagged and left out).
  var used: [MPOTVRep] { reps.filter(\.converged) }
  var activeFraction: Double { Double(reps.filter(\.active).count) / Double(max(reps.count, 1)) }
  var nonConverged: Int { reps.filter { !$0.converged }.count }
}

/// The shared simulation.
struct MPOTVSim: Sendable {
  var families: [Int: [MPOTVFamily]]
  var cells: [MPOTVCell]
  var ks: [Int]
  var ns: [Int]

  func cells(k: Int, family: Int) -> [MPOTVCell] {
    cells.filter { $0.k == k && $0.family == family }.sorted { $0.n < $1.n }
  }

  static let fullKs = [2, 4, 8, 16]
  /// k = 16 fits cost ~30 ms each in a debug build; quick mode keeps k ≤ 8.
  static func ks(_ ctx: CheckContext) -> [Int] { ctx.mode == .full ? fullKs : [2, 4, 8] }
  static let ns = [16, 64, 256, 1024, 4096, 16384]
  static let m = 64

  static func familyCount(_ ctx: CheckContext) -> Int { ctx.count(full: 4, quick: 1) }
  static func repetitions(_ ctx: CheckContext) -> Int { ctx.count(full: 1000, quick: 100) }

  /// Family f of dimension k (same in quick and full mode).
  static func family(_ ctx: CheckContext, k: Int, index f: Int, m: Int = MPOTVSim.m) -> MPOTVFamily {
    var r = ctx.stream("mpo.tv-sim/family/m\(m)", index: UInt64(k * 1000 + f))
    return MPOTVFamily.random(k: k, m: m, &r)
  }

  /// R_rep repetitions at sample size n for one family.
  static func run(_ ctx: CheckContext, _ fam: MPOTVFamily, familyIndex f: Int, n: Int, reps: Int,
    label: String = "mpo.tv-sim/reps") -> [MPOTVRep] {
    var r = ctx.stream("\(label)/m\(fam.m)/k\(fam.k)/f\(f)", index: UInt64(n))
    let pStar = fam.probabilities(fam.thetaStar)
    let muStar = fam.mean(pStar)
    var out: [MPOTVRep] = []
    out.reserveCapacity(reps)
    for _ in 0..<reps {
      let counts = MPOTVSampler.multinomial(n, pStar, &r)
      let muHat = MPOTVExpFamilyMLE.empiricalMean(fam, counts: counts)
      let fit = MPOTVExpFamilyMLE.fit(fam, counts: counts)
      let tv = MPOTVFamily.totalVariation(fam.probabilities(fit.theta), pStar)
      let me = MPOTVLinearAlgebra.norm(zip(muHat, muStar).map { $0 - $1 })
      out.append(MPOTVRep(tv: tv, thetaHat: fit.theta, meanError: me, active: fit.active,
        converged: fit.converged))
    }
    return out
  }

  private static let cache = Mutex<[String: MPOTVSim]>([:])
  /// Held while TV-SIM is computed, so that two claims starting together on the runner's two
  /// workers compute it once (the second waits for the first's result instead of repeating it).
  private static let computing = Mutex<Void>(())

  /// TV-SIM for this seed and mode, computed once.
  static func shared(_ ctx: CheckContext) -> MPOTVSim {
    let key = "\(ctx.seed)/\(ctx.mode.rawValue)"
    if let hit = cache.withLock({ $0[key] }) { return hit }
    return computing.withLock { _ in
      if let hit = cache.withLock({ $0[key] }) { return hit }
      let sim = simulate(ctx)
      cache.withLock { $0[key] = sim }
      return sim
    }
  }

  /// Computes TV-SIM (uncached).
  static func simulate(_ ctx: CheckContext) -> MPOTVSim {
    var fams: [Int: [MPOTVFamily]] = [:]
    var tasks: [(k: Int, f: Int, n: Int, fam: MPOTVFamily)] = []
    for k in ks(ctx) {
      fams[k] = (0..<familyCount(ctx)).map { family(ctx, k: k, index: $0) }
      for (f, fam) in (fams[k] ?? []).enumerated() {
        for n in ns { tasks.append((k, f, n, fam)) }
      }
    }
    // Both cores through MPOParallelMap (workers take the next cell from a shared counter);
    // each cell has its own stream, so the result does not depend on the schedule. Cells are
    // handed out most expensive first (largest k, then largest n) so that no long cell starts
    // last and runs alone.
    let list = tasks
    let reps = repetitions(ctx)
    let order = list.indices.sorted { (list[$0].k, list[$0].n, -$0) > (list[$1].k, list[$1].n, -$1) }
    let computed = MPOParallelMap.map(order.count) { j -> [MPOTVRep] in
      let t = list[order[j]]
      return run(ctx, t.fam, familyIndex: t.f, n: t.n, reps: reps)
    }
    var done = [Int: [MPOTVRep]]()
    for (j, i) in order.enumerated() { done[i] = computed[j] }
    let cells = tasks.indices.map { i in
      MPOTVCell(k: tasks[i].k, family: tasks[i].f, n: tasks[i].n, reps: done[i] ?? [])
    }
    return MPOTVSim(families: fams, cells: cells, ks: ks(ctx), ns: ns)
  }
}
