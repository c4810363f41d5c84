// Full rankings and k-bin partitions (shared/design/TRAINING.md step 4, "full rankings and
// k-bin partitions (Plackett–Luce)"; 001_*.txt §3.2; claims/mpo.md §0.12 "b-bin sequential
// set choice": "Sort the k responses by (noisy) score and split them into b | k contiguous
// bins B_1 (best), …, B_b (worst)").
//
// Rule: the order is the shared rank order (descending S̃, ties by the shared tie keys, so
// the ranking among equal scores is the seed's permutation). Bins: b contiguous runs of
// n/b responses of that order; b = n is the full ranking (Plackett–Luce), b = 2 the top
// half vs the bottom half. A tie across a bin boundary is split by the tie keys. All scores
// equal: skipped (allScoresEqual) — the ranking would be the tie permutation alone.

/// Builds rankings and ordered bins.
public enum Rankings {
  /// Full rankings (n singleton bins) of `source`.
  public static func full(_ source: ScoredSampleSet) -> FeedbackDataset<RankingItem> {
    FeedbackDataset(kind: "full rankings", source: source) { p in
      guard p.count >= 2 else { return .failure(SkipError(.tooFewResponses)) }
      guard !p.allScoresEqual else { return .failure(SkipError(.allScoresEqual)) }
      return .success([item(p, bins: p.count)])
    }
  }

  /// Rankings cut into `bins` equal contiguous bins.
  /// - Throws: ``TaskError`` unless bins ≥ 2 and bins divides every prompt's n.
  public static func binned(
    _ source: ScoredSampleSet, bins: Int
  ) throws(TaskError) -> FeedbackDataset<RankingItem> {
    try TaskError.checkAtLeast(bins, 2, "bins")
    for p in source.prompts where p.count % bins != 0 {
      throw TaskError(
        field: "bins", value: "\(bins)",
        rule: "must divide the response count \(p.count) of prompt \(p.promptIndex)")
    }
    return FeedbackDataset(kind: "rankings in \(bins) bins", source: source) { p in
      guard !p.allScoresEqual else { return .failure(SkipError(.allScoresEqual)) }
      return .success([item(p, bins: bins)])
    }
  }

  static func item(_ p: ScoredPrompt, bins: Int) -> RankingItem {
    let size = p.count / bins
    let cut = (0..<bins).map { Array(p.rankOrder[($0 * size)..<(($0 + 1) * size)]) }
    return RankingItem(
      promptIndex: p.promptIndex, order: p.rankOrder, scores: p.rankOrder.map { p.scores[$0] },
      bins: cut)
  }
}
