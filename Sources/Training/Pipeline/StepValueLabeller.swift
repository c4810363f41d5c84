// The Monte Carlo labeller of claims/pipa.md pipa.empirical.threshold: "Q for step k of an
// incorrect training answer is 2·P̂ − 1, where P̂ is the fraction of m = 8 SFT-model rollouts
// (temperature 1) from the end of step k whose final answer is correct … computed once per
// seed" (PIPA §3.1). A rollout continues the prompt plus the response's tokens up to the end
// of step k with the ``Sampler``; its final answer is the verifier's verdict on the prefix
// plus the continuation. A prefix that already ends with EOS, or fills the model's context,
// has nothing to continue: each of its m rollouts is the prefix itself (so the answer step
// of a finished wrong answer has Q = −1 without sampling).
//
// Responses of one prompt that share the tokens up to the end of a step (the early steps of
// the SFT model's answers mostly agree) share that prefix's m rollouts: one estimate of P̂
// per distinct (prompt, prefix), the same estimator at a fraction of the cost.
//
// Determinism: the rollouts are laid out by distinct prefix in order of first appearance
// (prompt by prompt, response by response, step by step), m copies each, and drawn in chunks
// of that fixed order from one stream (``PipelineStream/stepRollouts``), so the values are a
// function of the model, the samples and the seed alone. ``StepValueStage`` checkpoints them per seed.
import Numerics

extension PipelineStream {
  /// The rollouts of pipa.empirical.threshold's labeller (bit 30 plus 1; see
  /// ``rewardSpacingSamples``).
  public static let stepRollouts: UInt64 = tag | (1 << 30) | 1
}

/// Labels the steps of incorrect answers with Monte Carlo rollouts.
public enum StepValueLabeller {
  /// Rollouts per step, m (the entry's 8).
  public static let rollouts = 8
  /// The rollout temperature (the entry's 1).
  public static let temperature = 1.0
  /// Rollout prompts per sampler call (a fixed cut of the fixed layout).
  static let chunk = 2048

  /// The step values of every incorrect response of `samples`, from `model`'s rollouts.
  public static func label<S: ModelScalar>(
    _ model: Transformer<S>, samples: [PromptSamples], seed: UInt64,
    stream: UInt64 = PipelineStream.stepRollouts, rollouts m: Int = rollouts,
    batchSize: Int = 64
  ) throws -> StepValues {
    let sampler = try Sampler(
      temperature: temperature, eosToken: Vocabulary.eos, batchSize: batchSize)
    var random = RandomStream(seed: seed, stream: stream)
    return try label(samples: samples, context: model.config.context, rollouts: m) { prompts in
      try sampler.sample(from: model, prompts: prompts, random: &random)
    }
  }

