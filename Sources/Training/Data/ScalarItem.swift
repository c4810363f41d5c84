// Scalar feedback for one prompt (shared/design/TRAINING.md step 4, "scalar (PRO-S, W-MPO,
// InfoNCA, NCA)"): the responses with their scores S̃ — PRO-S's ŝ (002_*.txt App. D,
// centred within the prompt per claims/pro.md §1.10), W-MPO's S(y) (001_*.txt §4.4), the
// InfoNCA/NCA rewards r(x, y_i) (001_*.txt eq. (3)).

/// A prompt's responses and scores.
public struct ScalarItem: FeedbackItem {
  public let promptIndex: Int
  /// Response indices, in sampling order.
  public let responses: [Int]
  /// S̃ per response of ``responses``.
  public let scores: [Double]
  /// S̃ minus the prompt's mean S̃ (PRO-S's centred ŝ_n = b_n − (1/N) Σ_m b_m).
  public let centredScores: [Double]
  /// All scores equal (W-MPO then has 𝒴⁺ = ∅ and skips the prompt; InfoNCA's target is
  /// uniform; PRO-S's centred scores are all 0).
  public let allScoresEqual: Bool

  public init(promptIndex: Int, responses: [Int], scores: [Double]) {
    self.promptIndex = promptIndex
    self.responses = responses
    self.scores = scores
    let mean = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    centredScores = scores.map { $0 - mean }
    allScoresEqual = scores.allSatisfy { $0 == scores.first }
  }
}
