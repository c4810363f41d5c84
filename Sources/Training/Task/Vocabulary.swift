// The character vocabulary of the addition task (shared/design/TRAINING.md, "Task"):
// the ten digits, `+`, `=`, `;`, and the three special tokens BOS, EOS and PAD — 16 tokens.
// Token ids are fixed here once, so checkpoints, samples and datasets agree on them.

/// Token ids and the text ↔ token mapping of the addition task.
///
/// Ids: PAD = 0, BOS = 1, EOS = 2, digits `0`…`9` = 3…12, `+` = 13, `=` = 14, `;` = 15.
/// Text holds only the 13 printable characters; BOS, EOS and PAD have no character and are
/// added or removed by the caller (``AdditionProblem/promptTokens``,
/// ``Solution/responseTokens``).
public enum Vocabulary {
  /// Padding (never produced by a solution; fills batches to equal length).
  public static let pad = 0
  /// Beginning of sequence: the first token of every prompt.
  public static let bos = 1
  /// End of sequence: the last token of every complete response.
  public static let eos = 2
  /// The token of digit 0; digit d has id `digitZero + d`.
  public static let digitZero = 3
  /// `+`
  public static let plus = 13
  /// `=`
  public static let equals = 14
  /// `;`, the end of one solution step.
  public static let semicolon = 15
  /// The number of token ids (0..<size).
  public static let size = 16

  /// The printable characters, indexed by token id − `digitZero`.
  static let printable: [Character] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "=", ";",
  ]

  /// The token of one printable character.
  /// - Throws: ``TaskError`` naming `field` when `c` is not a digit, `+`, `=` or `;`.
  public static func token(
    for c: Character, field: String = "character"
  ) throws(TaskError) -> Int {
    if let i = printable.firstIndex(of: c) { return digitZero + i }
    throw TaskError(
      field: field, value: "'\(c)'", rule: "must be a digit, '+', '=' or ';'")
  }

  /// The tokens of `text`, one per character (no BOS/EOS added).
  /// - Throws: ``TaskError`` naming `text[i]`, the first bad character and its position.
  public static func encode(_ text: String) throws(TaskError) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(text.count)
    for (i, c) in text.enumerated() {
      out.append(try token(for: c, field: "text[\(i)]"))
    }
    return out
  }

  /// The character of a printable token, nil for BOS, EOS, PAD and ids outside 0..<size.
  public static func character(of token: Int) -> Character? {
    // Compare before subtracting: any Int is a valid input (Int.min − 3 would trap).
    guard token >= digitZero, token < size else { return nil }
    return printable[token - digitZero]
  }

  /// The digit value 0…9 of a digit token, nil otherwise.
  public static func digit(of token: Int) -> Int? {
    guard token >= digitZero, token <= digitZero + 9 else { return nil }
    return token - digitZero
  }

  /// The token of digit `d` (precondition: 0 ≤ d ≤ 9).
  public static func token(digit d: Int) -> Int {
    precondition((0...9).contains(d), "digit must lie in 0...9, got \(d)")
    return digitZero + d
  }

  /// The text of printable tokens.
  /// - Throws: ``TaskError`` naming `tokens[i]` for the first special or out-of-range id.
  public static func decode(_ tokens: [Int]) throws(TaskError) -> String {
    var s = ""
    s.reserveCapacity(tokens.count)
    for (i, t) in tokens.enumerated() {
      guard let c = character(of: t) else {
        throw TaskError(
          field: "tokens[\(i)]", value: "\(t)",
          rule: "must be a printable token id (\(digitZero)...\(size - 1))")
      }
      s.append(c)
    }
    return s
  }

  /// A readable rendering of any token array, for logs and failure messages: specials as
  /// `⟨BOS⟩`, `⟨EOS⟩`, `⟨PAD⟩`, unknown ids as `⟨?id⟩`. Never throws.
  public static func render(_ tokens: [Int]) -> String {
    tokens.map { t -> String in
      if let c = character(of: t) { return String(c) }
      switch t {
      case bos: return "⟨BOS⟩"
      case eos: return "⟨EOS⟩"
      case pad: return "⟨PAD⟩"
      default: return "⟨?\(t)⟩"
      }
    }.joined()
  }
}
