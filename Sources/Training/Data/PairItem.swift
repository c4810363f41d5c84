// A preference pair y_w ≻ y_l of one prompt, by response index: the item of every pairwise
// dataset (DPO, IPO, CPO, SimPO, AlphaPO, MaPPO — 000_*.txt eq. (3)–(19); PRO-P, App. D;
// PIPA's paired data; MPO's DPO variants). MaPPO's Δ_r = r_w − r_l is
// `chosenScore − rejectedScore`.

/// y_w = responses[chosen] ≻ y_l = responses[rejected] for prompt `promptIndex`.
public struct PairItem: FeedbackItem {
  public let promptIndex: Int
  /// Index of y_w in the prompt's responses.
  public let chosen: Int
  /// Index of y_l in the prompt's responses.
  public let rejected: Int
  /// S̃(y_w), the score the pair was formed by.
  public let chosenScore: Double
  /// S̃(y_l).
  public let rejectedScore: Double

  public init(
    promptIndex: Int, chosen: Int, rejected: Int, chosenScore: Double, rejectedScore: Double
  ) {
    self.promptIndex = promptIndex
    self.chosen = chosen
    self.rejected = rejected
    self.chosenScore = chosenScore
    self.rejectedScore = rejectedScore
  }

  init(_ p: ScoredPrompt, chosen: Int, rejected: Int) {
    self.init(
      promptIndex: p.promptIndex, chosen: chosen, rejected: rejected,
      chosenScore: p.scores[chosen], rejectedScore: p.scores[rejected])
  }
}
