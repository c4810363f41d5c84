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
