// Confidence intervals for a binomial proportion (mpo.md §0.13 "Binomial intervals"):
// Wilson's score interval (z from Q⁻¹(α/2), `gsl_cdf_ugaussian_Pinv`) and the exact
// Clopper–Pearson interval (Beta quantiles, `gsl_cdf_beta_Pinv`), as statsmodels'
// `proportion_confint(method: "wilson" | "beta")` computes them.
//
// Goals, in order: 1) the textbook definition exactly (two-sided, α/2 in each tail; the
// endpoints are 0 at x = 0 and 1 at x = n exactly); 2) endpoint error estimates;
// 3) simplicity.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A two-sided confidence interval for the success probability of a binomial experiment.
public struct BinomialInterval: Sendable, Hashable, Codable, CustomStringConvertible {
  /// How the interval is constructed.
  public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
    /// Wilson's score interval (Wilson 1927): the p with |x − np| ≤ z·√(np(1 − p)).
    case wilson
    /// Clopper–Pearson (1934): inverts the two one-sided binomial tests; conservative.
    case clopperPearson
  }

  /// An invalid argument, naming the field, its value and the rule.
  public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var value: String
    public var rule: String
    public var description: String { "\(field) \(rule), got \(value)" }
  }

  /// Number of successes x.
  public let successes: Int
  /// Number of trials n.
  public let trials: Int
  /// Confidence level 1 − α.
  public let level: Double
  public let method: Method
  /// Lower end with its error estimate.
  public let lower: Estimate
  /// Upper end with its error estimate.
  public let upper: Estimate

  /// The point estimate x/n.
  public var proportion: Double { Double(successes) / Double(trials) }

  /// Whether p lies in the closed interval [lower, upper].
  public func contains(_ p: Double) -> Bool { lower.value <= p && p <= upper.value }

  public var description: String {
    "\(method.rawValue) \(level) interval for \(successes)/\(trials): "
      + "[\(lower.value), \(upper.value)]"
  }

  /// The interval for `successes` of `trials` at confidence `level` by `method`.
  /// - Throws: ``InputError`` unless trials ≥ 1, 0 ≤ successes ≤ trials and
  ///   0 < level < 1; ``GSLError`` if a quantile fails.
  public init(successes x: Int, trials n: Int, level: Double, method: Method) throws {
    if n < 1 { throw InputError(field: "trials", value: "\(n)", rule: "must be ≥ 1") }
    if x < 0 || x > n {
      throw InputError(field: "successes", value: "\(x)", rule: "must be in 0...trials (\(n))")
    }
    if !(level > 0 && level < 1) {
      throw InputError(field: "level", value: "\(level)", rule: "must be in (0, 1)")
    }
    self.successes = x
    self.trials = n
    self.level = level
    self.method = method
    // 1 − level is exact for level ≥ ½ (Sterbenz); α/2 is exact.
    let halfAlpha = (1 - level) / 2
    switch method {
    case .wilson:
      (lower, upper) = try Self.wilson(x, n, halfAlpha)
    case .clopperPearson:
      let a = Double(x)
      let b = Double(n - x)
      lower = x == 0 ? Estimate(value: 0, error: 0)
        : try BetaDistribution.quantile(halfAlpha, a: a, b: b + 1)
      upper = x == n ? Estimate(value: 1, error: 0)
        : try BetaDistribution.upperQuantile(halfAlpha, a: a + 1, b: b)
    }
  }

  /// Wilson's score interval for x of n with z = Q⁻¹(α/2).
  public static func wilson(successes x: Int, trials n: Int, level: Double) throws
    -> BinomialInterval
  {
    try BinomialInterval(successes: x, trials: n, level: level, method: .wilson)
  }

  /// The Clopper–Pearson ("exact", statsmodels "beta") interval for x of n.
  public static func clopperPearson(successes x: Int, trials n: Int, level: Double) throws
    -> BinomialInterval
  {
    try BinomialInterval(successes: x, trials: n, level: level, method: .clopperPearson)
  }

  /// Endpoints (x + z²/2 ∓ z·√(x(n − x)/n + z²/4))/(n + z²). Their error: about ten
  /// roundings (≤ 16ε relative to the larger of centre and half-width) plus the effect of
  /// z's error, measured by re-evaluating at z + δz.
  static func wilson(_ x: Int, _ n: Int, _ halfAlpha: Double) throws
    -> (Estimate, Estimate)
  {
    let z = try StandardNormal.upperQuantile(halfAlpha)
    func ends(_ z: Double) -> (Double, Double) {
      let xd = Double(x)
      let nd = Double(n)
      let z2 = z * z
      let centre = (xd + z2 / 2) / (nd + z2)
      let half = z / (nd + z2) * (xd * (nd - xd) / nd + z2 / 4).squareRoot()
      let lo = x == 0 ? 0 : max(0, centre - half)
      let hi = x == n ? 1 : min(1, centre + half)
      return (lo, hi)
    }
    let (lo, hi) = ends(z.value)
    let (loShift, hiShift) = ends(z.value + z.error)
    let rounding = 16 * Double.ulpOfOne * hi
    let loError = x == 0 ? 0 : abs(loShift - lo) + rounding
    let hiError = x == n ? 0 : abs(hiShift - hi) + rounding
    return (Estimate(value: lo, error: loError), Estimate(value: hi, error: hiError))
  }
}
