// The measurement behind mappo.no-extra-compute (claims/mappo.md: "MaPPO costs no more to
// train than DPO"): (a) the policy and reference forward passes per training pair of two
// runs, counted from the sequences each objective asks the pipeline to score, and (b) the
// wall-clock ratio t_candidate / t_baseline of one training step on the same batch from the
// same SFT checkpoint, timed in alternating order (``StepCostProbe``).
//
// The counts are deterministic and stay in results.json; the ratios are wall-clock figures,
// so ``TrainingOutput/deterministic(_:)`` drops them from results.json (they are written to
// stepcost.json) and the claim is decided from the in-memory results of the run that timed
// them.

/// Forward passes per pair and timed step ratios of two runs.
public struct StepCostMeasurement: Hashable, Sendable, Codable {
  /// The run the ratio divides by (DPO).
  public var baseline: String
  /// The run the ratio is of (MaPPO).
  public var candidate: String
  /// Pairs in the timed batch (the first batch of seed 0).
  public var pairs: Int
  /// Policy sequences scored (forward + backward) per pair: baseline, candidate.
  public var policyPerPair: [Double]
  /// Reference sequences scored (forward) per pair: baseline, candidate.
  public var referencePerPair: [Double]
  /// Per-repeat ratios t_candidate / t_baseline of one training step (empty in results.json).
  public var ratios: [Double]

  public init(
    baseline: String, candidate: String, pairs: Int, policyPerPair: [Double],
    referencePerPair: [Double], ratios: [Double]
  ) {
    self.baseline = baseline
    self.candidate = candidate
    self.pairs = pairs
    self.policyPerPair = policyPerPair
    self.referencePerPair = referencePerPair
    self.ratios = ratios
  }
}
