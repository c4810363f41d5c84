// A GSL status code as a Swift error (after swift-system's Errno): every GSL call made by
// Numerics goes through `GSL.call`, which turns a non-zero status into one of these.
internal import CGSL

/// A GSL error status (`GSL_E…` in gsl_errno.h), thrown instead of aborting the process.
public struct GSLError: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `GSL_FAILURE` (-1): generic failure.
  public static let failure = GSLError(rawValue: -1)
  /// `GSL_EDOM` (1): input domain error, e.g. sqrt(-1).
  public static let domain = GSLError(rawValue: 1)
  /// `GSL_ERANGE` (2): output range error, e.g. exp(1e100).
  public static let range = GSLError(rawValue: 2)
  /// `GSL_EINVAL` (4): invalid argument supplied by user.
  public static let invalidArgument = GSLError(rawValue: 4)
  /// `GSL_EFAILED` (5): generic failure.
  public static let failed = GSLError(rawValue: 5)
  /// `GSL_ENOMEM` (8): malloc failed.
  public static let noMemory = GSLError(rawValue: 8)
  /// `GSL_EBADFUNC` (9): problem with the user-supplied function (e.g. a non-finite value).
  public static let badFunction = GSLError(rawValue: 9)
  /// `GSL_EMAXITER` (11): exceeded max number of iterations.
  public static let maxIterations = GSLError(rawValue: 11)
  /// `GSL_EZERODIV` (12): tried to divide by zero.
  public static let divisionByZero = GSLError(rawValue: 12)
  /// `GSL_EBADLEN` (19): vector lengths are not conformant (e.g. a gradient of wrong length).
  public static let badLength = GSLError(rawValue: 19)
  /// `GSL_EROUND` (18): failed because of roundoff error.
  public static let roundoff = GSLError(rawValue: 18)
  /// `GSL_ENOPROG` (27): iteration is not making progress towards solution.
  public static let noProgress = GSLError(rawValue: 27)
  /// `GSL_EUNDRFLW` (15): underflow.
  public static let underflow = GSLError(rawValue: 15)
  /// `GSL_EOVRFLW` (16): overflow.
  public static let overflow = GSLError(rawValue: 16)
  /// `GSL_ETOL` (14): failed to reach the specified tolerance.
  public static let tolerance = GSLError(rawValue: 14)

  /// GSL's own message for the code (`gsl_strerror`), followed by the numeric code.
  public var description: String {
    GSL.ensureHandlerOff()
    return "GSL error \(rawValue): \(String(cString: gsl_strerror(rawValue)))"
  }
}
