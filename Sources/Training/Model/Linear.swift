// An affine map y = x·W + b applied to every row of a row-major activation matrix, the
// building block of attention, the MLP and both heads. Forward and backward are one gemm
// each (plus a column sum for the bias), batched over all B·T rows.

/// y = x·W + b with W stored [inputs × outputs] row-major and b of length `outputs`.
///
/// Backward, for upstream G = ∂L/∂y (rows × outputs):
///   ∂L/∂W += xᵀ·G,   ∂L/∂b += Σ_rows G,   ∂L/∂x = G·Wᵀ.
public struct Linear: Sendable {
  public let inputs: Int
  public let outputs: Int
  public let weight: ParameterView
  public let bias: ParameterView

  /// Registers `name.weight` ([inputs, outputs], of `kind`) and `name.bias` in `layout`.
  public init(
    name: String, inputs: Int, outputs: Int, kind: ParameterKind = .weight,
    layout: inout ParameterLayout
  ) {
    self.inputs = inputs
    self.outputs = outputs
    weight = layout.add("\(name).weight", [inputs, outputs], kind)
    bias = layout.add("\(name).bias", [outputs], .bias)
  }

  /// y ← x·W + b for `rows` rows (x: rows × inputs, y: rows × outputs, both contiguous).
  public func forward<S: ModelScalar>(
    _ x: UnsafePointer<S>, rows: Int, into y: UnsafeMutablePointer<S>,
    parameters: ParameterStore<S>
  ) {
    let b = parameters.values.at(bias.offset)
    for r in 0..<rows { (y + r * outputs).update(from: b, count: outputs) }
    S.gemm(
      transposeA: false, transposeB: false, m: rows, n: outputs, k: inputs, alpha: 1, a: x,
      lda: inputs, b: parameters.values.at(weight.offset), ldb: outputs, beta: 1, c: y,
      ldc: outputs)
  }

  /// Accumulates ∂L/∂W and ∂L/∂b from `dy` and writes ∂L/∂x into `dx` (added to its
  /// contents when `accumulate`); `dx` nil skips the input gradient.
  public func backward<S: ModelScalar>(
    input x: UnsafePointer<S>, outputGradient dy: UnsafePointer<S>, rows: Int,
    inputGradient dx: UnsafeMutablePointer<S>?, accumulate: Bool, parameters: ParameterStore<S>
  ) {
    let g = parameters.gradients
    S.gemm(
      transposeA: true, transposeB: false, m: inputs, n: outputs, k: rows, alpha: 1, a: x,
      lda: inputs, b: dy, ldb: outputs, beta: 1, c: g.at(weight.offset), ldc: outputs)
    let db = g.at(bias.offset)
    for r in 0..<rows {
      let row = dy + r * outputs
      for j in 0..<outputs { db[j] += row[j] }
    }
    if let dx {
      S.gemm(
        transposeA: false, transposeB: true, m: rows, n: inputs, k: outputs, alpha: 1, a: dy,
        lda: outputs, b: parameters.values.at(weight.offset), ldb: outputs,
        beta: accumulate ? 1 : 0, c: dx, ldc: inputs)
    }
  }
}
