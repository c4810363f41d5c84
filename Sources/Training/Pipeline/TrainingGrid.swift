// The whole experiment of shared/design/TRAINING.md ("Pipeline", steps 1–7): for every seed,
// SFT → the shared samples → every spec → a RunRecord, collected into ``TrainingResults``.
// Each piece (mid-SFT state, the SFT model, the samples, each finished run) is checkpointed
// under `<outDir>/checkpoints` (``CheckpointStore``) as soon as it exists; run again with the
// same settings and output directory, the grid loads the finished pieces instead of
// recomputing them, so a killed run resumes and ends with the same results, bit for bit.
import Foundation
import Numerics
import Synchronization

/// Runs a training grid.
public enum TrainingGrid {
  /// Test hooks.
  public struct Hooks: Sendable {
    /// Throw ``PipelineError/interrupted(afterCheckpoints:)`` right after this many
    /// checkpoint files have been written (simulates a kill between pieces).
    public var interruptAfterCheckpoints: Int?
    public init(interruptAfterCheckpoints: Int? = nil) {
      self.interruptAfterCheckpoints = interruptAfterCheckpoints
    }
  }

  /// A progress event: the stage, where it is, the loss and throughput, and an estimate of
  /// the time left in the grid (nil until one piece has been timed).
  public struct Progress: Sendable {
    public var stage: String
    public var seedIndex: Int
    public var detail: String
    public var step: Int
    public var steps: Int
    public var loss: Double?
    public var tokensPerSecond: Double?
    public var secondsLeft: Double?
  }

  /// Wall-clock seconds per piece (kept out of the byte-identical results).
  public struct Timings: Codable, Sendable, Hashable {
    public var sft: [Double] = []
    public var sampling: [Double] = []
    public var runs: [String: Double] = [:]
    public var totalSeconds = 0.0
    /// Alignment tokens (forward + backward) per second over the runs computed now.
    public var alignmentTokensPerSecond: Double?
    public var resumedPieces = 0
    /// Seconds of the runs computed now spent measuring metrics (part of `runs`).
    public var metricsSeconds = 0.0
    /// Alignment tokens per second with the metric time taken out (training steps only:
    /// policy forward + backward, cached reference, objective, AdamW).
    public var trainingTokensPerSecond: Double?
    /// Seconds of the stages besides SFT, sampling and the runs, keyed "<stage>#<seed>":
    /// reward-spacing, pipa-data (shifted samples, prior fine-tunes), step-values, width
    /// (the seed's other-width SFT, samples and runs) and step-cost. Empty on the default grid.
    public var stages: [String: Double] = [:]
  }

  /// The results of `specs` under `settings`, checkpointed in `outDir`.
  public static func run(
    specs: [RunSpec], settings: TrainingSettings, outDir: URL, workers: Int = defaultWorkers,
    hooks: Hooks = Hooks(), stepCost: (baseline: RunSpec, candidate: RunSpec)? = nil,
    rewardSpacing: Bool = false, progress: (Progress) -> Void = { _ in }
  ) throws -> TrainingResults {
    try execute(
      specs: specs, settings: settings, outDir: outDir, workers: workers, hooks: hooks,
      stepCost: stepCost, rewardSpacing: rewardSpacing, progress: progress
    ).results
  }

  /// Worker threads for the alignment runs of a seed (the two cores of TRAINING.md).
  public static let defaultWorkers = 2
  /// OpenBLAS threads while the workers run (each worker one core).
  public static let alignmentBLASThreads = 1
  /// OpenBLAS threads of the SFT stage and the sampling, pinned rather than the machine's
  /// default: OpenBLAS's float32 rounding depends on the thread count (`verify train --quick
  /// --objectives DPO` gave different results.json bytes, from the SFT test accuracy on, under
  /// OPENBLAS_NUM_THREADS=1 and 2). 2 is TRAINING.md's two cores, the count earlier grids
  /// ran at on the reference machine.
  public static let sftBLASThreads = 2

