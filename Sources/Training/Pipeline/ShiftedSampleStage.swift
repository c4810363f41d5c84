// The shifted data of claims/pipa.md pipa.empirical.m-vs-n-shift: "drawn, with the same
// prompts, n and temperature, from a different model: the checkpoint of the same SFT run at
// half its steps (saved during SFT, so no second SFT training is needed), then labelled by the
// verifier". Per seed, only when a selected spec carries ``AlignmentObjectives/SweepKey/
// shiftedSamples``:
// - during SFT the grid records the half-step model (``HalfStepSnapshots``) and checkpoints
//   it as `checkpoints/seed-<i>/sft-half.ckpt`, written before `sft.ckpt` so a finished SFT
//   always has its half-step model;
// - after SFT this stage draws, from that model, as many samples per training prompt at the
//   same temperature as the runs' self data (the shifted specs' samples without the key:
//   the shared samples, or their own n and T's), on its own stream
//   (``PipelineStream/shiftedSamples``), measures the model's greedy test and validation
//   accuracy (the entry's measure of the shift), and checkpoints both as
//   `shifted-samples.ckpt`; the verifier labels the samples on load (answer and step labels,
//   as the shared samples get them).
// It runs at the alignment runs' BLAS thread count, like ``StepValueStage``.
import Numerics

extension PipelineStream {
  /// The shifted samples of pipa.empirical.m-vs-n-shift (bit 30 plus 2; see
  /// ``rewardSpacingSamples``, ``stepRollouts``).
  public static let shiftedSamples: UInt64 = tag | (1 << 30) | 2
}

/// Draws the half-step SFT checkpoint's samples.
enum ShiftedSampleStage {
  static let halfStepName = "sft-half.ckpt"
  static let samplesName = "shifted-samples.ckpt"

  /// The shifted samples of a seed as checkpointed, with the checkpoint's accuracies.
  struct Checkpoint: Codable {
    /// [train prompt][response][token]
    var train: [[[Int]]]
    var testAccuracy: Double
    var validationAccuracy: Double
  }

  /// A recorder for the SFT stage when a spec of `specs` trains on shifted samples.
  static func recorder(for specs: [RunSpec], settings: TrainingSettings) -> HalfStepSnapshots? {
    AlignmentObjectives.needShiftedSamples(specs) ? HalfStepSnapshots(settings: settings) : nil
  }

  /// Checkpoints the half-step model `recorder` kept (nothing without a recorder).
  static func save(_ recorder: HalfStepSnapshots?, store: CheckpointStore, seedIndex: Int) throws {
    guard let recorder else { return }
    guard let half = recorder.halfStep else {
      throw PipelineError.setting(
        field: "sft.halfStep", value: "nil", rule: "must be set by a finished SFT stage")
    }
    try store.save(half, kind: "sft-half", seed: seedIndex, name: halfStepName)
  }

  /// The half-step model of seed `seedIndex`, whose SFT took `sft.steps` steps.
  static func halfStepModel(
    config: TransformerConfig, sft: SFTRecord, store: CheckpointStore, seedIndex: Int
  ) throws -> (model: Transformer<Float>, half: HalfStepSnapshots.HalfStep) {
    let path = store.url(seed: seedIndex, halfStepName).path
    guard
      let half = try store.load(
        HalfStepSnapshots.HalfStep.self, kind: "sft-half", seed: seedIndex, name: halfStepName)
    else {
      throw PipelineError.mismatchedCheckpoint(
        path: store.url(seed: seedIndex, "sft.ckpt").path,
        reason: "the SFT model was checkpointed without its half-step model (\(path)), which "
          + "shiftedSamples needs; SFT records it only when a selected run asks for it")
    }
    guard half.sftSteps == sft.steps, half.step == sft.steps / 2 else {
      throw PipelineError.mismatchedCheckpoint(
        path: path,
        reason: "holds step \(half.step) of \(half.sftSteps), the SFT model took \(sft.steps)")
    }
    let model = try Transformer<Float>(config: config)
    try model.parameters.setValues(half.parameters.floats)
    return (model, half)
  }

