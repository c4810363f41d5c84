// MPO's App. F closed forms (Sources/Analytic/MPO/MPORel*.swift; paper 001_0ef3930bdbd6a134.txt
// eqs. 21–25): reference values of C(β) and U(β) from mpmath, the Levin route to C against the
// partial sums, C ≤ U on β ≤ 1, U increasing, the dual-number derivative against a difference
// quotient, and the exact MPO and full-order probabilities against their k = 2 closed forms.
import Analytic
import Numerics
import PropertyBased
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MPORelPropertyTests {
  /// (β, C(β), U(β)) from mpmath, mp.dps = 50:
  /// ```
  /// U = lambda b: b/sqrt(pi)*exp(-1/(4*b*b)) + b*erfc(1/(2*b))
  /// C = lambda b: nsum(lambda m: m*ncdf(-m/(sqrt(2)*b)), [1, inf])
  /// mp.nstr(C(mpf(b)), 20), mp.nstr(U(mpf(b)), 20)
  /// ```
  static let reference: [(Double, Double, Double)] = [
    (0.03125, 1.1642428757857653467e-113, 1.239273170432911094e-113),
    (0.125, 7.7086289501400094261e-9, 9.8635539074516012742e-9),
    (0.25, 0.0023388829077815654786, 0.0037528069145233231916),
    (0.375, 0.029835683367125818899, 0.0580132465593352046),
    (0.5, 0.083360505090047223935, 0.18242647788029124116),
    (1.0, 0.45833333333333334783, 0.91889141165467585936),
    (2.0, 1.9583333333333333333, 2.5073613490396403775),
    (4.0, 7.9583333333333333333, 5.6605057199879897311),
    (16.0, 127.95833333333333333, 24.454216195668087021),
  ]

  // log C by partial sums: each term's log Φ is good to a few ulps plus (|x| + 1)|x|ε from the
  // argument's rounding (x ≤ 23 here: ≤ 560ε), and the sum rounds by ≤ (terms)·ε: 1e-12
  // relative covers both with margin; the function's own error estimate must cover the gap too.
  @Test(arguments: reference)
  func cMatchesMpmath(beta: Double, c: Double, u: Double) throws {
    let s = try MPOReliability.logC(beta: beta)
    let observed = exp(s.logSum.value)
    let tol = Tolerance(absolute: 0, relative: 1e-12, reason: "log Φ argument rounding + sum")
    #expect(tol.accepts(observed, c), "\(tol.explain(observed, c))")
    #expect(abs(s.logSum.value - log(c)) <= s.logSum.error + 4 * Double.ulpOfOne * abs(log(c)))
  }

  // log U: log erfc good to GSL's estimate, the log-sum-exp to a few ε: 1e-13 relative.
  @Test(arguments: reference)
  func uMatchesMpmath(beta: Double, c: Double, u: Double) throws {
    let observed = exp(try MPOReliability.logU(beta: beta).value)
    let tol = Tolerance(absolute: 0, relative: 1e-13, reason: "log erfc + log-sum-exp rounding")
    #expect(tol.accepts(observed, u), "\(tol.explain(observed, u))")
    if beta >= 0.125 {
      let direct = try MPOReliability.u(beta: beta).value
      #expect(tol.accepts(direct, u), "\(tol.explain(direct, u))")
    }
  }

  // Levin u on the first terms against the partial sums: within Levin's estimate plus 64 ulps
  // (the estimate omits the transform's own rounding, SeriesAcceleration's doc).
  @Test(arguments: [0.25, 0.5, 1.0, 2.0, 3.0])
  func levinAgreesWithPartialSums(beta: Double) throws {
    let levin = try MPOReliability.cLevin(beta: beta)
    let direct = try MPOReliability.c(beta: beta)
    let allowed = levin.sum.error + direct.error + 64 * Double.ulpOfOne * direct.value
    #expect(abs(levin.sum.value - direct.value) <= allowed, "\(levin.sum) vs \(direct)")
  }

  @Test func cBelowUForBetaAtMostOne() {
    PropertyRunner.check(
      "mporel.c-le-u", count: 300, generator: Gen.double(in: log(0.01)...0)
    ) { lb in
      let b = exp(lb)
      guard let c = try? MPOReliability.logC(beta: b).logSum.value,
        let u = try? MPOReliability.logU(beta: b).value
      else { return "threw at β = \(b)" }
      return c <= u + 1e-12 ? nil : "log C = \(c) > log U = \(u) at β = \(b)"
    }
  }

  @Test func uIncreasingAndDualDerivativeMatchesDifference() {
    PropertyRunner.check(
      "mporel.u-monotone", count: 300, generator: Gen.double(in: log(0.01)...log(100.0))
    ) { lb in
      let b = exp(lb)
      let h = 1e-5 * b
      guard let up = try? MPOReliability.logU(beta: b + h).value,
        let down = try? MPOReliability.logU(beta: b - h).value,
        let d = try? MPOReliability.dLogU(beta: b)
      else { return "threw at β = \(b)" }
      if !(up > down) { return "log U not increasing at β = \(b)" }
      // Central difference: truncation ~h²|f‴|/6, rounding ~ε|log U|/h; 1e-6 relative covers
      // both for h = 10⁻⁵β on this range.
      let fd = (up - down) / (2 * h)
      let tol = 1e-6 * abs(d) + 4 * Double.ulpOfOne * abs(up) / h
      return d > 0 && abs(fd - d) <= tol ? nil : "d log U = \(d), FD \(fd) at β = \(b)"
    }
  }

  @Test func gammaIsHalfMinusLogQAndQInRange() throws {
    for b in [0.01, 0.1, 1, 10, 100.0] {
      let q = try MPOReliability.q(beta: b).value
      #expect(q > 0.5 && q <= 1)
      let g = try MPOReliability.gamma(beta: b)
      let lg = try MPOReliability.logGamma(beta: b)
      #expect(g > 0 || b < 0.02)
      if g > 0 { #expect(abs(log(g) - lg) <= 1e-12 * (1 + abs(lg))) }
      let k = 10
      let main = try MPOReliability.logPLBoundMain(k: k, beta: b)
      let appendix = try MPOReliability.logPLBoundAppendix(k: k, beta: b)
      // exp(−γk) = q^{k/2} ≤ q^{⌊(k−1)/2⌋}: the main-text bound is the tighter one.
      #expect(main <= appendix)
    }
  }

  // k = 2: Pr(fail) = Φ(−1/(√2τ)) (§0.11 validation): within 10 × qags estimate + 10⁻¹⁵.
  @Test(arguments: [0.1, 0.25, 0.5, 1.0, 2.0, 5.0])
  func exactMPOAtTwoMatchesClosedForm(tau: Double) throws {
    let v = try MPOReliability.exactMPO(k: 2, tau: tau, event: .failure).probability
    let closed = try StandardNormal.cdf(-1 / (2.0.squareRoot() * tau)).value
    #expect(abs(v.value - closed) <= 10 * v.error + 1e-15, "\(v) vs \(closed)")
    let s = try MPOReliability.exactMPO(k: 2, tau: tau, event: .success).probability
    #expect(abs(s.value - (1 - closed)) <= 10 * s.error + 1e-15)
  }

  // The recursion at k = 2 (bypassing the closed form) against Φ(1/(√2τ)), within the
  // catalog's step-halving tolerance; halving the step must not move it further away.
  @Test(arguments: [0.1, 0.5, 1.0, 3.0])
  func fullOrderRecursionAtTwoMatchesClosedForm(tau: Double) throws {
    let n = Int((40 / tau).rounded(.up))
    let grid = MPOReliability.logFullOrderOnGrid(k: 2, tau: tau, stepsPerUnit: n)
    let fine = MPOReliability.logFullOrderOnGrid(k: 2, tau: tau, stepsPerUnit: 2 * n)
    let closed = try StandardNormal.logCDF(1 / (2.0.squareRoot() * tau)).value
    // The catalog's tolerance for the recursion: max(10 err_h, 10⁻⁹), err_h the step-halving change.
    let tol = max(10 * abs(grid - fine), 1e-9)
    #expect(abs(grid - closed) <= tol, "\(grid) vs \(closed), tolerance \(tol)")
    #expect(abs(fine - closed) <= abs(grid - closed) + 1e-12)
  }

  // Full order ⊂ MPO-correct (a sorted sequence is split correctly): P_PL ≤ P_MPO, and both
  // decrease with τ.
  @Test(arguments: [4, 8, 16])
  func fullOrderBelowMPOCorrect(k: Int) throws {
    var last = 1.0
    for tau in [0.25, 0.5, 1, 2.0] {
      let pl = try MPOReliability.logFullOrder(k: k, tau: tau)
      let mpo = try MPOReliability.mpoCorrect(k: k, tau: tau)
      #expect(exp(pl.logP) <= mpo.value + mpo.error + exp(pl.logP) * pl.tolerance)
      #expect(mpo.value < last)
      last = mpo.value
    }
  }
}
