// Pipeline step 5 of shared/design/TRAINING.md: one alignment run of a ``RunSpec`` from the
// seed's SFT model. The policy is a copy of π_ref; AdamW has the same configuration for every
// objective (learning rate with a linear warm-up over a fraction of the steps, then
// constant; weight decay; clipping); the batches are the seed's (``SeedContext/batches``, cut by a
// step sweep key: ``trainingBatches(_:)``).
// Each step: keys = objective.sequences(forBatch:) → ``SequenceScorer`` scores (one policy
// forward, cached reference) → objective.evaluate → backward → AdamW update. A batch whose
// prompts gave the objective no item still takes the (zero-gradient) optimizer step, so
// every objective takes the same number of steps.
//
// Iterative runs (K = spec.rounds > 1; MaPPO Algorithm 1, I-DPO): the steps are cut into K
// consecutive rounds (sizes differing by at most one, earlier rounds larger, as
// ``BatchOrder/rounds(_:)``); round k samples spec.responses responses at spec.temperature
// from the CURRENT policy on the prompts of its batches (stream
// ``PipelineStream/iterativeRound(_:)``), binds the objective to them and trains on its
// batches; the total step count equals the offline run's. π_ref stays the SFT model.
//
// Metrics (``MetricsEvaluator``) at step 0, every M steps, at the last step and at the extra
// steps of the spec's protocol (``RunSpec/extraMetricSteps(of:)``: AlphaPO's t = 0.05, 0.1);
// the value-head fields are kept only when the objective's gradients included value logits.
// PIPA-M's clip activity (``ClipActivity``) is summed over the steps since the previous
// point, like the training loss.
import Foundation
import Numerics

/// Runs one spec on one seed.
public struct AlignmentLoop {
  public let context: SeedContext

  public init(context: SeedContext) { self.context = context }

  /// What the loop reports after every step.
  public struct Report: Sendable {
    public var label: String
    public var step: Int
    public var steps: Int
    public var loss: Double
    public var tokensPerSecond: Double
  }

  /// The optimizer every objective uses (TRAINING.md "Sizes": AdamW, 1e-4 after a 10%
  /// warm-up).
  public static func optimizer(
    settings: TrainingSettings, steps: Int, layout: ParameterLayout
  ) throws -> AdamW<Float> {
    let schedule = try LearningRateSchedule.warmup(
      peak: settings.learningRate, fraction: settings.warmupFraction, totalSteps: steps)
    return AdamW<Float>(
      config: try AdamWConfig(
        schedule: schedule, weightDecay: settings.weightDecay,
        maxGradientNorm: settings.maxGradientNorm),
      layout: layout)
  }

  /// The K rounds of `batches` (sizes differ by at most one, earlier rounds larger).
  static func rounds(_ batches: [[Int]], _ k: Int) throws -> [[[Int]]] {
    guard k >= 1 && k <= batches.count else {
      throw PipelineError.setting(
        field: "rounds", value: "\(k)", rule: "must lie in 1...\(batches.count) (the steps)")
    }
    let base = batches.count / k
    let extra = batches.count % k
    var out: [[[Int]]] = []
    var start = 0
    for r in 0..<k {
      let size = base + (r < extra ? 1 : 0)
      out.append(Array(batches[start..<(start + size)]))
      start += size
    }
    return out
  }

  /// The objective of offline `spec` bound to `samples` (with the spec's injected reward
  /// noise, cut to its n): the same binding ``run(_:report:)`` trains with.
  static func bind(
    _ spec: RunSpec, samples: [PromptSamples], seed: UInt64, stepValues: StepValues? = nil
  ) throws -> any AlignmentObjective {
    let noise: RewardNoise
    do { noise = try AlignmentObjectives.scoreNoise(spec, samples: samples, seed: seed) } catch
      let error as TaskError
    {
      throw PipelineError.setting(
        field: "\(spec.label).rewardNoise", value: error.value, rule: error.rule)
    }
    guard spec.responses >= 1 else {
      throw PipelineError.setting(
        field: "\(spec.label).responses", value: "\(spec.responses)", rule: "must be ≥ 1")
    }
    var scored = try ScoredSampleSet(samples: samples, noise: noise, seed: seed)
    if spec.responses < (samples.first?.responses.count ?? 0) {
      scored = try scored.prefix(spec.responses)
    }
    return try AlignmentObjectives.make(spec, samples: scored, stepValues: stepValues)
  }

  /// What one training step did.
  struct StepOutcome {
    var loss: Double
    var tokens: Int
    var trainsValueHead: Bool
    /// PIPA-M's terms near or past F = 1 in this batch (nil for other objectives).
    var clipActivity: ClipActivity?
  }

