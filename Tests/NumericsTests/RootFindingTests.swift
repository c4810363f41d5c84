// Roots.brent against roots computed independently with mpmath (mp.dps = 50), checked
// within the solver's own reported error; bracket search; and the error paths (no sign
// change, non-finite f, iteration limit), which must throw rather than abort or hang.
import Foundation
import Numerics
import Testing

struct RootCase: Sendable, CustomTestStringConvertible {
  let name: String
  let f: @Sendable (Double) -> Double
  let bracket: ClosedRange<Double>
  let root: Double
  /// A bound on |computed f − exact f| near the root, divided by |f′(root)|: how far rounding
  /// in f can move the computed sign change from the exact root.
  let roundingShift: Double
  var testDescription: String { name }
}

/// |δf|/|f′| with |δf| ≤ 4ε·scale (scale: the largest term of f near the root; each libm
/// call and operation adds ≤ 1 ulp of its term).
func shift(scale: Double, slope: Double) -> Double { 4 * Double.ulpOfOne * scale / slope }

/// Reference roots: mpmath, mp.dps = 50, printed with mp.nstr(x, 20).
let rootCases: [RootCase] = [
  // findroot(lambda x: cos(x) - x, 0.7)
  // f′ = −sin x − 1 ≈ −1.67, terms ≤ 1.
  RootCase(
    name: "cos x = x", f: { cos($0) - $0 }, bracket: 0...1, root: 0.73908513321516064166,
    roundingShift: shift(scale: 1, slope: 1.67)),
  // findroot(lambda x: x**3 - 2*x - 5, 2)
  RootCase(
    name: "x³ − 2x − 5 = 0", f: { $0 * $0 * $0 - 2 * $0 - 5 }, bracket: 2...3,
    root: 2.0945514815423265915, roundingShift: shift(scale: 10, slope: 11.1)),  // f′ = 3x² − 2
  // log(3)
  RootCase(
    name: "eˣ = 3", f: { exp($0) - 3 }, bracket: 0...2, root: 1.0986122886681096914,
    roundingShift: shift(scale: 3, slope: 3)),  // f′ = eˣ = 3
  // findroot(lambda x: erfc(-x/sqrt(2))/2 - mpf('0.975'), 1.96)
  RootCase(
    name: "Φ(x) = 0.975", f: { 0.5 * erfc(-$0 / 2.0.squareRoot()) - 0.975 }, bracket: 0...5,
    root: 1.9599639845400542355, roundingShift: shift(scale: 1, slope: 0.058)),  // f′ = φ(x)
  // log(9): σ(x) = 0.9 ⇔ x = log(0.9/0.1)
  RootCase(
    name: "σ(x) = 0.9", f: { sigmoid($0) - 0.9 }, bracket: -10...10,
    root: 2.1972245773362193828, roundingShift: shift(scale: 1, slope: 0.09)),  // f′ = σ(1 − σ)
]

@Suite struct RootFindingTests {
  @Test(arguments: rootCases)
  func brentFindsReferenceRootWithinReportedError(_ c: RootCase) throws {
    // The reported error bounds the distance to the root of f as computed; the rounding
    // shift of that root (per case, from |δf|/|f′|) is added to compare with the exact root.
    let r = try Roots.brent(c.f, in: c.bracket, absoluteTolerance: 0, relativeTolerance: 1e-10)
    // The test passed at |hi − lo| < 1e-10·min(|lo|, |hi|) ≤ 1e-10·root (all roots > 0).
    #expect(r.error < 1e-10 * c.root, "reported error \(r.error) exceeds the requested width")
    let tol =
      Tolerance.truncation(estimate: r.error, reason: "Brent's final bracket")
      + Tolerance(absolute: c.roundingShift, relative: 0, reason: "rounding shift of f's root")
    #expect(tol.accepts(r.value, c.root), "\(tol.explain(r.value, c.root))")
  }

