// The random streams of the pipeline (shared/design/TRAINING.md "Every random choice flows
// from one seed"): each purpose draws from its own stream of the seed index's seed
// (``TrainingResults/seed(master:index:)``), so adding draws to one stage never shifts
// another, and every objective of a seed sees the same draws (common random numbers).
//
// A stage whose draws depend only on (seed, purpose, counter) needs no generator state in
// its checkpoint: SFT epoch e's order is stream `.sftOrder(e)`, so a resumed SFT stage
// reconstructs its random state from the step count alone.

/// Stream ids, disjoint from ``TaskStream``'s ("PIPE" in the top 32 bits).
public enum PipelineStream {
  static let tag: UInt64 = 0x5049_5045 << 32  // "PIPE"

  /// The model's initial parameters.
  public static let modelInit: UInt64 = tag | 1
  /// The shared samples on the training prompts (from π_ref at the settings' temperature).
  public static let trainSamples: UInt64 = tag | 2
  /// The samples on the held-out prompts (tracking pairs).
  public static let heldOutSamples: UInt64 = tag | 3
  /// The KL estimate's samples from the policy at a metric point.
  public static let klSamples: UInt64 = tag | 4

  /// The permutation of the SFT corpus in epoch `e`.
  public static func sftOrder(epoch e: Int) -> UInt64 { tag | (1 << 24) | UInt64(e) }
  /// Round `k` of an iterative run (samples from the current policy).
  public static func iterativeRound(_ k: Int) -> UInt64 { tag | (2 << 24) | UInt64(k) }
  /// Offline samples at a temperature or count other than the shared ones (keyed by the
  /// top 20 bits of the temperature and n mod 256).
  public static func dedicatedSamples(temperature: Double, responses: Int) -> UInt64 {
    tag | (3 << 28) | ((temperature.bitPattern >> 44) << 8) | UInt64(responses & 0xFF)
  }
}
