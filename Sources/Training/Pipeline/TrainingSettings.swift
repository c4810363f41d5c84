// Every size and setting of the small-model experiment (shared/design/TRAINING.md "Task",
// "Model", "Sizes", "Pipeline"), with the defaults of that file, a `quick` preset for CI and
// the table the report prints (``TrainingResults/settings``).
//
// Deviation from TRAINING.md: the context is 64, not 48. With D = 4 digits a prompt has up to
// 2D + 3 = 11 tokens and a solution up to 10D + 1 = 41 (``Solution/maxResponseLength``), 52
// in all, which a context of 48 cannot hold.

/// Sizes and hyperparameters of `verify train`.
public struct TrainingSettings: Hashable, Sendable, Codable {
  // MARK: Seeds
  /// The master seed every random choice flows from (``TrainingResults/seed(master:index:)``).
  public var masterSeed: UInt64 = 20_251_130
  /// Number of seeds S (seed indices 0..<S).
  public var seeds: Int = 5

  // MARK: Task
  /// Operand digits D (digit counts uniform on 1...D).
  public var maxDigits: Int = 4
  /// SFT corpus size (correct solutions of problems outside the evaluation splits).
  public var sftCorpus: Int = 50_000
  /// Training prompts (preference data).
  public var trainPrompts: Int = 4096
  /// Validation prompts (the SFT stop rule).
  public var validationPrompts: Int = 512
  /// Held-out prompts (tracking pairs and the KL estimate).
  public var heldOutPrompts: Int = 512
  /// Test prompts (greedy accuracy).
  public var testPrompts: Int = 1000

  // MARK: Model
  public var layers: Int = 2
  public var modelWidth: Int = 64
  public var heads: Int = 4
  /// 64, not TRAINING.md's 48: a D = 4 prompt + solution is up to 52 tokens.
  public var context: Int = 64

  // MARK: SFT (pipeline step 1)
  /// Sequences per SFT step.
  public var sftBatch: Int = 64
  public var sftLearningRate: Double = 1e-3
  /// Linear warm-up steps of the SFT schedule (constant afterwards).
  public var sftWarmupSteps: Int = 100
  /// Step budget: the stop rule gives up after this many steps.
  public var sftMaxSteps: Int = 20_000
  /// E: greedy validation accuracy is measured every E steps.
  public var sftEvalInterval: Int = 250
  /// The accuracy band [lower, upper] the stop rule aims for.
  public var sftBandLower: Double = 0.30
  public var sftBandUpper: Double = 0.70

  // MARK: Sampling (pipeline step 3)
  /// n responses per training prompt.
  public var responses: Int = 8
  /// Sampling temperature of the shared samples.
  public var temperature: Double = 1.0

  // MARK: Alignment (pipeline step 5)
  /// Prompts per alignment batch.
  public var batchPrompts: Int = 32
  /// Alignment steps (nil: one epoch over the training prompts, ⌈train / batch⌉).
  public var alignmentSteps: Int?
  public var learningRate: Double = 1e-4
  /// Warm-up as a fraction of the alignment steps.
  public var warmupFraction: Double = 0.1
  public var weightDecay: Double = 0.01
  /// Global-norm gradient clipping threshold (both stages).
  public var maxGradientNorm: Double = 1.0

  // MARK: Metrics (pipeline step 6)
  /// M: metrics every M alignment steps (and at step 0 and the last step). TRAINING.md leaves
  /// M open; 32 (5 points over the default 128 steps) rather than 16 halves the metric cost,
  /// which was over a quarter of a run (docs/training.md § 6).
  public var metricInterval: Int = 32
  /// Held-out prompts sampled (one response each, from the policy) for the KL estimate.
  public var klPrompts: Int = 256
  /// Sequences per forward pass when scoring and decoding for metrics.
  public var evaluationBatch: Int = 256

  public init() {}

  /// TRAINING.md's defaults (context 64, see the type's doc).
  public static let defaults = TrainingSettings()

  /// A smoke configuration CI can afford (one seed, a tiny model on 2-digit sums, a few
  /// steps): the whole pipeline finishes in well under 3 minutes in a debug build.
  public static var quick: TrainingSettings {
    var s = TrainingSettings()
    s.seeds = 1
    s.maxDigits = 2
    s.sftCorpus = 2000
    s.trainPrompts = 64
    s.validationPrompts = 32
    s.heldOutPrompts = 16
    s.testPrompts = 32
    s.layers = 1
    s.modelWidth = 16
    s.heads = 2
    s.context = 32
    s.sftBatch = 16
    s.sftLearningRate = 3e-3
    s.sftWarmupSteps = 5
    s.sftMaxSteps = 400
    s.sftEvalInterval = 50
    s.responses = 4
    s.batchPrompts = 16
    s.learningRate = 1e-3
    s.metricInterval = 2
    s.klPrompts = 8
    s.evaluationBatch = 64
    return s
  }

  /// The number of alignment steps a run takes.
  public var resolvedAlignmentSteps: Int {
    alignmentSteps ?? (trainPrompts + batchPrompts - 1) / batchPrompts
  }

  /// The prompt split sizes.
  public var splitSizes: PromptSplitSizes {
    PromptSplitSizes(
      maxDigits: maxDigits, train: trainPrompts, validation: validationPrompts,
      heldOut: heldOutPrompts, test: testPrompts)
  }

