// Shared pieces of the AlphaPO checks (claims/alphapo.md §2): the default draws of §2.2,
// the tolerances of §2.4 (16ε·S for closed forms, 10·abserr + 16ε|value| for finite
// differences), and the finite-difference rule's retry at h/10 and h/100.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One default draw of §2.2.
struct AlphaPODraw: Sendable {
  var logPiW: Double
  var logPiL: Double
  var logRefW: Double
  var logRefL: Double
  var lenW: Int
  var lenL: Int
  var beta: Double
  var gamma: Double
  var alpha: Double
  var gW: Double
  var gL: Double

  /// §2.2: log π ~ U[−50, −10⁻³]; |y| ~ U{1..512}; β log-uniform [0.1, 10]; γ ~ U[0, 5];
  /// α ~ U[−10, 10]; g ~ U[−10, 10].
  static func draw(_ r: inout RandomStream) -> AlphaPODraw {
    AlphaPODraw(
      logPiW: Strata.uniform(&r, -50, -1e-3), logPiL: Strata.uniform(&r, -50, -1e-3),
      logRefW: Strata.uniform(&r, -50, -1e-3), logRefL: Strata.uniform(&r, -50, -1e-3),
      lenW: Strata.integer(&r, 1...512), lenL: Strata.integer(&r, 1...512),
      beta: Strata.logUniform(&r, 0.1, 10), gamma: Strata.uniform(&r, 0, 5),
      alpha: Strata.uniform(&r, -10, 10), gW: Strata.uniform(&r, -10, 10),
      gL: Strata.uniform(&r, -10, 10))
  }

  var lw: Double { logPiW / Double(lenW) }
  var ll: Double { logPiL / Double(lenL) }
  var example: AlphaPOExample {
    AlphaPOExample(
      logPiW: logPiW, lenW: lenW, gW: gW, logPiL: logPiL, lenL: lenL, gL: gL, beta: beta,
      gamma: gamma)
  }

  var inputs: [NamedValue] {
    [
      NamedValue("log π_w", logPiW), NamedValue("|y_w|", Double(lenW)),
      NamedValue("log π_l", logPiL), NamedValue("|y_l|", Double(lenL)),
      NamedValue("β", beta), NamedValue("γ", gamma), NamedValue("α", alpha),
    ]
  }
}

/// The fixed α values every draw with a free α is also evaluated at (§2.2).
let alphaPOFixedAlphas: [Double] = [0, 1e-8, -1e-8, 0.25, -0.25, 1, -1, 2, -2]

/// Tolerances of claims/alphapo.md §2.4.
enum AlphaPOTolerance {
  static let eps = Double.ulpOfOne

  /// Closed form vs closed form: 16ε·S, S the sum of |terms| entering both sides.
  static func closed(_ s: Double) -> Tolerance {
    Tolerance(
      absolute: 16 * eps * abs(s), relative: 0,
      reason: "§2.4: 16ε·S, S = \(formatNumber(abs(s))) (sum of |terms| of both sides)")
  }

  /// Finite differences: 10·abserr + 16ε|value|.
  static func finiteDifference(abserr: Double, value: Double) -> Tolerance {
    Tolerance(
      absolute: 10 * abserr + 16 * eps * abs(value), relative: 0,
      reason: "§2.4 FD rule: 10·abserr + 16ε|value|")
  }

