// mpo.thm2.mean-partition-transfer and mpo.bins.reliability-monotone (claims/mpo.md §3;
// paper 001_0ef3930bdbd6a134.txt §5 Theorem 2, §4.4 eqs. 12–13, §7 Fig. 7, App. C): Monte
// Carlo under App. F's noise model with scores scaled by k (tᵢ = i + τZᵢ, τ = kσ; the mean
// partition and the b-bin partitions are invariant under this affine map).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Per-chunk histograms written by workers at disjoint offsets.
private struct MPORelHistogramPointer: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Int>?
}

extension MPOReliabilityClaims {
  // MARK: mean-partition-transfer

  static let meanPartitionTransfer = Claim(
    id: "mpo.thm2.mean-partition-transfer", paper: .mpo,
    source: "§5 Theorem 2; §4.4 eqs. (12)–(13); App. A.3, A.4", kind: .bound,
    statement: "Under (18)–(19), the mean-threshold partition of the noisy scores equals the true "
      + "top/bottom-half split with probability ≥ 1 − C(β), uniformly in even k."
  ) { ctx in try meanPartitionCheck(ctx) }

  /// The mean-threshold event {i : tᵢ > mean(t)} = {n+1, …, k}.
  static func meanPartitionCorrect(_ z: UnsafeMutableBufferPointer<Double>, tau: Double) -> Bool {
    let k = z.count
    var sum = 0.0
    for i in 0..<k {
      z[i] = Double(i + 1) + tau * z[i]
      sum += z[i]
    }
    let mean = sum / Double(k)
    let n = k / 2
    for i in 0..<n where z[i] > mean { return false }
    for j in n..<k where !(z[j] > mean) { return false }
    return true
  }

