// One tolerance type for every comparison in AlignCheck, named by the source of error
// (GSL's test_sf tiers, scipy's _testutils): the rule is
//   |observed − expected| ≤ absolute + relative·|expected|,
// with NaN and ±∞ matched in kind first. Each tolerance carries the reason for its size,
// which failure messages and claim evidence print.

/// An acceptance rule for a computed value against an expected one.
public struct Tolerance: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Absolute part of the allowed difference.
  public var absolute: Double
  /// Relative part, multiplied by |expected|.
  public var relative: Double
  /// Why the tolerance has this size (printed with every failure).
  public var reason: String

  public init(absolute: Double, relative: Double, reason: String) {
    precondition(absolute >= 0 && relative >= 0, "tolerances are non-negative")
    self.absolute = absolute
    self.relative = relative
    self.reason = reason
  }

  /// Closed form against closed form: `ulps` units of double-precision rounding
  /// (GSL's tiers are 2, 16, 256, … ulps), relative to |expected|, plus `floor` absolute
  /// for results that cancel to near zero.
  public static func roundoff(ulps: Double, floor: Double = 0, reason: String = "") -> Tolerance {
    Tolerance(
      absolute: floor, relative: ulps * Double.ulpOfOne,
      reason: reason.isEmpty ? "\(ulps) ulps of float64 rounding" : reason)
  }

  /// A numerical method's own error estimate (GSL's abserr), times a stated safety factor.
  public static func truncation(estimate: Double, factor: Double = 1, reason: String = "")
    -> Tolerance
  {
    Tolerance(
      absolute: factor * abs(estimate), relative: 0,
      reason: reason.isEmpty ? "\(factor) × the method's error estimate \(estimate)" : reason)
  }

  /// Monte Carlo: `sigmas` standard errors.
  public static func sampling(standardError: Double, sigmas: Double, reason: String = "")
    -> Tolerance
  {
    Tolerance(
      absolute: sigmas * standardError, relative: 0,
      reason: reason.isEmpty ? "\(sigmas) × standard error \(standardError)" : reason)
  }

  /// Result of an iterative optimizer stopped at gradient norm `gradientNorm`: the distance
  /// to the optimum is bounded by ‖g‖/μ for a μ-strongly-convex objective, so the allowed
  /// error is ‖g‖/`curvature` times `factor`.
  public static func optimization(
    gradientNorm: Double, curvature: Double, factor: Double = 1, reason: String = ""
  ) -> Tolerance {
    precondition(curvature > 0, "curvature must be > 0")
    return Tolerance(
      absolute: factor * gradientNorm / curvature, relative: 0,
      reason: reason.isEmpty
        ? "\(factor) × ‖g‖/μ with ‖g‖ = \(gradientNorm), μ = \(curvature)" : reason)
  }

  /// The sum of two tolerances (errors from two sources add); reasons are joined.
  public static func + (a: Tolerance, b: Tolerance) -> Tolerance {
    Tolerance(
      absolute: a.absolute + b.absolute, relative: a.relative + b.relative,
      reason: "\(a.reason) + \(b.reason)")
  }

  /// The allowed difference at `expected`.
  public func allowed(at expected: Double) -> Double {
    absolute + relative * abs(expected)
  }

  /// Whether `observed` matches `expected`: NaN matches only NaN, ±∞ only the same
  /// infinity, finite values within ``allowed(at:)``.
  public func accepts(_ observed: Double, _ expected: Double) -> Bool {
    if expected.isNaN || observed.isNaN { return expected.isNaN && observed.isNaN }
    if expected.isInfinite || observed.isInfinite { return expected == observed }
    return abs(observed - expected) <= allowed(at: expected)
  }

  /// A one-line explanation of a comparison: expected, observed, absolute and relative
  /// difference, the allowed difference and its reason.
  public func explain(_ observed: Double, _ expected: Double) -> String {
    let diff = abs(observed - expected)
    let rel = expected == 0 ? diff : diff / abs(expected)
    return "expected \(expected), observed \(observed), |diff| = \(diff), "
      + "relative \(rel), allowed \(allowed(at: expected)) (\(reason))"
  }

  public var description: String {
    "abs \(absolute) + rel \(relative) (\(reason))"
  }
}

/// The number of representable doubles between `a` and `b` (0 when equal; ∞ when one
/// is NaN or they differ in kind of infinity). Used for ulp-tier comparisons.
public func ulpDistance(_ a: Double, _ b: Double) -> Double {
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .infinity }
  if a == b { return 0 }
  if a.isInfinite || b.isInfinite { return .infinity }
  // Map the doubles onto a monotone integer line (two's-complement ordering trick).
  func key(_ x: Double) -> Int64 {
    let bits = Int64(bitPattern: x.bitPattern)
    return bits < 0 ? Int64.min &- bits : bits
  }
  let d = key(a).subtractingReportingOverflow(key(b))
  if d.overflow { return .infinity }
  return Double(d.partialValue.magnitude)
}
