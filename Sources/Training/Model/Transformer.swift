// The decoder-only transformer of shared/design/TRAINING.md ("Model"): token + learned
// position embeddings, L pre-LayerNorm blocks, a final LayerNorm, the language-model head and
// the one-unit value head (PIPA's g), with hand-written backward passes on OpenBLAS.
//
// Goals, in order: 1) exact gradients of the stated function (checked against finite
// differences in Double by Tests/GradientChecks/Training*); 2) one entry point for every
// objective: per-sequence and per-token response log-probabilities and value logits forward,
// and backward from upstream gradients on exactly those quantities; 3) throughput in Float
// (every matrix product batched over all B·T rows in one sgemm; Float entry points
// specialised); 4) bad input throws a ``ModelError``, never traps.
import Numerics

/// A decoder-only transformer with an LM head and a value head, generic over its scalar.
///
/// Forward: for tokens x_{b,0..T−1}, h⁰_{b,t} = E[x_{b,t}] + P[t]; h^ℓ = block_ℓ(h^{ℓ−1});
/// h = LN_f(h^L); log π(· | x_{b,≤t}) = logSoftmax(h_{b,t}·W + c); z_{b,t} = h_{b,t}·w + c_v.
///
/// Backward from upstreams a_b = ∂L/∂(Σ_t m_{b,t} log π(x_{b,t}|x_{b,<t})) per sequence,
/// α_{b,t} = ∂L/∂log π(x_{b,t}|x_{b,<t}) per token and ζ_{b,t} = ∂L/∂z_{b,t}: the LM head
/// at row (b, t−1) receives m_{b,t}·(a_b + α_{b,t}) on its target x_{b,t}; the value head
/// receives ζ; their input gradients add at h and flow back through LN_f, the blocks in
/// reverse order and the two embedding tables (see each layer's doc for its formula).
public final class Transformer<S: ModelScalar> {
  public let config: TransformerConfig
  public let parameters: ParameterStore<S>
  public let tokenEmbedding: Embedding
  public let positionEmbedding: Embedding
  public let blocks: [TransformerBlock]
  public let finalNorm: LayerNorm
  public let lmHead: LMHead
  public let valueHead: ValueHead
  /// Recycled activation buffers (see ``BufferPool``).
  let pool = BufferPool<S>()

  /// A model with the layout of `config` and all parameters zero (gains too); use
  /// ``init(config:initialization:)`` for a trainable model.
  public init(config: TransformerConfig) throws(ModelError) {
    try config.validate()
    self.config = config
    var layout = ParameterLayout()
    let d = config.modelWidth
    tokenEmbedding = Embedding(
      name: "embed.token", rows: config.vocabSize, width: d, layout: &layout)
    positionEmbedding = Embedding(
      name: "embed.position", rows: config.context, width: d, layout: &layout)
    var blocks: [TransformerBlock] = []
    for l in 0..<config.layers {
      blocks.append(TransformerBlock(name: "block\(l)", config: config, layout: &layout))
    }
    self.blocks = blocks
    finalNorm = LayerNorm(name: "lnf", width: d, epsilon: config.layerNormEpsilon, layout: &layout)
    lmHead = LMHead(name: "lm_head", width: d, vocabSize: config.vocabSize, layout: &layout)
    valueHead = ValueHead(name: "value_head", width: d, layout: &layout)
    parameters = ParameterStore(layout: layout)
  }

  /// A model initialised from `initialization` (GPT-2 scheme, see ``ParameterKind``).
  public convenience init(
    config: TransformerConfig, initialization: inout RandomStream
  ) throws(ModelError) {
    try self.init(config: config)
    parameters.initialize(config: config, random: &initialization)
  }

  /// A model with the same configuration and parameter values as `other`, converted to S
  /// (Double → Float rounds each parameter; Float → Double is exact).
  public convenience init<T: ModelScalar>(converting other: Transformer<T>) throws(ModelError) {
    try self.init(config: other.config)
    let src = other.parameters.values.pointer
    let dst = parameters.values.pointer
    for i in 0..<parameters.count { dst[i] = S(src[i]) }
  }

  /// An independent copy with equal parameter values (gradients zero), e.g. a frozen π_ref.
  public func copy() throws(ModelError) -> Transformer<S> {
    try Transformer(converting: self)
  }

