// Scores, noise, tie keys, nested prefixes, determinism and batch order of the data side
// (Sources/Training/Data: ScoredSampleSet, RewardNoise, BatchOrder, FeedbackDataset).
import Numerics
import TestSupport
import Testing
import Training

@Suite struct DataScoringTests {
  @Test func noiseIsSigmaTimesSharedDraws() throws {
    let clean = try DataFixtures.fixed(seed: 8)
    let one = try DataFixtures.fixed(seed: 8, sigma: 1)
    let half = try DataFixtures.fixed(seed: 8, sigma: 0.5)
    for (c, (o, h)) in zip(clean.prompts, zip(one.prompts, half.prompts)) {
      #expect(c.scores == c.rewards)
      #expect(o.rewards == c.rewards)
      for i in 0..<c.count {
        // Same z at both σ: S̃(1) = fl(S + z), S̃(½) = fl(S + z/2) (z/2 exact). Recovering
        // z and z/2 by subtracting S adds one rounding each, so the difference below is at
        // most ½ulp(S̃(1)) + ½ulp(S̃(½)) + ½ulp(z) + ¼ulp(z) ≤ 4ε·max(|S̃(1)|, |S|, 1)
        // (|z| ≤ |S̃(1)| + |S| up to rounding). Independent draws per σ would differ by O(σ).
        let z = o.scores[i] - o.rewards[i]
        let diff = abs(h.scores[i] - h.rewards[i] - 0.5 * z)
        let scale = max(abs(o.scores[i]), abs(o.rewards[i]), 1)
        #expect(diff <= 4 * Double.ulpOfOne * scale, "prompt \(c.promptIndex) response \(i)")
      }
      #expect(o.tieKeys == c.tieKeys)
    }
    // The noise is not zero and differs between seeds.
    let other = try DataFixtures.fixed(seed: 9, sigma: 1)
    #expect(one.prompts.map(\.scores) != other.prompts.map(\.scores))
    #expect(one.prompts.map(\.scores) != clean.prompts.map(\.scores))
    #expect(clean.allEqualCount > 0 && clean.allEqualCount < clean.prompts.count)
    #expect(one.allEqualCount == 0)
  }

  @Test func prefixKeepsScoresAndNestsTheRankOrder() throws {
    let s = try DataFixtures.fixed(seed: 4, sigma: 0.3)
    let four = try s.prefix(4)
    for (p, q) in zip(s.prompts, four.prompts) {
      #expect(q.scores == Array(p.scores.prefix(4)))
      #expect(q.tieKeys == Array(p.tieKeys.prefix(4)))
      #expect(q.rankOrder == p.rankOrder.filter { $0 < 4 })
    }
    #expect(throws: TaskError(field: "k", value: "0", rule: "must be ≥ 1")) { try s.prefix(0) }
  }

  @Test func sameSeedSameDatasets() throws {
    let a = try DataFixtures.fixed(seed: 21, sigma: 0.2)
    let b = try DataFixtures.fixed(seed: 21, sigma: 0.2)
    #expect(a == b)
    #expect(BestVsWorstPairs.build(a) == BestVsWorstPairs.build(b))
    #expect(BestVsRandomPairs.build(a) == BestVsRandomPairs.build(b))
    #expect(CorrectIncorrectPairs.build(a) == CorrectIncorrectPairs.build(b))
    #expect(try ThresholdPartitions.build(a) == ThresholdPartitions.build(b))
    #expect(Rankings.full(a) == Rankings.full(b))
    #expect(StepLevelData.paired(a) == StepLevelData.paired(b))
    let c = try DataFixtures.fixed(seed: 22, sigma: 0.2)
    #expect(BestVsRandomPairs.build(a) != BestVsRandomPairs.build(c))
    let d = BestVsWorstPairs.build(try DataFixtures.fixed(seed: 21))
    #expect(d.summary.hasPrefix("best-vs-worst pairs: \(d.items.count) items from"))
    #expect(d.skippedCount(.allScoresEqual) == d.skipped.count && !d.skipped.isEmpty)
  }

