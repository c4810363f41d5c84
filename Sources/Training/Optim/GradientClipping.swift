// Global-norm gradient clipping (Pascanu, Mikolov & Bengio 2013; PyTorch's
// clip_grad_norm_): if ‖g‖₂ over all parameters exceeds c, scale every gradient by c/‖g‖₂.

/// Global L2-norm clipping of a ``ParameterStore``'s gradients.
public enum GradientClipping {
  /// ‖g‖₂ over the whole gradient buffer, accumulated in Double.
  public static func globalNorm<S: ModelScalar>(_ parameters: ParameterStore<S>) -> Double {
    let g = parameters.gradients.pointer
    var sum = 0.0
    for i in 0..<parameters.count {
      let x = Double(g[i])
      sum += x * x
    }
    return sum.squareRoot()
  }

  /// Scales the gradients by min(1, maxNorm/‖g‖₂) and returns ‖g‖₂ before clipping.
  /// - Throws: ``ModelError`` when maxNorm is not finite and > 0, or the gradient norm is
  ///   not finite (a NaN/∞ gradient must stop the step, not be scaled into the parameters).
  @discardableResult
  public static func clip<S: ModelScalar>(
    _ parameters: ParameterStore<S>, maxNorm: Double
  ) throws(ModelError) -> Double {
    try ModelError.require(
      maxNorm > 0 && maxNorm.isFinite, "maxGradientNorm", maxNorm, "must be finite and > 0")
    let norm = globalNorm(parameters)
    try ModelError.require(norm.isFinite, "gradient norm", norm, "must be finite")
    if norm > maxNorm {
      let scale = S(maxNorm / norm)
      let g = parameters.gradients.pointer
      for i in 0..<parameters.count { g[i] *= scale }
    }
    return norm
  }
}
