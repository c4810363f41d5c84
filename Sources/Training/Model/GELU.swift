// The GELU activation in its tanh form (Hendrycks & Gimpel 2016; GPT-2; PyTorch's
// nn.GELU(approximate="tanh")), elementwise, with its derivative from the saved tanh.

/// gelu(x) = ½·x·(1 + tanh(u)),  u = √(2/π)·(x + 0.044715·x³).
///
/// Derivative: gelu′(x) = ½(1 + t) + ½·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²), t = tanh(u).
public enum GELU {
  /// √(2/π) to float64 precision.
  static let c0 = 0.7978845608028654
  static let c1 = 0.044715

  /// y_i ← gelu(x_i) for i in 0..<count; saves t_i = tanh(u_i) for the backward pass.
  public static func forward<S: ModelScalar>(
    _ x: UnsafePointer<S>, count: Int, into y: UnsafeMutablePointer<S>,
    tanh t: UnsafeMutablePointer<S>
  ) {
    if S.self == Float.self {
      forwardFloat(
        UnsafeRawPointer(x).assumingMemoryBound(to: Float.self), count: count,
        into: UnsafeMutableRawPointer(y).assumingMemoryBound(to: Float.self),
        tanh: UnsafeMutableRawPointer(t).assumingMemoryBound(to: Float.self))
      return
    }
    let a = S(c0)
    let b = S(c1)
    let half: S = 0.5
    for i in 0..<count {
      let v = x[i]
      let th = S.tanh(a * (v + b * v * v * v))
      t[i] = th
      y[i] = half * v * (1 + th)
    }
  }

  /// The Float forward pass as a plain, non-generic loop that LLVM vectorises (the generic
  /// loop does not, through the protocol's tanh); the same formula as the scalar path.
  static func forwardFloat(
    _ x: UnsafePointer<Float>, count: Int, into y: UnsafeMutablePointer<Float>,
    tanh t: UnsafeMutablePointer<Float>
  ) {
    let a = Float(c0)
    let b = Float(c1)
    for i in 0..<count {
      let v = x[i]
      let th = RationalTanh.tanh(a * (v + b * v * v * v))
      t[i] = th
      y[i] = 0.5 * v * (1 + th)
    }
  }

  /// dx_i ← dy_i · gelu′(x_i), from x and the saved tanh.
  public static func backward<S: ModelScalar>(
    input x: UnsafePointer<S>, tanh t: UnsafePointer<S>, outputGradient dy: UnsafePointer<S>,
    count: Int, inputGradient dx: UnsafeMutablePointer<S>
  ) {
    let a = S(c0)
    let b3 = S(3 * c1)
    let half: S = 0.5
    for i in 0..<count {
      let v = x[i]
      let th = t[i]
      let d = half * (1 + th) + half * v * (1 - th * th) * a * (1 + b3 * v * v)
      dx[i] = dy[i] * d
    }
  }
}
