// The optimizer rule as PIPA's population-optimum checks use it (../shared/claims/pipa.md,
// "Optimizer rule"): BFGS2 from the given starts (refined to ‖∇‖ ≤ 1e-10 by RulePolish), the
// best converged run, assessed (‖∇‖, λ_min of the numerical Hessian, δ). Runs that throw
// (non-finite objective) are counted.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

public enum PIPAOptimizer {
  /// The best accepted minimizer over `starts`, or nil when none converged / was accepted.
  static func fit(
    _ f: @escaping ([Double]) -> Double, gradient: @escaping ([Double]) -> [Double], starts: [[Double]]
  ) -> AssessedPoint? {
    let runs = starts.compactMap {
      RulePolish.minimize(f, gradient: gradient, from: $0, shiftInvariant: false, maxIterations: 2000)
    }
    guard let best = runs.filter({ $0.value.isFinite }).min(by: { $0.value < $1.value }),
      let a = try? OptimizerRule.assess(best.argmin, f: f, gradient: gradient),
      a.accepted
    else { return nil }
    return a
  }

  /// The starts of the rule: all zeros and `extra` draws with i.i.d. N(0, 2²) entries.
  static func starts(_ r: inout RandomStream, n: Int, extra: Int) -> [[Double]] {
    [[Double](repeating: 0, count: n)] + (0..<extra).map { _ in (0..<n).map { _ in 2 * r.gaussian() } }
  }

  /// Pinned logits of a distribution q on K points: θ_y = log q(y) − log q(0), y ≥ 1.
  public static func pinned(_ q: [Double]) -> [Double] { (1..<q.count).map { log(q[$0]) - log(q[0]) } }

  /// log-softmax of (0, θ).
  static func logProbs(pinned th: ArraySlice<Double>) -> [Double] { logSoftmax([0] + Array(th)) }

  /// Distance of sub-vectors and the rule's verdict on them (δ's add for two numerical optima;
  /// one δ against an exact target).
  static func compare(_ a: [Double], _ b: [Double], delta: Double) -> MinimizerComparison {
    let d = norm(zip(a, b).map { $0 - $1 })
    if d <= delta { return .equal }
    if d >= 100 * delta { return .different }
    return .inconclusive
  }

  /// n draws from the categorical law p, as counts.
  static func multinomial(_ r: inout RandomStream, n: Int, p: [Double]) -> [Double] {
    var c = [Double](repeating: 0, count: p.count)
    for _ in 0..<n { c[r.categorical(p)] += 1 }
    return c
  }
}