  /// The counting of ``label(_:samples:seed:stream:rollouts:batchSize:)`` with the rollouts'
  /// continuations from `continuations` (called on consecutive chunks of the fixed layout;
  /// prompt tokens plus prefix in, continuation tokens out).
  static func label(
    samples: [PromptSamples], context: Int, rollouts m: Int,
    continuations: ([[Int]]) throws -> [[Int]]
  ) throws -> StepValues {
    guard m >= 1 else {
      throw PipelineError.setting(field: "rollouts", value: "\(m)", rule: "must be ≥ 1")
    }
    // One rollout group per distinct (prompt, prefix): responses of a prompt that share the
    // tokens up to the end of a step share its m rollouts (the same estimator of P̂).
    struct Group {
      var problem: AdditionProblem
      var prefix: [Int]
      var correct = 0
    }
    struct Key: Hashable {
      var promptIndex: Int
      var prefix: [Int]
    }
    // Per incorrect response: its steps' group indices, or −count − 1 for a step whose
    // rollouts are the prefix itself (count = m or 0).
    var entries: [(promptIndex: Int, response: Int, starts: [Int], groups: [Int])] = []
    var groups: [Group] = []
    var index: [Key: Int] = [:]
    for p in samples {
      for (i, r) in p.responses.enumerated() where !r.verdict.correct {
        let starts = r.verdict.stepStarts
        var refs = [Int](repeating: 0, count: starts.count)
        for k in starts.indices {
          let end = k + 1 < starts.count ? starts[k + 1] : r.tokens.count
          let prefix = Array(r.tokens[..<end])
          let full = p.problem.promptTokens.count + prefix.count
          if prefix.last == Vocabulary.eos || full >= context {
            refs[k] = -(Verifier.verify(p.problem, response: prefix).correct ? m : 0) - 1
          } else {
            let key = Key(promptIndex: p.promptIndex, prefix: prefix)
            if let g = index[key] {
              refs[k] = g
            } else {
              index[key] = groups.count
              refs[k] = groups.count
              groups.append(Group(problem: p.problem, prefix: prefix))
            }
          }
        }
        entries.append((p.promptIndex, i, starts, refs))
      }
    }
    let total = groups.count * m
    var start = 0
    while start < total {
      let end = min(start + chunk, total)
      let prompts = (start..<end).map { j in
        let g = groups[j / m]
        return g.problem.promptTokens + g.prefix
      }
      let continued = try continuations(prompts)
      guard continued.count == prompts.count else {
        throw PipelineError.setting(
          field: "continuations.count", value: "\(continued.count)",
          rule: "must equal the rollouts asked for (\(prompts.count))")
      }
      for (j, c) in zip(start..<end, continued) {
        let g = groups[j / m]
        if Verifier.verify(g.problem, response: g.prefix + c).correct {
          groups[j / m].correct += 1
        }
      }
      start = end
    }
    return StepValues(
      rollouts: m,
      responses: entries.map {
        ResponseStepValues(
          promptIndex: $0.promptIndex, response: $0.response, stepStarts: $0.starts,
          correctRollouts: $0.groups.map { $0 >= 0 ? groups[$0].correct : -$0 - 1 })
      })
  }
}

/// The labeller as a pipeline stage: run per seed when a spec carries
/// ``AlignmentObjectives/SweepKey/stepThreshold``, on the offline samples those specs train
/// on (the shared samples, or their own n and T's), checkpointed as
/// `checkpoints/seed-<i>/step-values.ckpt` so a killed run resumes to the same bytes. It runs
/// at the alignment runs' BLAS thread count, so a spec's own samples drawn here are the
/// bytes ``SeedContext/prepare(for:)`` would draw.
enum StepValueStage {
  static let checkpointName = "step-values.ckpt"

  /// The step values of the threshold specs' samples when `specs` has any, else nil.
  /// - Throws: ``PipelineError/setting(field:value:rule:)`` when two threshold specs train on
  ///   different samples (one table per seed).
  static func values(
    for specs: [RunSpec], context: SeedContext, seedIndex: Int, store: CheckpointStore,
    blasThreads: Int
  ) throws -> StepValues? {
    let needing = specs.filter { AlignmentObjectives.needStepValues([$0]) }
    guard let first = needing.first else { return nil }
    let previousThreads = BLAS.threadCount
    BLAS.setThreadCount(blasThreads)
    defer { BLAS.setThreadCount(previousThreads) }
    let (samples, scorer) = try context.offlineSamples(for: first)
    for spec in needing.dropFirst() where try context.offlineSamples(for: spec).scorer !== scorer {
      throw PipelineError.setting(
        field: "\(spec.label).responses/temperature",
        value: "\(spec.responses)/\(spec.temperature)",
        rule: "must match \(first.label)'s (the step values are one table per seed)")
    }
    if let done = try store.load(
      StepValues.self, kind: "step-values", seed: seedIndex, name: checkpointName)
    {
      return done
    }
    let values = try StepValueLabeller.label(
      context.reference, samples: samples, seed: context.seed,
      batchSize: context.settings.evaluationBatch)
    try store.save(values, kind: "step-values", seed: seedIndex, name: checkpointName)
    return values
  }
}
