// A correct-vs-incorrect pair with the incorrect answer's token labels: the input of
// Step-DPO L₀/L₁ (004_*.txt App. B; Objectives' `StepPairInput` stores only c⁻, since c⁺
// "consists entirely of ones") and of PIPA's paired step-level setting.

/// y⁺ (correct, all labels 1) and y⁻ (incorrect) with c⁻ and its steps.
public struct StepPairItem: FeedbackItem {
  public let promptIndex: Int
  /// Index of y⁺.
  public let chosen: Int
  /// Index of y⁻.
  public let rejected: Int
  /// c⁻_t per token of y⁻.
  public let rejectedLabels: [Int]
  /// Step starts of y⁻.
  public let rejectedStepStarts: [Int]
  /// The first wrong step of y⁻ (never nil: y⁻ is incorrect).
  public let rejectedFirstWrongStep: Int?

  public init(
    promptIndex: Int, chosen: Int, rejected: Int, rejectedLabels: [Int],
    rejectedStepStarts: [Int], rejectedFirstWrongStep: Int?
  ) {
    self.promptIndex = promptIndex
    self.chosen = chosen
    self.rejected = rejected
    self.rejectedLabels = rejectedLabels
    self.rejectedStepStarts = rejectedStepStarts
    self.rejectedFirstWrongStep = rejectedFirstWrongStep
  }
}
