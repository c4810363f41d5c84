// Pipeline step 1 of shared/design/TRAINING.md: supervised fine-tuning on correct solutions
// until held-out exact-match accuracy enters a band that leaves room for alignment.
//
// Loss: the mean negative log-likelihood per response token of a batch of SFT-corpus
// solutions (prompt tokens are context, not targets), AdamW with a linear warm-up and then a
// constant rate, global-norm clipping. Batches: epoch e of the corpus is a permutation drawn
// from stream ``PipelineStream/sftOrder(epoch:)``, cut into consecutive batches that run
// across epoch boundaries; so the batch of step s depends on s alone and a resumed stage
// needs no generator state. Stop rule: greedy exact-match accuracy on the validation prompts
// every E steps; stop at the first evaluation inside [lower, upper]; an evaluation above
// `upper` (the band jumped over) or the step budget running out also stops, with
// ``SFTRecord/inBand`` false.
import Numerics

/// The SFT stage of one seed.
public struct SFTStage {
  public let settings: TrainingSettings
  public let splits: PromptSplits
  public let seedIndex: Int
  /// The corpus solutions as (prompt tokens, response tokens).
  let corpus: [(prompt: [Int], response: [Int])]

  /// The stage for the seed `seedIndex` with prompt splits `splits` (whose seed is the
  /// seed index's seed).
  public init(settings: TrainingSettings, splits: PromptSplits, seedIndex: Int) throws {
    self.settings = settings
    self.splits = splits
    self.seedIndex = seedIndex
    corpus = try SFTCorpus.problems(count: settings.sftCorpus, splits: splits).map {
      let s = Solution($0)
      return ($0.promptTokens, s.responseTokens)
    }
  }

  /// One validation measurement.
  public struct Evaluation: Hashable, Sendable, Codable {
    public var step: Int
    public var accuracy: Double
  }

  /// The state a killed SFT stage resumes from: parameters, AdamW moments and step, the
  /// evaluations so far. (The batch order is a function of the step, see the file header.)
  public struct Progress: Hashable, Sendable, Codable {
    public var step: Int
    public var parameters: FloatBits
    public var firstMoment: FloatBits
    public var secondMoment: FloatBits
    public var evaluations: [Evaluation]
    /// The candidate half-step snapshots so far, when the stage records them
    /// (``HalfStepSnapshots``); absent otherwise (and not encoded).
    public var halfStepSnapshots: [HalfStepSnapshots.Snapshot]?
  }

  /// The stop rule in words (for the settings table and ``SFTRecord/stopRule``).
  public static func stopRuleText(_ s: TrainingSettings) -> String {
    "evaluate greedy validation exact-match accuracy every \(s.sftEvalInterval) steps; stop at "
      + "the first evaluation in [\(s.sftBandLower), \(s.sftBandUpper)]; stop (out of band) at "
      + "an evaluation above \(s.sftBandUpper) or after \(s.sftMaxSteps) steps"
  }

  /// The optimizer of the stage.
  func optimizer(layout: ParameterLayout) throws -> AdamW<Float> {
    try Self.optimizer(settings: settings, totalSteps: settings.sftMaxSteps, layout: layout)
  }

  /// The SFT optimizer settings (AdamW at the SFT learning rate after its warm-up, then
  /// constant) for a stage of `totalSteps` steps: SFT's own, and the PIPA prior fine-tunes'.
  static func optimizer(
    settings: TrainingSettings, totalSteps: Int, layout: ParameterLayout
  ) throws -> AdamW<Float> {
    let w = settings.sftWarmupSteps
    let schedule = try LearningRateSchedule(
      peak: settings.sftLearningRate, warmupSteps: w, decay: .constant,
      totalSteps: max(totalSteps, w, 1))
    return AdamW<Float>(
      config: try AdamWConfig(
        schedule: schedule, weightDecay: settings.weightDecay,
        maxGradientNorm: settings.maxGradientNorm),
      layout: layout)
  }

  /// The corpus indices of step `s` (0-based).
  func batchIndices(step s: Int, permutations: inout [Int: [Int]]) -> [Int] {
    let n = corpus.count
    let b = settings.sftBatch
    var out: [Int] = []
    out.reserveCapacity(b)
    for i in 0..<b {
      let g = s * b + i
      let e = g / n
      let perm: [Int]
      if let p = permutations[e] {
        perm = p
      } else {
        var r = RandomStream(seed: splits.seed, stream: PipelineStream.sftOrder(epoch: e))
        perm = r.permutation(n)
        permutations = permutations.filter { $0.key >= e - 1 }
        permutations[e] = perm
      }
      out.append(perm[g % n])
    }
    return out
  }

