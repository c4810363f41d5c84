// The two difficulty subsets that stand in for PIPA's two benchmarks (claims/pipa.md
// "Empirical rule": "test accuracy is reported on the easier test prompts (both operands with
// at most 2 digits; GSM8K-like) and on the harder ones (at least one operand with D digits;
// MATH-like)"). For D ≤ 2 a problem can be both.

/// Membership of a problem in PIPA's easier and harder test subsets.
public struct ProblemDifficulty: Hashable, Sendable, Codable {
  /// Both operands have at most 2 digits.
  public let isEasier: Bool
  /// At least one operand has D digits.
  public let isHarder: Bool

  /// The subsets `problem` belongs to, for digit bound `maxDigits` (D).
  public init(_ problem: AdditionProblem, maxDigits: Int) {
    isEasier = problem.digitsA <= 2 && problem.digitsB <= 2
    isHarder = problem.digitsA == maxDigits || problem.digitsB == maxDigits
  }
}
