// One sampled response and its verdict: the unit every dataset of shared/design/TRAINING.md
// pipeline step 4 is built from (step 3 samples n of them per training prompt).

/// A response's tokens (after the prompt, EOS included when sampling stopped there) and the
/// verifier's verdict on them.
public struct SampledResponse: Hashable, Sendable, Codable {
  /// The response tokens.
  public let tokens: [Int]
  /// ``Verifier/verify(_:response:)`` of the tokens for the prompt's problem.
  public let verdict: VerifierResult

  /// Verifies `tokens` as a response to `problem`.
  public init(tokens: [Int], problem: AdditionProblem) {
    self.tokens = tokens
    self.verdict = Verifier.verify(problem, response: tokens)
  }
}
