// Binds a pairwise objective of Sources/Objectives (an ``Objective`` whose input is a
// ``PreferencePair``: DPO, IPO, CPO, SimPO, AlphaPO, … — 000_*.txt eqs. (3)–(19),
// 003_*.txt eq. (10)) to a dataset of ``PairItem``s: each item becomes one PreferencePair
// from the policy and reference scores, the batch loss is the mean over the items, and
// the gradient with respect to log π_θ(y_w), log π_θ(y_l) flows to the two sequences.
// (The reference log-probabilities are constants; their partials are dropped.)
import Objectives

/// A pairwise objective on a pair dataset.
public struct PairwiseAdapter<O: Objective>: AlignmentObjective
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
    var seen = Set<SequenceKey>()
    var keys: [SequenceKey] = []
    for item in data.items(forBatch: prompts) {
      for r in [item.chosen, item.rejected] {
        let k = SequenceKey(promptIndex: item.promptIndex, response: r)
        if seen.insert(k).inserted { keys.append(k) }
      }
    }
    return keys
  }

  public func evaluate(_ scores: SequenceScores, prompts: [Int]) throws -> AlignmentGradients {
    let items = data.items(forBatch: prompts)
    var grad = [Double](repeating: 0, count: scores.keys.count)
    guard !items.isEmpty else { return AlignmentGradients(loss: 0, itemCount: 0, sequence: grad) }
    var position: [SequenceKey: Int] = [:]
    for (j, k) in scores.keys.enumerated() { position[k] = j }
    let scale = 1 / Double(items.count)
    var total = 0.0
    for item in items {
      guard
        let w = position[SequenceKey(promptIndex: item.promptIndex, response: item.chosen)],
        let l = position[SequenceKey(promptIndex: item.promptIndex, response: item.rejected)]
      else { preconditionFailure("PairwiseAdapter: scores lack a sequence it asked for") }
      let pair = PreferencePair(
        logProbChosen: scores.policy[w], logProbRejected: scores.policy[l],
        refLogProbChosen: scores.reference[w], refLogProbRejected: scores.reference[l],
        lengthChosen: scores.responseLengths[w], lengthRejected: scores.responseLengths[l])
      total += try objective.loss(pair)
      let g = try objective.gradient(pair)
      grad[w] += scale * g[0]
      grad[l] += scale * g[1]
    }
    return AlignmentGradients(loss: total * scale, itemCount: items.count, sequence: grad)
  }
}