  @Test(arguments: rootCases)
  func brentAtDefaultTightToleranceStillBracketsRoot(_ c: RootCase) throws {
    // Default tolerance 4ε relative: the bracket shrinks to a few ulps, and the reported
    // error plus the rounding shift of f's root still bounds the distance.
    let r = try Roots.brent(c.f, in: c.bracket)
    #expect(r.error <= 4 * Double.ulpOfOne * c.root)
    let tol =
      Tolerance.truncation(estimate: r.error, reason: "Brent's final bracket")
      + Tolerance(absolute: c.roundingShift, relative: 0, reason: "rounding shift of f's root")
    #expect(tol.accepts(r.value, c.root), "\(tol.explain(r.value, c.root))")
  }

  @Test func rootAtBracketEndIsExact() throws {
    let r = try Roots.brent({ $0 - 2 }, in: 2...5)
    #expect(r.value == 2)
    #expect(r.error == 0)
    let degenerate = try Roots.brent({ $0 - 2 }, in: 2...2)
    #expect(degenerate.value == 2 && degenerate.error == 0)
  }

  @Test func noSignChangeThrowsInvalidArgument() {
    #expect(throws: GSLError.invalidArgument) {
      _ = try Roots.brent({ $0 * $0 + 1 }, in: -1...1)
    }
  }

  @Test func nonFiniteAtEndpointThrows() {
    #expect(throws: GSLError(rawValue: 9)) {
      _ = try Roots.brent({ $0 < 0.5 ? -1 : .nan }, in: 0...1)
    }
  }

  @Test func nonFiniteInsideBracketThrows() {
    // Finite and of opposite signs at the ends, NaN in between: GSL_EBADFUNC at the first
    // interior evaluation.
    #expect(throws: GSLError(rawValue: 9)) {
      _ = try Roots.brent({ x in x < 0.01 ? x - 0.5 : (x > 0.99 ? x - 0.5 : .nan) }, in: 0...1)
    }
  }

  @Test func iterationLimitThrowsMaxIterations() {
    // Two steps cannot shrink [0, 1] to 4ε relative width.
    #expect(throws: GSLError.maxIterations) {
      _ = try Roots.brent({ cos($0) - $0 }, in: 0...1, maxIterations: 2)
    }
  }

  @Test func invalidTolerancesThrow() {
    #expect(throws: GSLError.invalidArgument) {
      _ = try Roots.brent({ $0 }, in: -1...1, absoluteTolerance: 0, relativeTolerance: 0)
    }
    #expect(throws: GSLError.invalidArgument) {
      _ = try Roots.brent({ $0 }, in: -1...1, maxIterations: 0)
    }
  }

  @Test func scanFindsFirstSignChangeForThreshold() throws {
    // sin has roots at π and 2π in [1, 7]; the scan must return the cell holding π.
    let cell = try Roots.scanForBracket(sin, in: 1...7, subdivisions: 60)
    #expect(cell.contains(Double.pi))
    #expect(cell.upperBound - cell.lowerBound <= 0.1 + 1e-15)
    let root = try Roots.brent(sin, in: cell, relativeTolerance: 1e-12)
    // pi = 3.1415926535897932385 (mpmath), within the reported error plus 4 ulps of rounding.
    let tol = Tolerance.truncation(estimate: root.error) + .roundoff(ulps: 4)
    #expect(tol.accepts(root.value, 3.1415926535897932385), "\(tol.explain(root.value, .pi))")
  }

  @Test func scanWithoutSignChangeThrows() {
    #expect(throws: GSLError.invalidArgument) {
      _ = try Roots.scanForBracket({ $0 * $0 + 1 }, in: -3...3)
    }
    #expect(throws: GSLError(rawValue: 9)) {
      _ = try Roots.scanForBracket({ $0 > 1 ? .infinity : 1 }, in: 0...3)
    }
  }

  @Test func expansionFindsBracketAndIsBounded() throws {
    // eˣ = 1000 (x = log 1000 ≈ 6.9) from [0, 1].
    let b = try Roots.expandBracket({ exp($0) - 1000 }, from: 0...1)
    #expect(b.contains(log(1000.0)))
    #expect(throws: GSLError.maxIterations) {
      _ = try Roots.expandBracket({ $0 * $0 + 1 }, from: 0...1, maxExpansions: 30)
    }
  }
}