  /// What the stage reports as it goes: step, the mean loss since the last report, response
  /// tokens per second, and the latest validation accuracy.
  public struct Report: Sendable {
    public var step: Int
    public var maxSteps: Int
    public var loss: Double
    public var tokens: Int
    public var validationAccuracy: Double?
  }

  /// Trains `model` (modified in place) from `resume` (or from scratch), calling
  /// `checkpoint` with the state after every evaluation that does not stop the stage, and
  /// returns the stop record. With `halfStep`, the parameters at half the final step count
  /// are recorded there too (pipa.empirical.m-vs-n-shift); nothing else changes.
  public func run(
    _ model: Transformer<Float>, resume: Progress?, halfStep: HalfStepSnapshots? = nil,
    checkpoint: (Progress) throws -> Void, report: (Report) -> Void
  ) throws -> SFTRecord {
    let opt = try optimizer(layout: model.parameters.layout)
    var step = 0
    var evaluations: [Evaluation] = []
    if let resume {
      try model.parameters.setValues(resume.parameters.floats)
      try opt.restore(
        step: resume.step, first: resume.firstMoment.floats.map(Double.init),
        second: resume.secondMoment.floats.map(Double.init))
      step = resume.step
      evaluations = resume.evaluations
      halfStep?.restore(resume.halfStepSnapshots ?? [])
    }
    let (lower, upper) = (settings.sftBandLower, settings.sftBandUpper)
    var permutations: [Int: [Int]] = [:]
    var lossSum = 0.0
    var lossSteps = 0
    var tokens = 0
    while true {
      halfStep?.observe(step: step, parameters: model.parameters.values)
      if step > 0 && (step % settings.sftEvalInterval == 0 || step == settings.sftMaxSteps),
        evaluations.last?.step != step
      {
        let acc = try GreedyEvaluation.run(
          model, problems: splits.validation, batchSize: settings.evaluationBatch
        ).accuracy
        evaluations.append(Evaluation(step: step, accuracy: acc))
        report(
          Report(
            step: step, maxSteps: settings.sftMaxSteps,
            loss: lossSteps > 0 ? lossSum / Double(lossSteps) : .nan, tokens: tokens,
            validationAccuracy: acc))
        (lossSum, lossSteps, tokens) = (0, 0, 0)
        let inBand = acc >= lower && acc <= upper
        if inBand || acc > upper || step >= settings.sftMaxSteps {
          try halfStep?.finish(steps: step)
          return try record(model, step: step, accuracy: acc, inBand: inBand, evaluations)
        }
        halfStep?.prune(after: step)
        try checkpoint(
          Progress(
            step: step, parameters: FloatBits(model.parameters.values),
            firstMoment: FloatBits(opt.firstMoment), secondMoment: FloatBits(opt.secondMoment),
            evaluations: evaluations, halfStepSnapshots: halfStep?.kept))
      }
      let idx = batchIndices(step: step, permutations: &permutations)
      let batch = try TokenBatch(
        prompts: idx.map { corpus[$0].prompt }, responses: idx.map { corpus[$0].response },
        padToken: Vocabulary.pad, config: model.config)
      let targets = batch.responseLengths.reduce(0, +)
      model.parameters.zeroGradients()
      let pass = try model.forward(batch)
      lossSum += -pass.sequenceLogProbs.reduce(0, +) / Double(targets)
      lossSteps += 1
      tokens += batch.lengths.reduce(0, +)
      try model.backward(
        pass,
        sequenceGradients: [Double](repeating: -1 / Double(targets), count: batch.count))
      try opt.update(model.parameters)
      step += 1
    }
  }

  private func record(
    _ model: Transformer<Float>, step: Int, accuracy: Double, inBand: Bool,
    _ evaluations: [Evaluation]
  ) throws -> SFTRecord {
    let test = try GreedyEvaluation.run(
      model, problems: splits.test, batchSize: settings.evaluationBatch
    ).accuracy
    let why: String
    if inBand {
      why = "stopped in band at step \(step)"
    } else if accuracy > settings.sftBandUpper {
      why = "jumped over the band at step \(step) (accuracy \(accuracy) > upper)"
    } else {
      why = "step budget of \(settings.sftMaxSteps) ran out below the band"
    }
    let history = evaluations.map { "\($0.step):\($0.accuracy)" }.joined(separator: ",")
    return SFTRecord(
      seedIndex: seedIndex, steps: step, validationAccuracy: accuracy, testAccuracy: test,
      band: [settings.sftBandLower, settings.sftBandUpper], inBand: inBand,
      stopRule: "\(Self.stopRuleText(settings)); \(why); evaluations step:accuracy \(history)")
  }
}
