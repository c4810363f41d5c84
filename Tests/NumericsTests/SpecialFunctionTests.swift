// Reference tables for Sources/Numerics' special functions (SpecialFunctions.swift,
// StandardNormal.swift, Quantiles.swift) and BinomialInterval against mpmath.
//
// Provenance (Python, offline; x = mpf(float("<input>")), the exact double; mp.dps = 50;
// values printed with mp.nstr(v, 20)):
//   cdf Φ(x)          mp.ncdf(x)               upperTail Q(x)   mp.ncdf(-x)
//   logCDF            mp.log(mp.ncdf(x)) for x ≤ 0, mp.log1p(-mp.ncdf(-x)) for x > 0
//   logUpperTail      logCDF(-x)
//   quantile Φ⁻¹(p)   the root t of mp.ncdf(t) = p by bisection on a log scale to 1e-45
//                     relative, then mp.findroot(solver="illinois")  (see refs.py below)
//   upperQuantile     −Φ⁻¹(q)                  hazard   mp.npdf(x)/mp.ncdf(-x)
//   erfc              mp.erfc(x)               logErfc  mp.log(mp.erfc(x)); for x = 1e100,
//                     −x² − log(x√π) + log(1 − 1/(2x²) + 3/(4x⁴))
//   logGamma          mp.log(abs(mp.gamma(x)))
//   Beta quantile     the root of mp.betainc(a, b, 0, x, regularized=True) = p (same solver);
//                     upper quantile 1 − (root for (q, b, a))
//   t quantile        the root of the t CDF written with betainc (same solver):
//                     F(t) = ½·I_{ν/(ν+t²)}(ν/2, ½) for t < 0, 1 − that for t > 0
// A true value below 2⁻¹⁰⁷⁵ rounds to 0 in float64; such rows expect 0 and say so.
//
// Acceptance rule for every row, value v ± e against the reference r:
//   |v − r| ≤ max(4 ulps of r, 2e)    — accurate to within the reported error, and the
//                                        reported error is not understated by more than 2×
//                                        (GSL deriv/test.c's rule); 4 ulps is the floor for
//                                        results whose error estimate is 0 (exact results).
//   e ≤ 1e-10·|r| + 4·2⁻¹⁰⁷⁴           — the estimate is not so large that the first check
//                                        could not fail (these functions are all accurate to
//                                        ≤ ~10⁻¹² relative at the inputs used).
import Numerics
import Testing

/// Which function a reference row exercises.
enum SpecialFunction: String, Sendable {
  case cdf, upperTail, logCDF, logUpperTail, quantile, upperQuantile, hazard
  case erfc, logErfc, logGamma

  func callAsFunction(_ x: Double) throws -> Estimate {
    switch self {
    case .cdf: return try StandardNormal.cdf(x)
    case .upperTail: return try StandardNormal.upperTail(x)
    case .logCDF: return try StandardNormal.logCDF(x)
    case .logUpperTail: return try StandardNormal.logUpperTail(x)
    case .quantile: return try StandardNormal.quantile(x)
    case .upperQuantile: return try StandardNormal.upperQuantile(x)
    case .hazard: return try StandardNormal.hazard(x)
    case .erfc: return try SpecialFunctions.erfc(x)
    case .logErfc: return try SpecialFunctions.logErfc(x)
    case .logGamma: return try SpecialFunctions.logGamma(x)
    }
  }
}

/// One row: function, exact double input, mpmath value to 20 digits.
struct SpecialFunctionRow: Sendable, CustomTestStringConvertible {
  let function: SpecialFunction
  let x: Double
  let expected: Double
  init(_ function: SpecialFunction, _ x: Double, _ expected: Double) {
    self.function = function
    self.x = x
    self.expected = expected
  }
  var testDescription: String { "\(function.rawValue)(\(x))" }
}

