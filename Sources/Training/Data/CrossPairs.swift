// Cross-pairs DPO data (001_*.txt §7.1, Table 5; claims/mpo.md §0.12 "DPO data variants"
// and mpo.emp.iso-information): every (y⁺, y⁻) ∈ 𝒴⁺ × 𝒴⁻ of a set partition as its own,
// equally weighted DPO pair. Built from a set dataset (normally ThresholdPartitions with
// the mean, where every cross pair has S̃(y⁺) > S̃(y⁻)); a prompt skipped there is skipped
// here with the same reason. Items: 𝒴⁺ in rank order, each with 𝒴⁻ in rank order.

/// Builds the cross pairs 𝒴⁺ × 𝒴⁻ of set partitions.
public enum CrossPairs {
  /// The cross pairs of `sets`, whose items must come from `source`.
  public static func build(
    _ source: ScoredSampleSet, sets: FeedbackDataset<SetPartitionItem>
  ) -> FeedbackDataset<PairItem> {
    let skipped = Dictionary(
      sets.skipped.map { ($0.promptIndex, $0.reason) }, uniquingKeysWith: { a, _ in a })
    return FeedbackDataset(kind: "cross pairs of \(sets.kind)", source: source) { p in
      if let reason = skipped[p.promptIndex] { return .failure(SkipError(reason)) }
      var out: [PairItem] = []
      for set in sets.items(forPrompt: p.promptIndex) {
        for i in set.positive {
          for j in set.negative { out.append(PairItem(p, chosen: i, rejected: j)) }
        }
      }
      return .success(out)
    }
  }
}
