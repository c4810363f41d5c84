// The fine-tuned priors of claims/pipa.md pipa.empirical.prior-choice (PIPA §3.3.1 "Prior
// choices", Table 3): "two prior fine-tunes from the SFT checkpoint, each with the SFT
// optimizer settings for as many steps as one alignment run (on all training samples for the
// PIPA-M prior, on the incorrect ones for the PIPA-N prior)".
//
// Reading of what the entry leaves open:
// - the SFT optimizer settings are the SFT stage's AdamW (peak rate, warm-up steps then a
//   constant rate, weight decay, clipping), started afresh (``SFTStage`` keeps no moments);
// - "as many steps as one alignment run" = ``TrainingSettings/resolvedAlignmentSteps``, and a
//   step's batch is, like an alignment step's, the samples of `batchPrompts` training prompts:
//   the prompts in a permutation of the training split drawn on the stage's own stream
//   (``PipelineStream/priorFineTuneOrder``; one epoch with the default sizes, the next epoch a
//   fresh permutation), all n responses of each (variant 1) or its incorrect ones (variant 2).
//   Both variants see the same prompt order (common random numbers);
// - the loss is the SFT loss: the mean negative log-likelihood per response token of the
//   batch's sequences; a batch without sequences (variant 2, every answer correct) still
//   takes the zero-gradient optimizer step, as an alignment step does.
// Run per seed, only for the variants a selected spec asks for, at the alignment runs' BLAS
// thread count, and checkpointed as `checkpoints/seed-<i>/prior-<v>.ckpt`.
import Numerics

extension PipelineStream {
  /// The prompt order of the prior fine-tunes (bit 30 plus 3; see ``rewardSpacingSamples``).
  public static let priorFineTuneOrder: UInt64 = tag | (1 << 30) | 3
}

/// Fine-tunes the SFT model into the priors of pipa.empirical.prior-choice.
public enum PriorFineTuneStage {
  static func checkpointName(_ v: AlignmentObjectives.PriorFineTune) -> String {
    "prior-\(v.rawValue).ckpt"
  }

  /// The stage's optimizer: the SFT stage's settings over `steps` steps.
  static func optimizer(
    settings: TrainingSettings, steps: Int, layout: ParameterLayout
  ) throws -> AdamW<Float> {
    try SFTStage.optimizer(settings: settings, totalSteps: steps, layout: layout)
  }

  /// The positions in `samples` of each step's prompts: `steps` batches of `batch` from
  /// successive permutations of `samples.indices` on stream `stream` of `seed`.
  static func order(count: Int, batch: Int, steps: Int, seed: UInt64, stream: UInt64) -> [[Int]] {
    var random = RandomStream(seed: seed, stream: stream)
    var out: [[Int]] = []
    var current: [Int] = []
    var pool: [Int] = []
    while out.count < steps {
      if pool.isEmpty { pool = Array(random.permutation(count).reversed()) }
      current.append(pool.removeLast())
      if current.count == batch || pool.isEmpty {
        out.append(current)
        current = []
      }
    }
    return out
  }

  /// The sequences of variant `v` among `p`'s responses: all, or the incorrect ones.
  static func responses(_ p: PromptSamples, _ v: AlignmentObjectives.PriorFineTune) -> [[Int]] {
    p.responses.filter { v == .allSamples || !$0.verdict.correct }.map(\.tokens)
  }

  /// `reference` fine-tuned as variant `v` on `samples` (a new model; `reference` unchanged).
  public static func fineTune(
    _ reference: Transformer<Float>, samples: [PromptSamples],
    variant v: AlignmentObjectives.PriorFineTune, settings: TrainingSettings, seed: UInt64,
    stream: UInt64 = PipelineStream.priorFineTuneOrder
  ) throws -> Transformer<Float> {
    let model = try reference.copy()
    let steps = settings.resolvedAlignmentSteps
    let opt = try optimizer(settings: settings, steps: steps, layout: model.parameters.layout)
    guard !samples.isEmpty else {
      throw PipelineError.setting(field: "samples", value: "[]", rule: "must not be empty")
    }
    for batch in order(
      count: samples.count, batch: settings.batchPrompts, steps: steps, seed: seed,
      stream: stream)
    {
      model.parameters.zeroGradients()
      var prompts: [[Int]] = []
      var responses: [[Int]] = []
      for i in batch {
        for r in Self.responses(samples[i], v) {
          prompts.append(samples[i].problem.promptTokens)
          responses.append(r)
        }
      }
      if !prompts.isEmpty {
        let tokens = try TokenBatch(
          prompts: prompts, responses: responses, padToken: Vocabulary.pad, config: model.config)
        let targets = tokens.responseLengths.reduce(0, +)
        if targets > 0 {
          let pass = try model.forward(tokens)
          try model.backward(
            pass,
            sequenceGradients: [Double](repeating: -1 / Double(targets), count: tokens.count))
        }
      }
      try opt.update(model.parameters)
    }
    return model
  }

  /// The samples the priors are fine-tuned on and score: those the prior specs train on
  /// without the key (the shared samples, or their own n and T's; one set per seed).
  static func samples(
    for specs: [RunSpec], context: SeedContext
  ) throws -> (samples: [PromptSamples], scorer: SequenceScorer<Float>)? {
    let asking = specs.filter { (try? AlignmentObjectives.priorFineTune($0)) != nil }
    func selfSpec(_ s: RunSpec) -> RunSpec {
      var plain = s
      plain.hyperparameters[AlignmentObjectives.SweepKey.priorFineTune] = nil
      return plain
    }
    guard let first = asking.first else { return nil }
    let own = try context.offlineSamples(for: selfSpec(first))
    for spec in asking.dropFirst()
    where try context.offlineSamples(for: selfSpec(spec)).scorer !== own.scorer {
      throw PipelineError.setting(
        field: "\(spec.label).responses/temperature",
        value: "\(spec.responses)/\(spec.temperature)",
        rule: "must match \(first.label)'s (the priors are fine-tuned on one sample set per seed)")
    }
    return own
  }

  /// The fine-tuned priors the specs of `specs` ask for, by variant (loaded from the seed's
  /// checkpoints or fine-tuned on `samples` and checkpointed).
  static func priors(
    for specs: [RunSpec], samples: [PromptSamples], context: SeedContext, store: CheckpointStore
  ) throws -> [(AlignmentObjectives.PriorFineTune, Transformer<Float>)] {
    try AlignmentObjectives.neededPriors(specs).map { v in
      let name = checkpointName(v)
      let model: Transformer<Float>
      if let done = try store.load(
        FloatBits.self, kind: "prior", seed: context.seedIndex, name: name)
      {
        model = try Transformer<Float>(config: context.reference.config)
        try model.parameters.setValues(done.floats)
      } else {
        model = try fineTune(
          context.reference, samples: samples, variant: v,
          settings: context.settings, seed: context.seed)
        try store.save(
          FloatBits(model.parameters.values), kind: "prior", seed: context.seedIndex, name: name)
      }
      return (v, model)
    }
  }
}
