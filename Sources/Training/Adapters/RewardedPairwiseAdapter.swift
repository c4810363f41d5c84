// Binds MaPPO (000_*.txt eq. (8)) and its plug-ins SimPO+, IPO+, CPO+ (eqs. (15), (17),
// (19)) — the objectives whose input is a ``RewardedPreferencePair`` — to a pair dataset.
// The prior rewards are the pair's scores (claims/mappo.md "Empirical rule": Δ_r = r_w − r_l
// from the verifier reward; with injected noise, the noisy S̃ the pair was formed by):
// r_w = ``PairItem/chosenScore``, r_l = ``PairItem/rejectedScore``. They are data, so their
// partials (the Objective's last two gradient entries) are dropped with the reference ones;
// ∂ℓ/∂log π_θ(y_w), ∂ℓ/∂log π_θ(y_l) flow to the two sequences. Batch loss: the mean.
import Objectives

/// A reward-calibrated pairwise objective on a pair dataset.
public struct RewardedPairwiseAdapter<O: Objective>: SemiGradientObjective
where O.Input == RewardedPreferencePair {
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

  /// The objective's input for `item` (r_w, r_l = the pair's scores).
  public func input(_ item: PairItem, _ scores: SequenceScores, chosen w: Int, rejected l: Int)
    -> RewardedPreferencePair
  {
    RewardedPreferencePair(
      logProbChosen: scores.policy[w], logProbRejected: scores.policy[l],
      refLogProbChosen: scores.reference[w], refLogProbRejected: scores.reference[l],
      rewardChosen: item.chosenScore, rewardRejected: item.rejectedScore,
      lengthChosen: scores.responseLengths[w], lengthRejected: scores.responseLengths[l])
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
      let x = input(item, scores, chosen: w, rejected: l)
      mean.addLoss(try objective.loss(x))
      let g = try objective.gradient(x)
      mean.addPartial(g[0], row: w)
      mean.addPartial(g[1], row: l)
    }
    return mean.gradients
  }
}
