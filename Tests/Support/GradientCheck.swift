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
  /// The finite-difference scheme used: central, or one-sided at a domain edge.
  public var method: Derivative.Method

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
      // Record the smallest distance from x at which each method evaluates f: it fixes how
      // much the evaluation noise is amplified (noise/step), which the estimates miss.
      var nearest = Double.infinity
      let recording: (Double) -> Double = { t in
        let d = abs(t - x[i])
        if d > 0 { nearest = min(nearest, d) }
        return fi(t)
      }
      var central = try Derivative.derivative(of: recording, at: x[i], method: method, step: h)
      var centralNearest = nearest
      nearest = .infinity
      let ridders: Estimate
      if method == .central {
        // Ridders starts wider (its tableau shrinks the step by 1.4 per column) but must
        // stay inside the domain on both sides.
        var hr = 10 * h
        while hr > h && (fi(x[i] + hr).isNaN || fi(x[i] - hr).isNaN) { hr /= 2 }
        ridders = try Derivative.derivative(of: recording, at: x[i], method: .ridders, step: max(hr, h))
        // GSL's 5-point estimate can understate its truncation error on strongly curved
        // losses (large β·α): its estimate is the 5- vs 3-point difference at the same h.
        // When the two independent methods disagree beyond their combined estimates, the
        // central difference is recomputed at h/4, h/16, h/64 and the first that agrees
        // with Ridders is kept (otherwise the one closest to Ridders: smaller steps trade
        // truncation for evaluation noise, which can win). The analytic value plays no part.
        var refine = h
        var best = (central, centralNearest)
        for _ in 0..<3 where abs(central.value - ridders.value) > estimateFactor * (central.error + ridders.error) {
          refine /= 4
          let saved = nearest
          nearest = .infinity
          central = try Derivative.derivative(of: recording, at: x[i], method: .central, step: refine)
          centralNearest = nearest
          nearest = saved
          if abs(central.value - ridders.value) < abs(best.0.value - ridders.value) {
            best = (central, centralNearest)
          }
        }
        if abs(central.value - ridders.value) > estimateFactor * (central.error + ridders.error) {
          (central, centralNearest) = best
        }
      } else {
        ridders = central
      }
      let riddersNearest = method == .central ? nearest : centralNearest
      // Noise measured on each method's own scale (rounding noise is not white at every
      // spacing: at tiny spacings neighbouring evaluations round alike).
      // ECnoise assumes random rounding; where the inputs' own rounding dominates (log π − log
      // π_ref at 1e4) the error is a deterministic sawtooth in t whose fourth differences can
      // vanish on the probe grid. First-order rounding analysis bounds that noise: each input
      // x_k enters through an operation rounded to ε|x_k|, moving f by ε|x_k·∂f/∂x_k|.
      let inputNoise = Double.ulpOfOne * zip(x, analytic).reduce(0) { $0 + abs($1.0 * $1.1) }
      // The probe also runs at the method's own spacing (capped at 1e-5·max(1, |x|), where
      // the fourth-difference truncation s⁴f⁗ is still negligible): at spacings far below the
      // step, neighbouring evaluations can round alike and hide the noise the step sees.
      let cap = 1e-5 * max(1, abs(x[i]))
      func noise(_ nearest: Double) -> Double {
        max(
          inputNoise, evaluationNoise(fi, at: x[i], spacing: 1e-2 * nearest, method: method),
          evaluationNoise(fi, at: x[i], spacing: min(nearest, cap), method: method))
      }
      let noiseCentral = noise(centralNearest)
      let noiseRidders = noise(riddersNearest)
      let gmax = analytic.map { abs($0) }.max() ?? 0
      let inputScale = max(1, x.map { abs($0) }.max() ?? 0)
      let termScale = max(scale, abs(central.value), abs(analytic[i]), inputScale * gmax)
      let round = roundoff(analytic[i], scale: termScale)
      var tc = Tolerance.truncation(
        estimate: central.error, factor: estimateFactor,
        reason: "\(estimateFactor) × GSL \(method.rawValue) abserr") + round
        + noiseTolerance(noiseCentral, step: centralNearest)
      let tr = Tolerance.truncation(
        estimate: ridders.error, factor: estimateFactor,
        reason: "\(estimateFactor) × Ridders error") + round + noiseTolerance(noiseRidders, step: riddersNearest)
      // Where the two methods still disagree beyond their combined estimates after the
      // refinement, GSL's 5- vs 3-point estimate has understated the central difference's
      // truncation error (high-order curvature at large β·α); the observed disagreement is
      // then a measured lower bound on that error and widens the central tolerance. The
      // analytic value must still match Ridders within Ridders' own bar.
      let disagreement = abs(central.value - ridders.value)
      if method == .central, disagreement > estimateFactor * (central.error + ridders.error) {
        tc = tc + Tolerance(
          absolute: disagreement, relative: 0,
          reason: "central–Ridders disagreement \(disagreement) (central error understated)")
      }
      let ok = tc.accepts(analytic[i], central.value) && tr.accepts(analytic[i], ridders.value)
      out.append(
        PartialCheck(
          name: names[i], analytic: analytic[i], central: central, ridders: ridders, passed: ok,
          centralTolerance: tc, riddersTolerance: tr, method: method))
    }
    return out
  }

  /// The evaluation noise δ of f near x: the rounding that makes f(x + t) wobble around a
  /// smooth curve. GSL's abserr estimates it as ε·|f|, which misses losses that cancel
  /// large terms inside (θ − logSumExp θ at |θ| ≈ 100, log π − log π_ref at 10⁵). Estimated
  /// as in Moré & Wild's ECnoise: the fourth differences of f on 9 points at spacing s
  /// (s⁴f⁗ is negligible at s ≈ 1e-5) are pure noise, with standard deviation √70·δ for
  /// independent rounding errors; the largest of the five windows divided by 8 (≈ √70)
  /// estimates δ. One-sided methods sample on the inside of the domain only.
  public static func evaluationNoise(
    _ f: (Double) -> Double, at x: Double, spacing s: Double, method: Derivative.Method
  ) -> Double {
    guard s.isFinite, s > 0 else { return 0 }
    let offsets: [Double]
    switch method {
    case .forward: offsets = (0...8).map { Double($0) }
    case .backward: offsets = (0...8).map { -Double($0) }
    default: offsets = (-4...4).map { Double($0) }
    }
    let v = offsets.map { f(x + $0 * s) }
    guard v.allSatisfy(\.isFinite) else { return 0 }
    var worst = 0.0
    for k in 0...4 {
      let d4 = v[k] - 4 * v[k + 1] + 6 * v[k + 2] - 4 * v[k + 3] + v[k + 4]
      worst = max(worst, abs(d4))
    }
    // Floor: f's value is rounded at least once (≤ ε|f|/2), and where f changes by less
    // than an ulp across the probe spacing the differences above are exactly 0 (the noise is
    // then pure quantisation, invisible to them); 2ε|f(x)| covers both.
    let center = offsets.firstIndex(of: 0) ?? 0
    return max(worst / 8, 2 * Double.ulpOfOne * abs(v[center]))
  }

  /// The error a difference quotient at `step` inherits from evaluation noise δ: GSL's
  /// 5-point rule combines its values with weights summing to 3/h in magnitude (Ridders'
  /// extrapolation likewise stays within a few /h), times the same safety factor as on the
  /// estimates.
  public static func noiseTolerance(_ noise: Double, step: Double) -> Tolerance {
    guard noise > 0, step.isFinite, step > 0 else {
      return Tolerance(absolute: 0, relative: 0, reason: "no measurable evaluation noise")
    }
    return Tolerance(
      absolute: estimateFactor * 3 * noise / step, relative: 0,
      reason: "\(estimateFactor) × 3δ/h for evaluation noise δ = \(noise) at step \(step)")
  }

  /// The default initial step at x: 1e-3, whatever |x| — losses vary on a scale set by β
  /// and lengths, not by |x| (a log-probability of −1e5 is as curved as one of −1), and
  /// GSL adapts the step from its truncation and rounding estimates. Beyond |x| = 1e4 the
  /// step grows as 1e-7·|x| so that x ± h stays resolvable (ε|x|/h ≤ 2e-9).
  public static func defaultStep(_ x: Double) -> Double {
    max(1e-3, 1e-7 * abs(x))
  }
}
