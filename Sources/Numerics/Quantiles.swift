// Quantiles of the Beta and Student-t distributions with a-posteriori error estimates, for
// Clopper–Pearson intervals (mpo.md §0.13) and t-based confidence intervals.
//
// Goals, in order: 1) an error estimate that is never understated; 2) accuracy near the
// conditioning of the problem; 3) simplicity.
//
// GSL's `gsl_cdf_beta_Pinv` and `gsl_cdf_tdist_Pinv` return a bare double from a Newton
// iteration stopped at a relative step of 10⁻¹⁰ (measured errors up to 350 ulps for
// Beta(1000, 1000)). Each result here is therefore checked and polished by one Newton step
// on the CDF computed with `gsl_sf_beta_inc_e` (which reports its own error): with residual
// r = p − F(x), density f and d log f/dx = ψ, the step x₁ = x + r/f leaves
//   |x₁ − x*| ≤ e_F/f + ½|ψ|·δ² (δ = r/f; the second-order term is doubled for safety)
//             + |δ|·(relative error of f) + ε|x₁|,
// with e_F the error of the computed CDF. That sum is the reported error.
//
// e_F is max(GSL's reported error, ε·(a + b)·I): GSL 2.7's `gsl_sf_beta_inc_e` understates its
// error for large parameters (measured against mpmath: up to 390× for a ≈ 10⁶, with actual
// relative errors up to ≈ 0.3·ε·(a + b)), because the prefactor x^a(1 − x)^b/B(a, b) is formed
// from logarithms of size O(a + b). GSL's `gsl_cdf_beta_Pinv` also fails to converge
// (GSL_EFAILED) for large parameters, e.g. p = 5e-5, Beta(7, 99994), or p = 0.025,
// Beta(999999, 2); those cases fall back to a safeguarded Newton–bisection on I_x(a, b).
internal import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Beta(a, b) distribution on [0, 1].
public enum BetaDistribution {
  /// The p-quantile: the x with I_x(a, b) = p (`gsl_cdf_beta_Pinv`, polished; see the file
  /// header). The Clopper–Pearson lower limit for x successes of n is quantile(α/2, x, n−x+1).
  /// - Throws: ``GSLError/domain`` unless a, b are finite and > 0 and 0 ≤ p ≤ 1;
  ///   ``GSLError/underflow`` when the quantile is below the smallest double;
  ///   ``GSLError/failed`` when GSL fails or the check cannot be made.
  public static func quantile(_ p: Double, a: Double, b: Double) throws(GSLError) -> Estimate {
    guard a > 0, b > 0, a.isFinite, b.isFinite, p >= 0, p <= 1 else { throw .domain }
    if p == 0 { return Estimate(value: 0, error: 0) }
    if p == 1 { return Estimate(value: 1, error: 0) }
    let eps = Double.ulpOfOne
    let logB = try SpecialFunctions.logBeta(a, b)
    GSL.ensureHandlerOff()
    let gslX = gsl_cdf_beta_Pinv(p, a, b)
    let x = gslX.isNaN ? try solve(p, a: a, b: b, logB: logB.value) : gslX
    if x <= 0 { throw .underflow }
    if x >= 1 { throw .failed }
    // Residual in the better-conditioned tail: the upper form uses 1 − p and 1 − x, both
    // exact (Sterbenz) when p, x ≥ ½.
    let residual: Double
    let cdfError: Double
    if p > 0.5 && x >= 0.5 {
      let upper = try GSL.sfResult { gsl_sf_beta_inc_e(b, a, 1 - x, $0) }
      residual = upper.value - (1 - p)
      cdfError = max(upper.error, eps * (a + b) * upper.value) + eps * (1 - p)
    } else {
      let lower = try GSL.sfResult { gsl_sf_beta_inc_e(a, b, x, $0) }
      residual = p - lower.value
      cdfError = max(lower.error, eps * (a + b) * lower.value) + eps * p
    }
    let logX = log(x)
    let log1mX = log1p(-x)
    let logDensity = (a - 1) * logX + (b - 1) * log1mX - logB.value
    let density = exp(logDensity)
    guard density > 0, density.isFinite else { throw .failed }
    // Relative error of the density: the absolute error of its logarithm (each of three
    // products and sums rounds by ≤ ε of its size; log B carries its GSL error), plus exp's ulp.
    let densityRelative =
      logB.error + eps * (abs((a - 1) * logX) + abs((b - 1) * log1mX) + abs(logB.value) + 2)
    let psi = (a - 1) / x - (b - 1) / (1 - x)
    return polish(
      x, residual: residual, cdfError: cdfError, density: density,
      densityRelative: densityRelative, psi: psi, inside: { $0 > 0 && $0 < 1 })
  }

  /// The upper quantile: the x with P(X > x) = q, computed as 1 − quantile(q; b, a) (X ↦ 1 − X
  /// swaps a and b), accurate for tiny q where 1 − q would round. The Clopper–Pearson upper
  /// limit for x successes of n is upperQuantile(α/2, x+1, n−x).
  /// - Throws: as ``quantile(_:a:b:)``.
  public static func upperQuantile(_ q: Double, a: Double, b: Double) throws(GSLError)
    -> Estimate
  {
    let e = try quantile(q, a: b, b: a)
    let value = 1 - e.value
    // 1 − y is exact for y ≥ ½ and rounds by ≤ ε/2 otherwise.
    return Estimate(value: value, error: e.error + Double.ulpOfOne / 2 * value)
  }

