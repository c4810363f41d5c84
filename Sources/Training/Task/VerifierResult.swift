// What the rule-based verifier (Verifier.swift) says about one sampled response: the three
// feedback signals of shared/design/TRAINING.md ("Task") — `correct`, `reward` ∈ [0, 1] and
// per-token step labels — plus the parse facts the dataset builders and reports need.

/// The verdict on one response to one ``AdditionProblem``.
public struct VerifierResult: Hashable, Sendable, Codable {
  /// The response parses: steps `x+y=s;` / `x+y+1=s;` (any digits), then `=N` and EOS as the
  /// last token, numbers without leading zeros, no BOS, PAD or unknown ids.
  public let wellFormed: Bool
  /// Well formed and the final answer equals a + b (TRAINING.md: "the final answer equals
  /// a+b and the format parses"; wrong steps do not matter).
  public let correct: Bool
  /// 1 if correct; 0.5 × the fraction of correct column digits of the answer if well formed
  /// but wrong; 0 if malformed.
  public let reward: Double
  /// One label per response token: 1 for tokens of segments before the first wrong one, 0
  /// from the first wrong segment on; all 1 for a correct response, at least one 0 for a
  /// non-empty incorrect one (PIPA §2.5, Figure 2; claims/pipa.md "Empirical rule").
  public let stepLabels: [Int]
  /// The 0-based first token of each non-empty segment (the steps, then the answer
  /// segment `=N⟨EOS⟩`): starts at 0, strictly increasing, < token count (empty for an empty
  /// response). Labels are constant within a segment (Step-KTO's step structure).
  public let stepStarts: [Int]
  /// The index of the first wrong segment (steps 0, 1, …; the answer segment comes after
  /// the last step); nil when correct.
  public let firstWrongStep: Int?
  /// The parsed final answer, when well formed.
  public let answer: Int?
  /// Why the response is not correct (nil when it is), for reports and test messages.
  public let reason: String?

  public init(
    wellFormed: Bool, correct: Bool, reward: Double, stepLabels: [Int], stepStarts: [Int],
    firstWrongStep: Int?, answer: Int?, reason: String?
  ) {
    self.wellFormed = wellFormed
    self.correct = correct
    self.reward = reward
    self.stepLabels = stepLabels
    self.stepStarts = stepStarts
    self.firstWrongStep = firstWrongStep
    self.answer = answer
    self.reason = reason
  }

  /// The answer-level label c ∈ {0, 1} of PIPA, KTO and PRO-B: 1 iff correct.
  public var label: Int { correct ? 1 : 0 }
}
