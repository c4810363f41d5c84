// The position-wise feed-forward sublayer of each block: d → 4d → d with GELU between.

/// MLP(x) = gelu(x·W₁ + b₁)·W₂ + b₂, hidden width h = mlpMultiplier·d.
///
/// Backward, for upstream G = ∂L/∂y: the projection's Linear backward gives ∂L/∂a with
/// a = gelu(z); then ∂L/∂z = ∂L/∂a ⊙ gelu′(z); then the first Linear backward gives ∂L/∂x
/// (see ``Linear`` and ``GELU``).
public struct MLP: Sendable {
  public let width: Int
  public let hidden: Int
  public let expand: Linear
  public let project: Linear

  /// Registers `name.fc` (d → h) and `name.proj` (h → d, a residual projection).
  public init(name: String, width: Int, hidden: Int, layout: inout ParameterLayout) {
    self.width = width
    self.hidden = hidden
    expand = Linear(name: "\(name).fc", inputs: width, outputs: hidden, layout: &layout)
    project = Linear(
      name: "\(name).proj", inputs: hidden, outputs: width, kind: .residualWeight,
      layout: &layout)
  }

  /// Saved activations of one forward pass over `rows` rows.
  public final class Cache<S: ModelScalar> {
    /// z = x·W₁ + b₁ (rows × h).
    let preActivation: Buffer<S>
    /// tanh(u(z)) of the GELU (rows × h).
    let tanh: Buffer<S>
    /// a = gelu(z) (rows × h).
    let activation: Buffer<S>
    /// Fresh buffers (for the layer on its own).
    public convenience init(rows: Int, hidden: Int) {
      self.init(rows: rows, hidden: hidden, arena: BufferArena())
    }
    /// Buffers from `arena` (every element is written by forward before it is read).
    init(rows: Int, hidden: Int, arena: BufferArena<S>) {
      preActivation = arena.take(rows * hidden, zeroed: false)
      tanh = arena.take(rows * hidden, zeroed: false)
      activation = arena.take(rows * hidden, zeroed: false)
    }
  }

  /// y ← MLP(x) for `rows` rows, saving activations in `cache`.
  public func forward<S: ModelScalar>(
    _ x: UnsafePointer<S>, rows: Int, into y: UnsafeMutablePointer<S>, cache: Cache<S>,
    parameters: ParameterStore<S>
  ) {
    expand.forward(x, rows: rows, into: cache.preActivation.pointer, parameters: parameters)
    GELU.forward(
      cache.preActivation.pointer, count: rows * hidden, into: cache.activation.pointer,
      tanh: cache.tanh.pointer)
    project.forward(cache.activation.pointer, rows: rows, into: y, parameters: parameters)
  }

  /// Accumulates parameter gradients and writes ∂L/∂x into `dx` (added when `accumulate`).
  /// `scratch` (at least rows × h) receives ∂L/∂a and then, in place, ∂L/∂z.
  public func backward<S: ModelScalar>(
    input x: UnsafePointer<S>, outputGradient dy: UnsafePointer<S>, rows: Int,
    cache: Cache<S>, scratch: Buffer<S>, inputGradient dx: UnsafeMutablePointer<S>,
    accumulate: Bool, parameters: ParameterStore<S>
  ) {
    let da = scratch.pointer
    project.backward(
      input: cache.activation.pointer, outputGradient: dy, rows: rows, inputGradient: da,
      accumulate: false, parameters: parameters)
    GELU.backward(
      input: cache.preActivation.pointer, tanh: cache.tanh.pointer, outputGradient: da,
      count: rows * hidden, inputGradient: da)
    expand.backward(
      input: x, outputGradient: da, rows: rows, inputGradient: dx, accumulate: accumulate,
      parameters: parameters)
  }
}
