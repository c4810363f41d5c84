// Every adapter's batch loss against the mean of its Objective's loss over the batch's
// items, computed here directly from the Data builders and the Objectives types (inputs
// written out per objective, independently of the adapters' forms): which dataset, which
// scores (raw or centred, PRO-S's first N), which value-head logit, which reference point
// (KTO: the batch KL estimate, β-scaled in PRO's form) and which labels each reads. Also:
// the requested sequences are exactly the items' responses, without duplicates, a batch of
// one prompt sees only that prompt's items, and an empty batch gives loss 0.
//
// Tolerance: the adapter and the direct mean add the same per-item values in the same
// order, but the inputs are assembled by different code (e.g. token sums), so 64 ulps of
// the summed magnitude (a mean of ≤ 24 terms, each a handful of rounded operations).
import Numerics
import Objectives
import Testing
import Training

@Suite struct AdapterLossTests {
  /// The mean of the Objective's loss over the items of `prompts`, computed directly.
  static func directLoss(
    _ spec: RunSpec, _ samples: ScoredSampleSet, _ s: SequenceScores, _ prompts: [Int]
  ) throws -> (loss: Double, items: Int) {
    func hp(_ n: String) throws -> Double { try AlignmentObjectives.hyperparameter(n, of: spec) }
    func row(_ p: Int, _ r: Int) throws -> Int {
      try #require(s.index(of: SequenceKey(promptIndex: p, response: r)))
    }
    func mean(_ xs: [Double]) -> (Double, Int) {
      (xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count), xs.count)
    }
    let kl =
      s.keys.indices.map { max(0, s.policy[$0] - s.reference[$0]) }.reduce(0, +)
      / Double(max(1, s.keys.count))
    let exactH = try? hp("exactH")
    let mode: HyperRewardMode = exactH == 1 ? .exact : .zero
    // Pair data.
    func pairData() throws -> [PairItem] {
      let d: FeedbackDataset<PairItem>
      switch spec.feedback {
      case .bestVsWorstPairs: d = BestVsWorstPairs.build(samples)
      case .bestVsRandomPairs: d = BestVsRandomPairs.build(samples)
      case .correctIncorrectPairs: d = CorrectIncorrectPairs.build(samples)
      case .crossPairs: d = CrossPairs.build(samples, sets: try ThresholdPartitions.build(samples))
      case .allOrderedPairs: d = AllOrderedPairs.build(samples)
      default: throw AdapterError(field: "feedback", value: "\(spec.feedback)", rule: "be pairs")
      }
      return d.items(forBatch: prompts)
    }
    func pair(_ i: PairItem) throws -> PreferencePair {
      let w = try row(i.promptIndex, i.chosen)
      let l = try row(i.promptIndex, i.rejected)
      return PreferencePair(
        logProbChosen: s.policy[w], logProbRejected: s.policy[l], refLogProbChosen: s.reference[w],
        refLogProbRejected: s.reference[l], lengthChosen: s.responseLengths[w],
        lengthRejected: s.responseLengths[l])
    }
    func pairLoss(_ f: (PreferencePair) throws -> Double) throws -> (Double, Int) {
      mean(try pairData().map { try f(try pair($0)) })
    }
    func rewardedLoss(_ f: (RewardedPreferencePair) throws -> Double) throws -> (Double, Int) {
      mean(
        try pairData().map { i in
          try f(
            RewardedPreferencePair(
              try pair(i), rewardChosen: samples.prompt(i.promptIndex)?.scores[i.chosen] ?? .nan,
              rewardRejected: samples.prompt(i.promptIndex)?.scores[i.rejected] ?? .nan))
        })
    }
    // Binary data.
    func binaryData() -> [BinaryItem] {
      (spec.feedback == .unpairedBinary
        ? UnpairedBinary.build(samples)
        : UnpairedBinary.fromPairs(samples, pairs: CorrectIncorrectPairs.build(samples)))
        .items(forBatch: prompts)
    }
    func correct(_ p: Int, _ r: Int) -> Bool {
      samples.prompt(p)?.responses[r].verdict.correct ?? false
    }
    // Step data.
    func stepData() -> [StepItem] {
      (spec.feedback == .stepLabelledUnpaired
        ? StepLevelData.unpaired(samples) : StepLevelData.unpairedFromPairs(samples))
        .items(forBatch: prompts)
    }
    func verdict(_ p: Int, _ r: Int) throws -> VerifierResult {
      try #require(samples.prompt(p)).responses[r].verdict
    }
    func scalar(_ n: Int?) throws -> [(rows: [Int], scores: [Double])] {
      try prompts.compactMap { p -> (rows: [Int], scores: [Double])? in
        guard let prompt = samples.prompt(p) else { return nil }
        let m = min(n ?? prompt.count, prompt.count)
        return (try (0..<m).map { try row(p, $0) }, Array(prompt.scores[..<m]))
      }
    }
    switch spec.objective {
    case "DPO": return try pairLoss { try DPO(beta: try hp("beta")).loss($0) }
    case "SimPO":
      return try pairLoss { try SimPO(beta: try hp("beta"), gamma: try hp("gamma")).loss($0) }
    case "IPO": return try pairLoss { try IPO(beta: try hp("beta")).loss($0) }
    case "CPO":
      return try pairLoss { try CPO(beta: try hp("beta"), lambda: try hp("lambda")).loss($0) }
    case "AlphaPO":
      return try pairLoss {
        try AlphaPO(alpha: try hp("alpha"), beta: try hp("beta"), gamma: try hp("gamma")).loss($0)
      }
    case "PROPImplemented":
      return try pairLoss { try PROPImplemented(beta: try hp("beta"), hyperReward: mode).loss($0) }
    case "MaPPO": return try rewardedLoss { try MaPPO(beta: try hp("beta")).loss($0) }
    case "SimPOPlus":
      return try rewardedLoss {
        try SimPOPlus(beta: try hp("beta"), gamma: try hp("gamma")).loss($0)
      }
    case "IPOPlus": return try rewardedLoss { try IPOPlus(beta: try hp("beta")).loss($0) }
    case "CPOPlus":
      return try rewardedLoss {
        try CPOPlus(beta: try hp("beta"), lambda: try hp("lambda")).loss($0)
      }
    case "MPO":
      let d: FeedbackDataset<SetPartitionItem>
      switch spec.feedback {
      case .thresholdSets: d = try ThresholdPartitions.build(samples)
      case .topOneVersusRestSets: d = RankCutSets.topOneVersusRest(samples)
      default: d = try RankCutSets.build(samples, top: 2, bottom: 2)
      }
      return mean(
        try d.items(forBatch: prompts).map { i in
          let pos = try i.positive.map { try row(i.promptIndex, $0) }
          let neg = try i.negative.map { try row(i.promptIndex, $0) }
          return try MPO(beta: try hp("beta")).loss(
            SetPair(
              positive: ResponseSet(
                logProbs: pos.map { s.policy[$0] }, refLogProbs: pos.map { s.reference[$0] }),
              negative: ResponseSet(
                logProbs: neg.map { s.policy[$0] }, refLogProbs: neg.map { s.reference[$0] })))
        })
    case "PlackettLuce":
      return mean(
        try Rankings.full(samples).items(forBatch: prompts).map { i in
          let js = try i.order.map { try row(i.promptIndex, $0) }
          return try PlackettLuce(beta: try hp("beta")).loss(
            Ranking(logProbs: js.map { s.policy[$0] }, refLogProbs: js.map { s.reference[$0] }))
        })
    case "BinnedPlackettLuce":
      let b = Int(try hp("bins"))
      return mean(
        try Rankings.binned(samples, bins: b).items(forBatch: prompts).map { i in
          let bins = try i.bins.map { bin in
            let js = try bin.map { try row(i.promptIndex, $0) }
            return ResponseSet(
              logProbs: js.map { s.policy[$0] }, refLogProbs: js.map { s.reference[$0] })
          }
          return try BinnedPlackettLuce(beta: try hp("beta")).loss(BinPartition(bins: bins))
        })
    case "WeightedMPOAbsolute", "WeightedMPOSigned", "WeightedMPOG1":
      // Prompts whose scores are all equal are skipped (empty 𝒴⁺).
      return mean(
        try scalar(nil).filter { Set($0.scores).count > 1 }.map { x in
          let input = ScoredResponseSet(
            logProbs: x.rows.map { s.policy[$0] }, refLogProbs: x.rows.map { s.reference[$0] },
            scores: x.scores)
          switch spec.objective {
          case "WeightedMPOAbsolute":
            return try WeightedMPOAbsolute(beta: try hp("beta"), alphaW: try hp("alphaW")).loss(
              input)
          case "WeightedMPOSigned":
            return try WeightedMPOSigned(beta: try hp("beta"), alphaW: try hp("alphaW")).loss(input)
          default:
            return try WeightedMPOG1(alpha: try hp("alpha")).loss(input)
          }
        })
    case "InfoNCA", "NCA":
      return mean(
        try scalar(nil).map { x in
          let input = RewardedResponseSet(
            logProbs: x.rows.map { s.policy[$0] }, refLogProbs: x.rows.map { s.reference[$0] },
            rewards: x.scores)
          return spec.objective == "NCA"
            ? try NCA(beta: try hp("beta"), tau: try hp("tau")).loss(input)
            : try InfoNCA(beta: try hp("beta"), tau: try hp("tau")).loss(input)
        })
    case "PROS":
      return mean(
        try scalar(Int(try hp("N"))).map { x in
          let m = x.scores.reduce(0, +) / Double(x.scores.count)
          return try PROS(beta: try hp("beta"), alpha: try hp("alpha"), hyperReward: mode).loss(
            PROScalarSample(
              logProbs: x.rows.map { s.policy[$0] }, refLogProbs: x.rows.map { s.reference[$0] },
              scores: x.scores.map { $0 - m }))
        })
    case "KTOPROForm", "KTOPIPAForm", "PROBPrinted", "PROBBetaOnOptimizer", "PIPAM", "PIPAN":
      return mean(
        try binaryData().map { i in
          let j = try row(i.promptIndex, i.response)
          let c = correct(i.promptIndex, i.response)
          let (lp, rp) = (s.policy[j], s.reference[j])
          switch spec.objective {
          case "KTOPROForm":
            let beta = try hp("beta")
            return try KTOPROForm(
              beta: beta, lambdaD: try hp("lambdaD"), lambdaU: try hp("lambdaU"), z0: beta * kl
            ).loss(KTOPROInput(logProb: lp, refLogProb: rp, desired: c))
          case "KTOPIPAForm":
            return try KTOPIPAForm(beta: try hp("beta")).loss(
              KTOPIPAInput(logF: lp, logPrior: rp, z: kl, label: c ? 1 : 0))
          case "PROBPrinted":
            return try PROBPrinted(beta: try hp("beta"), alpha: try hp("alpha"), hyperReward: mode)
              .loss(PROBinarySample(logProb: lp, refLogProb: rp, label: c ? 0.5 : -0.5))
          case "PROBBetaOnOptimizer":
            return try PROBBetaOnOptimizer(
              beta: try hp("beta"), alpha: try hp("alpha"), hyperReward: mode
            ).loss(PROBinarySample(logProb: lp, refLogProb: rp, label: c ? 0.5 : -0.5))
          default:
            let x = PIPAAnswerInput(
              logF: lp, logitG: s.valueLogits[j][0], logPrior: rp, label: c ? 1 : 0)
            return spec.objective == "PIPAM"
              ? try PIPAM(epsilon: try hp("epsilon")).loss(x) : try PIPAN().loss(x)
          }
        })
    case "PIPAMTokenLevel", "PIPANTokenLevel", "StepKTO", "StepKTOL1":
      return mean(
        try stepData().map { i in
          let j = try row(i.promptIndex, i.response)
          let v = try verdict(i.promptIndex, i.response)
          switch spec.objective {
          case "PIPAMTokenLevel", "PIPANTokenLevel":
            let x = PIPATokenInput(
              logF: s.policyTokens[j], logitG: s.valueLogits[j], logPrior: s.referenceTokens[j],
              labels: v.stepLabels)
            return spec.objective == "PIPAMTokenLevel"
              ? try PIPAMTokenLevel(epsilon: try hp("epsilon")).loss(x)
              : try PIPANTokenLevel().loss(x)
          default:
            let x = StepKTOInput(
              logProbs: s.policyTokens[j], refLogProbs: s.referenceTokens[j], labels: v.stepLabels,
              stepStarts: v.stepStarts, z0: kl)
            return spec.objective == "StepKTO"
              ? try StepKTO(beta: try hp("beta")).loss(x)
              : try StepKTOL1(beta: try hp("beta")).loss(x)
          }
        })
    case "StepDPOL0", "StepDPOL1":
      return mean(
        try CorrectIncorrectPairs.build(samples).items(forBatch: prompts).map { i in
          let w = try row(i.promptIndex, i.chosen)
          let l = try row(i.promptIndex, i.rejected)
          let x = StepPairInput(
            logProbsChosen: s.policyTokens[w], logProbsRejected: s.policyTokens[l],
            refLogProbsChosen: s.referenceTokens[w], refLogProbsRejected: s.referenceTokens[l],
            labelsRejected: try verdict(i.promptIndex, i.rejected).stepLabels)
          return spec.objective == "StepDPOL0"
            ? try StepDPOL0(beta: try hp("beta")).loss(x)
            : try StepDPOL1(beta: try hp("beta")).loss(x)
        })
    default:
      throw AdapterError(field: "objective", value: spec.objective, rule: "be known to this test")
    }
  }

  @Test(arguments: AdapterFixture.labels)
  func lossIsTheMeanOfTheObjectiveOverItems(_ label: String) throws {
    let spec = try AdapterFixture.spec(label)
    let samples = try AdapterFixture.samples()
    let adapter = try AlignmentObjectives.make(spec, samples: samples)
    for (b, prompts) in [AdapterFixture.allPrompts, [11], [20, 3]].enumerated() {
      let keys = adapter.sequences(forBatch: prompts)
      #expect(Set(keys).count == keys.count, "\(label): duplicate sequences")
      #expect(keys.allSatisfy { prompts.contains($0.promptIndex) }, "\(label): foreign prompt")
      let s = try AdapterFixture.scores(keys, samples, seed: 500 + UInt64(b))
      let got = try adapter.evaluate(s, prompts: prompts)
      let want = try Self.directLoss(spec, samples, s, prompts)
      #expect(got.itemCount == want.items, "\(label) batch \(prompts): item count")
      let tol = Tolerance.roundoff(
        ulps: 64, floor: 64 * Double.ulpOfOne * max(1, abs(want.loss)),
        reason: "same per-item values, inputs assembled by different code")
      #expect(
        tol.accepts(got.loss, want.loss),
        "\(label) batch \(prompts): \(tol.explain(got.loss, want.loss))")
    }
    // Every response an item reads is requested, and nothing else (the full batch).
    let keys = Set(adapter.sequences(forBatch: AdapterFixture.allPrompts))
    let s = try AdapterFixture.scores(Array(keys).sorted(), samples, seed: 9)
    _ = try adapter.evaluate(s, prompts: AdapterFixture.allPrompts)
    // An empty batch: no sequence, loss 0, no item.
    #expect(adapter.sequences(forBatch: []).isEmpty)
    let empty = try AdapterFixture.scores([], samples, seed: 1)
    let e = try adapter.evaluate(empty, prompts: [])
    #expect(e.loss == 0 && e.itemCount == 0 && e.sequence.isEmpty)
  }

  /// A negative control for the direct mean: a different β changes the loss beyond the
  /// tolerance, so the comparison above can fail.
  @Test func directLossSeesTheHyperparameters() throws {
    let samples = try AdapterFixture.samples()
    var spec = try AlignmentObjectives.spec(objective: "DPO", paper: "MaPPO")
    let adapter = try AlignmentObjectives.make(spec, samples: samples)
    let keys = adapter.sequences(forBatch: AdapterFixture.allPrompts)
    let s = try AdapterFixture.scores(keys, samples, seed: 3)
    let got = try adapter.evaluate(s, prompts: AdapterFixture.allPrompts).loss
    spec.hyperparameters["beta"] = 0.2
    let other = try Self.directLoss(spec, samples, s, AdapterFixture.allPrompts).loss
    #expect(abs(got - other) > 1e-6 * abs(got))
  }
}

