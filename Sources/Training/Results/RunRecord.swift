// One finished alignment run: its spec, the seed index it ran under and its metric
// trajectory (shared/design/TRAINING.md steps 5–7).

/// The metrics of `spec` under seed `seedIndex`.
public struct RunRecord: Hashable, Sendable, Codable {
  public var spec: RunSpec
  /// 0-based seed index; the seed itself is ``TrainingResults/seed(index:)``.
  public var seedIndex: Int
  /// Metric points by ascending step, the first at step 0 and the last at the final step.
  public var points: [MetricPoint]
  /// Alignment steps taken.
  public var steps: Int
  /// Sequence tokens processed in forward + backward passes.
  public var tokens: Int
  /// Wall-clock seconds (reported, never part of a verdict or of the byte-identical JSON).
  public var seconds: Double

  public init(
    spec: RunSpec, seedIndex: Int, points: [MetricPoint], steps: Int, tokens: Int,
    seconds: Double
  ) {
    self.spec = spec
    self.seedIndex = seedIndex
    self.points = points
    self.steps = steps
    self.tokens = tokens
    self.seconds = seconds
  }

  /// The last metric point (the run's final state).
  public var final: MetricPoint? { points.last }
  /// The step-0 point (the SFT model).
  public var initial: MetricPoint? { points.first }
}
