// A value with an absolute error estimate, as GSL reports it (`gsl_sf_result`, the
// `abserr` of gsl_deriv_*, gsl_integration_*, gsl_sum_levin_u_*).

/// A computed value together with an estimate of its absolute error.
public struct Estimate: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The computed value.
  public var value: Double
  /// An estimate of |value − true value| (non-negative).
  public var error: Double

  public init(value: Double, error: Double) {
    self.value = value
    self.error = error
  }

  /// The interval value ± error.
  public var interval: ClosedRange<Double> { (value - error)...(value + error) }

  public var description: String { "\(value) ± \(error)" }
}
