// Monte Carlo of App. F's noise model (001_0ef3930bdbd6a134.txt eqs. 18–20) for the §3
// entries of claims/mpo.md: k scaled scores tᵢ = i + τZᵢ per trial, events counted over
// chunks of trials on both cores (Numerics.ParallelStreams), with Wilson intervals.
//
// Goals, in order: 1) determinism: chunk c of a cell always uses RandomStream(seed, c), so
// counts depend on (seed, trials, chunk size) only, never on the thread count; 2) speed (the
// ziggurat Gaussian, one scratch buffer per chunk, no allocation per trial); 3) simplicity.
import Numerics

/// A raw pointer to per-chunk counters that workers write at disjoint indices.
private struct MPORelCounterPointer: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Int>?
}

/// Monte Carlo helpers of MPO §3.
enum MPORelSimulation {
  /// N(k) = min(10⁶, ⌊10⁷/k⌋), the catalog's trials per cell (§3 preamble).
  static func trials(k: Int, budget: Int = 10_000_000) -> Int { min(1_000_000, budget / k) }

  /// A seed for one cell: the check's seed mixed with a label (stable across runs).
  static func seed(_ ctx: CheckContext, _ label: String) -> UInt64 {
    ctx.seed ^ fnv1a(label)
  }

  /// How many of `trials` trials satisfy `event`, which receives a buffer of `k` standard
  /// normals (already drawn) and may use it as scratch. Runs on two threads.
  static func count(
    trials: Int, k: Int, seed: UInt64,
    event: @escaping @Sendable (UnsafeMutableBufferPointer<Double>) -> Bool
  ) -> Int {
    let chunkSize = max(1, (1 << 15) / max(k, 1))
    let chunks = (trials + chunkSize - 1) / chunkSize
    let counters = UnsafeMutablePointer<Int>.allocate(capacity: max(chunks, 1))
    counters.initialize(repeating: 0, count: max(chunks, 1))
    defer { counters.deallocate() }
    let box = MPORelCounterPointer(pointer: counters)
    ParallelStreams.forEachChunk(count: trials, seed: seed, chunkSize: chunkSize, threads: 2) {
      chunk, range, stream in
      let z = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
      defer { z.deallocate() }
      var hits = 0
      for _ in range {
        stream.fillGaussian(z)
        if event(z) { hits += 1 }
      }
      box.pointer?[chunk] = hits
    }
    var total = 0
    for c in 0..<chunks { total += counters[c] }
    return total
  }

  /// The MPO event of (20) on scaled scores tᵢ = i + τZᵢ (i = 1…k, n = k/2):
  /// max_{i≤n} tᵢ < min_{j>n} tⱼ.
  static func mpoCorrect(_ z: UnsafeMutableBufferPointer<Double>, tau: Double) -> Bool {
    let k = z.count
    let n = k / 2
    var lowMax = -Double.infinity
    for i in 0..<n { lowMax = max(lowMax, Double(i + 1) + tau * z[i]) }
    for j in n..<k where Double(j + 1) + tau * z[j] <= lowMax { return false }
    return true
  }

  /// The full-order event t₁ < t₂ < … < t_k.
  static func fullOrder(_ z: UnsafeMutableBufferPointer<Double>, tau: Double) -> Bool {
    var last = 1 + tau * z[0]
    for i in 1..<z.count {
      let t = Double(i + 1) + tau * z[i]
      if !(t > last) { return false }
      last = t
    }
    return true
  }

  /// The Monte Carlo cells of mpo.thm4.failure-bound's cross-check: k ∈ {2, …, 1024} (k ≤ 64
  /// in quick mode) × τ ∈ {0.5, 1, 2}. The HTML report's reliability plot
  /// (MPOReliabilityPlot) draws these same cells with the same label, so its numbers are the
  /// claim's numbers.
  static func failureBoundCells(_ ctx: CheckContext) -> [MPORelGrid.Cell] {
    let mcKs = ctx.mode == .full ? [2, 4, 8, 16, 64, 256, 1024] : [2, 4, 8, 16, 64]
    return mcKs.flatMap { k in [0.5, 1.0, 2.0].map { MPORelGrid.Cell(k: k, tau: $0) } }
  }

  /// The stream label of mpo.thm4.failure-bound's cross-check.
  static let failureBoundLabel = "failure"

  /// The Wilson interval at `level` for `hits` of `trials`.
  static func wilson(_ hits: Int, _ trials: Int, level: Double) throws -> BinomialInterval {
    try BinomialInterval.wilson(successes: hits, trials: trials, level: level)
  }
}
