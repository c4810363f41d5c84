// A response with token-level step labels (PIPA §2.5 / Figure 2, 004_*.txt; Step-KTO,
// App. B): per-token c_t from the verifier (1 before the first wrong step, 0 from it on;
// all 1 when correct) and the step starts Step-KTO sums over (Objectives' `StepKTOInput`,
// `PIPATokenInput`).

/// One response with its token labels and step structure.
public struct StepItem: FeedbackItem {
  public let promptIndex: Int
  /// Index of the response in the prompt's responses.
  public let response: Int
  /// c_t per response token (``VerifierResult/stepLabels``).
  public let labels: [Int]
  /// 0-based first token of each step (``VerifierResult/stepStarts``).
  public let stepStarts: [Int]
  /// Index of the first wrong step, nil when correct.
  public let firstWrongStep: Int?
  /// The answer-level label.
  public let correct: Bool

  public init(
    promptIndex: Int, response: Int, labels: [Int], stepStarts: [Int], firstWrongStep: Int?,
    correct: Bool
  ) {
    self.promptIndex = promptIndex
    self.response = response
    self.labels = labels
    self.stepStarts = stepStarts
    self.firstWrongStep = firstWrongStep
    self.correct = correct
  }

  init(_ p: ScoredPrompt, response i: Int) {
    let v = p.responses[i].verdict
    self.init(
      promptIndex: p.promptIndex, response: i, labels: v.stepLabels, stepStarts: v.stepStarts,
      firstWrongStep: v.firstWrongStep, correct: v.correct)
  }
}
