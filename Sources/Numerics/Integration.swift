// Definite integrals by GSL's adaptive QUADPACK routines: QAGS on [a, b] (21-point
// Gauss–Kronrod with Wynn ε-extrapolation, which handles integrable endpoint singularities)
// and QAGIU on [a, ∞) (QAGS after x = a + (1 − t)/t).
//
// Goals, in order: 1) never abort or hang: every GSL status (round-off, singularity,
// divergence, subdivision limit) is a thrown GSLError and a non-finite integrand value is an
// error; 2) return QUADPACK's error estimate with the value; 3) simplicity.
internal import CGSL

/// Numerical integration of f: ℝ → ℝ.
public enum Integrate {
  /// ∫ₐᵇ f(x) dx by QAGS (gsl_integration_qags), to |error| ≤ max(absoluteTolerance,
  /// relativeTolerance·|∫|). f is never evaluated at a or b (Gauss–Kronrod nodes are
  /// interior), so integrable endpoint singularities are allowed.
  /// - Returns: the value with QUADPACK's (conservative) absolute error estimate.
  /// - Throws: ``GSLError/invalidArgument`` for non-finite limits or bad tolerances;
  ///   GSL_EBADFUNC (9) when f returns a non-finite value; otherwise GSL's status:
  ///   ``GSLError/maxIterations`` (subdivision limit reached), ``GSLError/roundoff``,
  ///   GSL_ESING (21, bad integrand behaviour), GSL_EDIVERGE (22), ``GSLError/tolerance``.
  public static func qags(
    _ f: (Double) -> Double, over interval: ClosedRange<Double>,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12, limit: Int = 1000
  ) throws -> Estimate {
    guard interval.lowerBound.isFinite, interval.upperBound.isFinite else {
      throw GSLError.invalidArgument
    }
    try validate(absoluteTolerance, relativeTolerance, limit)
    return try integrate(f, limit: limit) { fn, workspace, value, error in
      gsl_integration_qags(
        fn, interval.lowerBound, interval.upperBound, absoluteTolerance, relativeTolerance,
        limit, workspace, &value, &error)
    }
  }

  /// ∫ₐ^∞ f(x) dx by QAGIU (gsl_integration_qagiu): QAGS on t ∈ (0, 1] after
  /// x = a + (1 − t)/t, with the 15-point Gauss–Kronrod rule. Same tolerance rule, result
  /// and errors as ``qags(_:over:absoluteTolerance:relativeTolerance:limit:)``.
  public static func qagiu(
    _ f: (Double) -> Double, from lowerLimit: Double,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12, limit: Int = 1000
  ) throws -> Estimate {
    guard lowerLimit.isFinite else { throw GSLError.invalidArgument }
    try validate(absoluteTolerance, relativeTolerance, limit)
    return try integrate(f, limit: limit) { fn, workspace, value, error in
      gsl_integration_qagiu(
        fn, lowerLimit, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error)
    }
  }

  static func validate(_ absTol: Double, _ relTol: Double, _ limit: Int) throws(GSLError) {
    guard absTol >= 0, relTol >= 0, absTol.isFinite, relTol.isFinite, absTol + relTol > 0,
      limit >= 1
    else { throw .invalidArgument }
  }

  /// Allocates the workspace (freed on return), runs `routine` on f wrapped so that a
  /// non-finite value is remembered, and turns the outcome into an Estimate or an error.
  static func integrate(
    _ f: (Double) -> Double, limit: Int,
    _ routine: (
      UnsafeMutablePointer<gsl_function>, UnsafeMutablePointer<gsl_integration_workspace>,
      inout Double, inout Double
    ) -> Int32
  ) throws -> Estimate {
    GSL.ensureHandlerOff()
    guard let workspace = gsl_integration_workspace_alloc(limit) else {
      throw GSLError.noMemory
    }
    defer { gsl_integration_workspace_free(workspace) }
    var sawNonFinite = false
    var value = 0.0
    var error = 0.0
    let status = withGSLFunction({ x in
      let y = f(x)
      if !y.isFinite { sawNonFinite = true }
      return y
    }) { fn in routine(fn, workspace, &value, &error) }
    if sawNonFinite { throw GSLError.badFunction }
    try GSL.call { status }
    if !value.isFinite || !error.isFinite { throw GSLError.badFunction }
    return Estimate(value: value, error: error)
  }
}
