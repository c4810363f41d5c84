// Pairs best-vs-worst of n (shared/design/TRAINING.md step 4, "the MaPPO/DPO protocol";
// MaPPO 000_*.txt §5.1 / claims/mappo.md Empirical rule: best-of-8 as y_w, worst-of-8 as y_l;
// claims/alphapo.md §2.8; claims/mpo.md §0.12 "DPO data variants").
//
// Rule: y_w = the first response of the rank order (highest S̃), y_l = the last (lowest
// S̃); ties inside the top or bottom score go by the shared tie keys (ScoredPrompt). A
// prompt whose n scores are all equal gives no pair (reason allScoresEqual), so every pair
// has S̃(y_w) > S̃(y_l) strictly; fewer than 2 responses: tooFewResponses.

/// Builds one best-vs-worst pair per prompt.
public enum BestVsWorstPairs {
  /// The dataset of best-vs-worst pairs of `source`.
  public static func build(_ source: ScoredSampleSet) -> FeedbackDataset<PairItem> {
    FeedbackDataset(kind: "best-vs-worst pairs", source: source) { p in
      guard p.count >= 2 else { return .failure(SkipError(.tooFewResponses)) }
      guard !p.allScoresEqual,
        let best = p.rankOrder.first, let worst = p.rankOrder.last
      else { return .failure(SkipError(.allScoresEqual)) }
      return .success([PairItem(p, chosen: best, rejected: worst)])
    }
  }
}