  /// Number of parameters.
  public var parameterCount: Int { parameters.count }

  // MARK: Forward

  /// Runs the model on `batch` and returns its log-probabilities, value logits and the
  /// activations ``backward(_:sequenceGradients:tokenGradients:valueLogitGradients:)`` needs.
  /// - Throws: ``ModelError`` when the batch was built for another vocabulary or context.
  @_specialize(where S == Float)
  public func forward(_ batch: TokenBatch) throws(ModelError) -> ForwardPass<S> {
    try ModelError.require(
      batch.length <= config.context, "batch.length", batch.length,
      "must be ≤ context = \(config.context)")
    let vocab = Int32(config.vocabSize)
    for (i, id) in batch.tokens.enumerated() where id < 0 || id >= vocab {
      throw ModelError(
        field: "batch.tokens[\(i)]", value: "\(id)", rule: "must lie in 0..<vocabSize = \(vocab)")
    }
    let (bCount, t) = (batch.count, batch.length)
    let rows = batch.rows
    let d = config.modelWidth
    let v = config.vocabSize
    let ids = batch.tokens
    var positions = [Int32](repeating: 0, count: rows)
    for b in 0..<bCount { for p in 0..<t { positions[b * t + p] = Int32(p) } }

    let arena = BufferArena<S>(pool: pool)
    let residual = arena.take(rows * d, zeroed: false)
    ids.withUnsafeBufferPointer { idp in
      positions.withUnsafeBufferPointer { pp in
        guard let idBase = idp.baseAddress, let pBase = pp.baseAddress else { return }
        tokenEmbedding.forward(
          ids: idBase, count: rows, into: residual.pointer, accumulate: false,
          parameters: parameters)
        positionEmbedding.forward(
          ids: pBase, count: rows, into: residual.pointer, accumulate: true,
          parameters: parameters)
      }
    }
    let scratch = arena.take(rows * d, zeroed: false)
    var caches: [TransformerBlock.Cache<S>] = []
    for block in blocks {
      let cache = TransformerBlock.Cache<S>(
        batch: bCount, length: t, lengths: batch.lengths, config: config, arena: arena)
      block.forward(
        residual: residual.pointer, rows: rows, cache: cache, scratch: scratch,
        parameters: parameters)
      caches.append(cache)
    }
    let trunk = arena.take(rows * d, zeroed: false)
    let normalized = arena.take(rows * d, zeroed: false)
    let inverseStd = arena.take(rows, zeroed: false)
    finalNorm.forward(
      residual.pointer, rows: rows, into: trunk.pointer, normalized: normalized.pointer,
      inverseStd: inverseStd.pointer, parameters: parameters)
    let logProbs = arena.take(rows * v, zeroed: false)
    lmHead.forward(trunk.pointer, rows: rows, into: logProbs.pointer, parameters: parameters)
    let valueBuffer = arena.take(rows, zeroed: false)
    valueHead.forward(trunk.pointer, rows: rows, into: valueBuffer.pointer, parameters: parameters)

    var tokenLogProbs = [Double](repeating: 0, count: rows)
    var sequenceLogProbs = [Double](repeating: 0, count: bCount)
    for b in 0..<bCount {
      var sum = 0.0
      for p in stride(from: 1, to: t, by: 1) {
        let i = b * t + p
        let lp = Double(logProbs.pointer[(i - 1) * v + Int(ids[i])])
        tokenLogProbs[i] = lp
        if batch.responseMask[i] { sum += lp }
      }
      sequenceLogProbs[b] = sum
    }
    let valueLogits = (0..<rows).map { Double(valueBuffer.pointer[$0]) }
    return ForwardPass(
      batch: batch, sequenceLogProbs: sequenceLogProbs, tokenLogProbs: tokenLogProbs,
      valueLogits: valueLogits, owner: ObjectIdentifier(self), ids: ids, positions: positions,
      blocks: caches, trunk: trunk, finalNormalized: normalized, finalInverseStd: inverseStd,
      logProbs: logProbs, arena: arena)
  }

  // MARK: Backward

