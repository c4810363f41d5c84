// What the alignment loop measures for the sequences an objective asked for
// (``AlignmentObjective/sequences(forBatch:)``): response log-probabilities under the
// policy π_θ (differentiable) and the frozen reference π_ref (constants), per sequence and
// per response token, and the value head's logits z_t (PIPA's g = σ(z)) per response token.

/// Scores of `keys[j]`, j = 0..<keys.count, all arrays indexed like `keys`.
public struct SequenceScores: Sendable {
  /// The sequences, in the order the objective listed them.
  public let keys: [SequenceKey]
  /// log π_θ(y | x) = Σ_t log π_θ(y_t | x, y_<t) over the response tokens (EOS included).
  public let policy: [Double]
  /// log π_ref(y | x), a constant (no gradient flows into the reference).
  public let reference: [Double]
  /// |y|, the number of response tokens (the length SimPO and AlphaPO normalise by).
  public let responseLengths: [Int]
  /// log π_θ(y_t | x, y_<t) for t = 0..<|y| (sums to `policy[j]` up to rounding).
  public let policyTokens: [[Double]]
  /// log π_ref(y_t | x, y_<t) for t = 0..<|y|.
  public let referenceTokens: [[Double]]
  /// The value head's logit z_t at the position that predicts response token t (the
  /// prefix x, y_<t), t = 0..<|y|; g_t = σ(z_t).
  public let valueLogits: [[Double]]

  public init(
    keys: [SequenceKey], policy: [Double], reference: [Double], responseLengths: [Int],
    policyTokens: [[Double]], referenceTokens: [[Double]], valueLogits: [[Double]]
  ) {
    precondition(
      [policy.count, reference.count, responseLengths.count, policyTokens.count,
       referenceTokens.count, valueLogits.count].allSatisfy { $0 == keys.count },
      "SequenceScores: every array must have keys.count entries")
    self.keys = keys
    self.policy = policy
    self.reference = reference
    self.responseLengths = responseLengths
    self.policyTokens = policyTokens
    self.referenceTokens = referenceTokens
    self.valueLogits = valueLogits
  }

  /// The position of `key` in ``keys`` (nil when the objective did not ask for it).
  public func index(of key: SequenceKey) -> Int? { keys.firstIndex(of: key) }
}
