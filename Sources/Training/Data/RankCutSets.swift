// MPO's rank-cut sets: top-1 vs rest (shared/design/TRAINING.md step 4, "top-1 vs rest
// (MPO 1-vs-k)"; 001_*.txt App. I, "MPO-1vsk") and top-t vs bottom-u (claims/mpo.md
// mpo.emp.mpo-vs-dpo (B): the paper's on-policy protocol, top 2 vs bottom 2 of 5, median
// discarded).
//
// Rule: 𝒴⁺ = the first t responses of the rank order, 𝒴⁻ = the last u; the middle
// n − t − u are left out. Ties across the cut are decided by the shared tie keys (so a
// response tied with the best can land in 𝒴⁻ of 1-vs-k: "the best response against all
// others", literally). All scores equal: skipped (allScoresEqual); a prompt with fewer
// than t + u responses: tooFewResponses.

/// Builds top-t vs bottom-u sets by rank.
public enum RankCutSets {
  /// The dataset of top-`top` vs bottom-`bottom` sets of `source`.
  /// - Throws: ``TaskError`` unless top ≥ 1 and bottom ≥ 1.
  public static func build(
    _ source: ScoredSampleSet, top: Int, bottom: Int
  ) throws(TaskError) -> FeedbackDataset<SetPartitionItem> {
    try TaskError.checkAtLeast(top, 1, "top")
    try TaskError.checkAtLeast(bottom, 1, "bottom")
    return FeedbackDataset(kind: "top-\(top) vs bottom-\(bottom) sets", source: source) { p in
      guard p.count >= top + bottom else { return .failure(SkipError(.tooFewResponses)) }
      guard !p.allScoresEqual else { return .failure(SkipError(.allScoresEqual)) }
      return .success([
        SetPartitionItem(
          promptIndex: p.promptIndex, positive: Array(p.rankOrder.prefix(top)),
          negative: Array(p.rankOrder.suffix(bottom)), threshold: nil)
      ])
    }
  }

  /// Top-1 vs the other n − 1 responses (MPO-1vsk); skipped as in ``build(_:top:bottom:)``.
  public static func topOneVersusRest(_ source: ScoredSampleSet)
    -> FeedbackDataset<SetPartitionItem>
  {
    FeedbackDataset(kind: "top-1 vs rest sets", source: source) { p in
      guard p.count >= 2 else { return .failure(SkipError(.tooFewResponses)) }
      guard !p.allScoresEqual else { return .failure(SkipError(.allScoresEqual)) }
      return .success([
        SetPartitionItem(
          promptIndex: p.promptIndex, positive: [p.rankOrder[0]],
          negative: Array(p.rankOrder.dropFirst()), threshold: nil)
      ])
    }
  }
}