  /// Adds to ``parameters``' gradients the gradient of L given
  /// - `sequenceGradients` (length B): a_b = ∂L/∂ sequenceLogProbs[b];
  /// - `tokenGradients` (B×T): α_{b,t} = ∂L/∂ tokenLogProbs[b·T + t], used where the response
  ///   mask is true and ignored elsewhere (step-level objectives);
  /// - `valueLogitGradients` (B×T): ζ_{b,t} = ∂L/∂ valueLogits[b·T + t] (PIPA's g = σ(z)).
  /// Any of them may be nil (zero). The parameters must not have changed since `pass` was
  /// computed. Gradients accumulate; call `parameters.zeroGradients()` before a new step.
  /// - Throws: ``ModelError`` for a pass from another model, wrong lengths or non-finite
  ///   upstream gradients.
  @_specialize(where S == Float)
  public func backward(
    _ pass: ForwardPass<S>, sequenceGradients: [Double]? = nil,
    tokenGradients: [Double]? = nil, valueLogitGradients: [Double]? = nil
  ) throws(ModelError) {
    try ModelError.require(
      pass.owner == ObjectIdentifier(self), "pass", "a pass of another model",
      "must come from this model's forward")
    let batch = pass.batch
    let (bCount, t) = (batch.count, batch.length)
    let rows = batch.rows
    try Self.checkGradients(sequenceGradients, "sequenceGradients", count: bCount)
    try Self.checkGradients(tokenGradients, "tokenGradients", count: rows)
    try Self.checkGradients(valueLogitGradients, "valueLogitGradients", count: rows)

    // Row (b, p−1) predicts token x_{b,p}: its target and upstream gradient.
    let arena = BufferArena<S>(pool: pool)
    defer { arena.release() }
    var targets = [Int32](repeating: 0, count: rows)
    let upstream = arena.take(rows, zeroed: true)
    for b in 0..<bCount {
      for p in stride(from: 1, to: t, by: 1) {
        let i = b * t + p
        targets[i - 1] = pass.ids[i]
        guard batch.responseMask[i] else { continue }
        let a = (sequenceGradients?[b] ?? 0) + (tokenGradients?[i] ?? 0)
        upstream.pointer[i - 1] = S(a)
      }
    }
    let scratch = BackwardScratch<S>(batch: bCount, length: t, config: config, arena: arena)
    let dTrunk = arena.take(rows * config.modelWidth, zeroed: false)
    targets.withUnsafeBufferPointer { tp in
      guard let tBase = tp.baseAddress else { return }
      lmHead.backward(
        input: pass.trunk.pointer, logProbs: pass.logProbs.pointer, targets: tBase,
        targetGradients: upstream.pointer, rows: rows, logitGradient: scratch.logits,
        inputGradient: dTrunk.pointer, accumulate: false, parameters: parameters)
    }
    if let valueLogitGradients {
      let dz = arena.take(rows, zeroed: false)
      for i in 0..<rows { dz.pointer[i] = S(valueLogitGradients[i]) }
      valueHead.backward(
        input: pass.trunk.pointer, logitGradients: dz.pointer, rows: rows,
        inputGradient: dTrunk.pointer, accumulate: true, parameters: parameters)
    }
    let residual = arena.take(rows * config.modelWidth, zeroed: false)
    finalNorm.backward(
      outputGradient: dTrunk.pointer, normalized: pass.finalNormalized.pointer,
      inverseStd: pass.finalInverseStd.pointer, rows: rows, inputGradient: residual.pointer,
      accumulate: false, parameters: parameters)
    for (block, cache) in zip(blocks, pass.blocks).reversed() {
      block.backward(
        residualGradient: residual.pointer, rows: rows, cache: cache, scratch: scratch,
        parameters: parameters)
    }
    pass.ids.withUnsafeBufferPointer { idp in
      pass.positions.withUnsafeBufferPointer { pp in
        guard let idBase = idp.baseAddress, let pBase = pp.baseAddress else { return }
        tokenEmbedding.backward(
          ids: idBase, count: rows, outputGradient: residual.pointer, parameters: parameters)
        positionEmbedding.backward(
          ids: pBase, count: rows, outputGradient: residual.pointer, parameters: parameters)
      }
    }
  }

  private static func checkGradients(
    _ g: [Double]?, _ field: String, count: Int
  ) throws(ModelError) {
    guard let g else { return }
    try ModelError.require(g.count == count, "\(field).count", g.count, "must equal \(count)")
    for (i, x) in g.enumerated() where !x.isFinite {
      throw ModelError(field: "\(field)[\(i)]", value: "\(x)", rule: "must be finite")
    }
  }
}
