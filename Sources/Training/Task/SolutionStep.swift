// One column of the step-formatted addition solution (shared/design/TRAINING.md, "Task";
// the format rule is stated in full in Solution.swift).

/// Column k of a + b, least significant first: x + y (+ 1 when a carry comes in) = s.
public struct SolutionStep: Hashable, Sendable, Codable {
  /// Digit k of a (0 when a has fewer digits).
  public let digitA: Int
  /// Digit k of b (0 when b has fewer digits).
  public let digitB: Int
  /// The carry into this column, 0 or 1 (0 in the first column).
  public let carryIn: Int

  /// The column sum x + y + carry, 0…19, written in full (two digits when ≥ 10).
  public var sum: Int { digitA + digitB + carryIn }
  /// The digit this column contributes to the answer, sum mod 10.
  public var answerDigit: Int { sum % 10 }
  /// The carry into the next column, ⌊sum/10⌋.
  public var carryOut: Int { sum / 10 }

  /// The step's text including its terminating `;`, e.g. `4+8+1=13;`.
  public var text: String {
    (carryIn == 1 ? "\(digitA)+\(digitB)+1=\(sum)" : "\(digitA)+\(digitB)=\(sum)") + ";"
  }

  /// The step's tokens including its terminating `;`.
  public var tokens: [Int] {
    var t = [Vocabulary.token(digit: digitA), Vocabulary.plus, Vocabulary.token(digit: digitB)]
    if carryIn == 1 { t += [Vocabulary.plus, Vocabulary.token(digit: 1)] }
    t.append(Vocabulary.equals)
    t += AdditionProblem.digitTokens(sum)
    t.append(Vocabulary.semicolon)
    return t
  }
}
