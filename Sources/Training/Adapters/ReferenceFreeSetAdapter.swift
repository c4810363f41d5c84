// MPO on SimPO's reference-free, length-normalised reward (claims/mpo.md
// mpo.emp.reference-free: "MPO-RF uses eq. (4) with the logit (β/|y|) log π_θ(y|x), where
// |y| is the token count, and the mean partition"; 001_*.txt App. A.2, Fig. 9). The set
// objective (MPO, whose logit is β(log π_θ − log π_ref)) is called on inputs with
// log π_θ(y|x)/|y| in place of log π_θ and 0 in place of log π_ref, so its logit is
// (β/|y|) log π_θ(y|x); by the chain rule ∂ℓ/∂log π_θ(y|x) = (∂ℓ/∂input)/|y|.
import Objectives

/// A set-level objective on length-normalised, reference-free log-probabilities.
public struct ReferenceFreeSetAdapter<O: Objective>: SemiGradientObjective
where O.Input == SetPair {
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
    func length(_ j: Int) throws -> Double {
      let n = scores.responseLengths[j]
      guard n > 0 else {
        let k = scores.keys[j]
        throw AdapterError(
          field: "scores[prompt \(k.promptIndex), response \(k.response)].responseLengths",
          value: "\(n)", rule: "be ≥ 1 (the reward divides by |y|)")
      }
      return Double(n)
    }
    func set(_ js: [Int]) throws -> ResponseSet {
      ResponseSet(
        logProbs: try js.map { scores.policy[$0] / (try length($0)) },
        refLogProbs: [Double](repeating: 0, count: js.count))
    }
    for item in items {
      let pos = item.positive.map { rows.row(item.promptIndex, $0, label) }
      let neg = item.negative.map { rows.row(item.promptIndex, $0, label) }
      let x = SetPair(positive: try set(pos), negative: try set(neg))
      mean.addLoss(try objective.loss(x))
      // Layout: positive.logProbs, positive.refLogProbs, negative.logProbs, negative.refLogProbs.
      let g = try objective.gradient(x)
      for (i, j) in pos.enumerated() { mean.addPartial(g[i] / (try length(j)), row: j) }
      let offset = 2 * pos.count
      for (i, j) in neg.enumerated() { mean.addPartial(g[offset + i] / (try length(j)), row: j) }
    }
    return mean.gradients
  }
}