  @Test func dataInputErrors() throws {
    #expect(throws: TaskError(field: "sigma", value: "-0.1", rule: "must be finite and ≥ 0")) {
      try RewardNoise(sigma: -0.1)
    }
    #expect(throws: TaskError(field: "sigma", value: "nan", rule: "must be finite and ≥ 0")) {
      try RewardNoise(sigma: .nan)
    }
    let p = try AdditionProblem(a: 1, b: 2)
    #expect(throws: TaskError(field: "responses.count", value: "0", rule: "must be ≥ 1")) {
      try PromptSamples(promptIndex: 0, problem: p, responses: [])
    }
    #expect(throws: TaskError(field: "promptIndex", value: "-1", rule: "must lie in 0...16777215"))
    {
      try PromptSamples(promptIndex: -1, problem: p, responses: [[]])
    }
    let one = try PromptSamples(promptIndex: 3, problem: p, responses: [[]])
    #expect(throws: TaskError(field: "samples[1].promptIndex", value: "3", rule: "must be unique"))
    {
      try ScoredSampleSet(samples: [one, one], seed: 0)
    }
    #expect(throws: TaskError(field: "responsesPerPrompt", value: "1", rule: "must be ≥ 2")) {
      try ScalarFeedback.build(try ScoredSampleSet(samples: [one], seed: 0), responsesPerPrompt: 1)
    }
  }

  @Test func batchOrderIsAPermutationPerEpochAndSharedBySeed() throws {
    let prompts = Array(0..<100)
    let o = try BatchOrder(promptIndices: prompts, batchSize: 32, epochs: 2, seed: 5)
    #expect(o.batches.map(\.count) == [32, 32, 32, 4, 32, 32, 32, 4])
    #expect(o.batches[0..<4].joined().sorted() == prompts)
    #expect(o.batches[4...].joined().sorted() == prompts)
    #expect(Array(o.batches[0..<4].joined()) != Array(o.batches[4...].joined()))
    #expect(try BatchOrder(promptIndices: prompts, batchSize: 32, epochs: 2, seed: 5) == o)
    #expect(try BatchOrder(promptIndices: prompts, batchSize: 32, epochs: 2, seed: 6) != o)
    #expect(throws: TaskError(field: "batchSize", value: "0", rule: "must be ≥ 1")) {
      try BatchOrder(promptIndices: prompts, batchSize: 0, seed: 1)
    }
    #expect(throws: TaskError(field: "promptIndices", value: "2 entries", rule: "must be distinct"))
    {
      try BatchOrder(promptIndices: [1, 1], seed: 1)
    }
    // A batch's items are those of its prompts, in batch order, for any dataset.
    let s = try DataFixtures.fixed(seed: 2)
    let d = BestVsWorstPairs.build(s)
    let order = try BatchOrder(promptIndices: s.prompts.map(\.promptIndex), batchSize: 8, seed: 3)
    #expect(order.stepCount == 5)
    for batch in order.batches {
      let items = d.items(forBatch: batch)
      let expected = batch.flatMap { i in d.items.filter { $0.promptIndex == i } }
      #expect(items == expected)
    }
  }

  @Test func withinPromptSpread() throws {
    let s = try DataFixtures.fixed(seed: 1)
    guard let sbar = ScoredSampleSet.medianWithinPromptStandardDeviation(s.prompts) else {
      Issue.record("no prompt with unequal rewards")
      return
    }
    // Rewards lie in [0, 1], so a population standard deviation lies in (0, ½].
    #expect(sbar > 0 && sbar <= 0.5)
  }

  @Test func roundsCutTheSharedOrder() throws {
    let o = try BatchOrder(promptIndices: Array(0..<4096), batchSize: 32, seed: 1)
    let r = try o.rounds(3)
    #expect(r.map(\.count) == [43, 43, 42])
    #expect(Array(r.joined()) == o.batches)
    #expect(throws: TaskError(field: "rounds", value: "0", rule: "must lie in 1...128")) {
      try o.rounds(0)
    }
  }

  @Test func promptLookup() throws {
    let s = try DataFixtures.fixed(seed: 3)
    let positions = s.promptPositions
    for (i, p) in s.prompts.enumerated() {
      #expect(positions[p.promptIndex] == i)
      #expect(s.prompt(p.promptIndex) == p)
    }
    #expect(s.prompt(-5) == nil)
  }
}
