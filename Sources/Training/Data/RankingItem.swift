// A full ranking y_(1) ≻ … ≻ y_(n) of one prompt's responses (Plackett–Luce, 001_*.txt
// §3.2; Objectives' `Ranking`), or its split into ordered bins B_1 ≻ … ≻ B_b (the binned
// Plackett–Luce of claims/mpo.md §0.12; Objectives' `BinPartition`).

/// A prompt's responses in rank order, and their ordered bins.
public struct RankingItem: FeedbackItem {
  public let promptIndex: Int
  /// Response indices best first.
  public let order: [Int]
  /// S̃ of each response of ``order``, non-increasing.
  public let scores: [Double]
  /// Contiguous bins of ``order``, best bin first (one response per bin for a full ranking).
  public let bins: [[Int]]

  public init(promptIndex: Int, order: [Int], scores: [Double], bins: [[Int]]) {
    self.promptIndex = promptIndex
    self.order = order
    self.scores = scores
    self.bins = bins
  }
}
