// The standard normal distribution N(0, 1): Φ, its upper tail Q = 1 − Φ, log Φ, log Q, the
// quantiles Φ⁻¹ and Q⁻¹, and the hazard φ/Q, each with an absolute error estimate.
// Used by the MPO catalog (docs: /work/shared/claims/mpo.md §0.13 and the C(β), q_β
// formulas of eq. (21)–(25)) and by the Wilson interval.
//
// Goals, in order: 1) relative accuracy to a few ulps in both tails (Φ(−38) ≈ 2.9·10⁻³¹⁶,
// log Φ(−40) ≈ −804.6, Φ⁻¹(10⁻³⁰⁰) ≈ −37.05), with an error estimate that is never
// understated; 2) a finite result wherever the true value is a finite double; 3) simplicity.
//
// Φ comes from `gsl_cdf_ugaussian_P` (Cody's rational approximations evaluated at x itself,
// with the exp(−x²/2) split that avoids rounding x²) where it is defined, and from
// erfc(−x/√2)/2 below −37.5, where GSL's cdf flushes to 0 (it returns 0 for x < −37.5193
// although Φ is still ≥ 2.2·10⁻³⁰⁸ there). The erfc form is exact in kind but inherits the
// rounding of −x/√2, which moves Φ by up to φ(x)|x|ε; that term is in its error estimate.
// Reference values: Tests/NumericsTests/SpecialFunctionTests.swift.
internal import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The standard normal distribution N(0, 1).
public enum StandardNormal {
  /// Relative error bound of GSL's `gsl_cdf_ugaussian_P`/`_Pinv` in units of ε.
  ///
  /// Cody's (Φ) and Wichura's AS241 (Φ⁻¹) rational approximations are accurate to
  /// ~10⁻¹⁸ and ~10⁻¹⁶ relative before rounding; evaluated in float64 they add the rounding of
  /// two Horner polynomials of degree ≤ 8 (each ≤ 2ε with positive terms), one division,
  /// at most two `exp` or one `log`/`sqrt` (≤ 1 ulp each): about 8ε in all. Measured against
  /// mpmath (50 digits) the maximum was 6 ulps over 3000 random x ∈ [−37.5, 9] and 2000
  /// random p ∈ [10⁻³⁰⁰, 1); 16 ulps is stated as the bound.
  public static let cdfRelativeErrorUlps = 16.0

  /// Below this x, Φ is computed as erfc(−x/√2)/2 (GSL's cdf returns 0 from x ≈ −37.5193).
  static let erfcCutoff = -37.5

  /// Φ(x) = P(Z ≤ x), accurate to a few ulps relative in both tails.
  /// - Throws: ``GSLError/domain`` for NaN.
  public static func cdf(_ x: Double) throws(GSLError) -> Estimate {
    if x.isNaN { throw .domain }
    if x >= erfcCutoff {
      let value = try GSL.value { gsl_cdf_ugaussian_P(x) }
      return Estimate(value: value, error: cdfRelativeErrorUlps * Double.ulpOfOne * value)
    }
    let e = try SpecialFunctions.erfc(-x * (0.5).squareRoot())
    let value = e.value / 2
    // Argument rounding: −x·√½ carries ≤ ε relative error (the constant and the product
    // round by ε/2 each), which moves Φ by φ(x)·|x|·ε ≤ (|x| + 1)·Φ(x)·|x|·ε, since
    // φ(x)/Φ(x) ≤ |x| + 1 for x ≤ 0 (the normal hazard h(t) = φ(t)/Q(t) satisfies
    // t < h(t) < t + 1 for t ≥ 0). Halving a subnormal rounds by ≤ 2⁻¹⁰⁷⁵.
    let argument = (abs(x) + 1) * abs(x) * Double.ulpOfOne * value
    return Estimate(
      value: value, error: e.error / 2 + argument + Double.leastNonzeroMagnitude)
  }

  /// Q(x) = 1 − Φ(x) = P(Z > x) = Φ(−x) (negation is exact), accurate in the upper tail.
  /// - Throws: ``GSLError/domain`` for NaN.
  public static func upperTail(_ x: Double) throws(GSLError) -> Estimate {
    try cdf(-x)
  }