/// One quantile row of a two-parameter distribution.
struct QuantileRow: Sendable, CustomTestStringConvertible {
  enum Kind: String, Sendable { case beta, betaUpper, studentT }
  let kind: Kind
  let p: Double
  let a: Double
  let b: Double
  let expected: Double
  static func beta(_ p: Double, _ a: Double, _ b: Double, _ e: Double) -> QuantileRow {
    QuantileRow(kind: .beta, p: p, a: a, b: b, expected: e)
  }
  static func betaUpper(_ q: Double, _ a: Double, _ b: Double, _ e: Double) -> QuantileRow {
    QuantileRow(kind: .betaUpper, p: q, a: a, b: b, expected: e)
  }
  static func t(_ p: Double, _ nu: Double, _ e: Double) -> QuantileRow {
    QuantileRow(kind: .studentT, p: p, a: nu, b: .nan, expected: e)
  }
  func evaluate() throws -> Estimate {
    switch kind {
    case .beta: return try BetaDistribution.quantile(p, a: a, b: b)
    case .betaUpper: return try BetaDistribution.upperQuantile(p, a: a, b: b)
    case .studentT: return try StudentT.quantile(p, degreesOfFreedom: a)
    }
  }
  var testDescription: String {
    kind == .studentT ? "t quantile p=\(p) ν=\(a)" : "\(kind.rawValue) quantile \(p) (\(a), \(b))"
  }
}

/// A binomial interval row: statsmodels-style references.
struct BinomialRow: Sendable, CustomTestStringConvertible {
  let x: Int
  let n: Int
  let level: Double
  let wilson: (Double, Double)
  let clopperPearson: (Double, Double)
  var testDescription: String { "\(x)/\(n) at \(level)" }
}

