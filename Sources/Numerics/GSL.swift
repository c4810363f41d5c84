// The one funnel through which Numerics calls GSL.
//
// GSL's default error handler calls abort(). `ensureHandlerOff()` switches it off exactly
// once, thread-safely (a Swift global `let` is initialised under swift_once), and every
// status-returning GSL call is passed as a closure to `GSL.call`, so the handler is off
// *before* the call is evaluated (writing `check(gsl_xxx())` would evaluate it first).
internal import CGSL

/// Namespace for the GSL funnel.
public enum GSL {
  private static let handlerIsOff: Bool = {
    _ = gsl_set_error_handler_off()
    return true
  }()

  /// Switches GSL's aborting error handler off (idempotent, thread-safe).
  public static func ensureHandlerOff() {
    precondition(handlerIsOff)
  }

  /// Runs a status-returning GSL call and throws its status as a ``GSLError`` when it is
  /// not `GSL_SUCCESS`.
  @inline(__always)
  static func call(_ body: () -> Int32) throws(GSLError) {
    ensureHandlerOff()
    let status = body()
    if status != 0 { throw GSLError(rawValue: status) }
  }

  /// Runs a GSL call that reports failure only through its value (e.g. the `gsl_cdf_*`
  /// inverses return NaN on a domain error once the handler is off) and throws `error`
  /// when the value is NaN.
  @inline(__always)
  static func value(_ error: GSLError = .domain, _ body: () -> Double) throws(GSLError) -> Double {
    ensureHandlerOff()
    let v = body()
    if v.isNaN { throw error }
    return v
  }

  /// The version string of the linked GSL library (`GSL_VERSION` at build time).
  public static var version: String { GSL_VERSION }
}

/// A boxed Swift closure passed to GSL through `void *params`.
final class GSLClosureBox {
  let f: (Double) -> Double
  init(_ f: @escaping (Double) -> Double) { self.f = f }
}

/// The callback funnel: builds a `gsl_function` that calls `f` and passes it to `body`.
/// The function object lives for the duration of `body` only.
func withGSLFunction<R>(
  _ f: (Double) -> Double, _ body: (UnsafeMutablePointer<gsl_function>) throws -> R
) rethrows -> R {
  try withoutActuallyEscaping(f) { escaping in
    let box = GSLClosureBox(escaping)
    return try withExtendedLifetime(box) {
      var function = gsl_function(
        function: { x, params in
          Unmanaged<GSLClosureBox>.fromOpaque(params!).takeUnretainedValue().f(x)
        },
        params: Unmanaged.passUnretained(box).toOpaque())
      return try withUnsafeMutablePointer(to: &function) { try body($0) }
    }
  }
}
