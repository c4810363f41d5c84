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
  /// Buffers from `arena`; each is fully written before it is read.
  init(batch: Int, length: Int, config: TransformerConfig, arena: BufferArena<S>) {
    let rows = batch * length
    width = arena.take(rows * config.modelWidth, zeroed: false)
    width2 = arena.take(rows * config.modelWidth, zeroed: false)
    hidden = arena.take(rows * config.hiddenWidth, zeroed: false)
    packed = arena.take(rows * 3 * config.modelWidth, zeroed: false)
    scores = arena.take(length * length, zeroed: false)
    logits = arena.take(rows * config.vocabSize, zeroed: false)
  }
}