@Suite struct SpecialFunctionTests {
  static let rows: [SpecialFunctionRow] = [
    .init(.cdf, -40, 0),  // true 3.6558935409150297037e-350 rounds to 0
    .init(.cdf, -38, 2.8854283600687843084e-316),
    .init(.cdf, -37.51, 3.1642088986155017890e-308),
    .init(.cdf, -37.5, 4.6053530095819548438e-308),
    .init(.cdf, -30, 4.9067139271481870595e-198),
    .init(.cdf, -20, 2.7536241186062336951e-89),
    .init(.cdf, -10, 7.6198530241605260660e-24),
    .init(.cdf, -5.5, 1.8989562465887719384e-8),
    .init(.cdf, -1, 1.5865525393145705141e-1),
    .init(.cdf, -0.375, 3.5383023332727620563e-1),
    .init(.cdf, 0, 5.0000000000000000000e-1),
    .init(.cdf, 0.375, 6.4616976667272379437e-1),
    .init(.cdf, 1, 8.4134474606854294859e-1),
    .init(.cdf, 5, 9.9999971334842812081e-1),
    .init(.cdf, 8.25, 9.9999999999999992080e-1),
    .init(.upperTail, -1, 8.4134474606854294859e-1),
    .init(.upperTail, 0, 5.0000000000000000000e-1),
    .init(.upperTail, 1, 1.5865525393145705141e-1),
    .init(.upperTail, 5, 2.8665157187919391167e-7),
    .init(.upperTail, 10, 7.6198530241605260660e-24),
    .init(.upperTail, 20, 2.7536241186062336951e-89),
    .init(.upperTail, 37.5, 4.6053530095819548438e-308),
    .init(.upperTail, 38, 2.8854283600687843084e-316),
    .init(.upperTail, 40, 0),  // true 3.6558935409150297037e-350 rounds to 0
    .init(.logCDF, -1e10, -5.0000000000000000024e19),
    .init(.logCDF, -1e3, -5.0000782669481218431e5),
    .init(.logCDF, -40, -8.0460844201375378817e2),
    .init(.logCDF, -38, -7.2655721601882013010e2),
    .init(.logCDF, -10, -5.3231285150512470578e1),
    .init(.logCDF, -1, -1.8410216450092635058),
    .init(.logCDF, 0, -6.9314718055994530942e-1),
    .init(.logCDF, 1, -1.7275377902344988953e-1),
    .init(.logCDF, 5, -2.8665161296376359338e-7),
    .init(.logCDF, 10, -7.6198530241605260660e-24),
    .init(.logCDF, 30, -4.9067139271481870595e-198),
    .init(.logUpperTail, -10, -7.6198530241605260660e-24),
    .init(.logUpperTail, 0, -6.9314718055994530942e-1),
    .init(.logUpperTail, 3, -6.6077262215103495433),
    .init(.logUpperTail, 40, -8.0460844201375378817e2),
    .init(.quantile, 0.5, 0),
    .init(.quantile, 1e-300, -3.7047096299361199237e1),
    .init(.quantile, 5e-324, -3.8467405617144346251e1),
    .init(.quantile, 1e-10, -6.3613409024040561991),
    .init(.quantile, 0.025, -1.9599639845400542118),
    .init(.quantile, 0.3, -5.2440051270804081597e-1),
    .init(.quantile, 0.975, 1.9599639845400538556),
    .init(.quantile, 0.9999999999, 6.3613408896974218642),
    .init(.quantile, 0.9999999999999999, 8.2095361516013868556),
    .init(.upperQuantile, 0.025, 1.9599639845400542118),
    .init(.upperQuantile, 5e-5, 3.8905918864130939554),
    .init(.upperQuantile, 1e-10, 6.3613409024040561991),
    .init(.upperQuantile, 1e-300, 3.7047096299361199237e1),
    .init(.hazard, -40, 0),  // true 1.4632702508383031787e-348 rounds to 0 (GSL: underflow)
    .init(.hazard, -10, 7.6945986267064193463e-23),
    .init(.hazard, -1, 2.8759997093917836123e-1),
    .init(.hazard, 0, 7.9788456080286535588e-1),
    .init(.hazard, 1, 1.5251352761609812091),
    .init(.hazard, 10, 1.0098093233962511963e1),
    .init(.hazard, 1e3, 1.0000009999980000100e3),
    .init(.erfc, -1, 1.8427007929497148693),
    .init(.erfc, 0, 1.0000000000000000000),
    .init(.erfc, 0.375, 5.9588309056517770168e-1),
    .init(.erfc, 1, 1.5729920705028513066e-1),
    .init(.erfc, 5, 1.5374597944280348502e-12),
    .init(.erfc, 10, 2.0884875837625447570e-45),
    .init(.erfc, 26.5, 2.2109076642637342759e-307),
    .init(.erfc, 27, 5.2370489237892556850e-319),
    .init(.logErfc, -30, 6.9314718055994530942e-1),
    .init(.logErfc, -1, 6.1123231767807049464e-1),
    .init(.logErfc, 0, 0),
    .init(.logErfc, 1, -1.8496055099332482486),
    .init(.logErfc, 10, -1.0287988902484488857e2),
    .init(.logErfc, 28.284271247461902, -8.0391529483319390202e2),
    .init(.logErfc, 1e3, -1.0000074801207219062e6),
    .init(.logErfc, 1e10, -1.0000000000000000002e20),
    .init(.logErfc, 1e100, -1.0000000000000000318e200),  // GSL 2.7 alone returns NaN here
    .init(.logGamma, 5e-324, 7.4444007192138126231e2),  // GSL 2.7 alone returns +inf here
    .init(.logGamma, 1e-310, 7.1380137882815416510e2),
    .init(.logGamma, 1e-300, 6.9077552789821370518e2),
    .init(.logGamma, 0.5, 5.7236494292470008707e-1),
    .init(.logGamma, 1, 0),
    .init(.logGamma, 2, 0),
    .init(.logGamma, 3.5, 1.2009736023470742248),
    .init(.logGamma, 100, 3.5913420536957539878e2),
    .init(.logGamma, 1e10, 2.2025850928881058147e11),
    .init(.logGamma, 1e300, 6.8977552789821374147e302),
    .init(.logGamma, -0.5, 1.2655121234846453965),
    .init(.logGamma, -2.5, -5.6243716497674050673e-2),
  ]

