// PIPA's data-source sweeps without the grid (seconds in a debug build): the factory's
// reading and refusals of `shiftedSamples` and `priorFineTune`; the candidate half steps of
// ``HalfStepSnapshots`` against a brute-force enumeration of the SFT stage's possible stops;
// the prior fine-tune's prompt order (each epoch a permutation, cut into batches); and one
// prior fine-tune step against a step computed independently from the samples (which
// sequences, which normalisation), including the zero-gradient step of a batch with no
// incorrect answer. The grid tests are in PipelineGridTests+PIPADataSweeps.
import Numerics
import Testing

@testable import Training

@Suite struct PIPADataSweepTests {
  typealias K = AlignmentObjectives.SweepKey

  static func spec(_ objective: String, _ feedback: FeedbackKind, _ hp: [String: Double])
    -> RunSpec
  {
    RunSpec(
      label: "\(objective)\(hp)", objective: objective, paper: PIPARuns.paper, feedback: feedback,
      hyperparameters: hp)
  }

  static func probe() throws -> ScoredSampleSet { try ScoredSampleSet(samples: [], seed: 1) }

  @Test func factoryReadsTheClaimRuns() throws {
    #expect(try AlignmentObjectives.shiftedSamples(PIPARuns.pipaMStepShifted))
    #expect(try AlignmentObjectives.shiftedSamples(PIPARuns.pipaNStepShifted))
    #expect(try AlignmentObjectives.priorFineTune(PIPARuns.pipaMStepAllSamplesPrior) == .allSamples)
    #expect(
      try AlignmentObjectives.priorFineTune(PIPARuns.pipaNStepNegativePrior) == .incorrectSamples)
    for s in [
      PIPARuns.pipaMStepShifted, PIPARuns.pipaNStepShifted, PIPARuns.pipaMStepAllSamplesPrior,
      PIPARuns.pipaNStepNegativePrior,
    ] {
      _ = try AlignmentObjectives.make(s, samples: try Self.probe())
    }
    // Negative control: the default-grid runs carry neither key.
    for s in AlignmentObjectives.defaultGrid() {
      #expect(try !AlignmentObjectives.shiftedSamples(s))
      #expect(try AlignmentObjectives.priorFineTune(s) == nil)
    }
    #expect(!AlignmentObjectives.needShiftedSamples(AlignmentObjectives.defaultGrid()))
    #expect(AlignmentObjectives.neededPriors(AlignmentObjectives.defaultGrid()).isEmpty)
    #expect(
      AlignmentObjectives.neededPriors([
        PIPARuns.pipaNStepNegativePrior, PIPARuns.pipaMStep, PIPARuns.pipaMStepAllSamplesPrior,
      ]) == [.allSamples, .incorrectSamples])
    #expect(AlignmentObjectives.needShiftedSamples([PIPARuns.pipaMStep, PIPARuns.pipaNStepShifted]))
  }

  /// Bad values and combinations are refused naming the key, the value and the rule.
  @Test(arguments: [
    ("PIPAMTokenLevel", FeedbackKind.stepLabelledUnpaired, [K.shiftedSamples: 2.0], 1,
     "shiftedSamples", "0 or 1"),
    ("PIPAMTokenLevel", .stepLabelledUnpaired, [K.shiftedSamples: 1], 2, "shiftedSamples",
     "offline"),
    ("PIPANTokenLevel", .stepLabelledUnpaired, [K.shiftedSamples: 1, K.priorFineTune: 2], 1,
     "shiftedSamples", "priorFineTune"),
    ("PIPANTokenLevel", .stepLabelledUnpaired, [K.priorFineTune: 3], 1, "priorFineTune",
     "1 (prior"),
    ("PIPAMTokenLevel", .stepLabelledUnpaired, [K.priorFineTune: 1.5], 1, "priorFineTune",
     "1 (prior"),
    ("PIPAMTokenLevel", .stepLabelledUnpaired, [K.priorFineTune: 1], 2, "priorFineTune",
     "offline"),
    // Outside the entries' setting the keys are unknown settings.
    ("PIPAM", .unpairedBinary, [K.shiftedSamples: 1], 1, "shiftedSamples", "does not implement"),
    ("PIPAMTokenLevel", .stepLabelledPairs, [K.priorFineTune: 1], 1, "priorFineTune",
     "does not implement"),
  ])
  func badSettingsAreRefused(
    _ objective: String, _ feedback: FeedbackKind, _ hp: [String: Double], _ rounds: Int,
    _ key: String, _ rule: String
  ) throws {
    var s = Self.spec(objective, feedback, hp)
    s.rounds = rounds
    do {
      _ = try AlignmentObjectives.make(s, samples: try Self.probe())
      Issue.record("accepted \(s.label)")
    } catch let e as AlignmentObjectives.UnsupportedSpec {
      #expect(e.field == "\(s.label).hyperparameters[\(key)]", "\(e)")
      #expect(e.description.contains(rule), "\(e)")
    }
  }

  /// Every h with h = ⌊S/2⌋ for a stop step S ∈ {kE ≤ max} ∪ {max}, enumerated directly.
  static func bruteForceHalves(eval: Int, max: Int) -> Set<Int> {
    var stops = Set(stride(from: eval, through: max, by: eval))
    stops.insert(max)
    return Set(stops.map { $0 / 2 })
  }

  @Test(arguments: [(250, 20_000), (20, 40), (50, 400), (7, 30), (1, 5), (10, 9)])
  func candidateHalfStepsAreTheHalvesOfPossibleStops(_ eval: Int, _ max: Int) {
    var s = TrainingSettings()
    s.sftEvalInterval = eval
    s.sftMaxSteps = max
    let h = HalfStepSnapshots(settings: s)
    let expected = Self.bruteForceHalves(eval: eval, max: max)
    let got = Set((0...max).filter(h.isCandidate))
    #expect(got == expected)
  }

  /// Recording over a simulated stage keeps the half of whichever stop ends it, and after
  /// pruning at a non-stopping evaluation t only steps h with 2h ≥ t.
  @Test(arguments: [250, 500, 750, 1000, 1250])
  func recorderKeepsTheHalfOfTheStop(_ stop: Int) throws {
    var s = TrainingSettings()
    s.sftEvalInterval = 250
    s.sftMaxSteps = 20_000
    let h = HalfStepSnapshots(settings: s)
    let buffer = Buffer<Float>(count: 1)
    for step in 0...stop {
      buffer.pointer[0] = Float(step)  // the "parameters" after `step` updates
      h.observe(step: step, parameters: buffer)
      if step > 0 && step % 250 == 0 && step < stop {
        h.prune(after: step)
        #expect(h.kept.allSatisfy { 2 * $0.step >= step })
        #expect(h.kept.count <= step / 125 + 1)
      }
    }
    try h.finish(steps: stop)
    let half = try #require(h.halfStep)
    #expect(half.step == stop / 2 && half.sftSteps == stop)
    #expect(half.parameters.floats == [Float(stop / 2)])
  }

  @Test func finishWithoutTheSnapshotIsAnError() throws {
    let h = HalfStepSnapshots(settings: TrainingSettings())
    #expect(throws: PipelineError.self) { try h.finish(steps: 1000) }
  }

  @Test func priorOrderCoversEveryPromptOncePerEpoch() {
    let order = PriorFineTuneStage.order(count: 10, batch: 4, steps: 7, seed: 3, stream: 9)
    #expect(order.map(\.count) == [4, 4, 2, 4, 4, 2, 4])
    #expect(order[0..<3].joined().sorted() == Array(0..<10))
    #expect(order[3..<6].joined().sorted() == Array(0..<10))
    #expect(Array(order[0..<3].joined()) != Array(order[3..<6].joined()))
    #expect(order == PriorFineTuneStage.order(count: 10, batch: 4, steps: 7, seed: 3, stream: 9))
    #expect(order != PriorFineTuneStage.order(count: 10, batch: 4, steps: 7, seed: 3, stream: 8))
  }

  /// Two prompts, each with its correct solution and two wrong answers.
  static func samples() throws -> [PromptSamples] {
    try [(3, 4), (5, 2)].enumerated().map { i, ab in
      let p = try AdditionProblem(a: ab.0, b: ab.1)
      let right = Solution(p).responseTokens
      let wrong = try [
        AdditionProblem(a: ab.0, b: ab.1 + 1), AdditionProblem(a: ab.0 + 2, b: ab.1 + 1),
      ].map { Solution($0).responseTokens }
      return try PromptSamples(promptIndex: i, problem: p, responses: [right] + wrong)
    }
  }

  static var settings: TrainingSettings {
    var s = TrainingSettings.quick
    s.maxDigits = 1
    s.context = 16
    s.alignmentSteps = 1
    s.batchPrompts = 2
    return s
  }

  /// One fine-tune step equals one SFT-optimizer step on the mean token NLL of the sequences
  /// selected here from the verifier's verdicts.
  @Test(arguments: AlignmentObjectives.PriorFineTune.allCases)
  func oneFineTuneStepIsTheSFTStepOnTheSelectedSequences(
    _ v: AlignmentObjectives.PriorFineTune
  ) throws {
    let settings = Self.settings
    var init0 = RandomStream(seed: 11, stream: 1)
    let sft = try Transformer<Float>(config: try settings.modelConfig(), initialization: &init0)
    let samples = try Self.samples()
    let prior = try PriorFineTuneStage.fineTune(
      sft, samples: samples, variant: v, settings: settings, seed: 5)
    // Independently: the selected sequences (both prompts are in the one batch).
    var prompts: [[Int]] = []
    var responses: [[Int]] = []
    let order = PriorFineTuneStage.order(
      count: 2, batch: 2, steps: 1, seed: 5, stream: PipelineStream.priorFineTuneOrder)
    for i in order[0] {
      for r in samples[i].responses
      where v == .allSamples || !Verifier.verify(samples[i].problem, response: r.tokens).correct {
        prompts.append(samples[i].problem.promptTokens)
        responses.append(r.tokens)
      }
    }
    #expect(responses.count == (v == .allSamples ? 6 : 4))
    let model = try sft.copy()
    let batch = try TokenBatch(
      prompts: prompts, responses: responses, padToken: Vocabulary.pad, config: model.config)
    let targets = Double(responses.map(\.count).reduce(0, +))
    model.parameters.zeroGradients()
    let pass = try model.forward(batch)
    try model.backward(
      pass, sequenceGradients: [Double](repeating: -1 / targets, count: responses.count))
    let w = settings.sftWarmupSteps
    let opt = AdamW<Float>(
      config: try AdamWConfig(
        schedule: try LearningRateSchedule(
          peak: settings.sftLearningRate, warmupSteps: w, decay: .constant, totalSteps: w),
        weightDecay: settings.weightDecay, maxGradientNorm: settings.maxGradientNorm),
      layout: model.parameters.layout)
    try opt.update(model.parameters)
    #expect(prior.parameters.values.array == model.parameters.values.array)
    #expect(prior.parameters.values.array != sft.parameters.values.array)
    #expect(sft.parameters.values.array == (try sft.copy()).parameters.values.array)
  }

  /// Variant 2 on answers that are all correct: every step is the zero-gradient step.
  @Test func noIncorrectAnswerGivesZeroGradientSteps() throws {
    var settings = Self.settings
    settings.alignmentSteps = 3
    var init0 = RandomStream(seed: 12, stream: 1)
    let sft = try Transformer<Float>(config: try settings.modelConfig(), initialization: &init0)
    let correctOnly = try Self.samples().map {
      try PromptSamples(
        promptIndex: $0.promptIndex, problem: $0.problem, responses: [$0.responses[0].tokens])
    }
    let prior = try PriorFineTuneStage.fineTune(
      sft, samples: correctOnly, variant: .incorrectSamples, settings: settings, seed: 5)
    let model = try sft.copy()
    let opt = try PriorFineTuneStage.optimizer(
      settings: settings, steps: 3, layout: model.parameters.layout)
    for _ in 0..<3 {
      model.parameters.zeroGradients()
      try opt.update(model.parameters)
    }
    #expect(prior.parameters.values.array == model.parameters.values.array)
    // Negative control: variant 1 trains on those answers.
    let all = try PriorFineTuneStage.fineTune(
      sft, samples: correctOnly, variant: .allSamples, settings: settings, seed: 5)
    #expect(all.parameters.values.array != model.parameters.values.array)
  }
}
