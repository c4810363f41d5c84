// Roots of F: ℝⁿ → ℝⁿ with a user Jacobian: GSL's gsl_multiroot_fdfsolver_hybridsj (Powell's
// scaled hybrid method: Newton steps inside a trust region, falling back towards the scaled
// gradient direction when Newton does not reduce ‖F‖), stopping on the residual.
//
// Goals, in order: 1) never abort or hang: every GSL status and every non-finite value or
// wrong-length output of the closures is a thrown GSLError, iterations are bounded, a solver
// that stops making progress returns its last point marked not converged; 2) report what
// the accuracy rests on: the Euclidean residual ‖F(x̂)‖ at the returned point; 3) keep
// gsl_vector / gsl_matrix internal.
@preconcurrency internal import CGSL

/// The result of a multidimensional root search.
public struct MultiRootResult: Sendable, Hashable, Codable {
  /// The final point x̂.
  public var root: [Double]
  /// F(x̂).
  public var residual: [Double]
  /// ‖F(x̂)‖₂.
  public var residualNorm: Double
  /// Iterations taken.
  public var iterations: Int
  /// Whether the residual test passed (false when the solver stopped making progress:
  /// GSL_ENOPROG / GSL_ENOPROGJ, typically because no root is near or F has none).
  public var converged: Bool
}

/// Root finding for F: ℝⁿ → ℝⁿ.
public enum MultiRoot {
  /// The hybridsj solver type, read once (GSL declares it as a mutable global pointer that it
  /// never writes).
  nonisolated(unsafe) static let hybridsjType = gsl_multiroot_fdfsolver_hybridsj

  /// Solves F(x) = 0 from `start` with GSL's hybridsj, stopping when
  /// Σ_i |F_i(x)| < `residualTolerance` (gsl_multiroot_test_residual, an L1 test, which also
  /// bounds the Euclidean norm).
  /// - Parameters:
  ///   - f: F(x), n values.
  ///   - jacobian: J(x) = ∂F_i/∂x_j, row-major n×n.
  /// - Returns: the last point, with ``MultiRootResult/converged`` false if the solver
  ///   stopped making progress first.
  /// - Throws: ``GSLError/invalidArgument`` for an empty or non-finite start or bad settings;
  ///   GSL_EBADFUNC (9) when F or J is non-finite at a visited point; GSL_EBADLEN (19) when
  ///   an output has the wrong length; ``GSLError/maxIterations`` when the test still fails
  ///   after `maxIterations` iterations.
  public static func hybridsj(
    _ f: ([Double]) -> [Double], jacobian: ([Double]) -> [Double], from start: [Double],
    residualTolerance: Double = 1e-12, maxIterations: Int = 1000
  ) throws -> MultiRootResult {
    let n = start.count
    guard n >= 1, start.allSatisfy(\.isFinite), residualTolerance > 0,
      residualTolerance.isFinite, maxIterations >= 1
    else { throw GSLError.invalidArgument }
    GSL.ensureHandlerOff()
    guard let solver = gsl_multiroot_fdfsolver_alloc(hybridsjType, n) else {
      throw GSLError.noMemory
    }
    defer { gsl_multiroot_fdfsolver_free(solver) }
    let x0 = try GSLVectorCopy.allocate(start)
    defer { gsl_vector_free(x0) }
    return try withGSLMultirootFunctionFdf(n: n, f: f, jacobian: jacobian) { fdf, box in
      func result(_ iterations: Int, converged: Bool) -> MultiRootResult {
        let fx = GSLVectorCopy.array(gsl_multiroot_fdfsolver_f(solver), count: n)
        return MultiRootResult(
          root: GSLVectorCopy.array(gsl_multiroot_fdfsolver_root(solver), count: n),
          residual: fx, residualNorm: Minimize.norm(fx), iterations: iterations,
          converged: converged)
      }
      func passed() -> Bool {
        gsl_multiroot_test_residual(gsl_multiroot_fdfsolver_f(solver), residualTolerance)
          == GSLStatus.success
      }
      let setStatus = gsl_multiroot_fdfsolver_set(solver, fdf, x0)
      if let failure = box.failure { throw failure }
      try GSL.call { setStatus }
      if passed() { return result(0, converged: true) }
      for iteration in 1...maxIterations {
        let status = gsl_multiroot_fdfsolver_iterate(solver)
        if let failure = box.failure { throw failure }
        if status == Int32(GSL_ENOPROG) || status == Int32(GSL_ENOPROGJ) {
          return result(iteration, converged: passed())
        }
        try GSL.call { status }
        if passed() { return result(iteration, converged: true) }
      }
      throw GSLError.maxIterations
    }
  }
}

