// SeriesAcceleration.levinU against sums computed independently with mpmath (mp.dps = 50),
// each within Levin's reported error (factor 1) plus 4 ulps for the transform's own
// rounding, which GSL's estimate leaves out; and the error paths (empty input, non-finite
// term).
import Foundation
import Numerics
import Testing

struct SeriesCase: Sendable, CustomTestStringConvertible {
  let name: String
  let terms: [Double]
  let exact: Double
  var testDescription: String { name }
}

/// Σ_{n=first}^{last} sign(n)·magnitude(n) as an array of terms.
func seriesTerms(
  _ range: ClosedRange<Int>, alternating: Bool, _ magnitude: (Double) -> Double
) -> [Double] {
  range.map { n in
    let sign: Double = alternating && (n - range.lowerBound) % 2 == 1 ? -1 : 1
    return sign * magnitude(Double(n))
  }
}

/// Reference sums: mpmath, mp.dps = 50, printed with mp.nstr(x, 20).
let seriesCases: [SeriesCase] = [
  // ζ(2) = pi**2/6 = 1.6449340668482264365 from Σ_{n=1}^{20} 1/n² (GSL's manual example).
  SeriesCase(
    name: "ζ(2) from 20 terms", terms: seriesTerms(1...20, alternating: false) { 1 / ($0 * $0) },
    exact: 1.6449340668482264365),
  // log(2) = 0.69314718055994530942 from Σ_{n=1}^{20} (−1)^{n+1}/n.
  SeriesCase(
    name: "log 2, alternating, 20 terms",
    terms: seriesTerms(1...20, alternating: true) { 1 / $0 },
    exact: 0.69314718055994530942),
  // pi/4 = 0.78539816339744830962 from Σ_{n=0}^{19} (−1)ⁿ/(2n + 1).
  SeriesCase(
    name: "π/4 (Leibniz), 20 terms",
    terms: seriesTerms(0...19, alternating: true) { 1 / (2 * $0 + 1) },
    exact: 0.78539816339744830962),
  // zeta(1.5) = 2.6123753486854883433 from Σ_{n=1}^{30} n^{−3/2}: logarithmic convergence
  // (partial-sum error ~ 2/√N ≈ 0.36), the hard case for any accelerator.
  SeriesCase(
    name: "ζ(3/2) from 30 terms", terms: seriesTerms(1...30, alternating: false) { pow($0, -1.5) },
    exact: 2.6123753486854883433),
]

@Suite struct SeriesAccelerationTests {
  @Test(arguments: seriesCases)
  func levinSumMatchesReferenceWithinReportedError(_ c: SeriesCase) throws {
    let r = try SeriesAcceleration.levinU(c.terms)
    #expect(r.termsUsed >= 1 && r.termsUsed <= c.terms.count)
    // plainSum is the partial sum of the first termsUsed terms: the same additions in the
    // same order, so equal up to rounding differences of ≤ n ulps (none expected).
    let plain = c.terms.prefix(r.termsUsed).reduce(0, +)
    #expect(
      abs(r.plainSum - plain) <= Double(r.termsUsed) * Double.ulpOfOne * abs(plain),
      "plainSum \(r.plainSum) is not the sum of the first \(r.termsUsed) terms (\(plain))")
    // GSL's estimate covers truncation and the propagated rounding of the terms, not the
    // rounding of the transform's own arithmetic: add 4 ulps of the sum for that.
    let tol =
      Tolerance.truncation(estimate: r.sum.error, reason: "Levin's error estimate")
      + .roundoff(ulps: 4, reason: "rounding in the transform itself")
    #expect(tol.accepts(r.sum.value, c.exact), "\(tol.explain(r.sum.value, c.exact))")
    // Acceleration must beat the plain partial sum by far.
    #expect(abs(r.sum.value - c.exact) < 1e-3 * abs(plain - c.exact))
  }

  @Test func badInputThrows() {
    #expect(throws: GSLError.invalidArgument) { _ = try SeriesAcceleration.levinU([]) }
    #expect(throws: GSLError(rawValue: 9)) { _ = try SeriesAcceleration.levinU([1, .nan, 0.25]) }
  }
}