/// The stopped quantities are read from the frozen scores and receive no gradient.
@Suite struct AdapterStopGradientTests {
  static func setup(_ objective: String, _ feedback: FeedbackKind) throws -> (
    adapter: any SemiGradientObjective, scores: SequenceScores, samples: ScoredSampleSet
  ) {
    let samples = try AdapterFixture.samples()
    let spec = try AlignmentObjectives.spec(objective: objective, paper: "PIPA", feedback: feedback)
    let adapter = try #require(
      try AlignmentObjectives.make(spec, samples: samples) as? any SemiGradientObjective)
    let keys = adapter.sequences(forBatch: AdapterFixture.allPrompts)
    return (adapter, try AdapterFixture.scores(keys, samples, seed: 21), samples)
  }

  /// Step-DPO L₁ and KTO L₁: every token of a correct step of a rejected/negative answer has
  /// gradient exactly 0 (sg), and at least one such token exists in the fixture; the loss at
  /// θ̄ = θ does not depend on which call evaluates it.
  @Test(arguments: [
    ("StepDPOL1", FeedbackKind.stepLabelledPairs), ("StepKTOL1", .stepLabelledUnpaired),
  ])
  func stoppedTokensGetNoGradient(_ objective: String, _ feedback: FeedbackKind) throws {
    let (adapter, s, samples) = try Self.setup(objective, feedback)
    let g = try adapter.evaluate(s, prompts: AdapterFixture.allPrompts)
    let tokens = try #require(g.tokens)
    var stopped = 0
    for (j, k) in s.keys.enumerated() {
      let v = try #require(samples.prompt(k.promptIndex)).responses[k.response].verdict
      guard !v.correct else { continue }
      for (t, c) in v.stepLabels.enumerated() where c == 1 {
        stopped += 1
        #expect(tokens[j][t] == 0, "\(objective): token \(t) of \(k) is stopped")
      }
      #expect(
        zip(v.stepLabels, tokens[j]).contains { $0 == 0 && $1 != 0 },
        "\(objective): the wrong steps of \(k) must get a gradient")
    }
    #expect(stopped > 0, "the fixture must contain correct steps of wrong answers")
  }

  /// KTO's z₀ comes from the frozen scores: moving them moves the loss, with the policy
  /// scores fixed.
  @Test(arguments: ["KTOPIPAForm", "StepKTO"])
  func referencePointComesFromFrozenScores(_ objective: String) throws {
    let feedback: FeedbackKind = objective == "StepKTO" ? .stepLabelledUnpaired : .unpairedBinary
    let (adapter, s, _) = try Self.setup(objective, feedback)
    let base = try adapter.evaluate(s, prompts: AdapterFixture.allPrompts).loss
    // Raise the frozen policy by 2 nats per sequence: the KL estimate grows.
    let frozen = AdapterFixture.replacing(
      s, policy: s.policy.map { $0 + 2 }, tokens: s.policyTokens, valueLogits: s.valueLogits)
    let moved = try adapter.evaluate(s, prompts: AdapterFixture.allPrompts, stoppedAt: frozen).loss
    #expect(abs(moved - base) > 1e-6, "\(objective): z₀ ignored the frozen scores")
  }
}