  static let quantileRows: [QuantileRow] = [
    .beta(0.025, 3, 8, 6.6739511177734468518e-2),
    .beta(0.025, 1, 1000, 2.5317487491294044557e-5),
    .beta(1e-10, 2, 3, 4.0824940158083329196e-6),
    .beta(0.5, 0.5, 0.5, 5.0000000000000000000e-1),
    .beta(1e-06, 0.1, 0.1, 8.8692806555502738741e-58),
    .beta(0.9, 5, 5, 6.9903123640678535602e-1),
    .beta(0.975, 4, 7, 6.5245285005999724103e-1),
    .beta(0.05, 100, 900, 8.4870305571128127153e-2),
    .beta(0.3, 1000, 1000, 4.9413649272798149185e-1),  // GSL's bare Pinv: 350 ulps off
    .beta(5e-07, 1, 99999, 5.0000512505004213135e-12),
    .beta(0.5, 1, 1, 5.0000000000000000000e-1),
    .beta(0.999, 2, 0.5, 9.9999955555542386824e-1),
    .betaUpper(0.025, 4, 7, 6.5245285005999729166e-1),
    .betaUpper(0.025, 1000, 1, 9.9997468251250870596e-1),
    .betaUpper(5e-07, 99999, 1, 9.9999999999499994875e-1),
    .betaUpper(0.1, 3, 3, 7.5336354671153340187e-1),
    .t(0.975, 1, 1.2706204736174693314e1),
    .t(0.975, 2, 4.3026527297494617894),
    .t(0.975, 5, 2.5705818356363147828),
    .t(0.975, 30, 2.0422724563012378878),
    .t(0.995, 3.5, 5.0857022230912570118),  // GSL's bare Pinv: 13 ulps off
    .t(1e-10, 4, -4.1617514032960412353e2),
    .t(0.6, 1000, 2.5341451583949870728e-1),
    .t(0.025, 10, -2.2281388519862747157),
    .t(0.9999, 7, 7.0634328281576388270),  // GSL's bare Pinv: 27 ulps off
    .t(1e-20, 3, -4.7952757204689731896e6),
    .t(0.5, 7, 0),
    .t(0.975, 100000.0, 1.9599877075346092587),
    .t(0.3, 0.5, -1.0095258786071661156),
  ]

