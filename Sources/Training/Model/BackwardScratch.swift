// Scratch memory of one backward pass, allocated once per batch and shared by all blocks.

/// Scratch buffers of the backward pass, shared by all blocks of one batch.
final class BackwardScratch<S: ModelScalar> {
  /// rows × d (sublayer input gradients).
  let width: Buffer<S>
  /// rows × d (attention's concatenated-head gradient).
  let width2: Buffer<S>
  /// rows × hidden (MLP).
  let hidden: Buffer<S>
  /// rows × 3d (packed q|k|v gradient).
  let packed: Buffer<S>
  /// T × T (one head's score gradient).
  let scores: Buffer<S>
  /// rows × V (LM-head logit gradient).
  let logits: Buffer<S>
  init(batch: Int, length: Int, config: TransformerConfig) {
    let rows = batch * length
    width = Buffer(count: rows * config.modelWidth)
    width2 = Buffer(count: rows * config.modelWidth)
    hidden = Buffer(count: rows * config.hiddenWidth)
    packed = Buffer(count: rows * 3 * config.modelWidth)
    scores = Buffer(count: length * length)
    logits = Buffer(count: rows * config.vocabSize)
  }
}
