// The sizes of the prompt splits of shared/design/TRAINING.md ("Sizes"): 4,096 training
// prompts, 512 held out for tracking likelihoods, 1,000 test prompts; plus a validation set
// (TRAINING.md names one — "Train, validation and test prompts are disjoint" — without a
// size; claims/alphapo.md §2.8 and claims/pipa.md select settings on it). Its default, 512,
// is this file's choice. Every size is a flag of `verify train` and printed in the report.

/// How many prompts each disjoint split holds, and the operand digit bound D.
public struct PromptSplitSizes: Hashable, Sendable, Codable {
  /// D: operand digit counts are uniform on 1...D (TRAINING.md default 4).
  public var maxDigits: Int
  /// Preference-training prompts (TRAINING.md: 4,096).
  public var train: Int
  /// Validation prompts for selecting settings (default 512, see the file header).
  public var validation: Int
  /// Held-out prompts for tracking likelihoods and the KL estimate (TRAINING.md: 512).
  public var heldOut: Int
  /// Test prompts for accuracy (TRAINING.md: 1,000).
  public var test: Int

  public init(
    maxDigits: Int = AdditionProblem.defaultMaxDigits, train: Int = 4096,
    validation: Int = 512, heldOut: Int = 512, test: Int = 1000
  ) {
    self.maxDigits = maxDigits
    self.train = train
    self.validation = validation
    self.heldOut = heldOut
    self.test = test
  }

  /// train + validation + heldOut + test.
  public var total: Int { train + validation + heldOut + test }

  /// Checks every size ≥ 1, 1 ≤ D ≤ 18, train ≤ 2²⁴ (per-prompt streams), and that the
  /// splits need at most half of the (10^D)² distinct problems (so drawing distinct
  /// problems by rejection stays cheap).
  public func validate() throws(TaskError) {
    try AdditionProblem.validateMaxDigits(maxDigits)
    try TaskError.checkRange(train, 1...(TaskStream.maxPromptIndex + 1), "train")
    try TaskError.checkAtLeast(validation, 1, "validation")
    try TaskError.checkAtLeast(heldOut, 1, "heldOut")
    try TaskError.checkAtLeast(test, 1, "test")
    let capacity = AdditionProblem.problemCount(maxDigits: maxDigits)
    if Double(total) > capacity / 2 {
      throw TaskError(
        field: "train + validation + heldOut + test", value: "\(total)",
        rule: "must be ≤ half of the \(Int(capacity)) distinct problems with maxDigits "
          + "\(maxDigits)")
    }
  }
}
