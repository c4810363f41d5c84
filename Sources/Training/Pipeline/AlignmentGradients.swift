// An alignment objective's answer for one batch: the batch loss and its gradient with
// respect to the policy quantities of ``SequenceScores``, which the loop passes to
// ``Transformer/backward(_:sequenceGradients:tokenGradients:valueLogitGradients:)``.

/// L(batch) and ∂L/∂(policy scores). Arrays are indexed like ``SequenceScores/keys``.
public struct AlignmentGradients: Sendable {
  /// The batch loss: the mean of the objective over the batch's items (so the learning rate
  /// does not depend on how many items a prompt gave).
  public var loss: Double
  /// The number of items the mean was taken over (0: the batch had no item; loss 0).
  public var itemCount: Int
  /// ∂L/∂policy[j] (sequence-level objectives).
  public var sequence: [Double]
  /// ∂L/∂policyTokens[j][t], or nil (step- and token-level objectives).
  public var tokens: [[Double]]?
  /// ∂L/∂valueLogits[j][t], or nil (PIPA's value head).
  public var valueLogits: [[Double]]?
  /// PIPA-M: the batch's terms near or past F = 1 (nil for objectives that do not clip F).
  public var clipActivity: ClipActivity?

  public init(
    loss: Double, itemCount: Int, sequence: [Double], tokens: [[Double]]? = nil,
    valueLogits: [[Double]]? = nil, clipActivity: ClipActivity? = nil
  ) {
    self.loss = loss
    self.itemCount = itemCount
    self.sequence = sequence
    self.tokens = tokens
    self.valueLogits = valueLogits
    self.clipActivity = clipActivity
  }
}
