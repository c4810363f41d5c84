// The result of one forward pass over a ``TokenBatch``: the log-probabilities and value-head
// outputs every objective reads, plus the saved activations its backward pass needs.
import Numerics

/// Outputs (in Double, whatever the model's scalar) and saved activations of one forward pass.
public final class ForwardPass<S: ModelScalar> {
  public let batch: TokenBatch
  /// Σ_t mask_{b,t}·log π(x_{b,t} | x_{b,<t}) per sequence (length B), summed in Double.
  public let sequenceLogProbs: [Double]
  /// log π(x_{b,t} | x_{b,<t}) at every position t ≥ 1, row-major B×T; 0 at t = 0. Entries
  /// outside the response mask (prompt, padding) are computed but do not count.
  public let tokenLogProbs: [Double]
  /// Value-head logits z_{b,t} (B×T); the value is g = σ(z).
  public let valueLogits: [Double]

  /// The identity of the model that made this pass (backward must use the same model).
  let owner: ObjectIdentifier
  let ids: [Int32]
  let positions: [Int32]
  let blocks: [TransformerBlock.Cache<S>]
  /// Final LayerNorm output h (rows × d), the heads' input.
  let trunk: Buffer<S>
  let finalNormalized: Buffer<S>
  let finalInverseStd: Buffer<S>
  /// log p(· | row) (rows × V).
  let logProbs: Buffer<S>
  /// Where the buffers above came from; they go back to the model's pool on deinit.
  let arena: BufferArena<S>

  init(
    batch: TokenBatch, sequenceLogProbs: [Double], tokenLogProbs: [Double],
    valueLogits: [Double], owner: ObjectIdentifier, ids: [Int32], positions: [Int32],
    blocks: [TransformerBlock.Cache<S>], trunk: Buffer<S>, finalNormalized: Buffer<S>,
    finalInverseStd: Buffer<S>, logProbs: Buffer<S>, arena: BufferArena<S>
  ) {
    self.batch = batch
    self.sequenceLogProbs = sequenceLogProbs
    self.tokenLogProbs = tokenLogProbs
    self.valueLogits = valueLogits
    self.owner = owner
    self.ids = ids
    self.positions = positions
    self.blocks = blocks
    self.trunk = trunk
    self.finalNormalized = finalNormalized
    self.finalInverseStd = finalInverseStd
    self.logProbs = logProbs
    self.arena = arena
  }

  deinit { arena.release() }

  /// Values g_{b,t} = σ(z_{b,t}) of the value head (B×T).
  public var values: [Double] {
    valueLogits.map(sigmoid)
  }

  /// log π(· | x_{b,≤t}): the next-token log-distribution after position t of sequence b.
  public func nextTokenLogProbs(sequence b: Int, position t: Int) -> [Double] {
    precondition(b >= 0 && b < batch.count, "sequence \(b) out of 0..<\(batch.count)")
    precondition(t >= 0 && t < batch.length, "position \(t) out of 0..<\(batch.length)")
    let v = logProbs.count / max(batch.rows, 1)
    let row = logProbs.at((b * batch.length + t) * v)
    return (0..<v).map { Double(row[$0]) }
  }
}
