// The width-specific pipeline of claims/mappo.md mappo.empirical.scale-trend: "At d = 32
// everything else is shared: the same prompts, the same SFT step count as the d = 64 SFT of
// the same seed (…; its SFT accuracy is reported), its own samples from its own SFT model,
// and the same alignment steps and batch order."
//
// A run that carries ``AlignmentObjectives/SweepKey/modelWidth`` = w (≠ the settings' width)
// is not trained in the seed's shared pipeline. After the seed's default-width runs,
// ``TrainingGrid`` hands it here, and per seed and width w this stage
//   1. trains a fresh model of width w (the settings' depth, heads and context; initial
//      parameters from stream ``PipelineStream/modelWidth(_:purpose:)`` purpose 1) by the
//      SFT stage on the same corpus, batch order and optimizer for exactly the step count
//      of the seed's default-width SFT (``fixedStepSettings(_:steps:)``: no accuracy stops
//      it; validation accuracy is still measured every E steps and reported);
//   2. draws its own shared samples (train and held-out, n at the settings' T) from that
//      model on streams of purposes 2 and 3;
//   3. trains the width's runs from a ``SeedContext`` of that model and those samples, whose
//      batches are the seed's (same prompts, steps and order as every other run).
// Each piece is checkpointed per seed like the shared ones (`sft-progress-d<w>.ckpt`,
// `sft-d<w>.ckpt`, `samples-d<w>.ckpt`, and `run-<label>.ckpt`), so a killed grid resumes
// to the same bytes. SFT and sampling run at the grid's SFT thread count, the runs at its
// alignment thread count on its workers. A grid without such a run never builds a stage.
import Foundation
import Numerics

extension PipelineStream {
  /// The draws of ``ModelWidthStage`` at width `w`: purpose 1 the initial parameters, 2 the
  /// training-prompt samples, 3 the held-out samples. Disjoint from every other id: bit 31
  /// is set by no other stream (the others use bits 0–30), and w (mod 2¹⁶) and the purpose
  /// occupy separate bits.
  static func modelWidth(_ w: Int, purpose: UInt64) -> UInt64 {
    tag | (3 << 30) | (UInt64(w & 0xFFFF) << 8) | (purpose & 0xFF)
  }
}

/// The per-seed pipelines of the runs that carry a model width.
public struct ModelWidthStage {
  /// The grid's settings (the default width).
  public let settings: TrainingSettings
  /// The runs without a width key, in spec order: the shared pipeline's.
  public let defaultSpecs: [RunSpec]
  /// The other widths, ascending, each with its runs in spec order.
  public let widths: [(width: Int, specs: [RunSpec])]

  /// Whether no run carries a width (the grid then never calls the stage).
  public var isEmpty: Bool { widths.isEmpty }

  /// Splits `specs` by width, refusing (before any training) a width that is not a whole
  /// number ≥ 1 other than the settings' one, that the heads do not divide, or a width run
  /// that needs the shared step values (pipa.empirical.threshold's stage is default-width).
  public init(specs: [RunSpec], settings: TrainingSettings) throws {
    self.settings = settings
    var byWidth: [Int: [RunSpec]] = [:]
    var plain: [RunSpec] = []
    for spec in specs {
      guard let w = try Self.width(of: spec, settings: settings) else {
        plain.append(spec)
        continue
      }
      if spec.hyperparameters[AlignmentObjectives.SweepKey.stepThreshold] != nil {
        throw Self.refusal(spec, "not combine with stepThreshold (step values are default-width)")
      }
      byWidth[w, default: []].append(spec)
    }
    defaultSpecs = plain
    widths = byWidth.keys.sorted().map { ($0, byWidth[$0]!) }
  }

  static func refusal(_ spec: RunSpec, _ rule: String) -> PipelineError {
    let key = AlignmentObjectives.SweepKey.modelWidth
    return PipelineError.setting(
      field: "\(spec.label).hyperparameters[\(key)]",
      value: "\(spec.hyperparameters[key] ?? .nan)", rule: "must " + rule)
  }

  /// The width `spec` asks for, nil when it carries none.
  static func width(of spec: RunSpec, settings: TrainingSettings) throws -> Int? {
    guard let v = spec.hyperparameters[AlignmentObjectives.SweepKey.modelWidth] else {
      return nil
    }
    guard v.isFinite, v == v.rounded(), v >= 1, v <= 4096 else {
      throw refusal(spec, "be a whole number in 1...4096")
    }
    let w = Int(v)
    guard w != settings.modelWidth else {
      throw refusal(spec, "differ from the settings' modelWidth = \(settings.modelWidth)")
    }
    guard w % settings.heads == 0 else {
      throw refusal(spec, "be divisible by the heads = \(settings.heads)")
    }
    return w
  }

