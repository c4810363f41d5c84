// MPO's set-level item (001_*.txt §4.1, eq. (4)–(5)): a chosen set 𝒴⁺ and a disjoint
// rejected set 𝒴⁻ of one prompt's responses, both non-empty, by response index. The input
// of MPO, W-MPO (with the scores) and the cross-pairs DPO variant.

/// 𝒴⁺ and 𝒴⁻ of one prompt, by response index.
public struct SetPartitionItem: FeedbackItem {
  public let promptIndex: Int
  /// 𝒴⁺, in rank order (best first).
  public let positive: [Int]
  /// 𝒴⁻, in rank order.
  public let negative: [Int]
  /// The threshold used (mean, median or trimmed mean of S̃), nil for rank cuts.
  public let threshold: Double?

  public init(promptIndex: Int, positive: [Int], negative: [Int], threshold: Double?) {
    self.promptIndex = promptIndex
    self.positive = positive
    self.negative = negative
    self.threshold = threshold
  }
}
