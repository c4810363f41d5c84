// Where a run of a PIPA data-source sweep finds its samples and its prior
// (``AlignmentObjectives/shiftedSamples(_:)``, ``AlignmentObjectives/priorFineTune(_:)``):
// ``SeedContext/offlineSamples(for:)`` asks here first. A shifted run gets the half-step SFT
// checkpoint's samples scored against the final SFT model (π_ref = f₀ = p^prior); a
// fine-tuned-prior run gets the shared samples scored against its fine-tuned prior. Either
// way the policy starts from the SFT model (``AlignmentLoop/run(_:report:)``) and the metrics'
// KL estimate stays against the SFT model.

/// The sample sets the PIPA data-source sweeps add to a seed.
enum SweepSampleSource: Hashable {
  /// pipa.empirical.m-vs-n-shift: samples of the half-step SFT checkpoint.
  case shifted
  /// pipa.empirical.prior-choice: the shared samples under a fine-tuned prior.
  case prior(AlignmentObjectives.PriorFineTune)

  /// The source `spec` trains on, nil for the shared or dedicated samples.
  init?(_ spec: RunSpec) throws {
    if try AlignmentObjectives.shiftedSamples(spec) {
      self = .shifted
    } else if let v = try AlignmentObjectives.priorFineTune(spec) {
      self = .prior(v)
    } else {
      return nil
    }
  }
}

extension SeedContext {
  /// The samples and scorer of `spec`'s data-source sweep, nil when it has none. Called with
  /// the context's lock held.
  /// - Throws: ``PipelineError/setting(field:value:rule:)`` when the stage that provides them
  ///   has not run for this seed (a bug in the caller).
  func sweepSamples(for spec: RunSpec) throws
    -> (samples: [PromptSamples], scorer: SequenceScorer<Float>)?
  {
    let source: SweepSampleSource?
    do { source = try SweepSampleSource(spec) } catch let e as AlignmentObjectives.UnsupportedSpec {
      throw PipelineError.setting(field: e.field, value: e.value, rule: e.rule)
    }
    guard let source else { return nil }
    guard let set = sweepSampleSets[source] else {
      throw PipelineError.setting(
        field: "\(spec.label).samples", value: "\(source)",
        rule: "must be prepared for seed \(seedIndex) before the runs (PIPADataSweepStages)")
    }
    return set
  }
}
