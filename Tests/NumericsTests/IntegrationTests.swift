// Integrate.qags / qagiu against integrals computed independently with mpmath
// (mp.dps = 50), each within QUADPACK's own reported error; and the error paths (non-finite
// integrand, divergence, subdivision limit), which must throw rather than abort or hang.
import Foundation
import Numerics
import Testing

struct IntegralCase: Sendable, CustomTestStringConvertible {
  let name: String
  let f: @Sendable (Double) -> Double
  /// Finite [a, b] for QAGS; nil upper end means [a, ∞) by QAGIU.
  let a: Double
  let b: Double?
  let exact: Double
  var testDescription: String { name }
}

/// Reference integrals: mpmath, mp.dps = 50, printed with mp.nstr(x, 20).
let integralCases: [IntegralCase] = [
  // quad(lambda x: log(x)/sqrt(x), [0, 1]) = -4 (exact: ∫₀¹ x^{-1/2} log x = −1/(1/2)² = −4).
  IntegralCase(name: "∫₀¹ x^{-1/2} log x", f: { log($0) / $0.squareRoot() }, a: 0, b: 1,
    exact: -4),
  // quad(lambda x: log(x)/(1-x), [0, 1]) = -pi**2/6 = -1.6449340668482264365.
  // (1 − x is exact for x ∈ [½, 1] by Sterbenz, so the quotient is accurate near 1.)
  IntegralCase(name: "∫₀¹ log x/(1 − x)", f: { log($0) / (1 - $0) }, a: 0, b: 1,
    exact: -1.6449340668482264365),
  // ∫₀^π sin x = 2 (exact).
  IntegralCase(name: "∫₀^π sin x", f: sin, a: 0, b: .pi, exact: 2),
  // ∫₀¹ 1/√(1 − x²) = asin(1) = pi/2 = 1.5707963267948966192 (endpoint singularity at 1).
  IntegralCase(name: "∫₀¹ (1 − x²)^{-1/2}", f: { 1 / ((1 - $0) * (1 + $0)).squareRoot() },
    a: 0, b: 1, exact: 1.5707963267948966192),
  // quad(lambda x: exp(-x**2), [0, inf]) = sqrt(pi)/2 = 0.88622692545275801365.
  IntegralCase(name: "∫₀^∞ e^{−x²}", f: { exp(-$0 * $0) }, a: 0, b: nil,
    exact: 0.88622692545275801365),
  // ∫₀^∞ 1/(1 + x²) = pi/2 = 1.5707963267948966192.
  IntegralCase(name: "∫₀^∞ 1/(1 + x²)", f: { 1 / (1 + $0 * $0) }, a: 0, b: nil,
    exact: 1.5707963267948966192),
  // quad(lambda x: log(1+exp(-x)), [0, inf]) = pi**2/12 = 0.82246703342411321824
  // (softplus(−x), the DPO loss tail).
  IntegralCase(name: "∫₀^∞ softplus(−x)", f: { softplus(-$0) }, a: 0, b: nil,
    exact: 0.82246703342411321824),
  // ∫₁^∞ x e^{−x} = 2/e = 0.73575888234288464319 (mpmath 2/e).
  IntegralCase(name: "∫₁^∞ x e^{−x}", f: { $0 * exp(-$0) }, a: 1, b: nil,
    exact: 0.73575888234288464319),
]

@Suite struct IntegrationTests {
  @Test(arguments: integralCases)
  func integralMatchesReferenceWithinReportedError(_ c: IntegralCase) throws {
    let r: Estimate
    if let b = c.b {
      r = try Integrate.qags(c.f, over: c.a...b)
    } else {
      r = try Integrate.qagiu(c.f, from: c.a)
    }
    // The request: |error| ≤ 1e-12·|∫| (default relative tolerance).
    #expect(r.error <= 1e-12 * abs(c.exact), "reported error \(r.error) above request")
    let tol = Tolerance.truncation(estimate: r.error, reason: "QUADPACK abserr")
    #expect(tol.accepts(r.value, c.exact), "\(tol.explain(r.value, c.exact))")
  }

  @Test func nonFiniteIntegrandThrows() {
    #expect(throws: GSLError(rawValue: 9)) {
      _ = try Integrate.qags({ $0 > 0.5 ? .nan : 1 }, over: 0...1)
    }
    #expect(throws: GSLError(rawValue: 9)) {
      _ = try Integrate.qagiu({ $0 > 10 ? .infinity : exp(-$0) }, from: 0)
    }
  }

  @Test func divergentIntegralThrows() {
    // ∫₀¹ 1/x diverges: QAGS must report failure (round-off, singularity, divergence or
    // the subdivision limit), not return a number.
    #expect(throws: GSLError.self) {
      _ = try Integrate.qags({ 1 / $0 }, over: 0...1)
    }
  }

  @Test func subdivisionLimitThrowsMaxIterations() {
    // A strongly oscillating integrand needs far more than 3 subintervals for 1e-12.
    #expect(throws: GSLError.maxIterations) {
      _ = try Integrate.qags({ sin(200 * $0) }, over: 0...10, limit: 3)
    }
  }

  @Test func invalidArgumentsThrow() {
    #expect(throws: GSLError.invalidArgument) {
      _ = try Integrate.qags({ $0 }, over: 0...Double.infinity)
    }
    #expect(throws: GSLError.invalidArgument) {
      _ = try Integrate.qags({ $0 }, over: 0...1, absoluteTolerance: 0, relativeTolerance: 0)
    }
  }
}
