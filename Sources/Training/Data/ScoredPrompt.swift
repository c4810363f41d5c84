// One prompt's responses with the scores every builder ranks by and the one tie-break all
// of them share (claims/mpo.md §0.14 EP-3: "Ties in S̃ are broken by a permutation drawn
// from the seed"), so "best" is the same response in best-vs-worst pairs, 1-vs-k sets and
// rankings.

/// A prompt's responses, clean rewards, (noisy) scores and rank order.
public struct ScoredPrompt: Hashable, Sendable, Codable {
  /// The prompt's index in the training split.
  public let promptIndex: Int
  /// The problem.
  public let problem: AdditionProblem
  /// The responses, in sampling order.
  public let responses: [SampledResponse]
  /// The verifier rewards S ∈ [0, 1] (TRAINING.md "reward"), per response.
  public let rewards: [Double]
  /// The scores S̃ = S + σz the builders use (= rewards when σ = 0), per response.
  public let scores: [Double]
  /// Per response, a uniform key in [0, 1) from the seed; equal scores are ordered by
  /// ascending key (then by index, for the 2⁻⁵³-probability tie of keys).
  public let tieKeys: [Double]
  /// Response indices best first: descending score, ties by ``tieKeys``.
  public let rankOrder: [Int]

  init(
    promptIndex: Int, problem: AdditionProblem, responses: [SampledResponse], scores: [Double],
    tieKeys: [Double]
  ) {
    self.promptIndex = promptIndex
    self.problem = problem
    self.responses = responses
    rewards = responses.map(\.verdict.reward)
    self.scores = scores
    self.tieKeys = tieKeys
    rankOrder = responses.indices.sorted { i, j in
      if scores[i] != scores[j] { return scores[i] > scores[j] }
      if tieKeys[i] != tieKeys[j] { return tieKeys[i] < tieKeys[j] }
      return i < j
    }
  }

  /// The number of responses n.
  public var count: Int { responses.count }

  /// All scores equal (exactly): no preference information; see each builder for what it
  /// does with such a prompt.
  public var allScoresEqual: Bool {
    guard let first = scores.first else { return true }
    return scores.allSatisfy { $0 == first }
  }
}
