// Reference tables for the stable primitives of Sources/StableMath against mpmath.
//
// Provenance of every expected value (Python, run offline):
//   from mpmath import mp, mpf, exp, log, log1p, expm1; mp.dps = 50
//   x = mpf(float("<input>"))                       # the exact binary double
//   sigmoid    1/(1 + exp(-x))
//   softplus   log1p(exp(x)) if x <= 0 else x + log1p(exp(-x))
//   logSigmoid -softplus(-x)
//   log1mExp   log(-expm1(x)) if x > -1 else log1p(-exp(x))
//   logExpm1   log(expm1(x)) if x < 100 else x + log1p(-exp(-x))
//   logSumExp  m + log1p(exp(-|a - b|)) (pair), m + log(Σ exp(x_i - m)) (array)
// printed with mp.nstr(v, 20). A true value below 2⁻¹⁰⁷⁵ in magnitude rounds to 0 in
// float64; such rows say so and expect 0 (the primitive must return 0, not NaN or ±∞).
//
// Tolerance: 4 ulps (ulpDistance). Each primitive is a composition of ≤ 3 libm calls
// (exp, log1p, expm1, log: ≤ 1 ulp each in glibc) and ≤ 2 arithmetic roundings, applied to
// exact inputs, and every form is chosen so that no step amplifies earlier rounding by more
// than a factor ≈ 1 at these inputs (no cancellation), so the composed error is ≤ 4 ulps.
import Numerics
import Testing

/// The primitive a reference row exercises.
enum StablePrimitive: String, Sendable, CaseIterable {
  case sigmoid, softplus, log1pExp, logSigmoid, log1mExp, logExpm1

  func callAsFunction(_ x: Double) -> Double {
    switch self {
    case .sigmoid: return Numerics.sigmoid(x)
    case .softplus: return Numerics.softplus(x)
    case .log1pExp: return Numerics.log1pExp(x)
    case .logSigmoid: return Numerics.logSigmoid(x)
    case .log1mExp: return Numerics.log1mExp(x)
    case .logExpm1: return Numerics.logExpm1(x)
    }
  }
}

/// One reference row: primitive, exact double input, mpmath value to 20 digits.
struct StableMathRow: Sendable, CustomTestStringConvertible {
  let primitive: StablePrimitive
  let x: Double
  let expected: Double
  init(_ primitive: StablePrimitive, _ x: Double, _ expected: Double) {
    self.primitive = primitive
    self.x = x
    self.expected = expected
  }
  var testDescription: String { "\(primitive.rawValue)(\(x))" }
}

/// One pair row for logSumExp(a, b).
struct LogSumExpPairRow: Sendable, CustomTestStringConvertible {
  let a: Double
  let b: Double
  let expected: Double
  init(_ a: Double, _ b: Double, _ expected: Double) {
    self.a = a
    self.b = b
    self.expected = expected
  }
  var testDescription: String { "logSumExp(\(a), \(b))" }
}

/// One array row for logSumExp([x]).
struct LogSumExpArrayRow: Sendable, CustomTestStringConvertible {
  let xs: [Double]
  let expected: Double
  init(_ xs: [Double], _ expected: Double) {
    self.xs = xs
    self.expected = expected
  }
  var testDescription: String {
    xs.count > 8 ? "logSumExp(\(xs.count) values)" : "logSumExp(\(xs))"
  }
}

/// One non-finite row: the result must match `expected` in kind (NaN, +∞, −∞) or exactly.
struct StableKindRow: Sendable, CustomTestStringConvertible {
  let name: String
  let observed: @Sendable () -> Double
  let expected: Double
  var testDescription: String { name }
}

@Suite struct StableMathTests {
  /// The 4-ulp tier (see the file header).
  static let ulps = 4.0
  static let tolerance = Tolerance.roundoff(
    ulps: ulps,
    reason: "4 ulps: ≤ 3 libm calls and ≤ 2 roundings on an exact input, no cancellation")

