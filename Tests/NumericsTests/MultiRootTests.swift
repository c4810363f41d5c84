// MultiRoot.hybridsj against roots computed independently with mpmath (mp.dps = 50), each
// within a bound derived from the residual the solver reports, and its failure paths (no
// root, non-finite F, wrong Jacobian length), which must return "not converged" or throw
// rather than abort or hang.
import Foundation
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MultiRootTests {
  // x² + y² = 4, xy = 1 from (2, 0.3): (x + y)² = 6, (x − y)² = 2, so
  // x = (√6 + √2)/2, y = (√6 − √2)/2. mpmath: mp.dps = 50;
  // mp.nstr((sqrt(6)+sqrt(2))/2, 20), mp.nstr((sqrt(6)-sqrt(2))/2, 20).
  @Test func circleHyperbolaRoot() throws {
    let r = try MultiRoot.hybridsj(
      { x in [x[0] * x[0] + x[1] * x[1] - 4, x[0] * x[1] - 1] },
      jacobian: { x in [2 * x[0], 2 * x[1], x[1], x[0]] }, from: [2, 0.3], residualTolerance: 1e-13)
    #expect(r.converged)
    // J is well conditioned at the root (|det J| = 2|x² − y²| = 2√12 ≈ 6.9, entries ≤ 4),
    // so ‖x̂ − x*‖ ≤ ‖J⁻¹‖·‖F‖ ≤ ‖F‖ (‖J⁻¹‖ < 1 here), plus rounding of x (4 ulps).
    let bound = r.residualNorm + 4 * Double.ulpOfOne * 2
    #expect(abs(r.root[0] - 1.9318516525781365735) <= bound)
    #expect(abs(r.root[1] - 0.5176380902050415247) <= bound)
    #expect(r.residualNorm < 1e-13)
  }

  // Moment matching on a 1-D softmax, the shape of MaPPO's eq. (22) on T2: features
  // (0, 1, 3), E_θ φ = 1.2. mpmath: mp.dps = 50;
  // findroot(lambda t: (exp(t) + 3*exp(3*t))/(1 + exp(t) + exp(3*t)) - 1.2, 0).
  @Test func softmaxMomentMatching() throws {
    let phi = [0.0, 1, 3]
    func moments(_ t: Double) -> (mean: Double, variance: Double) {
      let p = softmax(phi.map { $0 * t })
      let m = zip(p, phi).reduce(0) { $0 + $1.0 * $1.1 }
      let v = zip(p, phi).reduce(0) { $0 + $1.0 * ($1.1 - m) * ($1.1 - m) }
      return (m, v)
    }
    let r = try MultiRoot.hybridsj(
      { x in [moments(x[0]).mean - 1.2] }, jacobian: { x in [moments(x[0]).variance] }, from: [2])
    #expect(r.converged)
    // |t̂ − t*| ≤ |F(t̂)|/Var (Var ≈ 1.4 near the root, so ≤ |F|) plus 8 ulps of t.
    let reference = -0.087798291191003067671
    #expect(abs(r.root[0] - reference) <= r.residualNorm + 8 * Double.ulpOfOne)
  }

  // No root: F = (x² + 1, y) never vanishes; the solver must stop (not converged, or the
  // iteration limit) without aborting.
  @Test func noRootIsReportedNotConverged() {
    do {
      let r = try MultiRoot.hybridsj(
        { x in [x[0] * x[0] + 1, x[1]] }, jacobian: { x in [2 * x[0], 0, 0, 1] }, from: [1, 1],
        maxIterations: 200)
      #expect(!r.converged)
      #expect(r.residualNorm >= 1)
    } catch let e as GSLError {
      #expect(e == .maxIterations || e == .noProgress || e.rawValue == 9)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func nonFiniteValueThrows() {
    #expect(throws: GSLError.self) {
      try MultiRoot.hybridsj({ _ in [.nan] }, jacobian: { _ in [1] }, from: [0])
    }
  }

  @Test func wrongJacobianLengthThrows() {
    #expect(throws: GSLError.self) {
      try MultiRoot.hybridsj({ x in [x[0] - 1, x[1]] }, jacobian: { _ in [1, 0, 0] }, from: [0, 0])
    }
  }

  @Test func emptyStartThrows() {
    #expect(throws: GSLError.self) {
      try MultiRoot.hybridsj({ _ in [] }, jacobian: { _ in [] }, from: [])
    }
  }
}
