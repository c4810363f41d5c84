// GSL status codes that Numerics' iterative solvers use besides the thrown GSLError cases:
// the loop-control codes (`GSL_SUCCESS`, `GSL_CONTINUE`) returned by the gsl_*_test_*
// convergence tests, and `GSL_EBADFUNC`, which GSL's solvers return for a non-finite
// function value. (gsl_errno.h declares them in an anonymous enum, which Swift imports as
// `Int`; GSL functions return `Int32`.)
internal import CGSL

/// The loop-control status codes as `Int32`.
enum GSLStatus {
  /// `GSL_SUCCESS` (0): a convergence test passed.
  static let success = Int32(GSL_SUCCESS)
  /// `GSL_CONTINUE` (-2): a convergence test has not passed yet.
  static let `continue` = Int32(GSL_CONTINUE)
  /// `GSL_ENOPROG` (27): the iteration is not making progress.
  static let noProgress = Int32(GSL_ENOPROG)
}