  /// Fraction of correct responses in `samples`.
  static func correctFraction(_ samples: [PromptSamples]) -> Double {
    var correct = 0
    var total = 0
    for p in samples {
      for r in p.responses {
        total += 1
        if r.verdict.correct { correct += 1 }
      }
    }
    return total > 0 ? Double(correct) / Double(total) : 0
  }

  /// The shifted samples of the context's seed (loaded or drawn and checkpointed) with their
  /// record, when a spec of `specs` needs them; the samples' scorer scores against the final
  /// SFT model (``SeedContext/reference``).
  static func prepare(
    for specs: [RunSpec], context: SeedContext, sft: SFTRecord, store: CheckpointStore
  ) throws -> (
    samples: [PromptSamples], scorer: SequenceScorer<Float>, record: ShiftedSamplesRecord
  )? {
    let settings = context.settings
    let shifted = specs.filter { (try? AlignmentObjectives.shiftedSamples($0)) == true }
    guard let first = shifted.first else { return nil }
    // The self data of the shifted specs: their samples without the key (the shared ones, or
    // their own n and T's); the shifted data copy their prompts, n and temperature.
    func selfSpec(_ s: RunSpec) -> RunSpec {
      var plain = s
      plain.hyperparameters[AlignmentObjectives.SweepKey.shiftedSamples] = nil
      return plain
    }
    let (selfSamples, _) = try context.offlineSamples(for: selfSpec(first))
    let n = selfSamples.first?.responses.count ?? first.responses
    let temperature = first.temperature
    for spec in shifted.dropFirst() {
      let own = try context.offlineSamples(for: selfSpec(spec)).samples
      guard spec.temperature != temperature || own.first?.responses.count != n else { continue }
      throw PipelineError.setting(
        field: "\(spec.label).responses/temperature",
        value: "\(spec.responses)/\(spec.temperature)",
        rule: "must match \(first.label)'s (the shifted samples are one set per seed)")
    }
    let seedIndex = context.seedIndex
    let splits = context.splits
    let (model, half) = try halfStepModel(
      config: context.reference.config, sft: sft, store: store, seedIndex: seedIndex)
    let checkpoint: Checkpoint
    if let done = try store.load(
      Checkpoint.self, kind: "shifted", seed: seedIndex, name: samplesName)
    {
      guard done.train.count == splits.train.count, done.train.allSatisfy({ $0.count == n }) else {
        throw PipelineError.corruptCheckpoint(
          path: store.url(seed: seedIndex, samplesName).path,
          reason: "holds \(done.train.count) prompts, expected \(splits.train.count) × \(n)")
      }
      checkpoint = done
    } else {
      let train = try SampleStage.sampleTokens(
        model, problems: splits.train, n: n, temperature: temperature,
        seed: context.seed, stream: PipelineStream.shiftedSamples,
        batchSize: settings.evaluationBatch)
      let test = try GreedyEvaluation.run(
        model, problems: splits.test, batchSize: settings.evaluationBatch)
      let validation = try GreedyEvaluation.run(
        model, problems: splits.validation, batchSize: settings.evaluationBatch)
      checkpoint = Checkpoint(
        train: train, testAccuracy: test.accuracy, validationAccuracy: validation.accuracy)
      try store.save(checkpoint, kind: "shifted", seed: seedIndex, name: samplesName)
    }
    let samples = try zip(splits.train.indices, checkpoint.train).map {
      try PromptSamples(promptIndex: $0, problem: splits.train[$0], responses: $1)
    }
    let scorer = SequenceScorer(
      reference: context.reference,
      samples: try ScoredSampleSet(samples: samples, seed: context.seed),
      chunkSize: settings.evaluationBatch)
    let record = ShiftedSamplesRecord(
      seedIndex: seedIndex, halfStep: half.step, sftSteps: half.sftSteps,
      testAccuracy: checkpoint.testAccuracy, validationAccuracy: checkpoint.validationAccuracy,
      shiftedSampleAccuracy: correctFraction(samples),
      selfSampleAccuracy: correctFraction(selfSamples))
    return (samples, scorer, record)
  }
}
