// BFGS to the optimizer rule's ‖∇‖ ≤ 1e-10 when the loss's rounding stops BFGS2 earlier (used
// by mappo.kl-optimal-policy and mappo.reduces-to-sft.same-optimum, and by PIPA's fits with its
// own step and ∞-norm stop, PIPAOptimizer.search).
//
// GSL's BFGS2 stops with GSL_ENOPROG once its line search cannot see a decrease of f, i.e.
// when the remaining decrease ‖∇‖²/λ falls to f's rounding (≈ 1e-14 for losses of size 1–20):
// typically at ‖∇‖ ≈ 1e-7…1e-9, above the rule's 1e-10. The analytic gradient is still
// accurate there, so the end point is refined by solving ∇f = 0 with Newton-type steps
// (gsl_multiroot hybridsj, Jacobian = the rule's numerical Hessian, restricted to the
// complement of the all-ones vector for shift-invariant parametrisations). The refinement
// moves the point by about ‖∇‖/λ_min, the rule's own δ/10, so it cannot change which
// minimizer BFGS found; the result is still assessed by the rule (‖∇‖ ≤ 1e-10, δ ≤ 1e-3).
import Numerics

enum RulePolish {
  /// BFGS2 from `start` (up to `maxIterations`), then, if it stopped above ‖∇‖ = 1e-10,
  /// the refinement. Returns nil when BFGS throws (non-finite values, iteration limit).
  /// `initialStep` and `testNorm` are BFGS2's (MaPPO's rule: GSL's defaults here, 0.01 and
  /// ‖·‖₂; PIPA's: 0.1 and ‖·‖∞, ``PIPAOptimizer/search(_:gradient:from:)``); the refinement
  /// is judged in the same norm.
  static func minimize(
    _ f: ([Double]) -> Double, gradient: ([Double]) -> [Double], from start: [Double],
    shiftInvariant: Bool, maxIterations: Int = 10_000, initialStep: Double = 0.01,
    testNorm: GradientTestNorm = .euclidean
  ) -> MinimumND? {
    guard var m = try? Minimize.bfgs(
      f, gradient: gradient, from: start, gradientTolerance: OptimizerRule.gradientTolerance,
      initialStep: initialStep, maxIterations: maxIterations, testNorm: testNorm)
    else { return nil }
    guard let gn = m.gradientNorm, gn > OptimizerRule.gradientTolerance else { return m }
    let x0 = m.argmin
    let n = x0.count
    // Coordinates z on the relevant subspace: x = x0 + Q z.
    let q: [[Double]] = shiftInvariant && n > 1
      ? OptimizerRule.helmertBasis(n) : (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    let dim = q.count
    func point(_ z: [Double]) -> [Double] {
      var x = x0
      for (a, col) in q.enumerated() { for i in 0..<n { x[i] += z[a] * col[i] } }
      return x
    }
    func project(_ v: [Double]) -> [Double] { q.map { col in zip(col, v).reduce(0) { $0 + $1.0 * $1.1 } } }
    let polished = try? MultiRoot.hybridsj(
      { z in project(gradient(point(z))) },
      jacobian: { z in
        let h = OptimizerRule.numericalHessian(gradient: gradient, at: point(z))
        var j = [Double](repeating: 0, count: dim * dim)
        for b in 0..<dim {
          var hq = [Double](repeating: 0, count: n)
          for i in 0..<n { for k in 0..<n { hq[i] += h[i * n + k] * q[b][k] } }
          for a in 0..<dim { j[a * dim + b] = zip(q[a], hq).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        return j
      }, from: [Double](repeating: 0, count: dim), residualTolerance: OptimizerRule.gradientTolerance / 10,
      maxIterations: 100)
    guard let polished else { return m }
    let x = point(polished.root)
    let g = gradient(x)
    let gn2 = testNorm.of(g)
    // A refinement must not increase f beyond its rounding (a root of ∇f reached through a
    // flat direction at a higher value is not a continuation of the minimization).
    let fx = f(x)
    guard gn2 < gn, g.allSatisfy(\.isFinite), fx.isFinite,
      fx <= m.value + 64 * Double.ulpOfOne * (1 + abs(m.value))
    else { return m }
    m.argmin = x
    m.value = fx
    m.gradientNorm = gn2
    m.converged = gn2 <= OptimizerRule.gradientTolerance
    return m
  }
}
