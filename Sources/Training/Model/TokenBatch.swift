// A batch of token sequences (prompt + response) right-padded to one length, with a mask of
// which positions hold response tokens — the input of every log-probability computation.

/// B sequences padded to length T = the longest, row-major B×T.
///
/// Position t of sequence b holds token x_{b,t}; `responseMask[b·T + t]` is true when x_{b,t}
/// is a response token whose log-probability log π(x_{b,t} | x_{b,<t}) counts. Position 0 can
/// never be a response token (nothing predicts it), and padding never is.
public struct TokenBatch: Sendable, Equatable {
  /// Number of sequences B.
  public let count: Int
  /// Padded length T (the longest sequence).
  public let length: Int
  /// Token ids, B×T row-major, padding = `padToken`.
  public let tokens: [Int32]
  /// Response-token mask, B×T row-major.
  public let responseMask: [Bool]
  /// Unpadded length of each sequence.
  public let lengths: [Int]
  /// Number of response tokens of each sequence.
  public let responseLengths: [Int]

  /// Pads `sequences` with `padToken` and validates them against `config`.
  /// - Throws: ``ModelError`` naming the first sequence, token or mask entry that breaks a
  ///   rule (length in 1...context, ids in 0..<vocabSize, mask as long as its sequence,
  ///   mask[0] false).
  public init(
    sequences: [[Int]], responseMasks: [[Bool]], padToken: Int, config: TransformerConfig
  ) throws(ModelError) {
    try ModelError.require(!sequences.isEmpty, "sequences.count", 0, "must be ≥ 1")
    try ModelError.require(
      responseMasks.count == sequences.count, "responseMasks.count", responseMasks.count,
      "must equal sequences.count = \(sequences.count)")
    try ModelError.require(
      padToken >= 0 && padToken < config.vocabSize, "padToken", padToken,
      "must lie in 0..<vocabSize = \(config.vocabSize)")
    var longest = 0
    for (b, s) in sequences.enumerated() {
      try ModelError.require(
        s.count >= 1 && s.count <= config.context, "sequences[\(b)].count", s.count,
        "must lie in 1...context = \(config.context)")
      try ModelError.require(
        responseMasks[b].count == s.count, "responseMasks[\(b)].count", responseMasks[b].count,
        "must equal sequences[\(b)].count = \(s.count)")
      try ModelError.require(
        !responseMasks[b][0], "responseMasks[\(b)][0]", true,
        "must be false (position 0 has no prediction)")
      for (t, id) in s.enumerated() {
        try ModelError.require(
          id >= 0 && id < config.vocabSize, "sequences[\(b)][\(t)]", id,
          "must lie in 0..<vocabSize = \(config.vocabSize)")
      }
      longest = max(longest, s.count)
    }
    count = sequences.count
    length = longest
    var tokens = [Int32](repeating: Int32(padToken), count: count * longest)
    var mask = [Bool](repeating: false, count: count * longest)
    for (b, s) in sequences.enumerated() {
      for t in s.indices {
        tokens[b * longest + t] = Int32(s[t])
        mask[b * longest + t] = responseMasks[b][t]
      }
    }
    self.tokens = tokens
    responseMask = mask
    lengths = sequences.map(\.count)
    responseLengths = responseMasks.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } }
  }

  /// Sequences prompt_b + response_b, with the mask true exactly on the response tokens.
  /// - Throws: ``ModelError`` as the main initialiser, and when a prompt is empty.
  public init(
    prompts: [[Int]], responses: [[Int]], padToken: Int, config: TransformerConfig
  ) throws(ModelError) {
    try ModelError.require(
      responses.count == prompts.count, "responses.count", responses.count,
      "must equal prompts.count = \(prompts.count)")
    for (b, p) in prompts.enumerated() {
      try ModelError.require(!p.isEmpty, "prompts[\(b)].count", 0, "must be ≥ 1")
    }
    try self.init(
      sequences: zip(prompts, responses).map { $0 + $1 },
      responseMasks: zip(prompts, responses).map {
        [Bool](repeating: false, count: $0.count) + [Bool](repeating: true, count: $1.count)
      }, padToken: padToken, config: config)
  }

  /// Number of rows B·T.
  public var rows: Int { count * length }
}