  static let unaryRows: [StableMathRow] = {
    var rows: [StableMathRow] = []
    // sigmoid
    rows += [
      .init(.sigmoid, 0, 5.0000000000000000000e-1),
      .init(.sigmoid, 1e-300, 5.0000000000000000000e-1),
      .init(.sigmoid, -1e-300, 5.0000000000000000000e-1),
      .init(.sigmoid, 5e-324, 5.0000000000000000000e-1),
      .init(.sigmoid, -5e-324, 5.0000000000000000000e-1),
      .init(.sigmoid, 2.2250738585072014e-309, 5.0000000000000000000e-1),
      .init(.sigmoid, -2.2250738585072014e-309, 5.0000000000000000000e-1),
      .init(.sigmoid, 1, 7.3105857863000487925e-1),
      .init(.sigmoid, -1, 2.6894142136999512075e-1),
      .init(.sigmoid, 30, 9.9999999999990642377e-1),
      .init(.sigmoid, -30, 9.3576229688392989538e-14),
      .init(.sigmoid, 800, 1.0000000000000000000),
      .init(.sigmoid, -800, 0),  // true 3.6679e-348 rounds to 0
      .init(.sigmoid, 1e4, 1.0000000000000000000),
      .init(.sigmoid, -1e4, 0),  // true 1.1355e-4343 rounds to 0
      .init(.sigmoid, 1e300, 1.0000000000000000000),
      .init(.sigmoid, -1e300, 0),  // true 4.0022e-434294481903251850453... rounds to 0
    ]
    // softplus and log1pExp (the same function under two names)
    let softplus: [(Double, Double)] = [
      (0, 6.9314718055994530942e-1),
      (1e-300, 6.9314718055994530942e-1),
      (-1e-300, 6.9314718055994530942e-1),
      (5e-324, 6.9314718055994530942e-1),
      (-5e-324, 6.9314718055994530942e-1),
      (2.2250738585072014e-309, 6.9314718055994530942e-1),
      (-2.2250738585072014e-309, 6.9314718055994530942e-1),
      (1, 1.3132616875182228340),
      (-1, 3.1326168751822283405e-1),
      (30, 3.0000000000000093576e1),
      (-30, 9.3576229688397367794e-14),
      (800, 8.0000000000000000000e2),
      (-800, 0),  // true 3.6679e-348 rounds to 0
      (1e4, 1.0000000000000000000e4),
      (-1e4, 0),  // true 1.1355e-4343 rounds to 0
      (1e300, 1.0000000000000000525e300),
      (-1e300, 0),  // true 4.0022e-434294481903251850453... rounds to 0
    ]
    rows += softplus.map { StableMathRow(.softplus, $0.0, $0.1) }
    rows += softplus.map { StableMathRow(.log1pExp, $0.0, $0.1) }
    // logSigmoid(x) = −softplus(−x)
    rows += [
      .init(.logSigmoid, 0, -6.9314718055994530942e-1),
      .init(.logSigmoid, 1e-300, -6.9314718055994530942e-1),
      .init(.logSigmoid, -1e-300, -6.9314718055994530942e-1),
      .init(.logSigmoid, 5e-324, -6.9314718055994530942e-1),
      .init(.logSigmoid, -5e-324, -6.9314718055994530942e-1),
      .init(.logSigmoid, 2.2250738585072014e-309, -6.9314718055994530942e-1),
      .init(.logSigmoid, -2.2250738585072014e-309, -6.9314718055994530942e-1),
      .init(.logSigmoid, 1, -3.1326168751822283405e-1),
      .init(.logSigmoid, -1, -1.3132616875182228340),
      .init(.logSigmoid, 30, -9.3576229688397367794e-14),
      .init(.logSigmoid, -30, -3.0000000000000093576e1),
      .init(.logSigmoid, 800, 0),  // true −3.6679e-348 rounds to (−)0
      .init(.logSigmoid, -800, -8.0000000000000000000e2),
      .init(.logSigmoid, 1e4, 0),  // true −1.1355e-4343 rounds to (−)0
      .init(.logSigmoid, -1e4, -1.0000000000000000000e4),
      .init(.logSigmoid, 1e300, 0),  // true −4.0022e-434294481903251850453... rounds to (−)0
      .init(.logSigmoid, -1e300, -1.0000000000000000525e300),
    ]
    // log1mExp(x) = log(1 − eˣ), x < 0
    rows += [
      .init(.log1mExp, -5e-324, -7.4444007192138126231e2),
      .init(.log1mExp, -2.2250738585072014e-309, -7.1069900362525815102e2),
      .init(.log1mExp, -1e-300, -6.9077552789821370518e2),
      .init(.log1mExp, -1e-20, -4.6051701859880913735e1),
      .init(.log1mExp, -0.5, -9.3275212956718857189e-1),
      .init(.log1mExp, -0.6931471805599453, -6.9314718055994533261e-1),  // the branch point
      .init(.log1mExp, -1, -4.5867514538708189102e-1),
      .init(.log1mExp, -30, -9.3576229688406124305e-14),
      .init(.log1mExp, -800, 0),  // true −3.6679e-348 rounds to (−)0
      .init(.log1mExp, -1e4, 0),  // true −1.1355e-4343 rounds to (−)0
      .init(.log1mExp, -1e300, 0),  // true −4.0022e-434294481903251850453... rounds to (−)0
    ]
    // logExpm1(x) = log(eˣ − 1), x > 0
    rows += [
      .init(.logExpm1, 5e-324, -7.4444007192138126231e2),
      .init(.logExpm1, 2.2250738585072014e-309, -7.1069900362525815102e2),
      .init(.logExpm1, 1e-300, -6.9077552789821370518e2),
      .init(.logExpm1, 1e-20, -4.6051701859880913735e1),
      .init(.logExpm1, 0.5, -4.3275212956718857189e-1),
      .init(.logExpm1, 1, 5.4132485461291810898e-1),
      .init(.logExpm1, 30, 2.9999999999999906424e1),
      .init(.logExpm1, 36, 3.5999999999999999768e1),  // last point of the expm1 branch
      .init(.logExpm1, 37, 3.6999999999999999915e1),
      .init(.logExpm1, 800, 8.0000000000000000000e2),
      .init(.logExpm1, 1e4, 1.0000000000000000000e4),
      .init(.logExpm1, 1e300, 1.0000000000000000525e300),
    ]
    return rows
  }()

