// Minima of f: ℝⁿ → ℝ: GSL's BFGS2 with a user gradient
// (gsl_multimin_fdfminimizer_vector_bfgs2, Fletcher's line search), stopping on the gradient
// norm, and Nelder–Mead without a gradient (gsl_multimin_fminimizer_nmsimplex2), stopping on
// the simplex size.
//
// Goals, in order: 1) never abort or hang: every GSL status and every non-finite value or
// wrong-length gradient from the closures is a thrown GSLError, iterations are bounded;
// 2) report what the accuracy rests on: the final gradient norm (which bounds the distance to
// the minimizer by ‖∇f‖/μ for a μ-strongly-convex f, see `Tolerance.optimization`) or the
// simplex size; 3) keep gsl_vector internal.
internal import CGSL

/// The result of a multidimensional minimization.
public struct MinimumND: Sendable, Hashable, Codable {
  /// The final point x̂.
  public var argmin: [Double]
  /// f(x̂).
  public var value: Double
  /// ‖∇f(x̂)‖ in the norm of the stopping test (BFGS2: ‖·‖₂ unless the caller asked for
  /// ‖·‖∞, ``GradientTestNorm``; nil for Nelder–Mead).
  public var gradientNorm: Double?
  /// The simplex size, GSL's mean distance from the simplex centroid to its vertices
  /// (Nelder–Mead; nil for BFGS2).
  public var simplexSize: Double?
  /// Iterations taken.
  public var iterations: Int
  /// Whether the stopping test passed. `false` only when BFGS2 stalled (GSL_ENOPROG: the
  /// line search could not decrease f, usually because f's rounding noise dominates) before
  /// the gradient norm fell below its tolerance; the result is then the best point found and
  /// its gradient norm says how good it is.
  public var converged: Bool
}

/// The norm of BFGS2's gradient stopping test.
public enum GradientTestNorm: Sendable, Hashable {
  /// ‖∇f‖₂ < tolerance: GSL's `gsl_multimin_test_gradient`.
  case euclidean
  /// ‖∇f‖∞ ≤ tolerance (catalogs that state their stop per coordinate, e.g. PIPA's rule).
  case maximum

  /// ‖v‖ in this norm.
  public func of(_ v: [Double]) -> Double {
    switch self {
    case .euclidean: Minimize.norm(v)
    case .maximum: v.reduce(0) { max($0, abs($1)) }
    }
  }
}

extension Minimize {
  /// Minimizes `f` from `start` by BFGS2 with the analytic `gradient`, stopping when
  /// ‖∇f‖₂ < `gradientTolerance` (gsl_multimin_test_gradient), or ‖∇f‖∞ ≤ `gradientTolerance`
  /// with `testNorm: .maximum`.
  ///
  /// Accuracy limit: the line search compares f values, and near the minimizer one step can
  /// lower f by only ≈ ‖∇f‖²/(2μ); once that is below f's rounding ε|f| BFGS2 stalls
  /// (GSL_ENOPROG), i.e. at ‖∇f‖ ≈ √(2μ ε |f*|) ≈ 2e-8·√(μ|f*|) (observed: Rosenbrock 2e-8,
  /// a log-sum-exp objective 3e-8). The default 1e-7 is above that for O(1) f and μ; a
  /// tighter request returns the stalled point with `converged == false` and the norm
  /// reached, which still bounds the distance to the minimizer by ‖∇f‖/μ.
  /// - Parameters:
  ///   - initialStep: length of the first trial step of the line search.
  ///   - lineSearchTolerance: GSL's `tol`, the accuracy of the line minimization
  ///     (σ in Fletcher's conditions); GSL recommends 0.1 for BFGS2.
  /// - Returns: the last point, with ``MinimumND/converged`` false if BFGS2 stalled first.
  /// - Throws: ``GSLError/invalidArgument`` for an empty or non-finite start or bad
  ///   settings; GSL_EBADFUNC (9) when f or the gradient is non-finite at a visited point;
  ///   GSL_EBADLEN (19) when the gradient has the wrong length; ``GSLError/maxIterations``
  ///   when the test still fails after `maxIterations` iterations.
  public static func bfgs(
    _ f: ([Double]) -> Double, gradient: ([Double]) -> [Double], from start: [Double],
    gradientTolerance: Double = 1e-7, initialStep: Double = 0.01,
    lineSearchTolerance: Double = 0.1, maxIterations: Int = 1000,
    testNorm: GradientTestNorm = .euclidean
  ) throws -> MinimumND {
    let n = start.count
    guard n >= 1, start.allSatisfy(\.isFinite), gradientTolerance > 0,
      gradientTolerance.isFinite, initialStep > 0, initialStep.isFinite,
      lineSearchTolerance > 0, lineSearchTolerance < 1, maxIterations >= 1
    else { throw GSLError.invalidArgument }
    GSL.ensureHandlerOff()
    guard let solver = gsl_multimin_fdfminimizer_alloc(GSLSolverTypes.multiminBFGS2, n)
    else { throw GSLError.noMemory }
    defer { gsl_multimin_fdfminimizer_free(solver) }
    let x0 = try GSLVectorCopy.allocate(start)
    defer { gsl_vector_free(x0) }
    return try withGSLMultiminFunctionFdf(n: n, f: f, gradient: gradient) { fdf, box in
      func result(_ iterations: Int, converged: Bool) -> MinimumND {
        let g = GSLVectorCopy.array(gsl_multimin_fdfminimizer_gradient(solver), count: n)
        return MinimumND(
          argmin: GSLVectorCopy.array(gsl_multimin_fdfminimizer_x(solver), count: n),
          value: gsl_multimin_fdfminimizer_minimum(solver), gradientNorm: testNorm.of(g),
          simplexSize: nil, iterations: iterations, converged: converged)
      }
      func passed() -> Bool {
        switch testNorm {
        case .euclidean:
          gsl_multimin_test_gradient(gsl_multimin_fdfminimizer_gradient(solver), gradientTolerance)
            == GSLStatus.success
        case .maximum:
          testNorm.of(GSLVectorCopy.array(gsl_multimin_fdfminimizer_gradient(solver), count: n))
            <= gradientTolerance
        }
      }
      let setStatus = gsl_multimin_fdfminimizer_set(
        solver, fdf, x0, initialStep, lineSearchTolerance)
      if let failure = box.failure { throw failure }
      try GSL.call { setStatus }
      if passed() { return result(0, converged: true) }
      for iteration in 1...maxIterations {
        let status = gsl_multimin_fdfminimizer_iterate(solver)
        if let failure = box.failure { throw failure }
        if status == GSLStatus.noProgress { return result(iteration, converged: passed()) }
        try GSL.call { status }
        if passed() { return result(iteration, converged: true) }
      }
      throw GSLError.maxIterations
    }
  }

