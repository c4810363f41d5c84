// Binds a ranking objective — Plackett–Luce on full rankings (001_*.txt §3.2, input
// ``Ranking``) or its binned form on ordered bins (claims/mpo.md §0.12, input
// ``BinPartition``) — to a dataset of ``RankingItem``s. Each item becomes one input from
// its bins (best first; a full ranking has n singleton bins); the Objective's partials with
// respect to the policy log-probabilities flow to the responses, the reference partials are
// dropped (π_ref is frozen). Batch loss: the mean over items.
import Objectives

/// An objective input built from ordered bins of responses (``Ranking``, ``BinPartition``).
public protocol RankedBinsInput: ObjectiveInput {
  /// The input for bins of policy and reference log-probabilities, best bin first.
  static func make(logProbs: [[Double]], refLogProbs: [[Double]]) -> Self
  /// ∂ℓ/∂log π_θ of each response, bin by bin, picked from the Objective's gradient.
  static func policyPartials(_ gradient: [Double], binSizes: [Int]) -> [[Double]]
}

extension Ranking: RankedBinsInput {
  /// The bins in order, flattened: for a full ranking (singleton bins) the rank order.
  public static func make(logProbs: [[Double]], refLogProbs: [[Double]]) -> Ranking {
    Ranking(logProbs: logProbs.flatMap { $0 }, refLogProbs: refLogProbs.flatMap { $0 })
  }

  /// Layout logProbs[0..<K] then refLogProbs: the first K entries, re-cut into the bins.
  public static func policyPartials(_ gradient: [Double], binSizes: [Int]) -> [[Double]] {
    var start = 0
    return binSizes.map { n in
      defer { start += n }
      return Array(gradient[start..<(start + n)])
    }
  }
}

extension BinPartition: RankedBinsInput {
  public static func make(logProbs: [[Double]], refLogProbs: [[Double]]) -> BinPartition {
    BinPartition(
      bins: zip(logProbs, refLogProbs).map { ResponseSet(logProbs: $0, refLogProbs: $1) })
  }

  /// Layout bin by bin, each bin's logProbs then refLogProbs: the first half of each block.
  public static func policyPartials(_ gradient: [Double], binSizes: [Int]) -> [[Double]] {
    var start = 0
    return binSizes.map { n in
      defer { start += 2 * n }
      return Array(gradient[start..<(start + n)])
    }
  }
}

/// A ranking objective on a ranking dataset.
public struct RankingAdapter<O: Objective>: SemiGradientObjective
where O.Input: RankedBinsInput {
  public let label: String
  public let objective: O
  public let data: FeedbackDataset<RankingItem>

  public init(label: String, objective: O, data: FeedbackDataset<RankingItem>) {
    self.label = label
    self.objective = objective
    self.data = data
  }

  public func sequences(forBatch prompts: [Int]) -> [SequenceKey] {
    data.sequenceKeys(forBatch: prompts)
  }

  /// Nothing is stopped: `frozen` is ignored.
  public func evaluate(
    _ scores: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores
  ) throws -> AlignmentGradients {
    let items = data.items(forBatch: prompts)
    var mean = BatchMean(itemCount: items.count, sequenceCount: scores.keys.count)
    let rows = ScoreRows(scores)
    for item in items {
      let bins = item.bins.map { bin in bin.map { rows.row(item.promptIndex, $0, label) } }
      let x = O.Input.make(
        logProbs: bins.map { $0.map { scores.policy[$0] } },
        refLogProbs: bins.map { $0.map { scores.reference[$0] } })
      mean.addLoss(try objective.loss(x))
      let partials = O.Input.policyPartials(
        try objective.gradient(x), binSizes: bins.map(\.count))
      for (bin, g) in zip(bins, partials) {
        for (j, gj) in zip(bin, g) { mean.addPartial(gj, row: j) }
      }
    }
    return mean.gradients
  }
}
