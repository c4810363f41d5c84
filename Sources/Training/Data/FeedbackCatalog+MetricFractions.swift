// The metric points a paper's protocol needs beyond the shared schedule of
// shared/design/TRAINING.md step 6 (a point every `metricInterval` steps and at the end).

extension FeedbackCatalog {
  /// claims/alphapo.md §2.8 "Time axis": checkpoints at t ∈ {0, 0.05, 0.1, 0.25, 0.5, 0.75, 1}
  /// of the shared step count. t = 0 is the shared step-0 point and 0.25…1 are the shared
  /// schedule's points at the default 128 steps with a point every 32; 0.05 and 0.1 (read by
  /// alphapo.empirical.early-preferred-increase) are not, so every AlphaPO run adds them.
  public static let alphaPOExtraMetricFractions: [Double] = [0.05, 0.1]

  /// The fractions of the step count at which a run of `paper` measures extra metric points
  /// (``RunSpec/extraMetricFractions``); nil when the paper's protocol needs none.
  public static func extraMetricFractions(paper: String) -> [Double]? {
    paper == alphapo ? alphaPOExtraMetricFractions : nil
  }
}