  /// As ``run(specs:settings:outDir:workers:hooks:progress:)``, with the timings. The
  /// alignment runs of a seed go on `workers` threads; the results do not depend on it
  /// (the timings do).
  ///
  /// With `stepCost` (baseline, candidate), both offline specs of `specs`, seed 0's shared
  /// state also serves ``StepCostProbe`` after its runs (mappo.no-extra-compute), and the
  /// measurement lands in ``TrainingResults/stepCost``.
  ///
  /// With `rewardSpacing`, every seed's SFT model also draws the samples of
  /// mpo.emp.reward-spacing (``RewardSpacingStage``; ``TrainingResults/rewardSpacing``), and
  /// `specs` may then be empty (the entry trains nothing).
  public static func execute(
    specs: [RunSpec], settings: TrainingSettings, outDir: URL, workers: Int = defaultWorkers,
    hooks: Hooks = Hooks(), stepCost: (baseline: RunSpec, candidate: RunSpec)? = nil,
    rewardSpacing: Bool = false, progress: (Progress) -> Void = { _ in }
  ) throws -> (results: TrainingResults, timings: Timings) {
    try settings.validate()
    guard workers >= 1 else {
      throw PipelineError.setting(field: "workers", value: "\(workers)", rule: "must be ≥ 1")
    }
    let previousBLASThreads = BLAS.threadCount
    BLAS.setThreadCount(sftBLASThreads)
    defer { BLAS.setThreadCount(previousBLASThreads) }
    guard !specs.isEmpty || rewardSpacing else {
      throw PipelineError.setting(field: "specs", value: "[]", rule: "must name ≥ 1 run")
    }
    var labels = Set<String>()
    for s in specs where !labels.insert(s.label).inserted {
      throw PipelineError.setting(field: "specs.label", value: s.label, rule: "must be unique")
    }
    // Fail before SFT, not after it, on a spec the factory cannot bind.
    let probe = try ScoredSampleSet(samples: [], seed: settings.masterSeed)
    for spec in specs {
      do { _ = try AlignmentObjectives.make(spec, samples: probe) } catch
        let e as AlignmentObjectives.UnsupportedSpec
      {
        throw PipelineError.setting(field: e.field, value: e.value, rule: e.rule)
      }
    }
    // mappo.empirical.scale-trend: runs that carry modelWidth train in their own per-seed
    // pipeline after the seed's runs (ModelWidthStage); the rest below, as before.
    let widthStage = try ModelWidthStage(specs: specs, settings: settings)
    let allSpecs = specs
    let specs = widthStage.defaultSpecs
    let start = Date()
    var store = try CheckpointStore(outDir: outDir, settings: settings)
    if let limit = hooks.interruptAfterCheckpoints {
      // Two workers save at once: one locked counter, and every save from the limit on throws
      // the same error (a racing second save used to report its own count, limit + 1).
      let written = SaveCounter()
      store.onWrite = {
        if written.count.withLock({ $0 += 1; return $0 }) >= limit {
          throw PipelineError.interrupted(afterCheckpoints: limit)
        }
      }
    }
    var timings = Timings()
    /// `body`'s wall-clock seconds, added to `timings.stages["<stage>#<seed>"]`.
    func timed<T>(_ stage: String, _ seedIndex: Int, _ body: () throws -> T) rethrows -> T {
      let clock = Date()
      defer { timings.stages["\(stage)#\(seedIndex)", default: 0] += Date().timeIntervalSince(clock) }
      return try body()
    }
    var sftRecords: [SFTRecord] = []
    var measuredCost: StepCostMeasurement?
    var runs: [RunRecord] = []
    var spacing: [[[Double]]] = []
    var spacingRecord: RewardSpacingSamples?
    var shiftedRecords: [ShiftedSamplesRecord] = []
    var widthSFT: [WidthSFTRecord] = []
    let config = try settings.modelConfig()
    let piecesTotal = settings.seeds * (specs.count + 2)
    var piecesDone = 0
    var computedSeconds = 0.0
    var computedPieces = 0
    var alignTokens = 0
    var alignSeconds = 0.0
    func left() -> Double? {
      computedPieces == 0
        ? nil : computedSeconds / Double(computedPieces) * Double(piecesTotal - piecesDone)
    }

    for seedIndex in 0..<settings.seeds {
      let seed = TrainingResults.seed(master: settings.masterSeed, index: seedIndex)
      let splits = try PromptSplits(sizes: settings.splitSizes, seed: seed)

      // 1. SFT (resumable mid-stage).
      let sftClock = Date()
      let model: Transformer<Float>
      let sftRecord: SFTRecord
      if let done = try store.load(
        SFTCheckpoint.self, kind: "sft", seed: seedIndex, name: "sft.ckpt")
      {
        model = try Transformer<Float>(config: config)
        try model.parameters.setValues(done.parameters.floats)
        sftRecord = done.record
        timings.resumedPieces += 1
      } else {
        var initStream = RandomStream(seed: seed, stream: PipelineStream.modelInit)
        model = try Transformer<Float>(config: config, initialization: &initStream)
        let stage = try SFTStage(settings: settings, splits: splits, seedIndex: seedIndex)
        let resume = try store.load(
          SFTStage.Progress.self, kind: "sft-progress", seed: seedIndex, name: "sft-progress.ckpt")
        if resume != nil { timings.resumedPieces += 1 }
        var lastReport = Date()
        // pipa.empirical.m-vs-n-shift: the half-step model, recorded only when a spec needs it.
        let halfStep = ShiftedSampleStage.recorder(for: specs, settings: settings)
        sftRecord = try stage.run(
          model, resume: resume, halfStep: halfStep,
          checkpoint: {
            try store.save($0, kind: "sft-progress", seed: seedIndex, name: "sft-progress.ckpt")
          },
          report: { r in
            let now = Date()
            let dt = now.timeIntervalSince(lastReport)
            lastReport = now
            progress(
              Progress(
                stage: "sft", seedIndex: seedIndex,
                detail: r.validationAccuracy.map { "validation accuracy \($0)" } ?? "",
                step: r.step, steps: r.maxSteps, loss: r.loss,
                tokensPerSecond: dt > 0 ? Double(r.tokens) / dt : nil, secondsLeft: left()))
          })
        try ShiftedSampleStage.save(halfStep, store: store, seedIndex: seedIndex)
        try store.save(
          SFTCheckpoint(parameters: FloatBits(model.parameters.values), record: sftRecord),
          kind: "sft", seed: seedIndex, name: "sft.ckpt")
        store.remove(seed: seedIndex, name: "sft-progress.ckpt")
        computedSeconds += Date().timeIntervalSince(sftClock)
        computedPieces += 1
      }
      timings.sft.append(Date().timeIntervalSince(sftClock))
      sftRecords.append(sftRecord)
      piecesDone += 1
      if rewardSpacing {  // mpo.emp.reward-spacing: sampling only (RewardSpacingStage)
        progress(
          Progress(
            stage: "reward-spacing", seedIndex: seedIndex, detail: "", step: 0, steps: 1,
            loss: nil, tokensPerSecond: nil, secondsLeft: left()))
        spacing.append(
          try timed("reward-spacing", seedIndex) {
            try RewardSpacingStage.rewards(
              model: model, splits: splits, settings: settings, seedIndex: seedIndex, store: store)
          })
        spacingRecord = RewardSpacingStage.record(spacing, splits: splits)
      }

      // 2. Shared samples (train: n per prompt; held out: n per prompt for tracking pairs).
      let sampleClock = Date()
      let tokens: SamplesCheckpoint
      if let done = try store.load(
        SamplesCheckpoint.self, kind: "samples", seed: seedIndex, name: "samples.ckpt")
      {
        tokens = done
        timings.resumedPieces += 1
      } else {
        progress(
          Progress(
            stage: "sampling", seedIndex: seedIndex, detail: "", step: 0,
            steps: settings.trainPrompts + settings.heldOutPrompts, loss: nil,
            tokensPerSecond: nil, secondsLeft: left()))
        let train = try SampleStage.sampleTokens(
          model, problems: splits.train, n: settings.responses,
          temperature: settings.temperature, seed: seed, stream: PipelineStream.trainSamples,
          batchSize: settings.evaluationBatch)
        let heldOut = try SampleStage.sampleTokens(
          model, problems: splits.heldOut, n: settings.responses,
          temperature: settings.temperature, seed: seed, stream: PipelineStream.heldOutSamples,
          batchSize: settings.evaluationBatch)
        tokens = SamplesCheckpoint(train: train, heldOut: heldOut)
        try store.save(tokens, kind: "samples", seed: seedIndex, name: "samples.ckpt")
        computedSeconds += Date().timeIntervalSince(sampleClock)
        computedPieces += 1
      }
      guard tokens.train.count == splits.train.count,
        tokens.heldOut.count == splits.heldOut.count
      else {
        throw PipelineError.corruptCheckpoint(
          path: store.url(seed: seedIndex, "samples.ckpt").path,
          reason: "prompt counts do not match the splits")
      }
      let trainSamples = try zip(splits.train.indices, tokens.train).map {
        try PromptSamples(promptIndex: $0, problem: splits.train[$0], responses: $1)
      }
      let heldOutSamples = try zip(splits.heldOut.indices, tokens.heldOut).map {
        try PromptSamples(promptIndex: $0, problem: splits.heldOut[$0], responses: $1)
      }
      timings.sampling.append(Date().timeIntervalSince(sampleClock))
      piecesDone += 1

      // 3. Every spec: finished runs from their checkpoints, the others on the workers
      // (``SeedContext/prepare(for:)`` first makes everything they share read-only). Each
      // record lands in its spec's slot, so the results are in spec order whatever the
      // worker count; BLAS runs single-threaded inside each worker.
      let context = try SeedContext(
        settings: settings, seedIndex: seedIndex, splits: splits, reference: model,
        trainSamples: trainSamples, heldOutSamples: heldOutSamples)
      // pipa.empirical.m-vs-n-shift / prior-choice: shifted samples and fine-tuned priors,
      // before anything reads a spec's offline samples (PIPADataSweepStages).
      if PIPADataSweepStages.needed(for: specs), let r = try timed("pipa-data", seedIndex, {
        try PIPADataSweepStages.prepare(
          for: specs, context: context, sft: sftRecord, store: store,
          blasThreads: alignmentBLASThreads,
          announce: {
            progress(
              Progress(
                stage: $0, seedIndex: seedIndex, detail: "", step: 0, steps: 1, loss: nil,
                tokensPerSecond: nil, secondsLeft: left()))
          })
      }) {
        shiftedRecords.append(r)
      }
      // pipa.empirical.threshold: the SFT model's Monte Carlo step values (StepValueStage),
      // at the runs' BLAS thread count (a spec's own samples are drawn as in prepare(for:)).
      // (None is needed on the default grid: `context.stepValues` stays nil.)
      if AlignmentObjectives.needStepValues(specs) {
        progress(
          Progress(
            stage: "step-values", seedIndex: seedIndex, detail: "", step: 0, steps: 1,
            loss: nil, tokensPerSecond: nil, secondsLeft: left()))
        context.stepValues = try timed("step-values", seedIndex) {
          try StepValueStage.values(
            for: specs, context: context, seedIndex: seedIndex, store: store,
            blasThreads: alignmentBLASThreads)
        }
      }
      let loop = AlignmentLoop(context: context)
      defer { timings.metricsSeconds += context.metricsSeconds }
      var records = try store.loadRuns(specs, seed: seedIndex)
      for (spec, done) in zip(specs, records) {
        guard let done else { continue }
        timings.runs["\(spec.label)#\(seedIndex)"] = done.seconds
        timings.resumedPieces += 1
        piecesDone += 1
      }
      try loop.trainPending(
        specs, records: &records, store: store, workers: workers, blasThreads: alignmentBLASThreads,
        report: { r in
          progress(
            Progress(
              stage: "align", seedIndex: seedIndex, detail: r.label, step: r.step,
              steps: r.steps, loss: r.loss, tokensPerSecond: r.tokensPerSecond,
              secondsLeft: left()))
        },
        finished: { spec, record, trained in
          timings.runs["\(spec.label)#\(seedIndex)"] = record.seconds
          // Run seconds overlap when workers > 1: divide by the workers for the time left.
          computedSeconds += record.seconds / Double(min(workers, trained))
          computedPieces += 1
          alignTokens += record.tokens
          alignSeconds += record.seconds
          piecesDone += 1
        })
      runs += records.map { $0! }
      if !widthStage.isEmpty {  // the seed's runs at other widths, after its own
        let more = try timed("width", seedIndex) {
          try widthStage.run(
            seedIndex: seedIndex, base: sftRecord, splits: splits, store: store, workers: workers,
            alignmentBLASThreads: alignmentBLASThreads, progress: progress)
        }
        runs += more.runs
        widthSFT += more.sft
      }
      if seedIndex == 0, let pair = stepCost {
        let previousThreads = BLAS.threadCount
        BLAS.setThreadCount(alignmentBLASThreads)
        defer { BLAS.setThreadCount(previousThreads) }
        progress(
          Progress(
            stage: "step-cost", seedIndex: 0,
            detail: "\(pair.candidate.label) vs \(pair.baseline.label)", step: 0,
            steps: StepCostProbe.repeats, loss: nil, tokensPerSecond: nil, secondsLeft: left()))
        measuredCost = try timed("step-cost", 0) {
          try StepCostProbe.measure(
            baseline: pair.baseline, candidate: pair.candidate, context: context)
        }
      }
    }
    timings.totalSeconds = Date().timeIntervalSince(start)
    timings.alignmentTokensPerSecond = alignSeconds > 0 ? Double(alignTokens) / alignSeconds : nil
    let trainingSeconds = alignSeconds - timings.metricsSeconds
    timings.trainingTokensPerSecond =
      trainingSeconds > 0 ? Double(alignTokens) / trainingSeconds : nil
    var table = settings.settingsTable
    table["execution.blasThreads.sftAndSampling"] = "\(sftBLASThreads)"
    table["execution.blasThreads.alignment"] = "\(alignmentBLASThreads) per worker"
    // The sweep settings these runs carry and the factory honours (none on the default grid).
    let honoured = AlignmentObjectives.honouredRunKeys(allSpecs)
    if !honoured.isEmpty {
      table[EmpiricalStatistics.honouredRunKeysSetting] = honoured.joined(separator: ",")
    }
    let results = TrainingResults(
      seed: settings.masterSeed, seedCount: settings.seeds, settings: table,
      sft: sftRecords, runs: runs, stepCost: measuredCost, rewardSpacing: spacingRecord,
      shiftedSamples: shiftedRecords.isEmpty ? nil : shiftedRecords,
      widthSFT: widthStage.isEmpty ? nil : widthSFT)
    return (results, timings)
  }
}

/// The number of checkpoint saves so far, shared by the workers (the interrupt hook's counter).
private final class SaveCounter: Sendable {
  let count = Mutex(0)
}