  /// The mean-partition check; `bound(β)` is 1 − C(β) (mutations pass a lower one).
  static func meanPartitionCheck(
    _ ctx: CheckContext,
    bound: @Sendable (Double) throws -> Double = { 1 - (try MPOReliability.c(beta: $0).value) }
  ) throws -> CheckOutcome {
    let ks = ctx.mode == .full ? MPORelGrid.ks : [2, 4, 8, 16, 32, 64, 128]
    let betas = [0.1, 0.25, 0.5, 1]
    let cells = ks.count * betas.count
    let level = 1 - 0.05 / Double(cells)
    var below: Counterexample?
    var undecided: [String] = []
    var notes: [String] = []
    for b in betas {
      let lowerBound = try bound(b)
      var trend: [String] = []
      for k in ks {
        let n = ctx.count(
          full: MPORelSimulation.trials(k: k, budget: 5_000_000),
          quick: MPORelSimulation.trials(k: k, budget: 5_000_000) / 100)
        let hits = MPORelSimulation.count(
          trials: n, k: k, seed: MPORelSimulation.seed(ctx, "mean k\(k) b\(b)")
        ) { z in meanPartitionCorrect(z, tau: b) }
        let w = try MPORelSimulation.wilson(hits, n, level: level)
        trend.append("k=\(k): \(format3(w.proportion))")
        if w.upper.value < lowerBound, below == nil {
          below = Counterexample(
            inputs: [NamedValue("k", Double(k)), NamedValue("β", b)],
            detail: "Pr(E_mean) ∈ [\(w.lower.value), \(w.upper.value)] (\(hits)/\(n)) < 1 − C(β) = "
              + "\(lowerBound)")
        } else if w.lower.value < lowerBound {
          undecided.append("k = \(k), β = \(formatNumber(b))")
        }
      }
      notes.append("β = \(formatNumber(b)), 1 − C = \(format3(lowerBound)): " + trend.joined(separator: ", "))
    }
    if let cx = below {
      return CheckOutcome(
        verdict: .refuted, summary: "Pr(E_mean) < 1 − C(β): \(cx.line)", notes: notes,
        counterexample: cx)
    }
    if !undecided.isEmpty {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "intervals straddle 1 − C(β) at \(undecided.joined(separator: "; "))", notes: notes)
    }
    return CheckOutcome(
      verdict: .confirmed, summary: "every Wilson lower end ≥ 1 − C(β) on \(cells) cells",
      notes: notes)
  }

  // MARK: bins.reliability-monotone

  static let binsReliabilityMonotone = Claim(
    id: "mpo.bins.reliability-monotone", paper: .mpo,
    source: "§7, Fig. 7 paragraph; §5 item 2; App. C", kind: .inequality,
    statement: "The probability that a b-bin partition (equal contiguous bins by noisy score) "
      + "equals the true b-bin partition does not increase with b."
  ) { ctx in try binsMonotoneCheck(ctx) }

  /// Which b-bin partitions of one trial are correct, as a bit mask over `bs`: cut p (the
  /// bottom p items by true score) is correct iff max_{i≤p} tᵢ < min_{j>p} tⱼ; a b-partition
  /// is correct iff every cut at a multiple of k/b is (the same event as sorting by noisy score
  /// and comparing the bins, in O(k) instead of a sort). `mins` (size k + 1) and `cutOK`
  /// (size k) are scratch.
  static func binMask(
    _ t: UnsafeMutableBufferPointer<Double>, bs: [Int], mins: UnsafeMutableBufferPointer<Double>,
    cutOK: UnsafeMutableBufferPointer<Bool>
  ) -> Int {
    let k = t.count
    mins[k] = .infinity
    for p in stride(from: k - 1, through: 0, by: -1) { mins[p] = min(mins[p + 1], t[p]) }
    var prefixMax = -Double.infinity
    for p in 1..<k {
      prefixMax = max(prefixMax, t[p - 1])
      cutOK[p] = prefixMax < mins[p]
    }
    var mask = 0
    for (index, b) in bs.enumerated() {
      let width = k / b
      var ok = true
      var p = width
      while p < k {
        if !cutOK[p] {
          ok = false
          break
        }
        p += width
      }
      if ok { mask |= 1 << index }
    }
    return mask
  }

  /// Mask histogram over `trials` trials for (k, τ), on two threads.
  static func binHistogram(
    trials: Int, k: Int, tau: Double, bs: [Int], seed: UInt64
  ) -> [Int] {
    let size = 1 << bs.count
    let chunkSize = 4096
    let chunks = (trials + chunkSize - 1) / chunkSize
    let store = UnsafeMutablePointer<Int>.allocate(capacity: chunks * size)
    store.initialize(repeating: 0, count: chunks * size)
    defer { store.deallocate() }
    let box = MPORelHistogramPointer(pointer: store)
    ParallelStreams.forEachChunk(count: trials, seed: seed, chunkSize: chunkSize, threads: 2) {
      chunk, range, stream in
      let t = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
      let cut = UnsafeMutableBufferPointer<Bool>.allocate(capacity: k)
      let mins = UnsafeMutableBufferPointer<Double>.allocate(capacity: k + 1)
      defer {
        t.deallocate()
        cut.deallocate()
        mins.deallocate()
      }
      guard let base = box.pointer else { return }
      for _ in range {
        stream.fillGaussian(t)
        for i in 0..<k { t[i] = Double(i + 1) + tau * t[i] }
        base[chunk * size + binMask(t, bs: bs, mins: mins, cutOK: cut)] += 1
      }
    }
    var hist = [Int](repeating: 0, count: size)
    for c in 0..<chunks { for m in 0..<size { hist[m] += store[c * size + m] } }
    return hist
  }

  /// Two-sided exact binomial (McNemar) p-value for x of n at p = ½.
  static func mcNemarP(_ x: Int, _ n: Int) throws -> Double {
    if n == 0 { return 1 }
    let lo = min(x, n - x)
    let logHalfN = Double(n) * log(0.5)
    let lgN = try SpecialFunctions.logGamma(Double(n) + 1).value
    var terms: [Double] = []
    for i in 0...lo {
      let lc = lgN - (try SpecialFunctions.logGamma(Double(i) + 1).value)
        - (try SpecialFunctions.logGamma(Double(n - i) + 1).value)
      terms.append(lc + logHalfN)
    }
    return min(1, 2 * exp(logSumExp(terms)))
  }

  /// The bins check; `histogram` may be replaced by a mutation (e.g. one that favours large b).
  static func binsMonotoneCheck(
    _ ctx: CheckContext,
    histogram: @Sendable (Int, Int, Double, [Int], UInt64) -> [Int] = { n, k, tau, bs, seed in
      binHistogram(trials: n, k: k, tau: tau, bs: bs, seed: seed)
    }
  ) throws -> CheckOutcome {
    // Quick mode keeps the logic on the cells where the probabilities are far apart enough for
    // 10 000 trials to order them (β ∈ {1, 2}, k ∈ {12, 24}).
    let full = ctx.mode == .full
    let ks = full ? [12, 24, 48, 64] : [12, 24]
    let betas = full ? [0.25, 0.5, 1, 2] : [1.0, 2]
    let trials = ctx.count(full: 100_000, quick: 10_000)
    func divisors(_ k: Int) -> [Int] { (2...k).filter { k % $0 == 0 } }
    let pairsPerCell = ks.map { let d = divisors($0).count; return d * (d - 1) / 2 }
    let J = pairsPerCell.reduce(0, +) * betas.count
    let alpha = 0.05 / Double(J)
    var significant: Counterexample?
    var impossible: String?
    var unordered: [String] = []
    var notes: [String] = []
    for k in ks {
      let bs = divisors(k)
      for b in betas {
        let hist = histogram(trials, k, b, bs, MPORelSimulation.seed(ctx, "bins k\(k) b\(b)"))
        func count(_ pred: (Int) -> Bool) -> Int {
          hist.indices.filter(pred).reduce(0) { $0 + hist[$1] }
        }
        let p = bs.indices.map { i in Double(count { $0 & (1 << i) != 0 }) / Double(trials) }
        notes.append(
          "k = \(k), β = \(formatNumber(b)): "
            + zip(bs, p).map { "P_\($0) = \(format3($1))" }.joined(separator: ", "))
        for i in bs.indices {
          for j in bs.indices where j > i {
            let only1 = count { $0 & (1 << i) != 0 && $0 & (1 << j) == 0 }
            let only2 = count { $0 & (1 << i) == 0 && $0 & (1 << j) != 0 }
            let name = "k = \(k), β = \(formatNumber(b)), b₁ = \(bs[i]), b₂ = \(bs[j])"
            if bs[j] % bs[i] == 0 && only2 > 0 && impossible == nil {
              impossible = "\(name): \(only2) trials with the b₂-partition correct and the b₁ one wrong"
            }
            if p[j] > p[i] { unordered.append("\(name): P̂ \(p[i]) < \(p[j])") }
            let pv = try mcNemarP(only2, only1 + only2)
            if only2 > only1 && pv < alpha && significant == nil {
              significant = Counterexample(
                inputs: [
                  NamedValue("k", Double(k)), NamedValue("β", b), NamedValue("b₁", Double(bs[i])),
                  NamedValue("b₂", Double(bs[j])),
                ],
                detail: "P̂_b₁ = \(p[i]), P̂_b₂ = \(p[j]); discordant \(only1) vs \(only2), "
                  + "McNemar p = \(pv) < 0.05/\(J)")
            }
          }
        }
      }
    }
    if let why = impossible {
      return CheckOutcome(
        verdict: .inconclusive, summary: "implementation error: \(why)", notes: notes)
    }
    if let cx = significant {
      return CheckOutcome(
        verdict: .refuted, summary: "a finer partition is significantly more reliable: \(cx.line)",
        notes: notes, counterexample: cx)
    }
    if !unordered.isEmpty {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "no significant increase, but \(unordered.count) point estimates are not ordered "
          + "(e.g. \(unordered[0]))", notes: notes)
    }
    return CheckOutcome(
      verdict: .confirmed,
      summary: "P_b non-increasing in b on all \(J) pairs (no McNemar test significant at 0.05/\(J); "
        + "every point estimate ordered)", notes: notes)
  }
}
