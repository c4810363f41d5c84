// How the factory reads PIPA's step-label threshold (claims/pipa.md pipa.empirical.threshold;
// PIPA §3.1, Figure 5): `stepThreshold = τ` on PIPA-M token level with unpaired step-level
// data labels each step of an incorrect answer correct iff its Monte Carlo value Q ≥ τ
// (``ThresholdStepLabels``), from the seed's ``StepValues`` that the pipeline computes once
// per seed on the shared samples (``StepValueStage``) and passes to
// ``AlignmentObjectives/make(_:samples:stepValues:)``. Offline only: the values belong to the
// shared samples, not to an iterative run's own.

extension AlignmentObjectives {
  /// τ of `stepThreshold = τ` (−1 ≤ τ ≤ 1, the range of Q), nil when absent.
  static func stepThreshold(_ spec: RunSpec) throws -> Double? {
    guard let tau = sweep(SweepKey.stepThreshold, of: spec) else { return nil }
    guard tau.isFinite, tau >= -1, tau <= 1 else {
      throw badSweep(spec, SweepKey.stepThreshold, "lie in [−1, 1] (the range of Q)")
    }
    guard spec.rounds == 1 else {
      throw badSweep(
        spec, SweepKey.stepThreshold,
        "be set on an offline run only (rounds = 1; the values are the shared samples')")
    }
    return tau
  }

  /// The specs among `specs` whose data need the seed's step values.
  public static func needStepValues(_ specs: [RunSpec]) -> Bool {
    specs.contains { $0.hyperparameters[SweepKey.stepThreshold] != nil }
  }
}
