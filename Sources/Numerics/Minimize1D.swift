// Minimum of f: ℝ → ℝ in a bracket: GSL's Brent minimizer (gsl_min_fminimizer_brent),
// golden-section search with parabolic interpolation.
//
// Goals, in order: 1) never abort or hang: every GSL status is a thrown GSLError, the loop is
// bounded, a non-finite f value is an error; 2) an honest error: the reported error is the
// largest distance from the estimate to the ends of the final bracket; 3) simplicity.
internal import CGSL

/// Minimization: f: ℝ → ℝ here, f: ℝⁿ → ℝ in MinimizeND.swift.
public enum Minimize {}

/// The result of a one-dimensional minimization.
public struct Minimum1D: Sendable, Hashable, Codable {
  /// The minimizer x̂ with error max(x̂ − lo, hi − x̂) over the final bracket [lo, hi].
  public var argmin: Estimate
  /// f(x̂).
  public var value: Double
  /// Brent iterations taken.
  public var iterations: Int
}

extension Minimize {
  /// The minimizer of `f` in the bracket (a, guess, b), by Brent's method. The bracket must
  /// satisfy a < guess < b and f(guess) < min(f(a), f(b)), so that a unimodal f has its
  /// minimum inside. Stops when the bracket [lo, hi] passes gsl_min_test_interval:
  /// |hi − lo| < absoluteTolerance + relativeTolerance·min(|lo|, |hi|).
  ///
  /// Accuracy limit: near a minimum f(x* + δ) − f(x*) ≈ f″δ²/2 drowns in the rounding of f
  /// once |δ| ≲ √(2ε|f(x*)|/f″), so comparisons there are decided by noise and the bracket
  /// is trustworthy only down to ≈ √ε·|x*| (GSL's Brent itself uses √ε as its step floor).
  /// Ask for relativeTolerance ≥ √ε ≈ 1.5e-8 (the default is 1e-7); tighter requests may
  /// report a bracket that no longer holds the exact minimizer.
  /// - Throws: ``GSLError/invalidArgument`` when the bracket is not ordered, or
  ///   f(guess) ≥ f(a) or f(guess) ≥ f(b); GSL_EBADFUNC (9) for a non-finite f value;
  ///   ``GSLError/maxIterations`` when the test fails after `maxIterations` steps.
  public static func brent(
    _ f: (Double) -> Double, a: Double, guess: Double, b: Double,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-7, maxIterations: Int = 200
  ) throws -> Minimum1D {
    guard a.isFinite, b.isFinite, guess.isFinite, a < guess, guess < b,
      absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance.isFinite,
      relativeTolerance.isFinite, absoluteTolerance + relativeTolerance > 0,
      maxIterations >= 1
    else { throw GSLError.invalidArgument }
    GSL.ensureHandlerOff()
    guard let solver = gsl_min_fminimizer_alloc(GSLSolverTypes.minBrent) else {
      throw GSLError.noMemory
    }
    defer { gsl_min_fminimizer_free(solver) }
    return try withGSLFunction(f) { fn in
      // gsl_min_fminimizer_set evaluates f at the three points; it returns GSL_EBADFUNC for a
      // non-finite value and GSL_EINVAL when the guess is not below both ends.
      try GSL.call { gsl_min_fminimizer_set(solver, fn, guess, a, b) }
      for iteration in 1...maxIterations {
        try GSL.call { gsl_min_fminimizer_iterate(solver) }
        let x = gsl_min_fminimizer_x_minimum(solver)
        let lo = gsl_min_fminimizer_x_lower(solver)
        let hi = gsl_min_fminimizer_x_upper(solver)
        let fx = gsl_min_fminimizer_f_minimum(solver)
        if !fx.isFinite { throw GSLError.badFunction }
        let status = gsl_min_test_interval(lo, hi, absoluteTolerance, relativeTolerance)
        if status == GSLStatus.success {
          return Minimum1D(
            argmin: Estimate(value: x, error: max(x - lo, hi - x)), value: fx,
            iterations: iteration)
        }
        if status != GSLStatus.continue { throw GSLError(rawValue: status) }
      }
      throw GSLError.maxIterations
    }
  }
}
