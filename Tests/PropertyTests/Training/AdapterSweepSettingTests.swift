// The claims' sweep settings the factory honours (Sources/Training/Adapters/SweepSettings.swift
// and the readers beside it): each changes the dataset or the loss exactly as its catalog
// entry says, checked against an independent computation here, with a negative control (the
// spec without the key gives the default data or loss) and bad values refused by name.
// Gradients of the loss-level settings are checked against finite differences in
// Tests/GradientChecks (AdapterGradientTests, through AdapterFixture's sweep specs).
import Numerics
import Objectives
import Testing
import Training

@Suite struct AdapterSweepSettingTests {
  static func samples() throws -> ScoredSampleSet { try DataFixtures.fixed(seed: 5) }

  /// The first `k` fixture prompts whose responses are all non-empty (a sampled response
  /// holds at least its EOS; the fixture's empty ones are outside every token-level domain).
  static func prompts(_ s: ScoredSampleSet, _ k: Int) -> [Int] {
    s.prompts.filter { $0.responses.allSatisfy { !$0.tokens.isEmpty } }.prefix(k).map(\.promptIndex)
  }

  static func mpo(_ settings: [String: Double] = [:]) throws -> RunSpec {
    try AlignmentObjectives.spec(objective: "MPO", paper: "MPO", hyperparameters: settings)
  }

  static func setData(_ spec: RunSpec, _ s: ScoredSampleSet) throws
    -> FeedbackDataset<SetPartitionItem>
  {
    let o = try AlignmentObjectives.make(spec, samples: s)
    return try #require(o as? SetAdapter<MPO>).data
  }

  /// Random scores for `keys` (token log-probabilities in [−1.8, −0.3], value logits
  /// N(0, 1)); sequence values are the token sums.
  static func scores(_ keys: [SequenceKey], _ s: ScoredSampleSet, seed: UInt64) throws
    -> SequenceScores
  {
    var r = RandomStream(seed: seed)
    var pt: [[Double]] = []
    var rt: [[Double]] = []
    var vl: [[Double]] = []
    for k in keys {
      let n = try #require(s.prompt(k.promptIndex)).responses[k.response].tokens.count
      let p = (0..<n).map { _ in -(0.3 + 1.5 * r.uniform()) }
      pt.append(p)
      rt.append(p.map { min(-0.05, $0 + 0.3 * r.gaussian()) })
      vl.append((0..<n).map { _ in r.gaussian() })
    }
    return SequenceScores(
      keys: keys, policy: pt.map { $0.reduce(0, +) }, reference: rt.map { $0.reduce(0, +) },
      responseLengths: pt.map(\.count), policyTokens: pt, referenceTokens: rt, valueLogits: vl)
  }

  static func expectRefused(
    _ spec: RunSpec, key: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    do {
      _ = try AlignmentObjectives.make(spec, samples: try samples())
      Issue.record("\(spec.label) built", sourceLocation: sourceLocation)
    } catch let e as AlignmentObjectives.UnsupportedSpec {
      #expect(e.field.contains("hyperparameters[\(key)]"), "\(e)", sourceLocation: sourceLocation)
    }
  }

  // MARK: MPO thresholds (mpo.emp.partition-statistic)

