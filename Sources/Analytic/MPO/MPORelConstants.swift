// MPO's reliability constants (001_0ef3930bdbd6a134.txt App. F, eqs. 21–25; Theorem 2 eq. 10):
// C(β) = Σ_{m≥1} m Φ(−m/(√2β)) (21), U(β) = (β/√π)e^{−1/(4β²)} + β erfc(1/(2β)) (25),
// q_β = Φ(1/(√2β)), γ(β) = ½(−log q_β), and the two printed PL bounds.
//
// Implementation goals, in order: 1) each printed formula as printed (U is the paper's (25),
// not a corrected one); 2) log space, because C, U and 1 − q_β underflow for β ≲ 0.02;
// 3) an error estimate with every value; 4) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Closed forms of MPO's App. F (Theorems 2 and 4, Lemma 4).
public enum MPOReliability {
  /// ½ log π.
  static let halfLogPi = 0.572_364_942_924_700_087_071_713_675_677
  /// 1/√2.
  static let invSqrt2 = 0.707_106_781_186_547_524_400_844_362_105

  /// A log-space series sum: log Σ, its error estimate and the number of terms read.
  public struct LogSeries: Sendable, Hashable {
    /// log of the sum, with an error estimate (tail bound + rounding).
    public var logSum: Estimate
    /// Terms summed (m = 1…terms).
    public var terms: Int
    /// log of the bound on the neglected tail.
    public var logTail: Double
  }

  /// Adds `x` to the online log-sum-exp state (max, scaled sum).
  @inline(__always)
  static func accumulate(_ x: Double, _ m: inout Double, _ s: inout Double) {
    if x == -.infinity { return }
    if x > m {
      s = s * exp(m - x) + 1
      m = x
    } else {
      s += exp(x - m)
    }
  }

  /// log of a term m Φ(−m/(√2β)) of (21).
  public static func logCTerm(m: Int, beta: Double) throws -> Estimate {
    let e = try StandardNormal.logCDF(-Double(m) * invSqrt2 / beta)
    return Estimate(value: log(Double(m)) + e.value, error: e.error + Double.ulpOfOne)
  }

  /// log C(β) by partial sums of (21) until the tail, bounded with Lemma 4 as
  /// Σ_{m>M} mΦ(−m/(√2β)) ≤ (β/√π)Σ_{m>M} e^{−m²/(4β²)} ≤ β² erfc(M/(2β)), is below
  /// `relativeTail`·C (catalog `mpo.thm4.failure-bound`: 10⁻¹⁷).
  /// - Throws: ``GSLError`` from the special functions; `invalidArgument` unless β > 0.
  public static func logC(beta: Double, relativeTail: Double = 1e-17) throws -> LogSeries {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    var mx = -Double.infinity
    var s = 0.0
    var worstTermError = 0.0
    var m = 0
    var logTail = Double.infinity
    let logRel = log(relativeTail)
    while m < 100_000_000 {
      m += 1
      let t = try logCTerm(m: m, beta: beta)
      worstTermError = max(worstTermError, t.error)
      accumulate(t.value, &mx, &s)
      logTail = 2 * log(beta) + (try SpecialFunctions.logErfc(Double(m) / (2 * beta))).value
      if logTail < mx + log(s) + logRel { break }
    }
    let value = mx + log(s)
    // Each term's log carries its error; the sum of m positive terms rounds by ≤ mε/2
    // relative (online rescaling adds one rounding per term); the tail is relative exp(ΔlogTail).
    let error = worstTermError + Double(m) * Double.ulpOfOne + exp(logTail - value)
    return LogSeries(logSum: Estimate(value: value, error: error), terms: m, logTail: logTail)
  }

  /// C(β) of (21) (underflows to 0 for β ≲ 0.02; use ``logC(beta:relativeTail:)`` there).
  public static func c(beta: Double) throws -> Estimate {
    let l = try logC(beta: beta).logSum
    let v = exp(l.value)
    return Estimate(value: v, error: v * expm1(l.error))
  }

  /// C(β) by Levin's u-transform (gsl_sum_levin_u_accel) on the terms m Φ(−m/(√2β)) up to
  /// the first below 10⁻³⁰⁰ or `maxTerms`: an independent route to (21) with GSL's error
  /// estimate. Valid where the terms do not underflow from m = 1 (β ≳ 0.03).
  public static func cLevin(beta: Double, maxTerms: Int = 400) throws -> AcceleratedSum {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    var terms: [Double] = []
    for m in 1...maxTerms {
      let t = Double(m) * (try StandardNormal.cdf(-Double(m) * invSqrt2 / beta)).value
      if t < 1e-300 { break }
      terms.append(t)
    }
    return try SeriesAcceleration.levinU(terms)
  }

