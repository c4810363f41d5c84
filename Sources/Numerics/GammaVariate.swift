// Gamma variates by Marsaglia & Tsang, "A simple method for generating gamma variables",
// ACM TOMS 26(3), 2000: for shape a ≥ 1, with d = a − 1/3 and c = 1/√(9d), draw x ~ N(0, 1),
// v = (1 + c·x)³, and accept d·v when v > 0 and log u < x²/2 + d − d·v + d·log v (with the
// cheap squeeze u < 1 − 0.0331·x⁴ first); for a < 1, Gamma(a) = Gamma(a + 1)·U^{1/a}.
//
// Goals, in order: 1) exact sampling; 2) no underflow to 0 for tiny shapes — the log-space
// variant ``RandomStream/logGamma(shape:)`` keeps log G finite where G itself underflows
// (e.g. shape 0.01 gives G < 1e-300 with probability ~0.001), which Dirichlet needs;
// 3) simplicity.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension RandomStream {
  /// A Gamma(shape, scale) variate (density ∝ x^{shape−1} e^{−x/scale}); shape, scale > 0.
  public mutating func gamma(shape: Double, scale: Double = 1) -> Double {
    precondition(
      shape > 0 && shape.isFinite, "shape must be a positive finite number, got \(shape)")
    precondition(
      scale > 0 && scale.isFinite, "scale must be a positive finite number, got \(scale)")
    if shape >= 1 { return scale * marsagliaTsang(shape) }
    return scale * exp(logGamma(shape: shape))
  }

  /// log G for G ~ Gamma(shape, 1); finite even when G underflows (tiny shapes).
  public mutating func logGamma(shape: Double) -> Double {
    precondition(
      shape > 0 && shape.isFinite, "shape must be a positive finite number, got \(shape)")
    if shape >= 1 { return log(marsagliaTsang(shape)) }
    // Gamma(a) = Gamma(a + 1)·U^{1/a}, U uniform on (0, 1] (Marsaglia & Tsang 2000, §6).
    return log(marsagliaTsang(shape + 1)) + log(uniformPositive()) / shape
  }

  /// Marsaglia–Tsang for shape a ≥ 1.
  mutating func marsagliaTsang(_ a: Double) -> Double {
    let d = a - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = gaussian()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniformPositive()
      let x2 = x * x
      if u < 1 - 0.0331 * x2 * x2 { return d * v }
      if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
    }
  }
}