  /// The settings at width `w` (every other setting shared).
  func settings(width w: Int) -> TrainingSettings {
    var s = settings
    s.modelWidth = w
    return s
  }

  /// `s` with a stop rule that stops after exactly `steps` steps: the step budget is
  /// `steps` and the band lies above every accuracy (∞), so neither "in band" nor "above the
  /// band" can stop it earlier. The schedule is unchanged (constant after warm-up: the
  /// budget does not enter it).
  static func fixedStepSettings(_ s: TrainingSettings, steps: Int) -> TrainingSettings {
    var f = s
    f.sftMaxSteps = steps
    f.sftBandLower = .infinity
    f.sftBandUpper = .infinity
    return f
  }

  static func sftName(_ w: Int) -> String { "sft-d\(w).ckpt" }
  static func progressName(_ w: Int) -> String { "sft-progress-d\(w).ckpt" }
  static func samplesName(_ w: Int) -> String { "samples-d\(w).ckpt" }

  /// What one seed adds to the results.
  struct SeedOutput {
    var runs: [RunRecord] = []
    var sft: [WidthSFTRecord] = []
  }

  /// The SFT models, samples and runs of every width for seed `seedIndex`, whose
  /// default-width SFT is `base`.
  func run(
    seedIndex: Int, base: SFTRecord, splits: PromptSplits, store: CheckpointStore,
    workers: Int, alignmentBLASThreads: Int, progress: (TrainingGrid.Progress) -> Void
  ) throws -> SeedOutput {
    var out = SeedOutput()
    for (w, specs) in widths {
      let (model, record) = try sft(
        width: w, seedIndex: seedIndex, steps: base.steps, splits: splits, store: store,
        progress: progress)
      out.sft.append(WidthSFTRecord(modelWidth: w, sft: record))
      let (train, heldOut) = try samples(
        model, width: w, seedIndex: seedIndex, splits: splits, store: store, progress: progress)
      let context = try SeedContext(
        settings: settings(width: w), seedIndex: seedIndex, splits: splits, reference: model,
        trainSamples: train, heldOutSamples: heldOut)
      out.runs += try runs(
        specs, context: context, store: store, workers: workers,
        blasThreads: alignmentBLASThreads, progress: progress)
    }
    return out
  }

  /// Step 1: the SFT model of width `w`, trained for exactly `steps` steps (resumable).
  func sft(
    width w: Int, seedIndex: Int, steps: Int, splits: PromptSplits, store: CheckpointStore,
    progress: (TrainingGrid.Progress) -> Void
  ) throws -> (Transformer<Float>, SFTRecord) {
    let config = try settings(width: w).modelConfig()
    if let done = try store.load(
      SFTCheckpoint.self, kind: "sft", seed: seedIndex, name: Self.sftName(w))
    {
      guard done.record.steps == steps else {
        throw PipelineError.mismatchedCheckpoint(
          path: store.url(seed: seedIndex, Self.sftName(w)).path,
          reason: "holds \(done.record.steps) SFT steps, the default-width SFT took \(steps)")
      }
      let model = try Transformer<Float>(config: config)
      try model.parameters.setValues(done.parameters.floats)
      return (model, done.record)
    }
    let seed = splits.seed
    var initStream = RandomStream(seed: seed, stream: PipelineStream.modelWidth(w, purpose: 1))
    let model = try Transformer<Float>(config: config, initialization: &initStream)
    let stage = try SFTStage(
      settings: Self.fixedStepSettings(settings(width: w), steps: steps), splits: splits,
      seedIndex: seedIndex)
    let resume = try store.load(
      SFTStage.Progress.self, kind: "sft-progress", seed: seedIndex, name: Self.progressName(w))
    let fixed = try stage.run(
      model, resume: resume,
      checkpoint: {
        try store.save($0, kind: "sft-progress", seed: seedIndex, name: Self.progressName(w))
      },
      report: { r in
        progress(
          TrainingGrid.Progress(
            stage: "sft d=\(w)", seedIndex: seedIndex,
            detail: r.validationAccuracy.map { "validation accuracy \($0)" } ?? "",
            step: r.step, steps: r.maxSteps, loss: r.loss, tokensPerSecond: nil,
            secondsLeft: nil))
      })
    let record = Self.record(fixed, settings: settings, width: w)
    try store.save(
      SFTCheckpoint(parameters: FloatBits(model.parameters.values), record: record),
      kind: "sft", seed: seedIndex, name: Self.sftName(w))
    store.remove(seed: seedIndex, name: Self.progressName(w))
    return (model, record)
  }

