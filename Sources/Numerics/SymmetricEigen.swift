// Eigenvalues of a real symmetric matrix (gsl_eigen_symm), used by the optimizer rule of
// the claim catalogs: the distance within which two minimizers count as equal is
// 10·‖∇‖/λ_min, with λ_min the smallest Hessian eigenvalue.
internal import CGSL

/// Symmetric eigenvalue problems.
public enum SymmetricEigen {
  /// The eigenvalues of the symmetric n×n matrix `a` (row-major, only the lower triangle
  /// is read), in ascending order. GSL's symmetric QR algorithm is backward stable: each
  /// computed eigenvalue is within O(ε·‖A‖₂) of an exact eigenvalue.
  /// - Throws: ``GSLError`` on failure; precondition on the shape.
  public static func eigenvalues(_ a: [Double], n: Int) throws -> [Double] {
    precondition(n >= 1 && a.count == n * n, "a must hold n×n = \(n * n) values, got \(a.count)")
    for v in a where !v.isFinite { throw GSLError.domain }
    // gsl_eigen_symm's QR iteration can fail to converge (and spin) on matrices whose
    // entries are subnormal or near overflow; scaling by a power of two is exact, so the
    // matrix is brought to max|a_ij| ∈ [1, 2) first and the eigenvalues scaled back.
    let largest = a.reduce(0) { max($0, abs($1)) }
    if largest == 0 { return [Double](repeating: 0, count: n) }
    let exponent = largest.exponent
    // init(sign:exponent:significand:) is scalbn: exact, even where 2^−exponent alone would
    // overflow (a subnormal largest entry has exponent down to −1074).
    var copy = a.map { Double(sign: .plus, exponent: -exponent, significand: $0) }
    var values = [Double](repeating: 0, count: n)
    try copy.withUnsafeMutableBufferPointer { mp in
      try values.withUnsafeMutableBufferPointer { vp in
        var view = gsl_matrix_view_array(mp.baseAddress, n, n)
        var eval = gsl_vector_view_array(vp.baseAddress, n)
        guard let work = gsl_eigen_symm_alloc(n) else { throw GSLError.noMemory }
        defer { gsl_eigen_symm_free(work) }
        try GSL.call { gsl_eigen_symm(&view.matrix, &eval.vector, work) }
      }
    }
    return values.map { Double(sign: .plus, exponent: exponent, significand: $0) }.sorted()
  }
}

extension SymmetricEigen {
  /// A reusable gsl_eigen_symm workspace and scratch matrix for repeated n×n problems
  /// (an optimizer evaluating ‖A(θ)‖₂ thousands of times): the same arithmetic as
  /// ``eigenvalues(_:n:)`` (power-of-two scaling, gsl_eigen_symm), without its allocations.
  /// Not thread-safe: one per thread.
  public final class Workspace {
    public let n: Int
    private let work: UnsafeMutablePointer<gsl_eigen_symm_workspace>
    private let scratch: UnsafeMutableBufferPointer<Double>
    private let values: UnsafeMutableBufferPointer<Double>

    /// - Throws: ``GSLError/noMemory`` when GSL cannot allocate.
    public init(n: Int) throws {
      precondition(n >= 1, "n must be ≥ 1, got \(n)")
      guard let w = gsl_eigen_symm_alloc(n) else { throw GSLError.noMemory }
      self.n = n
      work = w
      scratch = .allocate(capacity: n * n)
      values = .allocate(capacity: n)
    }

    deinit {
      gsl_eigen_symm_free(work)
      scratch.deallocate()
      values.deallocate()
    }

    /// max_i |λ_i(A)| = ‖A‖₂ of the symmetric n×n matrix `a` (row-major, lower triangle
    /// read): the largest magnitude among the values ``eigenvalues(_:n:)`` returns.
    /// - Throws: ``GSLError/domain`` for a non-finite entry; ``GSLError`` when GSL fails.
    public func spectralNorm(_ a: UnsafeBufferPointer<Double>) throws -> Double {
      precondition(a.count == n * n, "a must hold n×n = \(n * n) values, got \(a.count)")
      var largest = 0.0
      for v in a {
        if !v.isFinite { throw GSLError.domain }
        largest = max(largest, abs(v))
      }
      if largest == 0 { return 0 }
      let exponent = largest.exponent
      for i in 0..<(n * n) { scratch[i] = Double(sign: .plus, exponent: -exponent, significand: a[i]) }
      var view = gsl_matrix_view_array(scratch.baseAddress, n, n)
      var eval = gsl_vector_view_array(values.baseAddress, n)
      let w = work
      try GSL.call { gsl_eigen_symm(&view.matrix, &eval.vector, w) }
      var best = 0.0
      for i in 0..<n { best = max(best, abs(Double(sign: .plus, exponent: exponent, significand: values[i]))) }
      return best
    }
  }
}