  /// Median: 𝒴⁺ = {S̃ > median}, the median computed here; trimmed mean with f = 0.25 on 8
  /// responses drops the 2 lowest and 2 highest. The mean spec keeps the mean partition.
  @Test func thresholdStatisticsPartitionByTheirStatistic() throws {
    let s = try Self.samples()
    func median(_ x: [Double]) -> Double {
      let y = x.sorted()
      return y.count % 2 == 1 ? y[y.count / 2] : (y[y.count / 2 - 1] + y[y.count / 2]) / 2
    }
    func trimmed(_ x: [Double]) -> Double {
      let y = x.sorted().dropFirst(2).dropLast(2)
      return y.reduce(0, +) / Double(y.count)
    }
    func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
    let cases: [([String: Double], ([Double]) -> Double)] = [
      (["thresholdMedian": 1], median), (["thresholdTrimmedMean": 0.25], trimmed), ([:], mean),
    ]
    var differs = 0
    let meanData = try Self.setData(try Self.mpo(), s)
    for (settings, statistic) in cases {
      let data = try Self.setData(try Self.mpo(settings), s)
      #expect(!data.items.isEmpty)
      for item in data.items {
        let p = try #require(s.prompt(item.promptIndex))
        let t = statistic(p.scores)
        #expect(item.threshold == t, "\(settings) prompt \(item.promptIndex)")
        #expect(Set(item.positive) == Set(p.scores.indices.filter { p.scores[$0] > t }))
        #expect(Set(item.negative) == Set(p.scores.indices.filter { !(p.scores[$0] > t) }))
      }
      if data != meanData { differs += 1 }
    }
    // Negative control: the median and trimmed-mean data differ from the mean's on this
    // fixture; the plain spec gives the mean's.
    #expect(differs == 2)
  }