/// The boxed closures of a multiroot problem and the first failure seen while GSL called
/// them (GSL calls from C, where a Swift error cannot propagate; see GSLMultiminBox).
final class GSLMultirootBox {
  let n: Int
  let f: ([Double]) -> [Double]
  let jacobian: ([Double]) -> [Double]
  var failure: GSLError?

  init(n: Int, f: @escaping ([Double]) -> [Double], jacobian: @escaping ([Double]) -> [Double]) {
    self.n = n
    self.f = f
    self.jacobian = jacobian
  }

  /// Writes F(x) into `out`; returns the GSL status.
  func writeValue(at x: UnsafePointer<gsl_vector>?, into out: UnsafeMutablePointer<gsl_vector>?) -> Int32 {
    let values = f(GSLVectorCopy.array(x, count: n))
    return check(values, count: n) { GSLVectorCopy.fill(out, with: $0) }
  }

  /// Writes J(x) into `out`; returns the GSL status.
  func writeJacobian(at x: UnsafePointer<gsl_vector>?, into out: UnsafeMutablePointer<gsl_matrix>?) -> Int32 {
    let values = jacobian(GSLVectorCopy.array(x, count: n))
    return check(values, count: n * n) { v in
      guard let out, let data = out.pointee.data else { return }
      let tda = out.pointee.tda
      for i in 0..<n { for j in 0..<n { data[i * tda + j] = v[i * n + j] } }
    }
  }

  private func check(_ values: [Double], count: Int, write: ([Double]) -> Void) -> Int32 {
    if values.count != count {
      if failure == nil { failure = .badLength }
      write([Double](repeating: .nan, count: count))
      return Int32(GSL_EBADLEN)
    }
    write(values)
    if values.contains(where: { !$0.isFinite }) {
      if failure == nil { failure = .badFunction }
      return Int32(GSL_EBADFUNC)
    }
    return GSLStatus.success
  }

  static func from(_ params: UnsafeMutableRawPointer?) -> GSLMultirootBox? {
    guard let params else { return nil }
    return Unmanaged<GSLMultirootBox>.fromOpaque(params).takeUnretainedValue()
  }
}

/// Builds a gsl_multiroot_function_fdf for F and J on ℝⁿ and passes it with its box to
/// `body`; both live for the duration of `body` only.
func withGSLMultirootFunctionFdf<R>(
  n: Int, f: ([Double]) -> [Double], jacobian: ([Double]) -> [Double],
  _ body: (UnsafeMutablePointer<gsl_multiroot_function_fdf>, GSLMultirootBox) throws -> R
) rethrows -> R {
  try withoutActuallyEscaping(f) { f in
    try withoutActuallyEscaping(jacobian) { jacobian in
      let box = GSLMultirootBox(n: n, f: f, jacobian: jacobian)
      return try withExtendedLifetime(box) {
        var function = gsl_multiroot_function_fdf(
          f: { x, params, y in
            GSLMultirootBox.from(params)?.writeValue(at: x, into: y) ?? Int32(GSL_EFAULT)
          },
          df: { x, params, j in
            GSLMultirootBox.from(params)?.writeJacobian(at: x, into: j) ?? Int32(GSL_EFAULT)
          },
          fdf: { x, params, y, j in
            guard let box = GSLMultirootBox.from(params) else { return Int32(GSL_EFAULT) }
            let s = box.writeValue(at: x, into: y)
            if s != GSLStatus.success { return s }
            return box.writeJacobian(at: x, into: j)
          },
          n: n, params: Unmanaged.passUnretained(box).toOpaque())
        return try withUnsafeMutablePointer(to: &function) { try body($0, box) }
      }
    }
  }
}