  /// Rounding that GSL's abserr cannot see when the per-example loss ℓ(z) is differenced: abserr
  /// estimates round-off from |ℓ| only, but z = δr − γ is formed from terms of size
  /// Z = |β/α|(e^{αc_w}(1 + |αc_w|) + e^{αc_l}(1 + |αc_l|) + 2) + γ (α ≠ 0; e^{x} carries relative
  /// error ε|x|) or β(c_w + c_l) + γ (α = 0), and their rounding moves ℓ by about ε|ℓ′(z)|Z. A
  /// factor 4 covers the few operations per term. Divided by the step and multiplied by 10 (as
  /// abserr is), it is added to the FD tolerance (the same correction as the engine FD rule's
  /// `inputRounding`). In the tail (ℓ′ ~ e^{−z}, Z ≫ |z|) this is what separates FD noise from
  /// a wrong formula.
  static func hiddenLossRounding(_ e: AlphaPOExample, alpha a: Double) -> Double {
    let z = AlphaPOGradientFactors.deltaRStable(e, alpha: a) - e.gamma
    let lp = abs(AlphaPOGradientFactors.lossDerivative(z))
    if lp == 0 || !lp.isFinite { return 0 }
    let zTerms: Double
    if a == 0 {
      zTerms = e.beta * (e.cw + e.cl) + e.gamma
    } else {
      zTerms = abs(e.beta / a) * (exp(a * e.cw) * (1 + abs(a * e.cw)) + exp(a * e.cl) * (1 + abs(a * e.cl)) + 2)
        + e.gamma
    }
    let v = 4 * eps * lp * zTerms
    return v.isFinite ? v : 0
  }

  /// The absolute rounding floor of a difference quotient in the subnormal range: loss values
  /// below 2⁻¹⁰²² are rounded absolutely (2⁻¹⁰⁷⁴), not relatively, so 16·2⁻¹⁰⁷⁴/h (≈ 8e-319 at
  /// h = 1e-4, negligible for normal-range values) is added to the FD tolerance.
  static func subnormalFloor(step h: Double) -> Double { 16 * Double.leastNonzeroMagnitude / h }

  /// The §2.4 FD rule with its retry, the comparison also given the step h_k in use (so that
  /// step-dependent tolerance terms such as hidden rounding/h_k are taken at that step).
  static func fdRuleStepped(
    _ f: (Double) -> Double, at x: Double, step h: Double,
    compare: (Estimate, Double) -> (residual: Double, tolerance: Double)
  ) throws -> (passed: Bool, residual: Double, tolerance: Double) {
    var first: (Double, Double)? = nil
    for k in 0..<3 {
      let hk = h / pow(10, Double(k))
      let e = try Derivative.derivative(of: f, at: x, method: .central, step: hk)
      let c = compare(e, hk)
      if first == nil { first = (c.residual, c.tolerance) }
      if c.residual <= c.tolerance { return (true, c.residual, c.tolerance) }
    }
    return (false, first?.0 ?? .nan, first?.1 ?? .nan)
  }

  /// The §2.4 FD rule with its retry: compares `analytic` (a function of the FD estimate, so
  /// the comparison can be made on a transformed scale) at h, h/10, h/100; passes if any
  /// step passes. Returns (passed, worst residual, tolerance at h).
  static func fdRule(
    _ f: (Double) -> Double, at x: Double, step h: Double,
    compare: (Estimate) -> (residual: Double, tolerance: Double)
  ) throws -> (passed: Bool, residual: Double, tolerance: Double) {
    var first: (Double, Double)? = nil
    for k in 0..<3 {
      let hk = h / pow(10, Double(k))
      let e = try Derivative.derivative(of: f, at: x, method: .central, step: hk)
      let c = compare(e)
      if first == nil { first = (c.residual, c.tolerance) }
      if c.residual <= c.tolerance { return (true, c.residual, c.tolerance) }
    }
    return (false, first?.0 ?? .nan, first?.1 ?? .nan)
  }
}

/// The smallest counterexample of §2.6: smallest |y_w| + |y_l|, then |α|, then draw index.
struct AlphaPOSmallest {
  private var key: (Int, Double, Int)? = nil
  private(set) var example: Counterexample? = nil

  mutating func offer(size: Int, alpha: Double, index: Int, _ c: @autoclosure () -> Counterexample) {
    let k = (size, abs(alpha), index)
    if let cur = key, !(k < cur) { return }
    key = k
    example = c()
  }
}
