// Analytic gradient versus numerical derivatives, with tolerances from the numerical
// method's own error estimate (GSL's abserr; Ridders' tableau error) plus a float64
// rounding bound on the analytic value. Used by Tests/GradientChecks for every objective
// and by the model's backward-pass checks.
import Numerics

/// The comparison of one analytic partial derivative with its numerical estimates.
public struct PartialCheck: Sendable, CustomStringConvertible {
  public var name: String
  public var analytic: Double
  public var central: Estimate
  public var ridders: Estimate
  /// Whether the analytic value lies within tolerance of both numerical estimates.
  public var passed: Bool
  public var centralTolerance: Tolerance
  public var riddersTolerance: Tolerance

  public var description: String {
    "\(name): analytic \(analytic), central \(central) [\(centralTolerance.explain(analytic, central.value))], "
      + "ridders \(ridders) [\(riddersTolerance.explain(analytic, ridders.value))]"
  }
}

/// Finite-difference gradient checks.
public enum GradientCheck {
  /// The safety factor on a method's error estimate: GSL's abserr is an estimate, not a
  /// bound; GSL's own deriv/test.c accepts an error up to its estimate, and a 4× margin
  /// covers the cases where the truncation term is underestimated by the 5-point rule.
  public static let estimateFactor = 4.0

  /// Rounding bound on an analytic gradient computed in float64: a few dozen operations,
  /// each rounding by ≤ ε/2 relative, so 64ε·|g| relative, plus the absolute floor
  /// 64ε·scale. The inputs enter the loss through sums such as log π − log π_ref whose
  /// rounding is ε·max|x| absolute; that error moves every partial by up to
  /// ε·max|x|·(curvature), which for these losses is ≤ max|g| per unit of input, so the
  /// caller passes scale = max(1, max|x|)·max|g|. Both the analytic and the numerical
  /// derivatives carry this error; it is not a property of either method.
  public static func roundoff(_ g: Double, scale: Double) -> Tolerance {
    Tolerance.roundoff(
      ulps: 64, floor: 64 * Double.ulpOfOne * scale,
      reason: "64 ulps of float64 rounding in the analytic gradient")
  }

  /// Checks every partial derivative of `f` at `x` against `analytic`.
  ///
  /// `f` returns nil outside its domain; near a domain edge the check switches from the
  /// central to the one-sided difference that stays inside (and shrinks the step when
  /// both sides leave the domain). `steps` overrides the initial step per coordinate.
  public static func check(
    names: [String], at x: [Double], analytic: [Double], steps: [Double]? = nil,
    scale: Double = 1, _ f: @escaping ([Double]) -> Double?
  ) throws -> [PartialCheck] {
    precondition(names.count == x.count && analytic.count == x.count, "shapes must agree")
    var out: [PartialCheck] = []
    for i in x.indices {
      var point = x
      let fi: (Double) -> Double = { t in
        point[i] = t
        return f(point) ?? .nan
      }
      var h = steps?[i] ?? defaultStep(x[i])
      var method = Derivative.Method.central
      for _ in 0..<40 {
        let plusOK = !fi(x[i] + 2 * h).isNaN
        let minusOK = !fi(x[i] - 2 * h).isNaN
        if plusOK && minusOK { break }
        if plusOK && !minusOK && !fi(x[i] + 4 * h).isNaN { method = .forward; break }
        if minusOK && !plusOK && !fi(x[i] - 4 * h).isNaN { method = .backward; break }
        h /= 8
      }
      let central = try Derivative.derivative(of: fi, at: x[i], method: method, step: h)
      let ridders: Estimate
      if method == .central {
        // Ridders starts wider (its tableau shrinks the step by 1.4 per column) but must
        // stay inside the domain on both sides.
        var hr = 10 * h
        while hr > h && (fi(x[i] + hr).isNaN || fi(x[i] - hr).isNaN) { hr /= 2 }
        ridders = try Derivative.derivative(of: fi, at: x[i], method: .ridders, step: max(hr, h))
      } else {
        ridders = central
      }
      let gmax = analytic.map { abs($0) }.max() ?? 0
      let inputScale = max(1, x.map { abs($0) }.max() ?? 0)
      let termScale = max(scale, abs(central.value), abs(analytic[i]), inputScale * gmax)
      let round = roundoff(analytic[i], scale: termScale)
      let tc = Tolerance.truncation(
        estimate: central.error, factor: estimateFactor,
        reason: "\(estimateFactor) × GSL \(method.rawValue) abserr") + round
      let tr = Tolerance.truncation(
        estimate: ridders.error, factor: estimateFactor,
        reason: "\(estimateFactor) × Ridders error") + round
      let ok = tc.accepts(analytic[i], central.value) && tr.accepts(analytic[i], ridders.value)
      out.append(
        PartialCheck(
          name: names[i], analytic: analytic[i], central: central, ridders: ridders, passed: ok,
          centralTolerance: tc, riddersTolerance: tr))
    }
    return out
  }

  /// The default initial step at x: 1e-3, whatever |x| — losses vary on a scale set by β
  /// and lengths, not by |x| (a log-probability of −1e5 is as curved as one of −1), and
  /// GSL adapts the step from its truncation and rounding estimates. Beyond |x| = 1e4 the
  /// step grows as 1e-7·|x| so that x ± h stays resolvable (ε|x|/h ≤ 2e-9).
  public static func defaultStep(_ x: Double) -> Double {
    max(1e-3, 1e-7 * abs(x))
  }
}
