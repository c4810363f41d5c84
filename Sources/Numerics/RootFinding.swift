// Roots of f: ℝ → ℝ: GSL's bracketed Brent–Dekker solver (gsl_root_fsolver_brent) and two
// bounded ways to find a bracket (a grid scan and geometric expansion).
//
// Goals, in order: 1) never abort or hang: every GSL status is a thrown GSLError, every loop
// has a bound, a non-finite f value is an error; 2) an honest error: the reported error is
// the largest distance from the estimate to the ends of the final sign-change bracket, which
// contains a root of the computed f; 3) simplicity.
internal import CGSL

/// Root finding for f: ℝ → ℝ.
public enum Roots {
  /// The root of `f` in the bracket `interval` by Brent–Dekker (gsl_root_fsolver_brent):
  /// inverse quadratic interpolation and secant steps, with bisection as a safeguard.
  ///
  /// Stops when the bracket [lo, hi] passes gsl_root_test_interval:
  /// |hi − lo| < absoluteTolerance + relativeTolerance·min(|lo|, |hi|) (min taken as 0 when
  /// the bracket straddles 0).
  ///
  /// - Returns: the estimate x̂ and error max(x̂ − lo, hi − x̂): the final bracket still has a
  ///   sign change of f, so it holds a root of f as computed; x̂ need not be the midpoint,
  ///   so the bound is the larger side rather than the half-width. Where f is so flat that
  ///   its rounding noise decides signs, the root of the exact f may lie further off.
  /// - Throws: ``GSLError/invalidArgument`` when f(a), f(b) have the same strict sign or the
  ///   bracket/tolerances are invalid; GSL's `GSL_EBADFUNC` (9) when f returns a non-finite
  ///   value; ``GSLError/maxIterations`` when the test fails after `maxIterations` steps.
  public static func brent(
    _ f: (Double) -> Double, in interval: ClosedRange<Double>,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 4 * Double.ulpOfOne,
    maxIterations: Int = 200
  ) throws -> Estimate {
    try validate(interval, absoluteTolerance, relativeTolerance, maxIterations)
    if interval.lowerBound == interval.upperBound {
      // GSL refuses an empty bracket; a zero there is still a root, exactly.
      let y = f(interval.lowerBound)
      if !y.isFinite { throw GSLError.badFunction }
      guard y == 0 else { throw GSLError.invalidArgument }
      return Estimate(value: interval.lowerBound, error: 0)
    }
    GSL.ensureHandlerOff()
    guard let solver = gsl_root_fsolver_alloc(GSLSolverTypes.rootBrent) else {
      throw GSLError.noMemory
    }
    defer { gsl_root_fsolver_free(solver) }
    return try withGSLFunction(f) { fn in
      try GSL.call { gsl_root_fsolver_set(solver, fn, interval.lowerBound, interval.upperBound) }
      for _ in 0..<maxIterations {
        try GSL.call { gsl_root_fsolver_iterate(solver) }
        let x = gsl_root_fsolver_root(solver)
        let lo = gsl_root_fsolver_x_lower(solver)
        let hi = gsl_root_fsolver_x_upper(solver)
        let status = gsl_root_test_interval(lo, hi, absoluteTolerance, relativeTolerance)
        if status == GSLStatus.success {
          return Estimate(value: x, error: max(x - lo, hi - x))
        }
        if status != GSLStatus.continue { throw GSLError(rawValue: status) }
      }
      throw GSLError.maxIterations
    }
  }

  /// The first subinterval of an evenly spaced grid on `interval` (`subdivisions` pieces)
  /// whose ends give f values of opposite sign (or an exact zero), scanning from the lower
  /// end. Useful for thresholds: the result is a bracket for `brent`.
  /// Evaluates f at most `subdivisions + 1` times. A root pair closer than the grid spacing
  /// (no sign change at the grid points) is missed.
  /// - Throws: ``GSLError/invalidArgument`` when no grid subinterval has a sign change or
  ///   the arguments are invalid; `GSL_EBADFUNC` (9) when f is non-finite at a grid point.
  public static func scanForBracket(
    _ f: (Double) -> Double, in interval: ClosedRange<Double>, subdivisions: Int = 100
  ) throws -> ClosedRange<Double> {
    let a = interval.lowerBound
    let b = interval.upperBound
    guard a.isFinite, b.isFinite, a < b, subdivisions >= 1 else {
      throw GSLError.invalidArgument
    }
    let n = Double(subdivisions)
    func grid(_ i: Int) -> Double {
      // Interpolate from both ends so the last point is exactly b.
      i == subdivisions ? b : a + (b - a) * (Double(i) / n)
    }
    var x0 = a
    var f0 = f(a)
    if !f0.isFinite { throw GSLError.badFunction }
    if f0 == 0 { return a...a }
    for i in 1...subdivisions {
      let x1 = grid(i)
      let f1 = f(x1)
      if !f1.isFinite { throw GSLError.badFunction }
      if f1 == 0 || (f0 < 0) != (f1 < 0) { return x0...x1 }
      x0 = x1
      f0 = f1
    }
    throw GSLError.invalidArgument
  }

  /// Expands `interval` geometrically outward (the end with the smaller |f| moves by
  /// `factor` × the current width, Numerical Recipes `zbrac`) until f changes sign across
  /// it, at most `maxExpansions` times. Returns the bracket.
  /// - Throws: ``GSLError/maxIterations`` when no sign change is found in `maxExpansions`
  ///   steps; ``GSLError/invalidArgument`` for an invalid start; `GSL_EBADFUNC` (9) when f is
  ///   non-finite at a visited point (including after the interval overflows).
  public static func expandBracket(
    _ f: (Double) -> Double, from interval: ClosedRange<Double>, factor: Double = 1.6,
    maxExpansions: Int = 50
  ) throws -> ClosedRange<Double> {
    var a = interval.lowerBound
    var b = interval.upperBound
    guard a.isFinite, b.isFinite, a < b, factor > 0, factor.isFinite, maxExpansions >= 0 else {
      throw GSLError.invalidArgument
    }
    var fa = f(a)
    var fb = f(b)
    for step in 0...maxExpansions {
      if !fa.isFinite || !fb.isFinite || !a.isFinite || !b.isFinite {
        throw GSLError.badFunction
      }
      if fa == 0 || fb == 0 || (fa < 0) != (fb < 0) { return a...b }
      if step == maxExpansions { break }
      if abs(fa) < abs(fb) {
        a -= factor * (b - a)
        fa = f(a)
      } else {
        b += factor * (b - a)
        fb = f(b)
      }
    }
    throw GSLError.maxIterations
  }

  static func validate(
    _ interval: ClosedRange<Double>, _ absTol: Double, _ relTol: Double, _ maxIterations: Int
  ) throws(GSLError) {
    guard interval.lowerBound.isFinite, interval.upperBound.isFinite,
      absTol >= 0, relTol >= 0, absTol.isFinite, relTol.isFinite, absTol + relTol > 0,
      maxIterations >= 1
    else { throw .invalidArgument }
  }
}
