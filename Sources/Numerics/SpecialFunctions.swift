// Special functions with error estimates: erfc, log erfc, log Γ, log B, each a GSL `gsl_sf_*_e`
// call through the funnel, returning GSL's own `gsl_sf_result` as an ``Estimate``.
//
// Goals, in order: 1) the value to within its reported error, which is never understated;
// 2) a finite result wherever the true value is a finite double, including at the places
// where GSL 2.7 itself fails (log erfc(x) for x ≳ 1e50 returns NaN with status 0, and
// log Γ(x) for subnormal x returns +∞ with status 0); 3) simplicity.
// Reference values: Tests/NumericsTests/SpecialFunctionTests.swift.
internal import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// erfc, log erfc, log Γ and log B with absolute error estimates.
public enum SpecialFunctions {
  /// The complementary error function erfc(x) = (2/√π)∫ₓ^∞ e^{−t²} dt (`gsl_sf_erfc_e`).
  /// - Throws: ``GSLError/domain`` for NaN.
  public static func erfc(_ x: Double) throws(GSLError) -> Estimate {
    if x.isNaN { throw .domain }
    return try GSL.sfResult { gsl_sf_erfc_e(x, $0) }
  }

  /// log erfc(x), finite for every finite x whose value is a finite double.
  ///
  /// `gsl_sf_log_erfc_e` for x ≤ 10⁸; beyond, the asymptotic form
  /// log erfc(x) = −x² − log x − ½ log π + log(1 − 1/(2x²) + …), whose last term is below
  /// 5·10⁻¹⁷ there while |value| ≥ 10¹⁶ (one ulp ≥ 2), so it is dropped.
  /// - Throws: ``GSLError/domain`` for NaN; ``GSLError/overflow`` when x² overflows (x >
  ///   1.34·10¹⁵⁴: the true value is below −1.8·10³⁰⁸).
  public static func logErfc(_ x: Double) throws(GSLError) -> Estimate {
    if x.isNaN { throw .domain }
    if x <= 1e8 { return try GSL.sfResult { gsl_sf_log_erfc_e(x, $0) } }
    let square = x * x
    if !square.isFinite { throw .overflow }
    let value = -square - (log(x) + halfLogPi)
    // x·x rounds by ε/2 relative, the sum and the logarithm by ε/2 each: 2ε|value| covers them.
    return Estimate(value: value, error: 2 * Double.ulpOfOne * abs(value))
  }

  /// log |Γ(x)| (`gsl_sf_lngamma_e`); for negative non-integers this is the log of |Γ(x)|.
  ///
  /// For subnormal |x| (where GSL 2.7 returns +∞) uses log Γ(x) = −log|x| − γx + O(x²),
  /// whose γx term is below 10⁻³⁰⁷ there while the value is ≥ 708.
  /// - Throws: ``GSLError/domain`` at 0 and the negative integers (poles) and for NaN.
  public static func logGamma(_ x: Double) throws(GSLError) -> Estimate {
    if x.isNaN { throw .domain }
    if x != 0 && abs(x) < Double.leastNormalMagnitude {
      let value = -log(abs(x))
      return Estimate(value: value, error: Double.ulpOfOne * value)
    }
    return try GSL.sfResult { gsl_sf_lngamma_e(x, $0) }
  }

  /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b > 0 (`gsl_sf_lnbeta_e`).
  /// - Throws: ``GSLError/domain`` unless a and b are finite and > 0.
  public static func logBeta(_ a: Double, _ b: Double) throws(GSLError) -> Estimate {
    guard a > 0, b > 0, a.isFinite, b.isFinite else { throw .domain }
    return try GSL.sfResult { gsl_sf_lnbeta_e(a, b, $0) }
  }

  /// ½ log π.
  static let halfLogPi = 0.572_364_942_924_700_087_071_713_675_677

  /// Natural logarithm of 2, as a double (the true ln 2 differs by ≤ ε/2 relative).
  static let logTwo = 0.693_147_180_559_945_309_417_232_121_458
}

extension GSL {
  /// Runs a `gsl_sf_*_e` call and returns its `gsl_sf_result` as an ``Estimate``.
  ///
  /// Underflow (`GSL_EUNDRFLW`) is not an error here: the true value lies below the smallest
  /// subnormal in magnitude, so 0 is its correct rounding, returned with error 2⁻¹⁰⁷⁴.
  /// A value below the normal range lies on the subnormal grid, spaced 2⁻¹⁰⁷⁴, which GSL's
  /// relative error bound does not cover; such results get 2⁻¹⁰⁷⁴ added to their error.
  static func sfResult(_ body: (UnsafeMutablePointer<gsl_sf_result>) -> Int32)
    throws(GSLError) -> Estimate
  {
    var result = gsl_sf_result(val: 0, err: 0)
    do {
      try GSL.call { body(&result) }
    } catch let error where error == .underflow {
      return Estimate(value: 0, error: Double.leastNonzeroMagnitude)
    }
    if result.val.isNaN || result.err.isNaN { throw .failed }
    var error = result.err
    if abs(result.val) < Double.leastNormalMagnitude { error += Double.leastNonzeroMagnitude }
    return Estimate(value: result.val, error: error)
  }
}
