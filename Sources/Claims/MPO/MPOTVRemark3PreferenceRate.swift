// mpo.remark3.preference-data-rate (001_0ef3930bdbd6a134.txt App. E Remark 3): with
// Bradley–Terry or Plackett–Luce choices (logits θᵀφ(y)) instead of i.i.d. draws, the MLE
// satisfies ‖θ̂_n − θ⋆‖ ≤ C√((k + log(1/δ))/n) and the induced per-query distribution
// p_θ = softmax(θᵀφ) over the M responses has TV error Õ(√(k/n)).
// M = 32; k ∈ {2, 4, 8} × 2 families (1 in quick mode), built as in TV-SIM (R = 1,
// θ⋆ ~ N(0, I_k)). Designs, simulated through sufficient statistics:
//   BT: n comparisons of pairs drawn uniformly from the 496 distinct pairs (pair counts by
//       multinomial, then each pair's wins by binomial at σ(θ⋆ᵀ(φ_a − φ_b)));
//   PL: n top-1 choices from 4-subsets drawn uniformly from a pool of 128 subsets fixed per
//       family (seeded): subset counts by multinomial, winners by multinomial at the softmax.
// MLE by ball-constrained Newton on the aggregated counts (MPOTVChoiceMLE), TV between
// p_θ̂ and p_θ⋆. TV-SIM's n grid × 300 repetitions (100 in quick mode); the slope rule of
// mpo.thm1.tv-rate-n applied to mean TV and to mean ‖θ̂ − θ⋆‖, Bonferroni over the 24 slopes
// (2 designs × 6 families × 2 quantities). Confirmed if all meet the criterion, refuted if
// one is refuted, inconclusive otherwise.
import Analytic
import Numerics
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// One fit of Remark 3's simulation.
struct MPOTVChoiceRep: Sendable {
  var tv: Double
  var thetaError: Double
  var active: Bool
  var converged: Bool
}

extension MPOConvergenceClaims {
  static let remark3PreferenceDataRate = Claim(
    id: "mpo.remark3.preference-data-rate", paper: .mpo, source: "App. E Remark 3", kind: .rate,
    statement: "With Bradley–Terry or Plackett–Luce choices (logits θᵀφ(y)) instead of i.i.d. "
      + "draws, the MLE satisfies ‖θ̂_n − θ⋆‖ ≤ C√((k + log(1/δ))/n) and the induced per-query "
      + "distribution has TV error Õ(√(k/n))."
  ) { ctx in
    let (series, nonConverged) = remark3Series(ctx)
    var r = ctx.stream("mpo.remark3.preference-data-rate/bootstrap")
    var out = try remark3Outcome(series, ctx: ctx, random: &r)
    out.notes.insert("M = 32, k ∈ \(remark3Ks), \(ctx.count(full: 2, quick: 1)) famil"
      + "\(ctx.count(full: 2, quick: 1) == 1 ? "y" : "ies") per k; BT on the 496 pairs, PL on "
      + "128 fixed 4-subsets; n ∈ \(MPOTVSim.ns); \(remark3Reps(ctx)) repetitions per cell; "
      + "non-converged fits left out: \(nonConverged)", at: 0)
    return out
  }

  static let remark3Ks = [2, 4, 8]
  static let remark3M = 32
  static func remark3Reps(_ ctx: CheckContext) -> Int { ctx.count(full: 300, quick: 100) }

  /// The 496 distinct pairs (a < b) of the 32 responses.
  static let remark3Pairs: [[Int]] = (0..<32).flatMap { a in ((a + 1)..<32).map { [a, $0] } }

  /// The PL pool: 128 uniformly drawn 4-subsets of the M responses (partial Fisher–Yates).
  static func remark3Pool(_ ctx: CheckContext, k: Int, family f: Int) -> [[Int]] {
    var r = ctx.stream("mpo.remark3.preference-data-rate/pool/k\(k)", index: UInt64(f))
    return (0..<128).map { _ in
      var idx = Array(0..<remark3M)
      for i in 0..<4 {
        let j = i + Int(r.uniformInt(below: UInt64(remark3M - i)))
        idx.swapAt(i, j)
      }
      return Array(idx[0..<4])
    }
  }

