// Everything `verify train` measured: the settings, the SFT model of every seed and every
// alignment run. The empirical claims are decided from this value alone (Sources/Training/
// Empirical), so a saved results file can be re-judged without retraining.

/// The results of a training grid.
public struct TrainingResults: Hashable, Sendable, Codable {
  /// Bumped whenever the encoding changes.
  public static let currentSchemaVersion = 1
  public var schemaVersion: Int
  /// The master seed every random choice flows from.
  public var seed: UInt64
  /// The number of seeds S (seed indices 0..<S).
  public var seedCount: Int
  /// Every size and setting of the run, by name, as printed in the report (model, data
  /// sizes, optimizer, steps, metric interval, …), values as text.
  public var settings: [String: String]
  public var sft: [SFTRecord]
  public var runs: [RunRecord]
  /// The step-cost measurement of mappo.no-extra-compute, when the grid timed it
  /// (``StepCostProbe``); absent from older files and from grids without both runs.
  public var stepCost: StepCostMeasurement?
  /// π_ref's reward samples of mpo.emp.reward-spacing, when the claim was selected
  /// (``RewardSpacingStage``); absent (and not encoded) otherwise, so older files and grids
  /// without the claim keep their bytes.
  public var rewardSpacing: RewardSpacingSamples?
  /// The half-step SFT checkpoints of pipa.empirical.m-vs-n-shift, one per seed, when a run
  /// trained on shifted samples (``ShiftedSampleStage``); absent (and not encoded) otherwise.
  public var shiftedSamples: [ShiftedSamplesRecord]?
  /// The SFT models at the widths of runs that carry `modelWidth` (mappo.empirical.scale-
  /// trend; ``ModelWidthStage``), by seed then width; absent (and not encoded) otherwise.
  public var widthSFT: [WidthSFTRecord]?

  public init(
    seed: UInt64, seedCount: Int, settings: [String: String], sft: [SFTRecord],
    runs: [RunRecord], stepCost: StepCostMeasurement? = nil,
    rewardSpacing: RewardSpacingSamples? = nil, shiftedSamples: [ShiftedSamplesRecord]? = nil,
    widthSFT: [WidthSFTRecord]? = nil
  ) {
    schemaVersion = Self.currentSchemaVersion
    self.seed = seed
    self.seedCount = seedCount
    self.settings = settings
    self.sft = sft
    self.runs = runs
    self.stepCost = stepCost
    self.rewardSpacing = rewardSpacing
    self.shiftedSamples = shiftedSamples
    self.widthSFT = widthSFT
  }

  /// The runs of `label`, one per seed, by seed index.
  public func runs(label: String) -> [RunRecord] {
    runs.filter { $0.spec.label == label }.sorted { $0.seedIndex < $1.seedIndex }
  }

  /// The seed of seed index `i`: a fixed mix of the master seed and i.
  public static func seed(master: UInt64, index i: Int) -> UInt64 {
    var z = master &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(i + 1)
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
