// The per-seed stages of PIPA's data-source sweeps, between the shared samples and the runs
// (``TrainingGrid``): the shifted samples of pipa.empirical.m-vs-n-shift
// (``ShiftedSampleStage``) and the fine-tuned priors of pipa.empirical.prior-choice
// (``PriorFineTuneStage``). Each runs only when a selected spec asks for it, so the default
// grid (no sweep key) is untouched; their outputs become sample sets of the seed's context
// (``SeedContext/sweepSamples(for:)``) before anything reads its offline samples.
import Numerics

enum PIPADataSweepStages {
  /// Whether a spec of `specs` needs shifted samples or a fine-tuned prior.
  static func needed(for specs: [RunSpec]) -> Bool {
    AlignmentObjectives.needShiftedSamples(specs) || !AlignmentObjectives.neededPriors(specs).isEmpty
  }

  /// Prepares the context's sweep sample sets for `specs`, at `blasThreads` BLAS threads,
  /// announcing each stage it computes or loads; returns the shifted samples' record when
  /// they were needed.
  static func prepare(
    for specs: [RunSpec], context: SeedContext, sft: SFTRecord, store: CheckpointStore,
    blasThreads: Int, announce: (String) -> Void
  ) throws -> ShiftedSamplesRecord? {
    let shifted = AlignmentObjectives.needShiftedSamples(specs)
    let priors = AlignmentObjectives.neededPriors(specs)
    guard shifted || !priors.isEmpty else { return nil }
    let previousThreads = BLAS.threadCount
    BLAS.setThreadCount(blasThreads)
    defer { BLAS.setThreadCount(previousThreads) }
    var record: ShiftedSamplesRecord?
    if shifted {
      announce("shifted-samples")
      if let s = try ShiftedSampleStage.prepare(
        for: specs, context: context, sft: sft, store: store)
      {
        context.sweepSampleSets[.shifted] = (s.samples, s.scorer)
        record = s.record
      }
    }
    if !priors.isEmpty {
      announce("prior-fine-tune")
      if let own = try PriorFineTuneStage.samples(for: specs, context: context) {
        for (v, prior) in try PriorFineTuneStage.priors(
          for: specs, samples: own.samples, context: context, store: store)
        {
          context.sweepSampleSets[.prior(v)] = (
            own.samples,
            SequenceScorer(
              reference: prior, samples: own.scorer.samples,
              chunkSize: context.settings.evaluationBatch)
          )
        }
      }
    }
    return record
  }
}
