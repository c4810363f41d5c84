// The batch order of alignment (shared/design/TRAINING.md pipeline step 5: "every objective
// starts from the same SFT checkpoint with the same optimizer, step count and batch order
// (same seed)"; sizes: one epoch over the training prompts, 32 prompts per batch).
//
// The order is over training PROMPT indices, not dataset items: each objective takes the
// items of the batch's prompts from its own dataset (FeedbackDataset.items(forBatch:)), so
// at every step all objectives see the same prompts, whatever each dataset skipped. Epoch e
// is a uniform permutation of the prompt indices on stream TaskStream.batchOrder (one
// stream, epochs drawn in turn), cut into consecutive batches; the last batch of an epoch
// holds the remainder when the batch size does not divide the prompt count (never mixed
// with the next epoch).

import Numerics

/// Batches of training-prompt indices, the same for every objective of a seed.
public struct BatchOrder: Hashable, Sendable, Codable {
  /// The master seed.
  public let seed: UInt64
  /// Prompts per batch.
  public let batchSize: Int
  /// The batches in training order; each holds distinct prompt indices.
  public let batches: [[Int]]

  /// The order over `promptIndices` (e.g. 0..<4096, or a nested fraction's subset) for
  /// `epochs` epochs.
  /// - Throws: ``TaskError`` unless batchSize ≥ 1, epochs ≥ 1, promptIndices non-empty and
  ///   distinct.
  public init(
    promptIndices: [Int], batchSize: Int = 32, epochs: Int = 1, seed: UInt64
  ) throws(TaskError) {
    try TaskError.checkAtLeast(batchSize, 1, "batchSize")
    try TaskError.checkAtLeast(epochs, 1, "epochs")
    try TaskError.checkAtLeast(promptIndices.count, 1, "promptIndices.count")
    if Set(promptIndices).count != promptIndices.count {
      throw TaskError(
        field: "promptIndices", value: "\(promptIndices.count) entries",
        rule: "must be distinct")
    }
    self.seed = seed
    self.batchSize = batchSize
    var rng = RandomStream(seed: seed, stream: TaskStream.batchOrder)
    var out: [[Int]] = []
    for _ in 0..<epochs {
      let perm = rng.permutation(promptIndices.count).map { promptIndices[$0] }
      var start = 0
      while start < perm.count {
        let end = min(start + batchSize, perm.count)
        out.append(Array(perm[start..<end]))
        start = end
      }
    }
    batches = out
  }

  /// The number of optimizer steps (batches).
  public var stepCount: Int { batches.count }

  /// The batches cut into `k` consecutive rounds for online / iterative training (MaPPO
  /// Algorithm 1, I-DPO; claims/mappo.md "Empirical rule": K = 3 rounds, each on a third of
  /// the training prompts, so the total pairs and steps equal the offline run's). Round
  /// sizes differ by at most one batch, earlier rounds taking the extra ones; round r's
  /// prompts (to sample from the current policy) are the union of its batches.
  /// - Throws: ``TaskError`` unless 1 ≤ k ≤ stepCount.
  public func rounds(_ k: Int) throws(TaskError) -> [[[Int]]] {
    try TaskError.checkRange(k, 1...max(stepCount, 1), "rounds")
    let base = stepCount / k
    let extra = stepCount % k
    var out: [[[Int]]] = []
    var start = 0
    for r in 0..<k {
      let size = base + (r < extra ? 1 : 0)
      out.append(Array(batches[start..<(start + size)]))
      start += size
    }
    return out
  }
}
