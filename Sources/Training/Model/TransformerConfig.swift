// The shape of the decoder-only transformer of shared/design/TRAINING.md ("Model"):
// defaults L = 2 blocks, d = 64, 4 heads, context 48; the vocabulary size and the special
// token ids come from the task (Sources/Training/Task), so they are parameters here.

/// Sizes and initialisation of a ``Transformer``.
public struct TransformerConfig: Sendable, Equatable, Codable, CustomStringConvertible {
  /// Number of token ids (ids are 0..<vocabSize).
  public var vocabSize: Int
  /// Number of pre-LayerNorm blocks L.
  public var layers: Int
  /// Residual-stream width d.
  public var modelWidth: Int
  /// Attention heads (must divide d).
  public var heads: Int
  /// Maximum sequence length (learned positions 0..<context).
  public var context: Int
  /// MLP hidden width as a multiple of d (4 in TRAINING.md).
  public var mlpMultiplier: Int
  /// LayerNorm's ε inside √(σ² + ε).
  public var layerNormEpsilon: Double
  /// Standard deviation of the N(0, σ²) initialisation of weights and embeddings (GPT-2's
  /// 0.02); the two residual projections of each block use σ/√(2L).
  public var initStd: Double

  public init(
    vocabSize: Int, layers: Int = 2, modelWidth: Int = 64, heads: Int = 4, context: Int = 48,
    mlpMultiplier: Int = 4, layerNormEpsilon: Double = 1e-5, initStd: Double = 0.02
  ) throws(ModelError) {
    self.vocabSize = vocabSize
    self.layers = layers
    self.modelWidth = modelWidth
    self.heads = heads
    self.context = context
    self.mlpMultiplier = mlpMultiplier
    self.layerNormEpsilon = layerNormEpsilon
    self.initStd = initStd
    try validate()
  }

  /// Per-head width d / heads.
  public var headWidth: Int { modelWidth / heads }
  /// MLP hidden width (mlpMultiplier · d).
  public var hiddenWidth: Int { mlpMultiplier * modelWidth }

  /// Throws a ``ModelError`` naming the first field that breaks its rule.
  public func validate() throws(ModelError) {
    try ModelError.require(vocabSize >= 2, "vocabSize", vocabSize, "must be ≥ 2")
    try ModelError.require(layers >= 1, "layers", layers, "must be ≥ 1")
    try ModelError.require(modelWidth >= 1, "modelWidth", modelWidth, "must be ≥ 1")
    try ModelError.require(heads >= 1, "heads", heads, "must be ≥ 1")
    try ModelError.require(
      modelWidth % heads == 0, "heads", heads, "must divide modelWidth = \(modelWidth)")
    try ModelError.require(context >= 2, "context", context, "must be ≥ 2")
    try ModelError.require(mlpMultiplier >= 1, "mlpMultiplier", mlpMultiplier, "must be ≥ 1")
    try ModelError.require(
      layerNormEpsilon > 0 && layerNormEpsilon.isFinite, "layerNormEpsilon", layerNormEpsilon,
      "must be finite and > 0")
    try ModelError.require(
      initStd > 0 && initStd.isFinite, "initStd", initStd, "must be finite and > 0")
  }

  public var description: String {
    "L=\(layers) d=\(modelWidth) heads=\(heads) context=\(context) vocab=\(vocabSize) "
      + "mlp=\(mlpMultiplier)d"
  }
}