  /// The model shape.
  public func modelConfig() throws -> TransformerConfig {
    try TransformerConfig(
      vocabSize: Vocabulary.size, layers: layers, modelWidth: modelWidth, heads: heads,
      context: context)
  }

  /// Throws a ``PipelineError`` naming the first setting that breaks its rule.
  public func validate() throws {
    func need(_ ok: Bool, _ field: String, _ value: Any, _ rule: String) throws {
      if !ok { throw PipelineError.setting(field: field, value: "\(value)", rule: rule) }
    }
    try need(seeds >= 1, "seeds", seeds, "must be ≥ 1")
    try need(sftCorpus >= 1, "sftCorpus", sftCorpus, "must be ≥ 1")
    try need(sftBatch >= 1, "sftBatch", sftBatch, "must be ≥ 1")
    try need(sftMaxSteps >= 1, "sftMaxSteps", sftMaxSteps, "must be ≥ 1")
    try need(sftEvalInterval >= 1, "sftEvalInterval", sftEvalInterval, "must be ≥ 1")
    try need(
      sftBandLower >= 0 && sftBandLower <= sftBandUpper && sftBandUpper <= 1, "sftBand",
      "\(sftBandLower)–\(sftBandUpper)", "must satisfy 0 ≤ lower ≤ upper ≤ 1")
    try need(responses >= 2, "responses", responses, "must be ≥ 2")
    try need(
      temperature > 0 && temperature.isFinite, "temperature", temperature,
      "must be finite and > 0")
    try need(batchPrompts >= 1, "batchPrompts", batchPrompts, "must be ≥ 1")
    try need(
      resolvedAlignmentSteps >= 1, "alignmentSteps", resolvedAlignmentSteps, "must be ≥ 1")
    try need(metricInterval >= 1, "metricInterval", metricInterval, "must be ≥ 1")
    try need(
      klPrompts >= 1 && klPrompts <= heldOutPrompts, "klPrompts", klPrompts,
      "must lie in 1...heldOutPrompts = \(heldOutPrompts)")
    try need(evaluationBatch >= 1, "evaluationBatch", evaluationBatch, "must be ≥ 1")
    try need(
      context >= Solution.maxSequenceLength(maxDigits: maxDigits), "context", context,
      "must hold the longest prompt + solution "
        + "(\(Solution.maxSequenceLength(maxDigits: maxDigits)) tokens for D = \(maxDigits))")
    try need(
      learningRate >= 0 && learningRate.isFinite, "learningRate", learningRate,
      "must be finite and ≥ 0")
    try need(
      warmupFraction >= 0 && warmupFraction <= 1, "warmupFraction", warmupFraction,
      "must lie in [0, 1]")
    do { try splitSizes.validate() } catch {
      throw PipelineError.setting(field: error.field, value: error.value, rule: error.rule)
    }
    do { _ = try modelConfig() } catch let e as ModelError {
      throw PipelineError.setting(field: e.field, value: e.value, rule: e.rule)
    }
  }

  /// Every setting by name, values as text, for ``TrainingResults/settings`` and the report.
  public var settingsTable: [String: String] {
    [
      "masterSeed": "\(masterSeed)",
      "seeds": "\(seeds)",
      "task.maxDigits": "\(maxDigits)",
      "data.sftCorpus": "\(sftCorpus)",
      "data.trainPrompts": "\(trainPrompts)",
      "data.validationPrompts": "\(validationPrompts)",
      "data.heldOutPrompts": "\(heldOutPrompts)",
      "data.testPrompts": "\(testPrompts)",
      "model.layers": "\(layers)",
      "model.modelWidth": "\(modelWidth)",
      "model.heads": "\(heads)",
      "model.context": "\(context)",
      "model.contextNote":
        "64 instead of TRAINING.md's 48: a D=4 prompt + solution is up to 52 tokens",
      "model.scalar": "Float32 (training), Float64 (gradient checks)",
      "sft.batch": "\(sftBatch)",
      "sft.learningRate": "\(sftLearningRate)",
      "sft.warmupSteps": "\(sftWarmupSteps)",
      "sft.maxSteps": "\(sftMaxSteps)",
      "sft.evalInterval": "\(sftEvalInterval)",
      "sft.band": "\(sftBandLower)–\(sftBandUpper)",
      "sft.stopRule": SFTStage.stopRuleText(self),
      "sampling.responses": "\(responses)",
      "sampling.temperature": "\(temperature)",
      "alignment.batchPrompts": "\(batchPrompts)",
      "alignment.steps": "\(resolvedAlignmentSteps)",
      "alignment.learningRate": "\(learningRate)",
      "alignment.warmupFraction": "\(warmupFraction)",
      "alignment.weightDecay": "\(weightDecay)",
      "alignment.maxGradientNorm": "\(maxGradientNorm)",
      "alignment.optimizer": "AdamW(beta1 0.9, beta2 0.999, eps 1e-8), constant after warm-up",
      "metrics.interval": "\(metricInterval)",
      "metrics.intervalNote":
        "TRAINING.md leaves M open; 32 by default (was 16) to halve the metric cost",
      "metrics.klPrompts": "\(klPrompts)",
      "metrics.evaluationBatch": "\(evaluationBatch)",
    ]
  }
}
