// One prompt of the addition task (shared/design/TRAINING.md, "Task"): `a+b=` with a and b
// uniform integers whose digit counts are uniform on 1..D (default D = 4), so prompt and
// response lengths vary and length normalisation (SimPO, AlphaPO) matters.
//
// Sampling, in order: the digit count k_a uniform on 1...D, then a uniform among the
// k_a-digit integers (0...9 for k = 1, 10^{k−1}...10^k − 1 for k ≥ 2); then b the same way,
// independently. Each (k_a, k_b) class has probability 1/D², however few problems it holds.

import Numerics

/// An addition problem a + b with non-negative operands, its prompt and its answer.
public struct AdditionProblem: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The first operand, ≥ 0.
  public let a: Int
  /// The second operand, ≥ 0.
  public let b: Int

  /// The largest allowed digit count D: two 18-digit operands sum below 2·10¹⁸ < Int.max.
  public static let maxDigitsLimit = 18
  /// The default digit-count bound D of TRAINING.md.
  public static let defaultMaxDigits = 4

  /// The problem a + b.
  /// - Throws: ``TaskError`` unless 0 ≤ a, b < 10¹⁸.
  public init(a: Int, b: Int) throws(TaskError) {
    let limit = Self.powerOfTen(Self.maxDigitsLimit)
    if !(0..<limit).contains(a) {
      throw TaskError(field: "a", value: "\(a)", rule: "must lie in 0..<10^18")
    }
    if !(0..<limit).contains(b) {
      throw TaskError(field: "b", value: "\(b)", rule: "must lie in 0..<10^18")
    }
    self.a = a
    self.b = b
  }

  /// a + b.
  public var sum: Int { a + b }

  /// The prompt text `a+b=`.
  public var prompt: String { "\(a)+\(b)=" }

  /// BOS followed by the prompt's tokens: the sequence every response continues.
  public var promptTokens: [Int] {
    [Vocabulary.bos] + Self.digitTokens(a) + [Vocabulary.plus] + Self.digitTokens(b)
      + [Vocabulary.equals]
  }

  /// Number of decimal digits of a (1 for a = 0).
  public var digitsA: Int { Self.digitCount(a) }
  /// Number of decimal digits of b (1 for b = 0).
  public var digitsB: Int { Self.digitCount(b) }

  public var description: String { prompt }

  /// A problem drawn as TRAINING.md prescribes (see the file header).
  /// - Throws: ``TaskError`` unless 1 ≤ maxDigits ≤ ``maxDigitsLimit``.
  public static func random(
    maxDigits: Int = defaultMaxDigits, using rng: inout RandomStream
  ) throws(TaskError) -> AdditionProblem {
    try validateMaxDigits(maxDigits)
    let a = operand(maxDigits: maxDigits, using: &rng)
    let b = operand(maxDigits: maxDigits, using: &rng)
    return try AdditionProblem(a: a, b: b)
  }

  /// Throws unless 1 ≤ maxDigits ≤ ``maxDigitsLimit``.
  public static func validateMaxDigits(_ maxDigits: Int, field: String = "maxDigits")
    throws(TaskError)
  {
    try TaskError.checkRange(maxDigits, 1...maxDigitsLimit, field)
  }

  /// Tokens of the prompt for the longest problems with this D: BOS, D digits, `+`, D
  /// digits, `=`, i.e. 2D + 3.
  public static func maxPromptLength(maxDigits: Int) -> Int { 2 * maxDigits + 3 }

  /// The number of distinct problems with both digit counts ≤ D: (10^D)².
  public static func problemCount(maxDigits: Int) -> Double {
    let n = Double(powerOfTen(maxDigits))
    return n * n
  }

  static func operand(maxDigits: Int, using rng: inout RandomStream) -> Int {
    let k = rng.uniformInt(in: 1...maxDigits)
    let lo = k == 1 ? 0 : powerOfTen(k - 1)
    return rng.uniformInt(in: lo...(powerOfTen(k) - 1))
  }

  /// Decimal digit count of n ≥ 0 (1 for 0).
  static func digitCount(_ n: Int) -> Int {
    var count = 1
    var m = n / 10
    while m > 0 {
      count += 1
      m /= 10
    }
    return count
  }

  /// Decimal digits of n ≥ 0, least significant first.
  static func digitsLeastSignificantFirst(_ n: Int) -> [Int] {
    var out = [n % 10]
    var m = n / 10
    while m > 0 {
      out.append(m % 10)
      m /= 10
    }
    return out
  }

  /// Tokens of the decimal representation of n ≥ 0, most significant digit first.
  static func digitTokens(_ n: Int) -> [Int] {
    digitsLeastSignificantFirst(n).reversed().map { Vocabulary.token(digit: $0) }
  }

  /// 10^k for 0 ≤ k ≤ 18.
  static func powerOfTen(_ k: Int) -> Int {
    var p = 1
    for _ in 0..<k { p *= 10 }
    return p
  }
}
