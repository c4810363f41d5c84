// The set and ranking builders (Sources/Training/Data: ThresholdPartitions, RankCutSets,
// Rankings): partitions cover the responses, sides respect the scores, ties follow the
// shared tie keys, and the mean partition agrees with Objectives' MeanPartition.
import Numerics
import Objectives
import TestSupport
import Testing
import Training

@Suite struct DataSetAndRankingTests {
  static func prompt(_ s: ScoredSampleSet, _ i: Int) -> ScoredPrompt? {
    s.prompts.first { $0.promptIndex == i }
  }

  @Test(arguments: [
    PartitionStatistic.mean, .median, .trimmedMean(fraction: 0.1), .trimmedMean(fraction: 0.25),
  ])
  func thresholdPartitionsCoverAndSeparate(_ statistic: PartitionStatistic) {
    PropertyRunner.check(
      "data.sets.threshold.\(statistic.name)", count: 120, generator: DataFixtures.cases
    ) { c in
      guard let s = try? c.scored(), let d = try? ThresholdPartitions.build(s, statistic: statistic)
      else {
        return "threw"
      }
      for p in s.prompts {
        let got = d.skipped.first { $0.promptIndex == p.promptIndex }?.reason
        let expected: SkipReason? =
          p.count < 2 ? .tooFewResponses : (p.allScoresEqual ? .allScoresEqual : nil)
        if let expected, got != expected {
          return "prompt \(p.promptIndex) skipped as \(String(describing: got))"
        }
        if expected == nil, got != nil, got != .emptyPositiveSet {
          return "unexpected skip \(String(describing: got))"
        }
      }
      for set in d.items {
        guard let p = Self.prompt(s, set.promptIndex), let t = set.threshold else {
          return "prompt"
        }
        let all = (set.positive + set.negative).sorted()
        if all != Array(0..<p.count) { return "sets do not partition the responses: \(set)" }
        if set.positive.isEmpty || set.negative.isEmpty { return "empty side" }
        if set.positive.contains(where: { !(p.scores[$0] > t) }) { return "positive ≤ t" }
        if set.negative.contains(where: { p.scores[$0] > t }) { return "negative > t" }
        if statistic == .mean {
          let reference = MeanPartition(scores: p.scores)
          if reference.mean != t { return "mean \(t) ≠ MeanPartition \(reference.mean)" }
          let positives = p.scores.indices.filter { reference.positive[$0] }
          if positives.sorted() != set.positive.sorted() { return "differs from MeanPartition" }
        }
      }
      for skip in d.skipped where skip.reason == .emptyPositiveSet {
        guard let p = Self.prompt(s, skip.promptIndex) else { return "prompt" }
        let t = statistic.threshold(p.scores)
        if p.scores.contains(where: { $0 > t }) { return "skipped a prompt with a positive" }
      }
      if statistic == .mean && d.skippedCount(.emptyPositiveSet) != 0 {
        return "the mean partition left 𝒴⁺ empty on a non-constant prompt"
      }
      return nil
    }
  }