  static let pairRows: [LogSumExpPairRow] = [
    .init(0, 0, 6.9314718055994530942e-1),
    .init(1, -1, 1.1269280110429724964),
    .init(30, -30, 3.0000000000000000000e1),
    .init(800, 800, 8.0069314718055994531e2),
    .init(-800, -800, -7.9930685281944005469e2),
    .init(1e300, 1e300, 1.0000000000000000525e300),
    .init(-1e300, -1e300, -1.0000000000000000525e300),
    .init(1e-300, -1e-300, 6.9314718055994530942e-1),
    .init(5e-324, 0, 6.9314718055994530942e-1),
    .init(-1e4, -10001, -9.9996867383124817772e3),
    .init(1e4, -1e4, 1.0000000000000000000e4),
    .init(0.5, 0.25, 1.0759394198788435622),
    .init(-745, 0, 5e-324),  // true 2.8224e-324 rounds up to the least subnormal
  ]

  static let arrayRows: [LogSumExpArrayRow] = [
    .init([0], 0),
    .init([1, 2, 3], 3.4076059644443803045),
    .init([-1e4, -1e4], -9.9993068528194400547e3),
    .init([1e300, -1e300, 0], 1.0000000000000000525e300),
    .init([800, 799, 798], 8.0040760596444438030e2),
    .init([-800, -800, -800, -800, -800], -7.9839056208756589963e2),
    .init([-1, -0.5, 0, 0.5, 1], 1.8471016458251503907),
    .init([Double](repeating: 0, count: 1000), 6.9077552789821370521),
    // mp.log1p(mp.exp(-740)) (the dominant term leaves the sum; log1p keeps the tiny rest)
    .init([-740, 0], 4.1887398800480489395e-322),
    .init([1e-300, 5e-324, -1e-300], 1.0986122886681096914),
  ]

