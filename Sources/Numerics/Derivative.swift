// Numerical derivatives with error estimates: GSL's adaptive central, forward and backward
// differences (gsl_deriv_central/forward/backward, which return an abserr combining the
// truncation and rounding errors), and Ridders' polynomial extrapolation of central
// differences (Ridders 1982; Press et al., Numerical Recipes §5.7), which usually reaches
// ~1e-12 relative on smooth functions. Gradient and directional-derivative helpers for
// f: ℝⁿ → ℝ build on both.
internal import CGSL

/// Numerical differentiation of f: ℝ → ℝ and f: ℝⁿ → ℝ.
public enum Derivative {
  /// Which finite-difference scheme to use.
  public enum Method: String, Sendable, CaseIterable, Codable {
    /// GSL's 5-point central difference with adaptive step and error estimate.
    case central
    /// GSL's 4-point forward (one-sided) difference, for points at the left edge of a domain.
    case forward
    /// GSL's 4-point backward difference, for points at the right edge of a domain.
    case backward
    /// Ridders' extrapolation of central differences (Neville tableau), with its own
    /// error estimate.
    case ridders
  }

  /// The default initial step at `x`: 1e-3·max(1, |x|) for GSL's schemes (which adapt it)
  /// and 0.1·max(1, 10⁻³|x|) for Ridders (whose tableau shrinks it by 1.4 per column to
  /// h/20, so it must start within ~20× of a good step whatever the function's own scale:
  /// 0.1·|x| failed for sin, exp and logSigmoid at x = 100). For x ≠ 0 either step is
  /// capped at |x|/2, so that x ± h stays on the side of 0 where x is (log, 1/x, √x and
  /// x·log x at x = 10⁻³ otherwise stepped across their singularity at 0).
  public static func defaultStep(at x: Double, method: Method) -> Double {
    let h = method == .ridders ? 0.1 * max(1, 1e-3 * abs(x)) : 1e-3 * max(1, abs(x))
    return x == 0 ? h : min(h, abs(x) / 2)
  }

  /// f′(x) with an absolute error estimate.
  /// - Parameters:
  ///   - step: the initial step h (nil: ``defaultStep(at:method:)``); must be > 0.
  /// - Throws: ``GSLError`` when GSL reports a failure or f returns NaN.
  public static func derivative(
    of f: (Double) -> Double, at x: Double, method: Method = .central, step: Double? = nil
  ) throws -> Estimate {
    let h = step ?? defaultStep(at: x, method: method)
    precondition(h > 0 && h.isFinite, "step must be a positive finite number, got \(h)")
    if method == .ridders { return try ridders(f, x, h) }
    var result = 0.0
    var abserr = 0.0
    try withGSLFunction(f) { fn in
      try GSL.call {
        switch method {
        case .central: return gsl_deriv_central(fn, x, h, &result, &abserr)
        case .forward: return gsl_deriv_forward(fn, x, h, &result, &abserr)
        case .backward: return gsl_deriv_backward(fn, x, h, &result, &abserr)
        case .ridders: return -1
        }
      }
    }
    // A non-finite f (log 0 = −∞ as well as NaN) makes the difference meaningless.
    if !result.isFinite || !abserr.isFinite { throw GSLError.domain }
    return Estimate(value: result, error: abserr)
  }

  /// Ridders' method: central differences at h, h/1.4, h/1.4², … extrapolated to h → 0 in a
  /// Neville tableau; stops when the error grows by more than 2× (rounding takes over).
  /// The error estimate is the larger distance of the best entry from its two parents, floored
  /// at the rounding error of the central differences it combines.
  static func ridders(_ f: (Double) -> Double, _ x: Double, _ h0: Double) throws
    -> Estimate
  {
    let con = 1.4
    let con2 = con * con
    let ntab = 10
    let safe = 2.0
    var a = [[Double]](repeating: [Double](repeating: 0, count: ntab), count: ntab)
    var hh = h0
    // The largest |f(x ± h)| seen at each step: the rounding of a central difference is
    // set by the values it subtracts, which can far exceed |f(x)| (atan near 0).
    var scale = [Double](repeating: 0, count: ntab)
    func central(_ h: Double, _ i: Int) -> Double {
      let (up, down) = (f(x + h), f(x - h))
      scale[i] = max(abs(up), abs(down))
      return (up - down) / (2 * h)
    }
    a[0][0] = central(hh, 0)
    var best = a[0][0]
    var bestStep = hh
    var bestScale = scale[0]
    var err = Double.greatestFiniteMagnitude
    for i in 1..<ntab {
      hh /= con
      a[0][i] = central(hh, i)
      var fac = con2
      for j in 1...i {
        a[j][i] = (a[j - 1][i] * fac - a[j - 1][i - 1]) / (fac - 1)
        fac *= con2
        let errt = max(abs(a[j][i] - a[j - 1][i]), abs(a[j][i] - a[j - 1][i - 1]))
        if errt <= err {
          err = errt
          best = a[j][i]
          bestStep = hh
          bestScale = scale[0...i].max() ?? scale[i]
        }
      }
      if abs(a[i][i] - a[i - 1][i - 1]) >= safe * err { break }
    }
    if !best.isFinite || err.isNaN { throw GSLError.domain }
    // The tableau's error estimate is a difference of extrapolants and can be 0 by
    // coincidence; it cannot be below the rounding error of the differences it combines:
    // each f(x ± h) carries ≤ ε|f(x ± h)| rounding and x ± h itself is rounded by ≤ ε|x|/2,
    // so a central difference at step h has rounding error ≈ ε(max|f(x ± h)| + |x·f′|)/h
    // (the maximum over the steps the best entry combines). Neville's extrapolation weights
    // sum in magnitude to ≤ 4 for con = 1.4 at the depths used.
    let rounding = 4 * Double.ulpOfOne * (bestScale + abs(x * best)) / bestStep
    return Estimate(value: best, error: max(err, rounding))
  }

  /// ∇f(x), one estimate per coordinate (coordinate i varied with the others fixed).
  public static func gradient(
    of f: ([Double]) -> Double, at x: [Double], method: Method = .central,
    steps: [Double]? = nil
  ) throws -> [Estimate] {
    if let steps { precondition(steps.count == x.count, "steps must match x in length") }
    var out: [Estimate] = []
    out.reserveCapacity(x.count)
    for i in x.indices {
      var point = x
      let e = try derivative(
        of: { t in
          point[i] = t
          return f(point)
        }, at: x[i], method: method, step: steps?[i])
      out.append(e)
    }
    return out
  }

  /// The directional derivative d/dt f(x + t·v) at t = 0.
  public static func directional(
    of f: ([Double]) -> Double, at x: [Double], along v: [Double], method: Method = .central,
    step: Double? = nil
  ) throws -> Estimate {
    precondition(v.count == x.count, "direction must match x in length")
    var point = x
    return try derivative(
      of: { t in
        for i in x.indices { point[i] = x[i] + t * v[i] }
        return f(point)
      }, at: 0, method: method, step: step)
  }
}
