// The one-unit value head on the transformer's trunk, for PIPA's g (shared/papers/004_*,
// §2.5): a per-position probability g = σ(h·w + c) read from the same final-LayerNorm output
// the LM head reads.

/// z_r = h_r·w + c,  g_r = σ(z_r).
///
/// The backward pass takes upstream gradients on the logit z (stable for losses in log g or
/// log(1 − g), where ∂/∂z log σ(z) = 1 − σ(z)); for an upstream on g multiply by g(1 − g).
///   ∂L/∂w += Σ_r (∂L/∂z_r)·h_r,   ∂L/∂c += Σ_r ∂L/∂z_r,   ∂L/∂h_r = (∂L/∂z_r)·wᵀ.
public struct ValueHead: Sendable {
  public let width: Int
  public let linear: Linear

  /// Registers `name.weight` ([d, 1]) and `name.bias` in `layout`.
  public init(name: String, width: Int, layout: inout ParameterLayout) {
    self.width = width
    linear = Linear(name: name, inputs: width, outputs: 1, layout: &layout)
  }

  /// logits ← h·w + c for `rows` rows.
  public func forward<S: ModelScalar>(
    _ h: UnsafePointer<S>, rows: Int, into logits: UnsafeMutablePointer<S>,
    parameters: ParameterStore<S>
  ) {
    linear.forward(h, rows: rows, into: logits, parameters: parameters)
  }

  /// Accumulates ∂L/∂w, ∂L/∂c and writes ∂L/∂h into `dh` (added when `accumulate`).
  public func backward<S: ModelScalar>(
    input h: UnsafePointer<S>, logitGradients dz: UnsafePointer<S>, rows: Int,
    inputGradient dh: UnsafeMutablePointer<S>, accumulate: Bool, parameters: ParameterStore<S>
  ) {
    linear.backward(
      input: h, outputGradient: dz, rows: rows, inputGradient: dh, accumulate: accumulate,
      parameters: parameters)
  }
}
