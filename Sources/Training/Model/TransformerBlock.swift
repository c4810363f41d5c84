// One pre-LayerNorm transformer block (GPT-2): x ← x + Attn(LN₁(x)); x ← x + MLP(LN₂(x)),
// updating the residual stream in place.

/// A pre-LN block. Backward, with R the residual gradient ∂L/∂x_out flowing in:
///   R ← R + LN₂ᵀ(MLPᵀ(R))   (gradient at the middle residual x₁),
///   R ← R + LN₁ᵀ(Attnᵀ(R))  (gradient at the block input),
/// where Fᵀ(G) is the input gradient of sublayer F for upstream G (the identity branch of
/// each residual connection passes R unchanged).
public struct TransformerBlock: Sendable {
  public let norm1: LayerNorm
  public let attention: CausalSelfAttention
  public let norm2: LayerNorm
  public let mlp: MLP

  /// Registers the block's parameters under `name` (e.g. "block0").
  public init(name: String, config: TransformerConfig, layout: inout ParameterLayout) {
    let d = config.modelWidth
    norm1 = LayerNorm(
      name: "\(name).ln1", width: d, epsilon: config.layerNormEpsilon, layout: &layout)
    attention = CausalSelfAttention(
      name: "\(name).attn", width: d, heads: config.heads, layout: &layout)
    norm2 = LayerNorm(
      name: "\(name).ln2", width: d, epsilon: config.layerNormEpsilon, layout: &layout)
    mlp = MLP(name: "\(name).mlp", width: d, hidden: config.hiddenWidth, layout: &layout)
  }

  /// Saved activations of one block over one batch.
  public final class Cache<S: ModelScalar> {
    let norm1Output, norm1Normalized, norm1InverseStd: Buffer<S>
    let attention: CausalSelfAttention.Cache<S>
    let norm2Output, norm2Normalized, norm2InverseStd: Buffer<S>
    let mlp: MLP.Cache<S>
    /// Buffers from `arena` (every element is written by forward before it is read);
    /// `lengths`: each sequence's real length (attention skips the padding, see
    /// ``CausalSelfAttention``).
    init(
      batch: Int, length: Int, lengths: [Int], config: TransformerConfig, arena: BufferArena<S>
    ) {
      let rows = batch * length
      let d = config.modelWidth
      norm1Output = arena.take(rows * d, zeroed: false)
      norm1Normalized = arena.take(rows * d, zeroed: false)
      norm1InverseStd = arena.take(rows, zeroed: false)
      attention = CausalSelfAttention.Cache(
        batch: batch, length: length, width: d, heads: config.heads, lengths: lengths,
        arena: arena)
      norm2Output = arena.take(rows * d, zeroed: false)
      norm2Normalized = arena.take(rows * d, zeroed: false)
      norm2InverseStd = arena.take(rows, zeroed: false)
      mlp = MLP.Cache(rows: rows, hidden: config.hiddenWidth, arena: arena)
    }
  }

  /// x ← block(x) in place for `rows` = B·T rows; `scratch` holds rows × d.
  func forward<S: ModelScalar>(
    residual x: UnsafeMutablePointer<S>, rows: Int, cache: Cache<S>, scratch: Buffer<S>,
    parameters: ParameterStore<S>
  ) {
    let n = rows * norm1.width
    let tmp = scratch.pointer
    norm1.forward(
      x, rows: rows, into: cache.norm1Output.pointer, normalized: cache.norm1Normalized.pointer,
      inverseStd: cache.norm1InverseStd.pointer, parameters: parameters)
    attention.forward(
      cache.norm1Output.pointer, into: tmp, cache: cache.attention, parameters: parameters)
    for i in 0..<n { x[i] += tmp[i] }
    norm2.forward(
      x, rows: rows, into: cache.norm2Output.pointer, normalized: cache.norm2Normalized.pointer,
      inverseStd: cache.norm2InverseStd.pointer, parameters: parameters)
    mlp.forward(
      cache.norm2Output.pointer, rows: rows, into: tmp, cache: cache.mlp, parameters: parameters)
    for i in 0..<n { x[i] += tmp[i] }
  }

  /// R ← ∂L/∂x_in from R = ∂L/∂x_out in place (see the type's doc), accumulating parameter
  /// gradients.
  func backward<S: ModelScalar>(
    residualGradient r: UnsafeMutablePointer<S>, rows: Int, cache: Cache<S>,
    scratch: BackwardScratch<S>, parameters: ParameterStore<S>
  ) {
    let dNorm = scratch.width.pointer
    mlp.backward(
      input: cache.norm2Output.pointer, outputGradient: r, rows: rows, cache: cache.mlp,
      scratch: scratch.hidden, inputGradient: dNorm, accumulate: false, parameters: parameters)
    norm2.backward(
      outputGradient: dNorm, normalized: cache.norm2Normalized.pointer,
      inverseStd: cache.norm2InverseStd.pointer, rows: rows, inputGradient: r, accumulate: true,
      parameters: parameters)
    attention.backward(
      input: cache.norm1Output.pointer, outputGradient: r, cache: cache.attention,
      mixedGradient: scratch.width2, packedGradient: scratch.packed,
      scoreGradient: scratch.scores, inputGradient: dNorm, accumulate: false,
      parameters: parameters)
    norm1.backward(
      outputGradient: dNorm, normalized: cache.norm1Normalized.pointer,
      inverseStd: cache.norm1InverseStd.pointer, rows: rows, inputGradient: r, accumulate: true,
      parameters: parameters)
  }
}
