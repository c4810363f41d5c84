// The n responses sampled for one training prompt (shared/design/TRAINING.md pipeline step
// 3), in sampling order: the input of the dataset builders (step 4). The order matters: a
// k-response arm uses the first k (claims/mpo.md §0.14 EP-2), so its data are nested in the
// full data.

/// One training prompt and its sampled, verified responses.
public struct PromptSamples: Hashable, Sendable, Codable {
  /// The prompt's index in ``PromptSplits/train``; keys the per-prompt random streams and
  /// the batch order.
  public let promptIndex: Int
  /// The problem.
  public let problem: AdditionProblem
  /// The responses, in sampling order.
  public let responses: [SampledResponse]

  /// Verifies each token array in `responses` against `problem`.
  /// - Throws: ``TaskError`` unless 0 ≤ promptIndex ≤ 2²⁴ − 1 and there is ≥ 1 response.
  public init(promptIndex: Int, problem: AdditionProblem, responses: [[Int]]) throws(TaskError) {
    try TaskError.checkRange(promptIndex, 0...TaskStream.maxPromptIndex, "promptIndex")
    try TaskError.checkAtLeast(responses.count, 1, "responses.count")
    self.promptIndex = promptIndex
    self.problem = problem
    self.responses = responses.map { SampledResponse(tokens: $0, problem: problem) }
  }
}