  /// Winner counts of n choices: set counts uniform over `sets`, winners at the true
  /// choice probabilities (BT: binomial at σ(θ⋆ᵀ(φ_a − φ_b)); PL: multinomial at the softmax).
  static func remark3Draw(_ fam: MPOTVFamily, sets: [[Int]], bt: Bool, n: Int,
    _ r: inout RandomStream) -> MPOTVChoiceCounts {
    let z = fam.logits(fam.thetaStar)
    let setCounts = MPOTVSampler.multinomial(n, [Double](repeating: 1 / Double(sets.count),
      count: sets.count), &r)
    var wins: [[Int]] = []
    wins.reserveCapacity(sets.count)
    for (s, set) in sets.enumerated() {
      let c = setCounts[s]
      if bt {
        let a = MPOTVSampler.binomial(c, sigmoid(z[set[0]] - z[set[1]]), &r)
        wins.append([a, c - a])
      } else {
        wins.append(c == 0 ? [0, 0, 0, 0] : MPOTVSampler.multinomial(c, softmax(set.map { z[$0] }), &r))
      }
    }
    return MPOTVChoiceCounts(sets: sets, wins: wins)
  }

  /// The 24 series (design × family × {TV, ‖θ̂ − θ⋆‖}) and the number of non-converged fits.
  static func remark3Series(_ ctx: CheckContext) -> ([MPOTVSeries], Int) {
    let key = "\(ctx.seed)/\(ctx.mode.rawValue)"
    if let hit = remark3Cache.withLock({ $0[key] }) { return hit }
    let out = remark3Simulate(ctx)
    remark3Cache.withLock { $0[key] = out }
    return out
  }

  /// Simulated series per (seed, mode), computed once (the mutation tests reuse them).
  private static let remark3Cache = Mutex<[String: ([MPOTVSeries], Int)]>([:])

  static func remark3Simulate(_ ctx: CheckContext) -> ([MPOTVSeries], Int) {
    var list: [(label: String, fam: MPOTVFamily, sets: [[Int]], bt: Bool)] = []
    for bt in [true, false] {
      for k in remark3Ks {
        for f in 0..<ctx.count(full: 2, quick: 1) {
          let fam = MPOTVSim.family(ctx, k: k, index: f, m: remark3M)
          list.append(("\(bt ? "BT" : "PL") k=\(k) family \(f)", fam,
            bt ? remark3Pairs : remark3Pool(ctx, k: k, family: f), bt))
        }
      }
    }
    let ns = MPOTVSim.ns
    let reps = remark3Reps(ctx)
    let fams = list
    let cells = fams.indices.flatMap { i in ns.indices.map { (i, $0) } }
    // Both cores through MPOParallelMap; each cell has its own stream, so the result does not
    // depend on the schedule.
    let done = MPOParallelMap.map(cells.count) { c -> [MPOTVChoiceRep] in
      let (i, j) = cells[c]
      let t = fams[i]
      var r = ctx.stream("mpo.remark3.preference-data-rate/\(t.label)", index: UInt64(ns[j]))
      let pStar = t.fam.probabilities(t.fam.thetaStar)
      return (0..<reps).map { _ in
        let data = remark3Draw(t.fam, sets: t.sets, bt: t.bt, n: ns[j], &r)
        let fit = MPOTVChoiceMLE.fit(t.fam, data)
        let err = MPOTVLinearAlgebra.norm(zip(fit.theta, t.fam.thetaStar).map { $0 - $1 })
        return MPOTVChoiceRep(tv: MPOTVFamily.totalVariation(t.fam.probabilities(fit.theta), pStar),
          thetaError: err, active: fit.active, converged: fit.converged)
      }
    }
    var series: [MPOTVSeries] = []
    var nonConverged = 0
    for (i, t) in fams.enumerated() {
      let cellReps = ns.indices.map { done[i * ns.count + $0] }
      nonConverged += cellReps.reduce(0) { $0 + $1.filter { !$0.converged }.count }
      let used = cellReps.map { $0.filter(\.converged) }
      let active = cellReps.map { Double($0.filter(\.active).count) / Double(max($0.count, 1)) }
      series.append(MPOTVSeries(label: t.label + " TV", ns: ns,
        samples: used.map { $0.map(\.tv) }, activeFractions: active))
      series.append(MPOTVSeries(label: t.label + " ‖θ̂−θ⋆‖", ns: ns,
        samples: used.map { $0.map(\.thetaError) }, activeFractions: active))
    }
    return (series, nonConverged)
  }

  /// The rule of mpo.remark3.preference-data-rate (injectable series for mutation tests): the
  /// n-slope rule of mpo.thm1.tv-rate-n on every series, Bonferroni over all of them.
  static func remark3Outcome(_ series: [MPOTVSeries], ctx: CheckContext,
    random r: inout RandomStream) throws -> CheckOutcome {
    try nRateOutcome(series, ctx: ctx, random: &r, what: "mean TV and mean ‖θ̂ − θ⋆‖")
  }
}