  /// One training step on `batch`: keys = objective.sequences(forBatch:) → policy forward
  /// (cached reference) → objective.evaluate → backward → AdamW update. A batch whose
  /// prompts gave the objective no item still takes the (zero-gradient) optimizer step.
  static func step(
    _ objective: any AlignmentObjective, batch: [Int], scorer: SequenceScorer<Float>,
    policy: Transformer<Float>, optimizer: AdamW<Float>
  ) throws -> StepOutcome {
    policy.parameters.zeroGradients()
    let keys = objective.sequences(forBatch: batch)
    var out = StepOutcome(loss: 0, tokens: 0, trainsValueHead: false)
    if !keys.isEmpty {
      let s = try scorer.score(keys, policy: policy)
      let g = try objective.evaluate(s.scores, prompts: batch)
      out.trainsValueHead = g.valueLogits != nil
      out.clipActivity = g.clipActivity
      try scorer.backward(s, gradients: g, policy: policy)
      out.loss = g.loss
      out.tokens = s.tokenCount
    }
    try optimizer.update(policy.parameters)
    return out
  }

  /// Trains `spec` and returns its record (``RunRecord/seconds`` is wall-clock time).
  /// Safe to call from several threads at once for different specs once
  /// ``SeedContext/prepare(for:)`` has run for them: everything the run changes is its own
  /// (policy, optimizer, samples of iterative rounds, π_ref replica for the KL estimate and
  /// the iterative rounds' scorer).
  public func run(_ spec: RunSpec, report: (Report) -> Void = { _ in }) throws -> RunRecord {
    let clock = Date()
    let settings = context.settings
    let policy = try context.reference.copy()
    // π_ref's parameters in a model of this run's own (the shared one is only read).
    let reference = try context.reference.copy()
    let batches = try trainingBatches(spec)
    let steps = batches.count
    let extraSteps = spec.extraMetricSteps(of: steps)
    let opt = try Self.optimizer(settings: settings, steps: steps, layout: policy.parameters.layout)
    var points = [try evaluated(spec, try context.stepZeroPoint(), policy)]
    var trainsValueHead = false
    var lossSum = 0.0
    var lossSteps = 0
    var clip: ClipActivity? = nil
    var tokens = 0
    var step = 0
    for (k, roundBatches) in try Self.rounds(batches, spec.rounds).enumerated() {
      let samples: [PromptSamples]
      let scorer: SequenceScorer<Float>
      if spec.rounds == 1 {
        (samples, scorer) = try context.offlineSamples(for: spec)
      } else {
        var seen = Set<Int>()
        let prompts = roundBatches.joined().filter { seen.insert($0).inserted }
        samples = try SampleStage.sample(
          policy, problems: prompts.map { context.splits.train[$0] }, indices: prompts,
          n: spec.responses, temperature: spec.temperature, seed: context.seed,
          stream: PipelineStream.iterativeRound(k), batchSize: settings.evaluationBatch)
        scorer = SequenceScorer(
          reference: reference,
          samples: try ScoredSampleSet(samples: samples, seed: context.seed),
          chunkSize: settings.evaluationBatch)
      }
      let objective = try Self.bind(
        spec, samples: samples, seed: context.seed, stepValues: context.stepValues)
      for batch in roundBatches {
        let taken = try Self.step(
          objective, batch: batch, scorer: scorer, policy: policy, optimizer: opt)
        let loss = taken.loss
        if taken.trainsValueHead { trainsValueHead = true }
        tokens += taken.tokens
        step += 1
        lossSum += loss
        lossSteps += 1
        clip = ClipActivity.merge(clip, taken.clipActivity)
        let elapsed = Date().timeIntervalSince(clock)
        report(
          Report(
            label: spec.label, step: step, steps: steps, loss: loss,
            tokensPerSecond: elapsed > 0 ? Double(tokens) / elapsed : 0))
        if step % settings.metricInterval == 0 || step == steps || extraSteps.contains(step) {
          let metricClock = Date()
          var point = try evaluated(
            spec,
            try context.evaluator.measure(
              policy, step: step, trainLoss: lossSum / Double(lossSteps), reference: reference),
            policy)
          point.clipActivity = clip
          points.append(point)
          context.addMetricsSeconds(Date().timeIntervalSince(metricClock))
          (lossSum, lossSteps, clip) = (0, 0, nil)
        }
      }
    }
    if !trainsValueHead {
      for i in points.indices {
        points[i].valueCorrect = nil
        points[i].valueIncorrect = nil
      }
    }
    return RunRecord(
      spec: spec, seedIndex: context.seedIndex, points: points, steps: step, tokens: tokens,
      seconds: Date().timeIntervalSince(clock))
  }
}
