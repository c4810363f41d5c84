// The optimizer rule as PIPA's population-optimum checks use it (../shared/claims/pipa.md,
// "Optimizer rule"): vector_bfgs2 with initial step 0.1 and line-search tolerance 0.1, each
// start run until ‖∇‖∞ ≤ 1e-10 or 2000 iterations (refined to that stop by RulePolish when
// BFGS2's line search stalls on f's rounding first); the optimum is the converged start with
// the best value, assessed (λ_min of the numerical Hessian, δ = 10·‖∇‖₂/λ_min). A case whose
// searches do not converge, or whose optimum has λ_min ≤ 0, is undecided. Runs that throw
// (non-finite objective, iteration cap) are dropped.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

public enum PIPAOptimizer {
  /// The rule's BFGS2 settings: initial step, ∞-norm stop at `OptimizerRule.gradientTolerance`,
  /// iteration cap (line-search tolerance 0.1 is ``Minimize/bfgs(_:gradient:from:gradientTolerance:initialStep:lineSearchTolerance:maxIterations:testNorm:)``'s default).
  static let initialStep = 0.1
  static let testNorm = GradientTestNorm.maximum
  static let maxIterations = 2000

  /// One search of the rule from `start`; nil when it throws (non-finite values, the cap).
  static func search(
    _ f: ([Double]) -> Double, gradient: ([Double]) -> [Double], from start: [Double]
  ) -> MinimumND? {
    RulePolish.minimize(
      f, gradient: gradient, from: start, shiftInvariant: false, maxIterations: maxIterations,
      initialStep: initialStep, testNorm: testNorm)
  }

  /// The best converged search over `starts`, assessed; nil when no start converged or the
  /// best one's λ_min ≤ 0 (undecided under the rule).
  static func fit(
    _ f: @escaping ([Double]) -> Double, gradient: @escaping ([Double]) -> [Double], starts: [[Double]]
  ) -> AssessedPoint? {
    let runs = starts.compactMap { search(f, gradient: gradient, from: $0) }
    guard
      let best = runs.filter({ $0.converged && $0.value.isFinite }).min(by: { $0.value < $1.value }),
      var a = try? OptimizerRule.assess(best.argmin, f: f, gradient: gradient),
      a.lambdaMin > 0
    else { return nil }
    // The rule's acceptance (its search converged, λ_min > 0), not MaPPO's extra δ ≤ 10⁻³.
    a.accepted = true
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
