// The unit an alignment objective asks the model to score: one sampled response of one
// training prompt (shared/design/TRAINING.md pipeline steps 3–5). The alignment loop turns
// keys into prompt + response token sequences, scores them under the policy and the frozen
// reference, and hands the scores back to the objective.

/// Response `response` of training prompt `promptIndex` in the run's ``ScoredSampleSet``.
public struct SequenceKey: Hashable, Sendable, Codable, Comparable {
  /// The prompt's index in the training split (``ScoredPrompt/promptIndex``).
  public let promptIndex: Int
  /// Index into that prompt's responses.
  public let response: Int

  public init(promptIndex: Int, response: Int) {
    self.promptIndex = promptIndex
    self.response = response
  }

  public static func < (a: SequenceKey, b: SequenceKey) -> Bool {
    (a.promptIndex, a.response) < (b.promptIndex, b.response)
  }
}
