// All pairs with different scores, "DPO×C(N,2)" (001_*.txt App. I; claims/mpo.md §0.12
// "DPO data variants"): every unordered pair {i, j} of a prompt's responses with
// S̃_i ≠ S̃_j, oriented higher score first. Pairs of equal score carry no preference and are
// left out; a prompt with all scores equal gives none (allScoresEqual). Items are listed in
// rank order of the chosen response, then of the rejected one.

/// Builds every strictly ordered pair of each prompt.
public enum AllOrderedPairs {
  /// The dataset of all pairs with different scores of `source`.
  public static func build(_ source: ScoredSampleSet) -> FeedbackDataset<PairItem> {
    FeedbackDataset(kind: "all ordered pairs", source: source) { p in
      guard p.count >= 2 else { return .failure(SkipError(.tooFewResponses)) }
      guard !p.allScoresEqual else { return .failure(SkipError(.allScoresEqual)) }
      var out: [PairItem] = []
      let order = p.rankOrder
      for (a, i) in order.enumerated() {
        for j in order[(a + 1)...] where p.scores[i] > p.scores[j] {
          out.append(PairItem(p, chosen: i, rejected: j))
        }
      }
      return .success(out)
    }
  }
}