  @Test func thresholdStatistics() throws {
    let x = [0.5, 0.0, 1.0, 1.0, 0.25, 1.0, 0.0, 0.75, 0.5, 1.0]
    #expect(PartitionStatistic.mean.threshold(x) == 0.6)
    #expect(PartitionStatistic.median.threshold(x) == 0.625)  // (0.5 + 0.75)/2
    // Drop ⌊0.1·10⌋ = 1 from each end: mean of 0.0,0.25,0.5,0.5,0.75,1,1,1 = 5/8.
    #expect(PartitionStatistic.trimmedMean(fraction: 0.1).threshold(x) == 0.625)
    #expect(
      throws: TaskError(field: "trimmedMean.fraction", value: "0.5", rule: "must lie in [0, 0.5)")
    ) {
      try PartitionStatistic.trimmedMean(fraction: 0.5).validate()
    }
  }

  @Test func rankCutSets() {
    PropertyRunner.check("data.sets.rank-cut", count: 120, generator: DataFixtures.cases) { c in
      guard let s = try? c.scored(), let tb = try? RankCutSets.build(s, top: 2, bottom: 2) else {
        return "threw"
      }
      let one = RankCutSets.topOneVersusRest(s)
      if let m = DataPairTests.skipRule(one, s) { return m }
      for set in one.items {
        guard let p = Self.prompt(s, set.promptIndex) else { return "prompt" }
        if set.positive != [p.rankOrder[0]] || set.negative != Array(p.rankOrder.dropFirst()) {
          return "1-vs-k is not top-1 vs the rest"
        }
        if set.negative.contains(where: { p.scores[$0] > p.scores[set.positive[0]] }) {
          return "a rejected response outscores the chosen one"
        }
      }
      for p in s.prompts {
        let items = tb.items(forPrompt: p.promptIndex)
        if p.count < 4 || p.allScoresEqual {
          if !items.isEmpty { return "top-2/bottom-2 on a prompt that must be skipped" }
          continue
        }
        guard let set = items.first else { return "missing top-2/bottom-2 item" }
        if set.positive != Array(p.rankOrder.prefix(2))
          || set.negative != Array(p.rankOrder.suffix(2))
        {
          return "top-2/bottom-2 wrong"
        }
      }
      return nil
    }
  }

  @Test func rankingsAndBins() {
    PropertyRunner.check("data.rankings", count: 150, generator: DataFixtures.cases) { c in
      guard let s = try? c.scored() else { return "threw" }
      let full = Rankings.full(s)
      if let m = DataPairTests.skipRule(full, s) { return m }
      for r in full.items {
        guard let p = Self.prompt(s, r.promptIndex) else { return "prompt" }
        if r.order.sorted() != Array(0..<p.count) { return "order is not a permutation" }
        if r.bins != r.order.map({ [$0] }) { return "full ranking bins are not singletons" }
        for k in 1..<r.order.count {
          let (i, j) = (r.order[k - 1], r.order[k])
          if p.scores[i] < p.scores[j] { return "scores increase along the ranking" }
          if p.scores[i] == p.scores[j] && !(p.tieKeys[i] < p.tieKeys[j]) {
            return "equal scores not ordered by tie key"
          }
        }
      }
      // Two bins whenever every prompt has an even count.
      guard s.prompts.allSatisfy({ $0.count % 2 == 0 }) else { return nil }
      guard let two = try? Rankings.binned(s, bins: 2) else { return "binned threw" }
      for r in two.items {
        guard let p = Self.prompt(s, r.promptIndex) else { return "prompt" }
        if r.bins.count != 2 || r.bins.joined().map({ $0 }) != r.order {
          return "bins do not cover the order"
        }
        if r.bins[0].count != r.bins[1].count { return "unequal bins" }
        let worstTop = r.bins[0].map { p.scores[$0] }.min() ?? 0
        let bestBottom = r.bins[1].map { p.scores[$0] }.max() ?? 0
        if worstTop < bestBottom { return "bin 1 below bin 2" }
      }
      return nil
    }
  }

  @Test func binsMustDivideEveryCount() throws {
    let s = try DataFixtures.fixed(seed: 1)
    #expect(
      throws: TaskError(
        field: "bins", value: "3", rule: "must divide the response count 8 of prompt 0")
    ) {
      try Rankings.binned(s, bins: 3)
    }
    #expect(throws: TaskError(field: "bins", value: "1", rule: "must be ≥ 2")) {
      try Rankings.binned(s, bins: 1)
    }
    #expect(throws: TaskError(field: "top", value: "0", rule: "must be ≥ 1")) {
      try RankCutSets.build(s, top: 0, bottom: 1)
    }
    let four = try Rankings.binned(s, bins: 4)
    #expect(four.items.allSatisfy { $0.bins.count == 4 && $0.bins.allSatisfy { $0.count == 2 } })
  }
}