  /// Minimizes `f` from `start` by the Nelder–Mead simplex method (GSL's nmsimplex2),
  /// stopping when the simplex size falls below `sizeTolerance` (gsl_multimin_test_size).
  /// The initial simplex is `start` plus `initialStep` along each coordinate axis.
  ///
  /// The simplex size measures how far apart the vertices are, not the distance to the
  /// minimizer, and is not a bound on it (on a strongly convex quadratic the distance was
  /// 4.4× the final size; Nelder–Mead can even stall at a non-stationary point, McKinnon
  /// 1998). For a μ-strongly-convex f with known f*, ‖x̂ − x*‖ ≤ √(2(f(x̂) − f*)/μ).
  ///
  /// Sizes much below √ε·scale ≈ 1e-8 are unreachable: within ≈ √(2ε|f*|/λ) of the minimizer
  /// f is flat to rounding and the simplex stops contracting reliably; such a request ends
  /// in ``GSLError/maxIterations``. Hence the default 1e-7.
  /// - Throws: ``GSLError/invalidArgument`` for an empty or non-finite start or bad
  ///   settings; GSL_EBADFUNC (9) when f is non-finite at a visited point;
  ///   ``GSLError/maxIterations`` when the test still fails after `maxIterations` iterations.
  public static func nelderMead(
    _ f: ([Double]) -> Double, from start: [Double], initialStep: Double = 0.1,
    sizeTolerance: Double = 1e-7, maxIterations: Int = 10_000
  ) throws -> MinimumND {
    let n = start.count
    guard n >= 1, start.allSatisfy(\.isFinite), sizeTolerance > 0, sizeTolerance.isFinite,
      initialStep > 0, initialStep.isFinite, maxIterations >= 1
    else { throw GSLError.invalidArgument }
    GSL.ensureHandlerOff()
    guard let solver = gsl_multimin_fminimizer_alloc(GSLSolverTypes.multiminNelderMead2, n)
    else { throw GSLError.noMemory }
    defer { gsl_multimin_fminimizer_free(solver) }
    let x0 = try GSLVectorCopy.allocate(start)
    defer { gsl_vector_free(x0) }
    let steps = try GSLVectorCopy.allocate([Double](repeating: initialStep, count: n))
    defer { gsl_vector_free(steps) }
    return try withGSLMultiminFunction(n: n, f: f) { function, box in
      let setStatus = gsl_multimin_fminimizer_set(solver, function, x0, steps)
      if let failure = box.failure { throw failure }
      try GSL.call { setStatus }
      for iteration in 1...maxIterations {
        let status = gsl_multimin_fminimizer_iterate(solver)
        if let failure = box.failure { throw failure }
        try GSL.call { status }
        let size = gsl_multimin_fminimizer_size(solver)
        if gsl_multimin_test_size(size, sizeTolerance) == GSLStatus.success {
          return MinimumND(
            argmin: GSLVectorCopy.array(gsl_multimin_fminimizer_x(solver), count: n),
            value: gsl_multimin_fminimizer_minimum(solver), gradientNorm: nil,
            simplexSize: size, iterations: iteration, converged: true)
        }
      }
      throw GSLError.maxIterations
    }
  }

  /// ‖v‖₂, scaled by max|vᵢ| so that neither squaring overflows nor underflows.
  static func norm(_ v: [Double]) -> Double {
    let scale = v.reduce(0) { max($0, abs($1)) }
    guard scale > 0, scale.isFinite else { return scale }
    return scale * v.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
  }
}
