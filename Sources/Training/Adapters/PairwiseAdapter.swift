// Binds a pairwise objective of Sources/Objectives (an ``Objective`` whose input is a
// ``PreferencePair``: DPO, IPO, CPO, SimPO, AlphaPO, PRO-P — 000_*.txt eqs. (3)–(19),
// 003_*.txt eq. (10), 002_*.txt App. D) to a dataset of ``PairItem``s: each item becomes one
// PreferencePair from the policy and reference scores, the batch loss is the mean over the
// items, and the gradient with respect to log π_θ(y_w), log π_θ(y_l) flows to the two
// sequences. (The reference log-probabilities are constants; their partials are dropped.)
import Objectives

/// A pairwise objective on a pair dataset.
public struct PairwiseAdapter<O: Objective>: SemiGradientObjective
where O.Input == PreferencePair {
  public let label: String
  public let objective: O
  public let data: FeedbackDataset<PairItem>

  public init(label: String, objective: O, data: FeedbackDataset<PairItem>) {
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
      let w = rows.row(item.promptIndex, item.chosen, label)
      let l = rows.row(item.promptIndex, item.rejected, label)
      let pair = PreferencePair(
        logProbChosen: scores.policy[w], logProbRejected: scores.policy[l],
        refLogProbChosen: scores.reference[w], refLogProbRejected: scores.reference[l],
        lengthChosen: scores.responseLengths[w], lengthRejected: scores.responseLengths[l])
      mean.addLoss(try objective.loss(pair))
      let g = try objective.gradient(pair)
      mean.addPartial(g[0], row: w)
      mean.addPartial(g[1], row: l)
    }
    return mean.gradients
  }
}