  /// The p-quantile by Newton's method on I_x(a, b), safeguarded by a bracket [lo, hi] that
  /// always contains the root: a step leaving the bracket is replaced by bisection (geometric
  /// while lo = 0, so that tiny quantiles are reached in O(log) steps). Used only when GSL's
  /// own iteration fails; its result is polished and bounded by the caller like GSL's.
  static func solve(_ p: Double, a: Double, b: Double, logB: Double) throws(GSLError)
    -> Double
  {
    var lo = 0.0
    var hi = 1.0
    var x = a / (a + b)
    for _ in 0..<400 {
      let f = try GSL.sfResult { gsl_sf_beta_inc_e(a, b, x, $0) }.value
      if f < p { lo = x } else { hi = x }
      let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logB)
      var next = x + (p - f) / density
      if !(next > lo && next < hi) || !next.isFinite {
        next = lo == 0 ? hi / 16 : (lo + hi) / 2
      }
      if abs(next - x) <= 4 * Double.ulpOfOne * x || hi - lo <= 2 * Double.ulpOfOne * hi {
        return next
      }
      x = next
    }
    throw .maxIterations
  }

  /// One Newton step x₁ = x + r/f and its error bound (see the file header).
  static func polish(
    _ x: Double, residual r: Double, cdfError: Double, density f: Double,
    densityRelative: Double, psi: Double, inside: (Double) -> Bool
  ) -> Estimate {
    let delta = r / f
    let polished = x + delta
    let eps = Double.ulpOfOne
    if !inside(polished) {
      // Leave x as GSL returned it; its error is the whole step plus the CDF's uncertainty.
      return Estimate(value: x, error: 2 * abs(delta) + cdfError / f + eps * abs(x))
    }
    let error =
      cdfError / f + abs(psi) * delta * delta + abs(delta) * densityRelative
      + eps * abs(polished)
    return Estimate(value: polished, error: error)
  }
}

/// Student's t distribution with ν degrees of freedom.
public enum StudentT {
  /// The p-quantile t with P(T ≤ t) = p (`gsl_cdf_tdist_Pinv`, polished; see the file
  /// header). The tail probability P(T > s) for s ≥ 0 is evaluated as ½·I_w(ν/2, ½),
  /// w = ν/(ν + s²), when s² ≥ ν and as ½ − ½·I_z(½, ν/2), z = s²/(ν + s²), when s² < ν, so
  /// that the argument of I is ≤ ½ and its rounding (≤ 4ε relative) is equivalent to a
  /// change of s by ≤ 4ε·s, which is added to the error.
  /// - Throws: ``GSLError/domain`` unless ν is finite and > 0 and 0 < p < 1;
  ///   ``GSLError/underflow`` for |t| ≳ 10¹⁵⁰, where the tail cannot be evaluated;
  ///   ``GSLError/failed`` when GSL fails.
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double) throws(GSLError)
    -> Estimate
  {
    guard nu > 0, nu.isFinite, p > 0, p < 1 else { throw .domain }
    if p == 0.5 { return Estimate(value: 0, error: 0) }
    let t = try GSL.value(.failed) { gsl_cdf_tdist_Pinv(p, nu) }
    if !t.isFinite { throw .underflow }
    // Work with s = |t| > 0 and the tail α = P(T > s) (1 − p is exact for p > ½).
    let alpha = p < 0.5 ? p : 1 - p
    let s = abs(t)
    let eps = Double.ulpOfOne
    let tail: Estimate
    if s * s >= nu {
      let w = (nu / s) / s / (1 + (nu / s) / s)
      if w == 0 { throw .underflow }
      let i = try GSL.sfResult { gsl_sf_beta_inc_e(nu / 2, 0.5, w, $0) }
      let iError = max(i.error, eps * (nu / 2 + 0.5) * i.value)  // see the file header
      tail = Estimate(value: i.value / 2, error: iError / 2)
    } else {
      let z = s * s / (nu + s * s)
      let i = try GSL.sfResult { gsl_sf_beta_inc_e(0.5, nu / 2, z, $0) }
      let iError = max(i.error, eps * (nu / 2 + 0.5) * i.value)  // see the file header
      tail = Estimate(value: 0.5 - i.value / 2, error: iError / 2 + eps / 2)
    }
    // T(s) = P(T > s) decreases with density f: the root of T(s) = α is s + (T(s) − α)/f.
    let residual = tail.value - alpha
    // log f(s) = log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(πν) − (ν+1)/2 · log(1 + s²/ν),
    // with log(1 + s²/ν) = 2 log s − log ν + log1p(ν/s²) when s² > ν (no overflow).
    let lgHigh = try SpecialFunctions.logGamma((nu + 1) / 2)
    let lgLow = try SpecialFunctions.logGamma(nu / 2)
    let logOnePlus =
      s * s <= nu ? log1p(s * s / nu) : 2 * log(s) - log(nu) + log1p((nu / s) / s)
    let power = (nu + 1) / 2 * logOnePlus
    let logDensity =
      lgHigh.value - lgLow.value - 0.5 * log(Double.pi * nu) - power
    let density = exp(logDensity)
    guard density > 0, density.isFinite else { throw .underflow }
    // Absolute error of log f: the two log Γ errors, ≤ ε per term of the sum and
    // 4ε·|power| for the rounding of s²/ν (or of its logarithms) inside the power.
    let densityRelative =
      lgHigh.error + lgLow.error
      + eps * (abs(lgHigh.value) + abs(lgLow.value) + abs(0.5 * log(Double.pi * nu)) + 2)
      + 4 * eps * abs(power)
    let psi = -(nu + 1) * s / (nu + s * s)
    let e = BetaDistribution.polish(
      s, residual: residual, cdfError: tail.error + eps * alpha, density: density,
      densityRelative: densityRelative, psi: psi, inside: { $0 > 0 })
    let error = e.error + 4 * eps * s
    return Estimate(value: p < 0.5 ? -e.value : e.value, error: error)
  }
}