  /// log of Σ_{m≥1} e^{−m²/(4β²)} (the sum in the first line of (25)), to the tail bound
  /// Σ_{m>M} e^{−m²/(4β²)} ≤ β√π erfc(M/(2β)) below `relativeTail` of the sum.
  public static func logGaussianSeries(beta: Double, relativeTail: Double = 1e-17) throws
    -> LogSeries
  {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    var mx = -Double.infinity
    var s = 0.0
    var m = 0
    var logTail = Double.infinity
    let logRel = log(relativeTail)
    while m < 100_000_000 {
      m += 1
      let md = Double(m)
      accumulate(-md * md / (4 * beta * beta), &mx, &s)
      logTail = log(beta) + halfLogPi + (try SpecialFunctions.logErfc(md / (2 * beta))).value
      if logTail < mx + log(s) + logRel { break }
    }
    let value = mx + log(s)
    let error = Double(m) * Double.ulpOfOne + exp(logTail - value) + 4 * Double.ulpOfOne * abs(mx)
    return LogSeries(logSum: Estimate(value: value, error: error), terms: m, logTail: logTail)
  }

  /// The two summands of U(β) in (25), in log space: a = log(β/√π) − 1/(4β²) and
  /// b = log β + log erfc(1/(2β)).
  public static func logUParts(beta: Double) throws -> (a: Double, b: Estimate) {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    let a = log(beta) - halfLogPi - 1 / (4 * beta * beta)
    let e = try SpecialFunctions.logErfc(1 / (2 * beta))
    return (a, Estimate(value: log(beta) + e.value, error: e.error + Double.ulpOfOne * abs(log(beta))))
  }

  /// log U(β), U of (25) as printed, by log-sum-exp of its two summands.
  public static func logU(beta: Double) throws -> Estimate {
    let (a, b) = try logUParts(beta: beta)
    let v = logSumExp(a, b.value)
    // a rounds by a few ε|a|; b carries GSL's estimate; log-sum-exp adds ~2ε.
    return Estimate(value: v, error: 4 * Double.ulpOfOne * (abs(a) + 1) + b.error)
  }

  /// U(β) of (25) with `gsl_sf_erfc` (the float64 form the catalog's `u1-value` asks for).
  public static func u(beta: Double) throws -> Estimate {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    let x = 1 / (2 * beta)
    let e1 = beta * exp(-x * x) / .pi.squareRoot()
    let e2 = try SpecialFunctions.erfc(x)
    let v = e1 + beta * e2.value
    return Estimate(value: v, error: beta * e2.error + 8 * Double.ulpOfOne * v)
  }

  /// d log U/dβ by forward-mode dual numbers through the log-space form of (25).
  public static func dLogU(beta: Double) throws -> Double {
    let b = MPORelDual(beta, 1)
    let a = b.log() - MPORelDual(halfLogPi) - MPORelDual(0.25) / (b * b)
    let second = b.log() + (try (MPORelDual(0.5) / b).logErfc())
    return try MPORelDual.logSumExp(a, second).derivative
  }

  /// log(1 − q_β) = log Φ(−1/(√2β)).
  public static func logOneMinusQ(beta: Double) throws -> Estimate {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    return try StandardNormal.logCDF(-invSqrt2 / beta)
  }

  /// q_β = Φ(1/(√2β)).
  public static func q(beta: Double) throws -> Estimate {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    return try StandardNormal.cdf(invSqrt2 / beta)
  }

  /// log q_β = log Φ(1/(√2β)) (keeps relative accuracy of the tiny −log q for small β).
  public static func logQ(beta: Double) throws -> Estimate {
    guard beta > 0, beta.isFinite else { throw GSLError.invalidArgument }
    return try StandardNormal.logCDF(invSqrt2 / beta)
  }

  /// γ(β) = ½(−log q_β) (underflows to 0 for β ≲ 0.02).
  public static func gamma(beta: Double) throws -> Double {
    -0.5 * (try logQ(beta: beta)).value
  }

  /// log γ(β) = log ½ + log(−log1p(−e^ℓ)), ℓ = log(1 − q_β); log ½ + ℓ when ℓ < −40, where
  /// −log1p(−e^ℓ) = e^ℓ(1 + e^ℓ/2 + …) equals e^ℓ to rounding.
  public static func logGamma(beta: Double) throws -> Double {
    let l = try logOneMinusQ(beta: beta).value
    if l < -40 { return -log(2.0) + l }
    return -log(2.0) + log(-log1p(-exp(l)))
  }

  /// log of Theorem 4(ii)'s bound (q_β)^{⌊(k−1)/2⌋}.
  public static func logPLBoundAppendix(k: Int, beta: Double) throws -> Double {
    Double((k - 1) / 2) * (try logQ(beta: beta)).value
  }

  /// log of Theorem 2's bound exp(−γ(β)k) (eq. 10, second part).
  public static func logPLBoundMain(k: Int, beta: Double) throws -> Double {
    -(try gamma(beta: beta)) * Double(k)
  }

  /// B_n(β) = Σ_{m=1}^{n} m Φ(−m/(√2β)), the truncated sum of App. F.2's union bound.
  public static func truncatedSum(n: Int, beta: Double) throws -> Double {
    var s = 0.0
    for m in 1...max(n, 1) {
      s += Double(m) * (try StandardNormal.cdf(-Double(m) * invSqrt2 / beta)).value
    }
    return s
  }
}