  /// log Φ(x), finite for every finite x whose value is a finite double (log Φ(−40) ≈ −804.6).
  ///
  /// For x > 0, log1p(−Q(x)), which keeps the relative accuracy of the tiny value
  /// −Q(x) (log Φ(10) ≈ −7.6·10⁻²⁴); for x ≤ 0, log erfc(−x/√2) − log 2, whose value is
  /// ≤ −log 2 so neither the subtraction nor the argument rounding costs relative accuracy.
  /// - Throws: ``GSLError/domain`` for NaN; ``GSLError/overflow`` for x < −1.9·10¹⁵⁴, where
  ///   the true value is below −1.8·10³⁰⁸.
  public static func logCDF(_ x: Double) throws(GSLError) -> Estimate {
    if x.isNaN { throw .domain }
    let eps = Double.ulpOfOne
    if x > 0 {
      let q = try upperTail(x)
      let value = log1p(-q.value)
      // d log1p(−q)/dq = −1/(1 − q) and q ≤ ½; log1p rounds by ≤ 1 ulp.
      return Estimate(value: value, error: q.error / (1 - q.value) + eps * abs(value))
    }
    let argument = -x * (0.5).squareRoot()
    if argument > 1e8 {
      // log Φ(x) = −x²/2 − log(−x) − ½ log(2π) + O(x⁻²) with the O term < 10⁻¹⁶ here; x² is
      // formed from the exact x (rounding ε/2), so 2ε|value| covers all rounding.
      let square = x * x
      if !square.isFinite { throw .overflow }
      let value = -0.5 * square - (log(-x) + halfLogTwoPi)
      return Estimate(value: value, error: 2 * eps * abs(value))
    }
    let e = try SpecialFunctions.logErfc(argument)
    let value = e.value - SpecialFunctions.logTwo
    // The subtraction and the constant round by ≤ ε|value|; the ≤ ε relative error of the
    // argument moves log Φ by (φ/Φ)(x)·|x|·ε ≤ (|x| + 1)·|x|·ε (see ``cdf(_:)``).
    let error = e.error + eps * abs(value) + (abs(x) + 1) * abs(x) * eps
    return Estimate(value: value, error: error)
  }

  /// log Q(x) = log(1 − Φ(x)) = log Φ(−x).
  /// - Throws: as ``logCDF(_:)``.
  public static func logUpperTail(_ x: Double) throws(GSLError) -> Estimate {
    try logCDF(-x)
  }

  /// Φ⁻¹(p), the standard normal quantile (`gsl_cdf_ugaussian_Pinv`, Wichura's AS241).
  /// - Throws: ``GSLError/domain`` unless 0 < p < 1 (the quantiles of 0 and 1 are ∓∞).
  public static func quantile(_ p: Double) throws(GSLError) -> Estimate {
    guard p > 0, p < 1 else { throw .domain }
    let value = try GSL.value { gsl_cdf_ugaussian_Pinv(p) }
    return Estimate(value: value, error: cdfRelativeErrorUlps * Double.ulpOfOne * abs(value))
  }

  /// Q⁻¹(q) = Φ⁻¹(1 − q) = −Φ⁻¹(q): the z with P(Z > z) = q, accurate for tiny q where
  /// 1 − q would round (the Wilson interval's z at level 1 − α is Q⁻¹(α/2)).
  /// - Throws: ``GSLError/domain`` unless 0 < q < 1.
  public static func upperQuantile(_ q: Double) throws(GSLError) -> Estimate {
    let e = try quantile(q)
    return Estimate(value: -e.value, error: e.error)
  }

  /// The hazard φ(x)/Q(x) (the inverse Mills ratio, `gsl_sf_hazard_e`); φ(z)/Φ(z) is the
  /// hazard at −z. Underflows to 0 (error 2⁻¹⁰⁷⁴) for x < −38.4.
  /// - Throws: ``GSLError/domain`` for NaN.
  public static func hazard(_ x: Double) throws(GSLError) -> Estimate {
    if x.isNaN { throw .domain }
    return try GSL.sfResult { gsl_sf_hazard_e(x, $0) }
  }

  /// ½ log(2π).
  static let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_406
}