  @Test func thresholdSettingsRefuseBadValues() throws {
    try Self.expectRefused(try Self.mpo(["thresholdMedian": 2]), key: "thresholdMedian")
    try Self.expectRefused(try Self.mpo(["thresholdTrimmedMean": 0.5]), key: "thresholdTrimmedMean")
    try Self.expectRefused(
      try Self.mpo(["thresholdMedian": 1, "thresholdTrimmedMean": 0.1]),
      key: "thresholdTrimmedMean")
    // A key on an objective whose entry does not define it.
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "DPO", paper: "MPO", hyperparameters: ["thresholdMedian": 1]),
      key: "thresholdMedian")
  }

  // MARK: rank cuts (mpo.emp.mpo-vs-dpo (B), mpo.emp.iterative-rounds)

  @Test func rankCutTakesTopAndBottomByRank() throws {
    let s = try Self.samples()
    let spec = try AlignmentObjectives.spec(
      objective: "MPO", paper: "MPO", feedback: .rankCutSets,
      hyperparameters: ["top": 1, "bottom": 3])
    let data = try Self.setData(spec, s)
    #expect(!data.items.isEmpty)
    for item in data.items {
      let p = try #require(s.prompt(item.promptIndex))
      #expect(item.positive == [p.rankOrder[0]])
      #expect(item.negative == Array(p.rankOrder.suffix(3)))
    }
    let plain = try Self.setData(
      try AlignmentObjectives.spec(objective: "MPO", paper: "MPO", feedback: .rankCutSets), s)
    #expect(plain.items.allSatisfy { $0.positive.count == 2 && $0.negative.count == 2 })
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "MPO", paper: "MPO", feedback: .rankCutSets, hyperparameters: ["top": 0]),
      key: "top")
  }

  // MARK: PRO desiredFraction (pro.empirical-imbalanced-alpha)

  @Test func desiredFractionKeepsFewDesiredAndReweights() throws {
    let s = try Self.samples()
    func data(_ settings: [String: Double]) throws -> FeedbackDataset<BinaryItem> {
      let spec = try AlignmentObjectives.spec(
        objective: "PROBPrinted", paper: "PRO", hyperparameters: settings)
      return try #require(
        try AlignmentObjectives.make(spec, samples: s) as? UnpairedBinaryAdapter<PROBPrinted>
      ).data
    }
    let full = try data([:])
    let reduced = try data(["desiredFraction": 0.1])
    #expect(full == UnpairedBinary.build(s))
    #expect(reduced == (try UnpairedBinary.keepingDesired(s, fraction: 0.1)))
    let desiredFull = full.items.filter(\.desirable).count
    let desired = reduced.items.filter(\.desirable)
    let undesired = reduced.items.filter { !$0.desirable }
    // Every undesired sample kept, fewer desired ones; the minority (desired) weighted by
    // the undesired:desired count ratio, the majority by 1.
    #expect(undesired.count == full.items.filter { !$0.desirable }.count)
    #expect(desired.count > 0 && desired.count < desiredFull / 2)
    let ratio = Double(undesired.count) / Double(desired.count)
    #expect(desired.allSatisfy { $0.weight == ratio } && undesired.allSatisfy { $0.weight == 1 })
    #expect(full.items.allSatisfy { $0.weight == 1 })
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "PROBPrinted", paper: "PRO", hyperparameters: ["desiredFraction": 0]),
      key: "desiredFraction")
  }

  // MARK: score functions (mpo.emp.reward-function-stability)

  @Test func scoreFunctionsFollowTheEntry() throws {
    let p = try AdditionProblem(a: 38, b: 4)
    let right = Solution(p).responseTokens
    var wrong = right
    let i = wrong.count - 2  // the answer's last digit: well formed, one column wrong
    wrong[i] = Vocabulary.token(digit: ((Vocabulary.digit(of: wrong[i]) ?? 0) + 3) % 10)
    let broken = Array(right.prefix(3))
    let r = SampledResponse(tokens: right, problem: p)
    let w = SampledResponse(tokens: wrong, problem: p)
    let b = SampledResponse(tokens: broken, problem: p)
    let given = try #require(w.verdict.answer)
    #expect(ScoreFunction.reward.score(w, problem: p) == w.verdict.reward)
    #expect(ScoreFunction.correct.score(r, problem: p) == 1)
    #expect(ScoreFunction.correct.score(w, problem: p) == 0)
    #expect(ScoreFunction.digitFraction.score(r, problem: p) == 1)
    #expect(ScoreFunction.digitFraction.score(w, problem: p) == 0.5)  // 42 → 4x: 1 of 2 digits
    #expect(ScoreFunction.digitFraction.score(b, problem: p) == 0)
    #expect(ScoreFunction.squaredError.score(r, problem: p) == 0)
    let d = Double(given - 42) / 43
    #expect(ScoreFunction.squaredError.score(w, problem: p) == -(d * d))
    #expect(ScoreFunction.squaredError.score(b, problem: p) == -(1e6 / 43) * (1e6 / 43))
  }

  /// S2 selects 𝒴⁺ = the correct answers of each prompt with both kinds; S1 (no key) the
  /// reward partition; a bad j is refused.
  @Test func scoreFunctionSelectsTheSets() throws {
    let s = try Self.samples()
    let s2 = try Self.setData(try Self.mpo(["scoreFunction": 2]), s)
    #expect(!s2.items.isEmpty)
    for item in s2.items {
      let p = try #require(s.prompt(item.promptIndex))
      let correct = Set(p.responses.indices.filter { p.responses[$0].verdict.correct })
      #expect(Set(item.positive) == correct)
    }
    let s1 = try Self.setData(try Self.mpo(["scoreFunction": 1]), s)
    #expect(s1 == (try Self.setData(try Self.mpo(), s)))
    #expect(s2 != s1)
    let s4 = try Self.setData(try Self.mpo(["scoreFunction": 4]), s)
    #expect(s4 != s1)
    try Self.expectRefused(try Self.mpo(["scoreFunction": 5]), key: "scoreFunction")
  }

  // MARK: α_w in units of 1/s̄ (mpo.emp.alpha-intermediate) and noise in units of s̄ (EP-3)

  /// s̄ computed here: the median over prompts with unequal rewards of the population SD.
  static func sBar(_ s: ScoredSampleSet) -> Double {
    var sds: [Double] = []
    for p in s.prompts where Set(p.rewards).count > 1 {
      let m = p.rewards.reduce(0, +) / Double(p.count)
      let variance = p.rewards.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(p.count)
      sds.append(variance.squareRoot())
    }
    sds.sort()
    return sds.count % 2 == 1
      ? sds[sds.count / 2] : (sds[sds.count / 2 - 1] + sds[sds.count / 2]) / 2
  }

  @Test func alphaWTimesSBarDividesByTheSeedsSBar() throws {
    let s = try Self.samples()
    func alphaW(_ settings: [String: Double]) throws -> Double {
      let spec = try AlignmentObjectives.spec(
        objective: "WeightedMPOAbsolute", paper: "MPO", hyperparameters: settings)
      let o = try AlignmentObjectives.make(spec, samples: s)
      return try #require(o as? ScalarSetAdapter<WeightedMPOAbsolute>).objective.alphaW
    }
    let sBar = Self.sBar(s)
    #expect(sBar > 0)
    // Same formula, same rounding: a / s̄.
    #expect(try alphaW(["alphaWTimesSBar": 0.1]) == 0.1 / sBar)
    #expect(try alphaW([:]) == 10)  // negative control: the catalog's α_w
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "WeightedMPOAbsolute", paper: "MPO", hyperparameters: ["alphaWTimesSBar": -1]),
      key: "alphaWTimesSBar")
  }

  @Test func rewardNoiseInSBarScalesSigmaBySBar() throws {
    let s = try Self.samples()
    let samples = try s.prompts.map {
      try PromptSamples(
        promptIndex: $0.promptIndex, problem: $0.problem, responses: $0.responses.map(\.tokens))
    }
    var spec = try Self.mpo(["rewardNoiseInSBar": 1])
    spec.rewardNoise = 0.5
    let noise = try AlignmentObjectives.scoreNoise(spec, samples: samples, seed: 5)
    #expect(noise.sigma == 0.5 * Self.sBar(s))
    var plain = try Self.mpo()
    plain.rewardNoise = 0.5
    #expect(try AlignmentObjectives.scoreNoise(plain, samples: samples, seed: 5).sigma == 0.5)
    spec.hyperparameters["rewardNoiseInSBar"] = 2
    try Self.expectRefused(spec, key: "rewardNoiseInSBar")
  }

  // MARK: reference-free MPO (mpo.emp.reference-free)

  /// Loss = mean over items of −[LSE_{𝒴⁺}(a) − LSE_{𝒴^all}(a)], a_y = (β/|y|) log π_θ(y|x),
  /// computed here; the plain spec uses a_y = β(log π_θ − log π_ref) instead.
  @Test func referenceFreeUsesLengthNormalisedPolicyLogits() throws {
    let s = try Self.samples()
    let prompts = Self.prompts(s, 12)
    let rf = try AlignmentObjectives.make(try Self.mpo(["referenceFree": 1, "beta": 2]), samples: s)
    let plain = try AlignmentObjectives.make(try Self.mpo(["beta": 2]), samples: s)
    let keys = rf.sequences(forBatch: prompts)
    #expect(keys == plain.sequences(forBatch: prompts))
    let sc = try Self.scores(keys, s, seed: 3)
    let data = try Self.setData(try Self.mpo(), s).items(forBatch: prompts)
    func expected(_ logit: (Int) -> Double) -> Double {
      let losses = data.map { item -> Double in
        let a = { (r: Int) in
          logit(sc.index(of: SequenceKey(promptIndex: item.promptIndex, response: r))!)
        }
        let all = item.positive + item.negative
        return -(logSumExp(item.positive.map(a)) - logSumExp(all.map(a)))
      }
      return losses.reduce(0, +) / Double(losses.count)
    }
    let wantRF = expected { 2 * sc.policy[$0] / Double(sc.responseLengths[$0]) }
    let wantPlain = expected { 2 * (sc.policy[$0] - sc.reference[$0]) }
    // Tolerance: the two paths sum and log-sum-exp the same dozen terms in different
    // orders; 1e-12 relative is ~10⁴ ulps, far above that rounding, far below the gap
    // between the two losses.
    let gotRF = try rf.evaluate(sc, prompts: prompts).loss
    let gotPlain = try plain.evaluate(sc, prompts: prompts).loss
    #expect(abs(gotRF - wantRF) <= 1e-12 * abs(wantRF))
    #expect(abs(gotPlain - wantPlain) <= 1e-12 * abs(wantPlain))
    #expect(abs(gotRF - gotPlain) > 1e-3)
    try Self.expectRefused(try Self.mpo(["referenceFree": 0.5]), key: "referenceFree")
  }

  // MARK: PIPA fixed value head (pipa.empirical.value-head-ablation)

  @Test func fixedValueIgnoresTheValueHead() throws {
    let s = try Self.samples()
    let prompts = Self.prompts(s, 6)
    func make(_ settings: [String: Double]) throws -> any AlignmentObjective {
      try AlignmentObjectives.make(
        try AlignmentObjectives.spec(
          objective: "PIPAMTokenLevel", paper: "PIPA", hyperparameters: settings),
        samples: s)
    }
    let fixed = try make(["fixedValue": 0.5])
    let learned = try make([:])
    let keys = fixed.sequences(forBatch: prompts)
    let a = try Self.scores(keys, s, seed: 4)
    let zeroLogits = SequenceScores(
      keys: a.keys, policy: a.policy, reference: a.reference, responseLengths: a.responseLengths,
      policyTokens: a.policyTokens, referenceTokens: a.referenceTokens,
      valueLogits: a.valueLogits.map { $0.map { _ in 0 } })
    let gFixed = try fixed.evaluate(a, prompts: prompts)
    // g ≡ ½ is the learned form with every value logit 0, whatever the head outputs.
    let gZero = try learned.evaluate(zeroLogits, prompts: prompts)
    #expect(gFixed.loss == gZero.loss)
    #expect(gFixed.tokens == gZero.tokens)
    #expect(gFixed.valueLogits == nil)
    // Negative control: the learned form reads the head.
    #expect(try learned.evaluate(a, prompts: prompts).loss != gZero.loss)
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "PIPAMTokenLevel", paper: "PIPA", hyperparameters: ["fixedValue": 1]),
      key: "fixedValue")
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "PIPAM", paper: "PIPA", hyperparameters: ["fixedValue": 0.5]),
      key: "fixedValue")
  }

  // MARK: SFT term (pipa.empirical.sft-loss)

  @Test func sftTermAddsTheCorrectAnswersMeanTokenNLL() throws {
    let s = try Self.samples()
    let prompts = Self.prompts(s, 10)
    for objective in ["PIPAM", "KTOPIPAForm"] {
      func make(_ settings: [String: Double]) throws -> any AlignmentObjective {
        try AlignmentObjectives.make(
          try AlignmentObjectives.spec(
            objective: objective, paper: "PIPA", hyperparameters: settings),
          samples: s)
      }
      let plain = try make([:])
      let sft = try make(["sftCoefficient": 1.5])
      let keys = plain.sequences(forBatch: prompts)
      #expect(sft.sequences(forBatch: prompts) == keys)
      let sc = try Self.scores(keys, s, seed: 9)
      let g0 = try plain.evaluate(sc, prompts: prompts)
      let g1 = try sft.evaluate(sc, prompts: prompts)
      let correct = keys.indices.filter {
        s.prompt(keys[$0].promptIndex)!.responses[keys[$0].response].verdict.correct
      }
      #expect(!correct.isEmpty)
      let tokens = Double(correct.map { sc.responseLengths[$0] }.reduce(0, +))
      let nll = -correct.map { sc.policy[$0] }.reduce(0, +) / tokens
      // Tolerance: one extra sum of ~50 terms and a division: 1e-12 relative.
      #expect(abs((g1.loss - g0.loss) - 1.5 * nll) <= 1e-12 * abs(nll), "\(objective)")
      for j in keys.indices {
        let want = g0.sequence[j] - (correct.contains(j) ? 1.5 / tokens : 0)
        // Partials are O(0.1): 1e-14 is ~100 ulps of one subtraction.
        #expect(abs(g1.sequence[j] - want) <= 1e-14, "\(objective) row \(j)")
      }
      #expect(g1.valueLogits == g0.valueLogits)
      // Negative control: coefficient 0 adds nothing.
      #expect(try make(["sftCoefficient": 0]).evaluate(sc, prompts: prompts).loss == g0.loss)
    }
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "PIPAM", paper: "PIPA", hyperparameters: ["sftCoefficient": -1]),
      key: "sftCoefficient")
  }

  // MARK: step count (mpo.emp.limited-data, mpo.emp.fixed-compute)

  @Test func dataFractionTrainsOnTheFirstBatches() throws {
    let batches = (0..<16).map { b in (0..<4).map { 4 * b + $0 } }
    func cut(_ settings: [String: Double]) throws -> [[Int]] {
      try AlignmentObjectives.trainingBatches(for: try Self.mpo(settings), batches) { _ in
        Issue.record("token counts read without a budget key")
        return []
      }
    }
    #expect(try cut(["dataFraction": 0.25]) == Array(batches.prefix(4)))
    #expect(try cut(["dataFraction": 0.125]) == Array(batches.prefix(2)))
    #expect(try cut(["dataFraction": 0.01]) == Array(batches.prefix(1)))  // at least one step
    #expect(try cut([:]) == batches)  // negative control
    for bad in [0.0, 1.5, -0.5] {
      #expect(throws: AlignmentObjectives.UnsupportedSpec.self) {
        try cut(["dataFraction": bad])
      }
    }
    // DPO on best-vs-worst pairs takes it; an objective whose entry does not, refuses it.
    _ = try AlignmentObjectives.make(
      try AlignmentObjectives.spec(
        objective: "DPO", paper: "MPO", hyperparameters: ["dataFraction": 0.5]),
      samples: try Self.samples())
    try Self.expectRefused(
      try AlignmentObjectives.spec(
        objective: "PIPAM", paper: "PIPA", hyperparameters: ["dataFraction": 0.5]),
      key: "dataFraction")
  }

  @Test func tokenBudgetStopsAtTheDPOTotal() throws {
    let batches = (0..<4).map { [$0] }
    var asked: [String] = []
    func cut(_ c: Double) throws -> [[Int]] {
      try AlignmentObjectives.trainingBatches(
        for: try Self.mpo(["tokenBudgetOfDPO": c]), batches
      ) { s in
        asked.append(s.label)
        // DPO@MPO scores 10 response tokens per batch (40 in all); MPO 25.
        return s.label == "DPO@MPO" ? [10, 10, 10, 10] : [25, 25, 25, 25]
      }
    }
    #expect(try cut(1) == Array(batches.prefix(2)))  // 25 < 40 ≤ 50
    #expect(try cut(0.5) == Array(batches.prefix(1)))  // 20 ≤ 25
    #expect(try cut(0.625) == Array(batches.prefix(1)))  // 25 ≥ 25: the smallest count
    #expect(try cut(10) == batches)  // budget beyond the run: all batches
    #expect(asked.contains("DPO@MPO") && asked.contains("MPO@MPO[tokenBudgetOfDPO=1.0]"))
    #expect(throws: AlignmentObjectives.UnsupportedSpec.self) { try cut(0) }
    try Self.expectRefused(
      try Self.mpo(["tokenBudgetOfDPO": 1, "dataFraction": 0.5]), key: "tokenBudgetOfDPO")
  }

  // MARK: sampled evaluation (mpo.emp.decoding-temperature)

  @Test func evaluationSamplingReadsTemperatureAndCount() throws {
    func parse(_ settings: [String: Double]) throws -> (temperature: Double, samples: Int)? {
      try AlignmentObjectives.evaluationSampling(try Self.mpo(settings))
    }
    #expect(try parse([:]) == nil)  // negative control: greedy
    let a = try #require(try parse(["evaluationTemperature": 0.5, "evaluationSamples": 2]))
    #expect(a.temperature == 0.5 && a.samples == 2)
    #expect(try parse(["evaluationTemperature": 1])?.samples == 3)  // App. J's 3
    // Each bad setting with the key the refusal must name.
    let bad: [([String: Double], String)] = [
      (["evaluationTemperature": 0], "evaluationTemperature"),
      (["evaluationTemperature": -1], "evaluationTemperature"),
      (["evaluationSamples": 3], "evaluationSamples"),
      (["evaluationTemperature": 1, "evaluationSamples": 0], "evaluationSamples"),
      (["evaluationTemperature": 1, "evaluationSamples": 1.5], "evaluationSamples"),
    ]
    for (settings, key) in bad {
      #expect(throws: AlignmentObjectives.UnsupportedSpec.self, "\(settings)") {
        try parse(settings)
      }
      try Self.expectRefused(try Self.mpo(settings), key: key)
    }
  }
}
