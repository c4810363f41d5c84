// Binds a set-level objective (an ``Objective`` on a ``SetPair``: MPO, 001_*.txt eq. (4)–(5))
// to a dataset of ``SetPartitionItem``s — threshold sets (eq. (12)–(13)), top-1 vs rest
// (App. I, "MPO-1vsk") or top-t vs bottom-u rank cuts (§6). Each item is one SetPair of the
// prompt's 𝒴⁺ and 𝒴⁻ (eq. (5)'s expectation over prompts is the batch mean); the
// Objective's partials with respect to `positive.logProbs` and `negative.logProbs` flow to
// those sequences, the reference partials are dropped (π_ref is frozen).
import Objectives

/// A set-level objective on a set-partition dataset.
public struct SetAdapter<O: Objective>: SemiGradientObjective where O.Input == SetPair {
  public let label: String
  public let objective: O
  public let data: FeedbackDataset<SetPartitionItem>

  public init(label: String, objective: O, data: FeedbackDataset<SetPartitionItem>) {
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
      let pos = item.positive.map { rows.row(item.promptIndex, $0, label) }
      let neg = item.negative.map { rows.row(item.promptIndex, $0, label) }
      let x = SetPair(
        positive: ResponseSet(
          logProbs: pos.map { scores.policy[$0] }, refLogProbs: pos.map { scores.reference[$0] }),
        negative: ResponseSet(
          logProbs: neg.map { scores.policy[$0] }, refLogProbs: neg.map { scores.reference[$0] }))
      mean.addLoss(try objective.loss(x))
      // Layout: positive.logProbs, positive.refLogProbs, negative.logProbs, negative.refLogProbs.
      let g = try objective.gradient(x)
      for (i, j) in pos.enumerated() { mean.addPartial(g[i], row: j) }
      let offset = 2 * pos.count
      for (i, j) in neg.enumerated() { mean.addPartial(g[offset + i], row: j) }
    }
    return mean.gradients
  }
}
