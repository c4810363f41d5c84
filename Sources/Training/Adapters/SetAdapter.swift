// Binds a set-level objective (an ``Objective`` on a ``SetPair``: MPO, 001_*.txt eq. (4)–(5))
// to a dataset of ``SetPartitionItem``s — threshold sets (eq. (12)–(13)), top-1 vs rest
// (App. I, "MPO-1vsk") or top-t vs bottom-u rank cuts (§6). Each item is one SetPair of the
// prompt's 𝒴⁺ and 𝒴⁻ (eq. (5)'s expectation over prompts is the batch mean); the
// Objective's partials with respect to `positive.logProbs` and `negative.logProbs` flow to
// those sequences, the reference partials are dropped (π_ref is frozen).
//
// Reference-free (claims/mpo.md mpo.emp.reference-free: "MPO-RF uses eq. (4) with the logit
// (β/|y|) log π_θ(y|x), where |y| is the token count, and the mean partition"; 001_*.txt
// App. A.2, Fig. 9): the objective is called on log π_θ(y|x)/|y| in place of log π_θ and 0 in
// place of log π_ref, so its logit is (β/|y|) log π_θ(y|x); by the chain rule
// ∂ℓ/∂log π_θ(y|x) = (∂ℓ/∂input)/|y|. The plain form divides by 1 (exact), so both forms
// share one loop.
import Objectives

/// A set-level objective on a set-partition dataset.
public struct SetAdapter<O: Objective>: SemiGradientObjective where O.Input == SetPair {
  public let label: String
  public let objective: O
  public let data: FeedbackDataset<SetPartitionItem>
  /// MPO-RF's length-normalised, reference-free logit instead of β(log π_θ − log π_ref).
  public let referenceFree: Bool

  public init(
    label: String, objective: O, data: FeedbackDataset<SetPartitionItem>,
    referenceFree: Bool = false
  ) {
    self.label = label
    self.objective = objective
    self.data = data
    self.referenceFree = referenceFree
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
    /// The divisor of row j's log-probability: |y| reference-free, else 1.
    func scale(_ j: Int) throws -> Double {
      guard referenceFree else { return 1 }
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
        logProbs: try js.map { scores.policy[$0] / (try scale($0)) },
        refLogProbs: referenceFree
          ? [Double](repeating: 0, count: js.count) : js.map { scores.reference[$0] })
    }
    for item in items {
      let pos = item.positive.map { rows.row(item.promptIndex, $0, label) }
      let neg = item.negative.map { rows.row(item.promptIndex, $0, label) }
      let x = SetPair(positive: try set(pos), negative: try set(neg))
      mean.addLoss(try objective.loss(x))
      // Layout: positive.logProbs, positive.refLogProbs, negative.logProbs, negative.refLogProbs.
      let g = try objective.gradient(x)
      for (i, j) in pos.enumerated() { mean.addPartial(g[i] / (try scale(j)), row: j) }
      let offset = 2 * pos.count
      for (i, j) in neg.enumerated() { mean.addPartial(g[offset + i] / (try scale(j)), row: j) }
    }
    return mean.gradients
  }
}