  /// Checks observed against expected: finite where expected is finite, ≤ 4 ulps apart.
  static func check(_ observed: Double, _ expected: Double, _ what: String) {
    #expect(
      observed.isFinite, "\(what): the true value \(expected) is finite, observed \(observed)")
    let distance = ulpDistance(observed, expected)
    #expect(
      distance <= ulps,
      "\(what): \(distance) ulps apart; \(tolerance.explain(observed, expected))")
  }

  @Test(arguments: unaryRows)
  func unaryPrimitiveMatchesMpmath(_ row: StableMathRow) {
    Self.check(row.primitive(row.x), row.expected, row.testDescription)
  }

  @Test(arguments: pairRows)
  func logSumExpPairMatchesMpmath(_ row: LogSumExpPairRow) {
    Self.check(logSumExp(row.a, row.b), row.expected, row.testDescription)
    // Symmetric in its arguments, bit for bit.
    #expect(logSumExp(row.a, row.b) == logSumExp(row.b, row.a))
  }

  @Test(arguments: arrayRows)
  func logSumExpArrayMatchesMpmath(_ row: LogSumExpArrayRow) {
    Self.check(logSumExp(row.xs), row.expected, row.testDescription)
  }

  static let inf = Double.infinity
  static let kindRows: [StableKindRow] = [
    .init(name: "sigmoid(+inf)", observed: { sigmoid(inf) }, expected: 1),
    .init(name: "sigmoid(-inf)", observed: { sigmoid(-inf) }, expected: 0),
    .init(name: "sigmoid(nan)", observed: { sigmoid(.nan) }, expected: .nan),
    .init(name: "softplus(+inf)", observed: { softplus(inf) }, expected: inf),
    .init(name: "softplus(-inf)", observed: { softplus(-inf) }, expected: 0),
    .init(name: "log1pExp(nan)", observed: { log1pExp(.nan) }, expected: .nan),
    .init(name: "logSigmoid(+inf)", observed: { logSigmoid(inf) }, expected: 0),
    .init(name: "logSigmoid(-inf)", observed: { logSigmoid(-inf) }, expected: -inf),
    .init(name: "log1mExp(0)", observed: { log1mExp(0) }, expected: -inf),
    .init(name: "log1mExp(-inf)", observed: { log1mExp(-inf) }, expected: 0),
    .init(name: "log1mExp(1) (outside x ≤ 0)", observed: { log1mExp(1) }, expected: .nan),
    .init(name: "log1mExp(nan)", observed: { log1mExp(.nan) }, expected: .nan),
    .init(name: "logExpm1(0)", observed: { logExpm1(0) }, expected: -inf),
    .init(name: "logExpm1(+inf)", observed: { logExpm1(inf) }, expected: inf),
    .init(name: "logExpm1(-1) (outside x ≥ 0)", observed: { logExpm1(-1) }, expected: .nan),
    .init(name: "logSumExp(-inf, -inf)", observed: { logSumExp(-inf, -inf) }, expected: -inf),
    .init(name: "logSumExp(-inf, 3)", observed: { logSumExp(-inf, 3) }, expected: 3),
    .init(name: "logSumExp(+inf, -inf)", observed: { logSumExp(inf, -inf) }, expected: inf),
    .init(name: "logSumExp(+inf, +inf)", observed: { logSumExp(inf, inf) }, expected: inf),
    .init(name: "logSumExp(nan, 0)", observed: { logSumExp(.nan, 0) }, expected: .nan),
    .init(name: "logSumExp([])", observed: { logSumExp([Double]()) }, expected: -inf),
    .init(name: "logSumExp([-inf, -inf])", observed: { logSumExp([-inf, -inf]) }, expected: -inf),
    .init(name: "logSumExp([+inf, 0])", observed: { logSumExp([inf, 0]) }, expected: inf),
    .init(name: "logSumExp([-inf, 2])", observed: { logSumExp([-inf, 2]) }, expected: 2),
    .init(name: "logSumExp([0, nan])", observed: { logSumExp([0, .nan]) }, expected: .nan),
  ]

  /// At ±∞ and NaN the result must match in kind (NaN only NaN, each infinity only itself)
  /// or, for finite limits, exactly (e.g. σ(+∞) = 1, log σ(+∞) = 0).
  @Test(arguments: kindRows)
  func nonFiniteInputsGiveTheLimitExactly(_ row: StableKindRow) {
    let observed = row.observed()
    let exact = Tolerance.roundoff(ulps: 0, reason: "limits at ±∞ are exact")
    #expect(
      exact.accepts(observed, row.expected),
      "\(row.name): \(exact.explain(observed, row.expected))")
  }
}
