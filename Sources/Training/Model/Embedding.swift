// A learned lookup table: row `id` of a [rows × width] matrix. The transformer uses two,
// one indexed by token id and one by position.

/// y_i = E[id_i] (a row of the table).
///
/// Backward: ∂L/∂E[r] += Σ_{i : id_i = r} ∂L/∂y_i (a scatter-add; rows never looked up get
/// no gradient).
public struct Embedding: Sendable {
  public let rows: Int
  public let width: Int
  public let table: ParameterView

  /// Registers `name` ([rows, width], kind embedding) in `layout`.
  public init(name: String, rows: Int, width: Int, layout: inout ParameterLayout) {
    self.rows = rows
    self.width = width
    table = layout.add(name, [rows, width], .embedding)
  }

  /// y_i ← E[ids_i] (or y_i += E[ids_i] when `accumulate`) for i in 0..<count. Every id must
  /// lie in 0..<rows (checked by the caller's validation).
  public func forward<S: ModelScalar>(
    ids: UnsafePointer<Int32>, count: Int, into y: UnsafeMutablePointer<S>, accumulate: Bool,
    parameters: ParameterStore<S>
  ) {
    let e = parameters.values.at(table.offset)
    for i in 0..<count {
      let src = e + Int(ids[i]) * width
      let dst = y + i * width
      if accumulate {
        for j in 0..<width { dst[j] += src[j] }
      } else {
        dst.update(from: src, count: width)
      }
    }
  }

  /// ∂L/∂E[ids_i] += dy_i for i in 0..<count.
  public func backward<S: ModelScalar>(
    ids: UnsafePointer<Int32>, count: Int, outputGradient dy: UnsafePointer<S>,
    parameters: ParameterStore<S>
  ) {
    let g = parameters.gradients.at(table.offset)
    for i in 0..<count {
      let dst = g + Int(ids[i]) * width
      let src = dy + i * width
      for j in 0..<width { dst[j] += src[j] }
    }
  }
}
