// GSL's solver-type descriptors (gsl_root_fsolver_brent, gsl_min_fminimizer_brent, …) are
// declared in C as mutable global pointers (`GSL_VAR const T *name;`), which Swift 6 flags
// as shared mutable state. GSL never writes them after load, so they are read once here,
// in the one place that opts out of the check, and used through these constants.
@preconcurrency internal import CGSL

/// The GSL solver types used by Numerics.
enum GSLSolverTypes {
  /// Brent–Dekker bracketing root solver.
  nonisolated(unsafe) static let rootBrent = gsl_root_fsolver_brent
  /// Brent's bracketing minimizer.
  nonisolated(unsafe) static let minBrent = gsl_min_fminimizer_brent
  /// BFGS2 (Fletcher's line search) with gradient.
  nonisolated(unsafe) static let multiminBFGS2 = gsl_multimin_fdfminimizer_vector_bfgs2
  /// Nelder–Mead simplex, version 2 (O(n) per iteration).
  nonisolated(unsafe) static let multiminNelderMead2 = gsl_multimin_fminimizer_nmsimplex2
}
