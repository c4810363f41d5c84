// Sums of infinite series from their first terms by Levin's u-transform
// (gsl_sum_levin_u_accel; Levin 1973, Fessler–Ford–Smith, ACM TOMS 9, 346 (1983)), which
// accelerates both alternating and monotone (logarithmic) convergence.
//
// Goals, in order: 1) never abort: bad input and GSL statuses are thrown GSLErrors;
// 2) return GSL's error estimate: GSL keeps the extrapolation whose estimated error is
// smallest and reports max(truncation estimate, propagated rounding error), where the
// truncation estimate is the change between successive extrapolations; 3) simplicity.
internal import CGSL

/// The result of series acceleration.
public struct AcceleratedSum: Sendable, Hashable, Codable {
  /// The accelerated sum with GSL's error estimate.
  public var sum: Estimate
  /// How many leading terms GSL read before it stopped (it stops once the error estimate
  /// starts growing). GSL's `terms_used` is the 0-based index of the last term read when it
  /// stops early and the count when it reads them all; this is the count in both cases.
  public var termsUsed: Int
  /// The plain partial sum of those terms (GSL's `sum_plain`).
  public var plainSum: Double
}

/// Series acceleration.
public enum SeriesAcceleration {
  /// Σ terms (extrapolated to infinitely many terms) by Levin's u-transform with its error
  /// estimate. The truncation part of that estimate is a difference of successive
  /// extrapolants, not a bound, and the rounding part propagates the terms' own rounding
  /// (ε|tᵢ|·|∂sum/∂tᵢ|) but not that of the transform's arithmetic, so near full precision
  /// the actual error can exceed the estimate by a few ulps of the sum.
  /// - Throws: ``GSLError/invalidArgument`` when `terms` is empty;
  ///   GSL_EBADFUNC (9) when a term is non-finite; GSL's status otherwise (e.g.
  ///   GSL_EZERODIV when terms vanish).
  public static func levinU(_ terms: [Double]) throws -> AcceleratedSum {
    guard !terms.isEmpty else { throw GSLError.invalidArgument }
    guard terms.allSatisfy(\.isFinite) else { throw GSLError.badFunction }
    GSL.ensureHandlerOff()
    guard let workspace = gsl_sum_levin_u_alloc(terms.count) else { throw GSLError.noMemory }
    defer { gsl_sum_levin_u_free(workspace) }
    var sum = 0.0
    var error = 0.0
    try terms.withUnsafeBufferPointer { buffer throws(GSLError) in
      try GSL.call {
        gsl_sum_levin_u_accel(buffer.baseAddress, buffer.count, workspace, &sum, &error)
      }
    }
    if !sum.isFinite || !error.isFinite { throw GSLError.badFunction }
    return AcceleratedSum(
      sum: Estimate(value: sum, error: error),
      termsUsed: min(workspace.pointee.terms_used + 1, terms.count),
      plainSum: workspace.pointee.sum_plain)
  }
}
