// MPO's sets above / below a threshold of the scores (shared/design/TRAINING.md step 4,
// "sets above/below the mean score (MPO)"; 001_*.txt eq. (12)–(13): 𝒴⁺ = {S > S_mean},
// 𝒴⁻ = {S ≤ S_mean}; claims/mpo.md EP-3 and mpo.emp.partition-statistic for the median and
// trimmed mean).
//
// Rule: t = the statistic of the prompt's S̃; 𝒴⁺ = {S̃ > t}, 𝒴⁻ = {S̃ ≤ t}, each listed in
// rank order. Ties are never split: equal scores land on the same side. 𝒴⁻ is never empty
// (min S̃ ≤ t for each statistic). All scores equal: skipped (allScoresEqual, as Algorithm 2
// skips 𝒴⁺ = ∅); otherwise an empty 𝒴⁺ (possible for the median when more than half tie
// at the top) is skipped as emptyPositiveSet. For the mean, t and the sides agree exactly
// with Objectives' `MeanPartition` (same left-to-right sum).

/// Builds the threshold partition of each prompt.
public enum ThresholdPartitions {
  /// The dataset of threshold partitions of `source` under `statistic`.
  /// - Throws: ``TaskError`` for a bad trimming fraction.
  public static func build(
    _ source: ScoredSampleSet, statistic: PartitionStatistic = .mean
  ) throws(TaskError) -> FeedbackDataset<SetPartitionItem> {
    try statistic.validate()
    return FeedbackDataset(kind: "sets above/below the \(statistic.name)", source: source) { p in
      guard p.count >= 2 else { return .failure(SkipError(.tooFewResponses)) }
      guard !p.allScoresEqual else { return .failure(SkipError(.allScoresEqual)) }
      let t = statistic.threshold(p.scores)
      let positive = p.rankOrder.filter { p.scores[$0] > t }
      let negative = p.rankOrder.filter { !(p.scores[$0] > t) }
      guard !positive.isEmpty else { return .failure(SkipError(.emptyPositiveSet)) }
      return .success([
        SetPartitionItem(
          promptIndex: p.promptIndex, positive: positive, negative: negative, threshold: t)
      ])
    }
  }
}