  /// The record of a fixed-step SFT: the settings' band, whether the final validation
  /// accuracy lies in it, and the stop rule in words with the evaluation history.
  static func record(_ fixed: SFTRecord, settings: TrainingSettings, width w: Int)
    -> SFTRecord
  {
    let marker = "evaluations step:accuracy "
    let history = fixed.stopRule.range(of: marker).map { String(fixed.stopRule[$0.upperBound...]) }
    let (lower, upper) = (settings.sftBandLower, settings.sftBandUpper)
    var r = fixed
    r.band = [lower, upper]
    r.inBand = fixed.validationAccuracy >= lower && fixed.validationAccuracy <= upper
    r.stopRule =
      "d = \(w): stop after exactly \(fixed.steps) steps, the step count of the seed's "
      + "d = \(settings.modelWidth) SFT (no accuracy stops it; mappo.empirical.scale-trend); "
      + "evaluations step:accuracy \(history ?? "")"
    return r
  }

  /// Step 2: the width's own train and held-out samples (n at the settings' T; resumable).
  func samples(
    _ model: Transformer<Float>, width w: Int, seedIndex: Int, splits: PromptSplits,
    store: CheckpointStore, progress: (TrainingGrid.Progress) -> Void
  ) throws -> (train: [PromptSamples], heldOut: [PromptSamples]) {
    let tokens: SamplesCheckpoint
    if let done = try store.load(
      SamplesCheckpoint.self, kind: "samples", seed: seedIndex, name: Self.samplesName(w))
    {
      tokens = done
    } else {
      progress(
        TrainingGrid.Progress(
          stage: "sampling d=\(w)", seedIndex: seedIndex, detail: "", step: 0,
          steps: settings.trainPrompts + settings.heldOutPrompts, loss: nil,
          tokensPerSecond: nil, secondsLeft: nil))
      let draw = { (problems: [AdditionProblem], purpose: UInt64) in
        try SampleStage.sampleTokens(
          model, problems: problems, n: settings.responses,
          temperature: settings.temperature, seed: splits.seed,
          stream: PipelineStream.modelWidth(w, purpose: purpose),
          batchSize: settings.evaluationBatch)
      }
      tokens = SamplesCheckpoint(
        train: try draw(splits.train, 2), heldOut: try draw(splits.heldOut, 3))
      try store.save(tokens, kind: "samples", seed: seedIndex, name: Self.samplesName(w))
    }
    guard tokens.train.count == splits.train.count,
      tokens.heldOut.count == splits.heldOut.count
    else {
      throw PipelineError.corruptCheckpoint(
        path: store.url(seed: seedIndex, Self.samplesName(w)).path,
        reason: "prompt counts do not match the splits")
    }
    let train = try zip(splits.train.indices, tokens.train).map {
      try PromptSamples(promptIndex: $0, problem: splits.train[$0], responses: $1)
    }
    let heldOut = try zip(splits.heldOut.indices, tokens.heldOut).map {
      try PromptSamples(promptIndex: $0, problem: splits.heldOut[$0], responses: $1)
    }
    return (train, heldOut)
  }

  /// Step 3: the width's runs from `context` (finished ones from their checkpoints), in
  /// spec order, on `workers` threads at `blasThreads` OpenBLAS threads each.
  func runs(
    _ specs: [RunSpec], context: SeedContext, store: CheckpointStore, workers: Int,
    blasThreads: Int, progress: (TrainingGrid.Progress) -> Void
  ) throws -> [RunRecord] {
    let seedIndex = context.seedIndex
    var records = try store.loadRuns(specs, seed: seedIndex)
    try AlignmentLoop(context: context).trainPending(
      specs, records: &records, store: store, workers: workers, blasThreads: blasThreads,
      report: { r in
        progress(
          TrainingGrid.Progress(
            stage: "align", seedIndex: seedIndex, detail: r.label, step: r.step,
            steps: r.steps, loss: r.loss, tokensPerSecond: r.tokensPerSecond, secondsLeft: nil))
      },
      finished: { _, _, _ in })
    return records.map { $0! }
  }
}
