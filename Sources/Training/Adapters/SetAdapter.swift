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
    var list = SequenceKeyList()
    for item in data.items(forBatch: prompts) {
      for r in item.positive + item.negative { list.add(item.promptIndex, r) }
    }
    return list.keys
  }

  /// Nothing is stopped: `frozen` is ignored.
  public func evaluate(
    _ scores: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores
  ) throws -> AlignmentGradients {
    let items = data.items(forBatch: prompts)
    var grad = [Double](repeating: 0, count: scores.keys.count)
    guard !items.isEmpty else { return AlignmentGradients(loss: 0, itemCount: 0, sequence: grad) }
    let rows = ScoreRows(scores)
    let scale = 1 / Double(items.count)
    var total = 0.0
    for item in items {
      let pos = item.positive.map { rows.row(item.promptIndex, $0, label) }
      let neg = item.negative.map { rows.row(item.promptIndex, $0, label) }
      let x = SetPair(
        positive: ResponseSet(
          logProbs: pos.map { scores.policy[$0] }, refLogProbs: pos.map { scores.reference[$0] }),
        negative: ResponseSet(
          logProbs: neg.map { scores.policy[$0] }, refLogProbs: neg.map { scores.reference[$0] }))
      total += try objective.loss(x)
      // Layout: positive.logProbs, positive.refLogProbs, negative.logProbs, negative.refLogProbs.
      let g = try objective.gradient(x)
      for (i, j) in pos.enumerated() { grad[j] += scale * g[i] }
      let offset = 2 * pos.count
      for (i, j) in neg.enumerated() { grad[j] += scale * g[offset + i] }
    }
    return AlignmentGradients(loss: total * scale, itemCount: items.count, sequence: grad)
  }
}