  /// Checks an estimate against a reference by the rule in the file header.
  static func check(_ e: Estimate, _ expected: Double, _ what: String) {
    #expect(e.value.isFinite, "\(what): value \(e.value) is not finite")
    let floor = 4 * expected.ulp
    let tolerance = Tolerance.truncation(
      estimate: max(floor / 2, e.error), factor: 2,
      reason: "max(4 ulps, 2 × reported error \(e.error))")
    #expect(
      ulpDistance(e.value, expected) <= 4 || tolerance.accepts(e.value, expected),
      "\(what): \(tolerance.explain(e.value, expected))")
    let cap = 1e-10 * abs(expected) + 4 * Double.leastNonzeroMagnitude
    #expect(
      e.error <= cap,
      "\(what): reported error \(e.error) exceeds \(cap) (would make the check vacuous)")
  }

  @Test(arguments: rows)
  func specialFunctionMatchesMpmath(_ row: SpecialFunctionRow) throws {
    Self.check(try row.function(row.x), row.expected, row.testDescription)
  }

  @Test(arguments: quantileRows)
  func quantileMatchesMpmath(_ row: QuantileRow) throws {
    Self.check(try row.evaluate(), row.expected, row.testDescription)
  }

  /// Domain errors are thrown as GSLError (the handler is off): the process does not abort.
  @Test func domainErrorsThrowInsteadOfAborting() {
    #expect(throws: GSLError.domain) { try StandardNormal.quantile(2) }
    #expect(throws: GSLError.domain) { try StandardNormal.quantile(0) }
    #expect(throws: GSLError.domain) { try StandardNormal.quantile(1) }
    #expect(throws: GSLError.domain) { try StandardNormal.upperQuantile(-0.1) }
    #expect(throws: GSLError.domain) { try StandardNormal.cdf(.nan) }
    #expect(throws: GSLError.domain) { try SpecialFunctions.logGamma(0) }
    #expect(throws: GSLError.domain) { try SpecialFunctions.logGamma(-1) }
    #expect(throws: GSLError.domain) { try SpecialFunctions.logBeta(0, 1) }
    #expect(throws: GSLError.domain) { try BetaDistribution.quantile(0.5, a: -1, b: 2) }
    #expect(throws: GSLError.domain) { try BetaDistribution.quantile(0.5, a: 2, b: 0) }
    #expect(throws: GSLError.domain) { try BetaDistribution.quantile(1.5, a: 2, b: 2) }
    #expect(throws: GSLError.domain) { try StudentT.quantile(0.5, degreesOfFreedom: 0) }
    #expect(throws: GSLError.domain) { try StudentT.quantile(1, degreesOfFreedom: 3) }
    // Overflow of the true value is reported, not returned as −∞.
    #expect(throws: GSLError.overflow) { try StandardNormal.logCDF(-1e200) }
    #expect(throws: GSLError.overflow) { try SpecialFunctions.logErfc(1e200) }
  }

  /// Exact ends: the quantiles of 0 and 1 of a Beta are 0 and 1 with error 0.
  @Test func betaQuantileEndsAreExact() throws {
    #expect(try BetaDistribution.quantile(0, a: 2, b: 3) == Estimate(value: 0, error: 0))
    #expect(try BetaDistribution.quantile(1, a: 2, b: 3) == Estimate(value: 1, error: 0))
  }

  // References: mpmath (mp.dps = 50), z = −Φ⁻¹(α/2) with α = 1 − level (exact in float64),
  // Wilson (x + z²/2 ∓ z·√(x(n−x)/n + z²/4))/(n + z²) (0 at x = 0, 1 at x = n);
  // Clopper–Pearson: Beta quantile (α/2; x, n−x+1) and upper quantile (α/2; x+1, n−x),
  // roots of mp.betainc as above. Cross-checked offline against
  //   scipy.stats.beta.ppf(alpha/2, x, n-x+1), scipy.stats.beta.isf(alpha/2, x+1, n-x)
  // (statsmodels' method="beta"), which agree to ≤ 1.5e-16 relative on every row.
  static let binomialRows: [BinomialRow] = [
    .init(
      x: 0, n: 10, level: 0.95, wilson: (0, 2.7753279986288917498e-1),
      clopperPearson: (0, 3.0849710781876076249e-1)),
    .init(
      x: 3, n: 10, level: 0.95, wilson: (1.0779126740630104185e-1, 6.0322185253885462814e-1),
      clopperPearson: (6.6739511177734489572e-2, 6.5245285005999724103e-1)),
    .init(
      x: 10, n: 10, level: 0.95, wilson: (7.2246720013711082502e-1, 1),
      clopperPearson: (6.9150289218123923751e-1, 1)),
    .init(
      x: 1, n: 1000, level: 0.99, wilson: (1.1741635361832113149e-4, 8.4605662199816944793e-3),
      clopperPearson: (5.0125292607775105894e-6, 7.4062869383529366210e-3)),
    .init(
      x: 500, n: 1000, level: 0.95,
      wilson: (4.6906960036810418669e-1, 5.3093039963189581331e-1),
      clopperPearson: (4.6854917297179194719e-1, 5.3145082702820805281e-1)),
    .init(
      x: 7, n: 100000, level: 0.9999,
      wilson: (1.7919520320743261010e-5, 2.7340343524845079244e-4),
      clopperPearson: (9.2075848954491266638e-6, 2.3927013962900143101e-4)),
    .init(
      x: 999999, n: 1000000, level: 0.95,
      wilson: (9.9999433508819568856e-1, 9.9999982347542325463e-1),
      clopperPearson: (9.9999442836934482776e-1, 9.9999997468219233621e-1)),
    .init(
      x: 1, n: 1, level: 0.5, wilson: (6.8731525591741669072e-1, 1),
      clopperPearson: (2.5e-1, 1)),
  ]

  @Test(arguments: binomialRows)
  func binomialIntervalsMatchReference(_ row: BinomialRow) throws {
    let w = try BinomialInterval.wilson(successes: row.x, trials: row.n, level: row.level)
    Self.check(w.lower, row.wilson.0, "Wilson lower \(row.testDescription)")
    Self.check(w.upper, row.wilson.1, "Wilson upper \(row.testDescription)")
    let cp = try BinomialInterval.clopperPearson(
      successes: row.x, trials: row.n, level: row.level)
    Self.check(cp.lower, row.clopperPearson.0, "Clopper–Pearson lower \(row.testDescription)")
    Self.check(cp.upper, row.clopperPearson.1, "Clopper–Pearson upper \(row.testDescription)")
    // Both intervals contain the point estimate x/n.
    #expect(w.contains(w.proportion) && cp.contains(cp.proportion))
  }

  @Test func binomialIntervalRejectsBadInput() {
    #expect(throws: BinomialInterval.InputError.self) {
      try BinomialInterval.wilson(successes: 11, trials: 10, level: 0.95)
    }
    #expect(throws: BinomialInterval.InputError.self) {
      try BinomialInterval.clopperPearson(successes: 0, trials: 0, level: 0.95)
    }
    #expect(throws: BinomialInterval.InputError.self) {
      try BinomialInterval.wilson(successes: 1, trials: 10, level: 1)
    }
    do {
      _ = try BinomialInterval.wilson(successes: -1, trials: 10, level: 0.95)
      Issue.record("successes = -1 was accepted")
    } catch let error as BinomialInterval.InputError {
      #expect(error.description == "successes must be in 0...trials (10), got -1")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
