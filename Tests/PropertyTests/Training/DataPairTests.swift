// The pairwise dataset builders (Sources/Training/Data: BestVsWorstPairs, BestVsRandomPairs,
// AllOrderedPairs, CorrectIncorrectPairs, CrossPairs): the rules stated in their headers,
// as properties over random sampled data with many ties.
import Numerics
import TestSupport
import Testing
import Training

@Suite struct DataPairTests {
  /// Checks the skip rule shared by the score-based builders: a prompt is skipped iff it
  /// has < 2 responses (tooFewResponses) or all scores equal (allScoresEqual).
  static func skipRule<I>(_ d: FeedbackDataset<I>, _ s: ScoredSampleSet) -> String? {
    for p in s.prompts {
      let expected: SkipReason? =
        p.count < 2 ? .tooFewResponses : (p.allScoresEqual ? .allScoresEqual : nil)
      let got = d.skipped.first { $0.promptIndex == p.promptIndex }?.reason
      if got != expected {
        let (g, e) = (String(describing: got), String(describing: expected))
        return "prompt \(p.promptIndex): skipped \(g), expected \(e)"
      }
      if (expected == nil) == d.items(forPrompt: p.promptIndex).isEmpty {
        return "prompt \(p.promptIndex): items present \(expected == nil) inconsistent"
      }
    }
    return nil
  }

  @Test func bestVsWorst() {
    PropertyRunner.check("data.pairs.best-vs-worst", count: 150, generator: DataFixtures.cases) {
      c in
      guard let s = try? c.scored() else { return "scoring threw" }
      let d = BestVsWorstPairs.build(s)
      if let m = Self.skipRule(d, s) { return m }
      for p in s.prompts {
        let items = d.items(forPrompt: p.promptIndex)
        guard let pair = items.first else { continue }
        if items.count != 1 { return "\(items.count) pairs" }
        guard let hi = p.scores.max(), let lo = p.scores.min() else { return "no scores" }
        if pair.chosenScore != hi || pair.rejectedScore != lo {
          return "not best vs worst: \(pair)"
        }
        if !(pair.chosenScore > pair.rejectedScore) { return "chosen not above rejected" }
        if p.scores[pair.chosen] != pair.chosenScore { return "score mismatch" }
        // Ties at the top go to the smallest tie key.
        let top = p.scores.indices.filter { p.scores[$0] == hi }
        if let k = top.min(by: { p.tieKeys[$0] < p.tieKeys[$1] }), k != pair.chosen {
          return "tie at the top not broken by the tie key"
        }
      }
      return nil
    }
  }

  @Test func bestVsRandom() {
    PropertyRunner.check("data.pairs.best-vs-random", count: 150, generator: DataFixtures.cases) {
      c in
      guard let s = try? c.scored() else { return "scoring threw" }
      let d = BestVsRandomPairs.build(s)
      if let m = Self.skipRule(d, s) { return m }
      for pair in d.items {
        guard let p = s.prompts.first(where: { $0.promptIndex == pair.promptIndex }) else {
          return "unknown prompt"
        }
        if pair.chosen != p.rankOrder[0] { return "chosen is not the top-ranked response" }
        if !(pair.chosenScore > pair.rejectedScore) { return "partner not strictly below" }
      }
      if d != BestVsRandomPairs.build(s) { return "not deterministic" }
      return nil
    }
  }

  @Test func bestVsRandomPartnerIsUniformOverLowerResponses() throws {
    // One prompt, 8 responses: the reference solution (reward 1) and 7 copies of an empty
    // response (reward 0); over 4,000 seeds each of the 7 is the partner with probability
    // 1/7: count ~ Binomial(4000, 1/7), sd ≈ 22.1, 5 sd ≈ 111.
    let p = try AdditionProblem(a: 12, b: 34)
    let samples = try PromptSamples(
      promptIndex: 0, problem: p,
      responses: [Solution(p).responseTokens] + Array(repeating: [], count: 7))
    var counts = [Int](repeating: 0, count: 8)
    for seed in 0..<4000 {
      let s = try ScoredSampleSet(samples: [samples], seed: UInt64(seed))
      let d = BestVsRandomPairs.build(s)
      if let pair = d.items.first { counts[pair.rejected] += 1 }
    }
    #expect(counts[0] == 0)
    for c in counts[1...] { #expect(abs(Double(c) - 4000.0 / 7) <= 111, "\(counts)") }
  }

  @Test func allOrderedPairs() {
    PropertyRunner.check("data.pairs.all-ordered", count: 150, generator: DataFixtures.cases) {
      c in
      guard let s = try? c.scored() else { return "scoring threw" }
      let d = AllOrderedPairs.build(s)
      if let m = Self.skipRule(d, s) { return m }
      for p in s.prompts where !p.allScoresEqual && p.count >= 2 {
        var expected = 0
        for i in 0..<p.count {
          for j in 0..<p.count where p.scores[i] > p.scores[j] { expected += 1 }
        }
        let items = d.items(forPrompt: p.promptIndex)
        if items.count != expected { return "\(items.count) pairs, expected \(expected)" }
        if Set(items.map { [$0.chosen, $0.rejected] }).count != items.count {
          return "repeated pair"
        }
        if items.contains(where: { !($0.chosenScore > $0.rejectedScore) }) {
          return "unordered pair"
        }
      }
      return nil
    }
  }

  @Test func correctIncorrectPairs() {
    PropertyRunner.check("data.pairs.pipa", count: 150, generator: DataFixtures.cases) { c in
      guard let s = try? c.scored() else { return "scoring threw" }
      let d = CorrectIncorrectPairs.build(s)
      for p in s.prompts {
        let nc = p.responses.filter(\.verdict.correct).count
        let ni = p.count - nc
        let items = d.items(forPrompt: p.promptIndex)
        if items.count != min(nc, ni) {
          return "\(items.count) pairs for \(nc) correct, \(ni) incorrect"
        }
        let skipped = d.skipped.contains {
          $0.promptIndex == p.promptIndex && $0.reason == .noCorrectIncorrectPair
        }
        if skipped != (min(nc, ni) == 0) { return "skip rule" }
        for pair in items {
          if !p.responses[pair.chosen].verdict.correct || p.responses[pair.rejected].verdict.correct
          {
            return "pair is not correct vs incorrect"
          }
        }
        let used = items.flatMap { [$0.chosen, $0.rejected] }
        if Set(used).count != used.count { return "a response used twice" }
      }
      return nil
    }
  }

  @Test func crossPairsAreTheProductOfTheMeanSets() throws {
    PropertyRunner.check("data.pairs.cross", count: 100, generator: DataFixtures.cases) { c in
      guard let s = try? c.scored(), let sets = try? ThresholdPartitions.build(s) else {
        return "threw"
      }
      let d = CrossPairs.build(s, sets: sets)
      if d.skipped != sets.skipped { return "skips differ from the sets'" }
      for set in sets.items {
        let items = d.items(forPrompt: set.promptIndex)
        if items.count != set.positive.count * set.negative.count { return "count" }
        if items.contains(where: { !($0.chosenScore > $0.rejectedScore) }) {
          return "cross pair not ordered"
        }
      }
      return nil
    }
  }
}
