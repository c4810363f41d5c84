// Layer normalisation over the feature axis of each row (Ba, Kiros & Hinton 2016), the
// "pre-LN" of each block and the final LN of TRAINING.md.

/// y = γ ⊙ x̂ + β with x̂ = (x − μ)/s, μ = mean(x), s = √(var(x) + ε) (biased variance over
/// the `width` features of the row).
///
/// Backward, per row, for upstream g = ∂L/∂y and r = 1/s:
///   ∂L/∂γ += g ⊙ x̂,   ∂L/∂β += g,
///   ∂L/∂x = r·(h − mean(h) − x̂·mean(h ⊙ x̂))   with h = g ⊙ γ,
/// which is the chain rule through x̂ = (x − μ)·r: ∂x̂_j/∂x_k = r(δ_jk − 1/n − x̂_j x̂_k/n).
public struct LayerNorm: Sendable {
  public let width: Int
  public let gain: ParameterView
  public let bias: ParameterView
  public let epsilon: Double

  /// Registers `name.gain` (init 1) and `name.bias` (init 0) in `layout`.
  public init(name: String, width: Int, epsilon: Double, layout: inout ParameterLayout) {
    self.width = width
    self.epsilon = epsilon
    gain = layout.add("\(name).gain", [width], .gain)
    bias = layout.add("\(name).bias", [width], .bias)
  }

  /// y ← LN(x) for `rows` rows; saves x̂ (rows × width) and r = 1/s (rows) for backward.
  public func forward<S: ModelScalar>(
    _ x: UnsafePointer<S>, rows: Int, into y: UnsafeMutablePointer<S>,
    normalized xhat: UnsafeMutablePointer<S>, inverseStd rstd: UnsafeMutablePointer<S>,
    parameters: ParameterStore<S>
  ) {
    let gamma = parameters.values.at(gain.offset)
    let beta = parameters.values.at(bias.offset)
    let n = S(width)
    let eps = S(epsilon)
    for r in 0..<rows {
      let xr = x + r * width
      var mean: S = 0
      for j in 0..<width { mean += xr[j] }
      mean /= n
      var variance: S = 0
      for j in 0..<width {
        let c = xr[j] - mean
        variance += c * c
      }
      variance /= n
      let inv = 1 / (variance + eps).squareRoot()
      rstd[r] = inv
      let hr = xhat + r * width
      let yr = y + r * width
      for j in 0..<width {
        let h = (xr[j] - mean) * inv
        hr[j] = h
        yr[j] = gamma[j] * h + beta[j]
      }
    }
  }

  /// Accumulates ∂L/∂γ, ∂L/∂β and writes ∂L/∂x into `dx` (added when `accumulate`).
  public func backward<S: ModelScalar>(
    outputGradient dy: UnsafePointer<S>, normalized xhat: UnsafePointer<S>,
    inverseStd rstd: UnsafePointer<S>, rows: Int, inputGradient dx: UnsafeMutablePointer<S>,
    accumulate: Bool, parameters: ParameterStore<S>
  ) {
    let gamma = parameters.values.at(gain.offset)
    let dGamma = parameters.gradients.at(gain.offset)
    let dBeta = parameters.gradients.at(bias.offset)
    let n = S(width)
    for r in 0..<rows {
      let g = dy + r * width
      let h = xhat + r * width
      var meanH: S = 0
      var meanHX: S = 0
      for j in 0..<width {
        dGamma[j] += g[j] * h[j]
        dBeta[j] += g[j]
        let hj = g[j] * gamma[j]
        meanH += hj
        meanHX += hj * h[j]
      }
      meanH /= n
      meanHX /= n
      let inv = rstd[r]
      let out = dx + r * width
      for j in 0..<width {
        let v = inv * (g[j] * gamma[j] - meanH - h[j] * meanHX)
        out[j] = accumulate ? out[j] + v : v
      }
    }
  }
}
