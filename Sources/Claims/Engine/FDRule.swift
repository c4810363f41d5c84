// The catalogs' FD rule: derivatives from GSL's gsl_deriv_central with step
// h = 1e-4·max(1, |θ_i|); a component passes if |analytic − FD| ≤ 8·abserr + 64·ε(1 + |analytic|).
// Budget: with more than 64 coordinates, 32 coordinates drawn by the seed plus 8 random unit
// directions u (the FD derivative of t ↦ L(θ + t·u) at 0, step 1e-4, against ⟨∇L, u⟩).
import Numerics

/// One compared component or direction.
public struct FDComparison: Sendable {
  public var label: String
  public var analytic: Double
  public var numeric: Estimate
  public var tolerance: Tolerance
  public var passed: Bool { tolerance.accepts(analytic, numeric.value) }
}

/// The coordinates and directions the FD rule compares at one point: drawn from the seed
/// (``FDRule/plan(count:random:)``) apart from the evaluations, so that the draws of many
/// points can be made in their serial order and the evaluations run anywhere (e.g. on two
/// threads) with the same bytes.
public struct FDPlan: Sendable {
  /// The compared coordinates, in comparison order.
  public var coordinates: [Int]
  /// The random unit directions (none with at most 64 coordinates).
  public var directions: [[Double]]
}

/// The FD rule.
public enum FDRule {
  /// Compares `gradient(θ)` with central differences of `f` at θ, under the rule's budget.
  ///
  /// `inputRounding` is an absolute bound on how far one evaluation of f can move because
  /// its intermediate inputs are rounded (e.g. Σ |∂ℓ/∂log π|·ε·|log π| when f feeds sequence
  /// log-probabilities of size 10³ to a loss): GSL's abserr estimates rounding only from |f|,
  /// so such hidden rounding, divided by the step, is added to the tolerance as
  /// 8·inputRounding/h (the same factor 8 as on abserr). 0 gives the rule exactly as printed.
  public static func compare(
    f: ([Double]) -> Double, gradient: [Double], at theta: [Double], random r: inout RandomStream,
    inputRounding: Double = 0
  ) throws -> [FDComparison] {
    precondition(gradient.count == theta.count, "gradient and θ must have equal length")
    return try evaluate(
      plan(count: theta.count, random: &r), f: f, gradient: gradient, at: theta,
      inputRounding: inputRounding)
  }

  /// The rule's budget for `n` coordinates: all of them when n ≤ 64; otherwise 32 coordinates
  /// drawn by the seed (partial Fisher–Yates) and 8 random unit directions. Draws nothing
  /// when n ≤ 64.
  public static func plan(count n: Int, random r: inout RandomStream) -> FDPlan {
    var coordinates = Array(0..<n)
    var directions: [[Double]] = []
    if n > 64 {
      for i in 0..<32 {
        let j = r.uniformInt(in: i...(n - 1))
        coordinates.swapAt(i, j)
      }
      coordinates = Array(coordinates.prefix(32))
      for _ in 0..<8 {
        let v = (0..<n).map { _ in r.gaussian() }
        let s = norm(v)
        directions.append(v.map { $0 / s })
      }
    }
    return FDPlan(coordinates: coordinates, directions: directions)
  }

  /// The comparisons of `plan` at θ (no random draws).
  public static func evaluate(
    _ plan: FDPlan, f: ([Double]) -> Double, gradient: [Double], at theta: [Double],
    inputRounding: Double = 0
  ) throws -> [FDComparison] {
    precondition(gradient.count == theta.count, "gradient and θ must have equal length")
    var out: [FDComparison] = []
    for i in plan.coordinates {
      var point = theta
      let e = try Derivative.derivative(
        of: { t in
          point[i] = t
          return f(point)
        }, at: theta[i], method: .central, step: CatalogTolerance.finiteDifferenceStep(theta[i]))
      let h = CatalogTolerance.finiteDifferenceStep(theta[i])
      out.append(
        FDComparison(
          label: "∂/∂θ[\(i)]", analytic: gradient[i], numeric: e,
          tolerance: withInputRounding(
            CatalogTolerance.finiteDifference(abserr: e.error, analytic: gradient[i]), inputRounding, h)))
    }
    for (k, u) in plan.directions.enumerated() {
      let e = try Derivative.directional(of: f, at: theta, along: u, method: .central, step: 1e-4)
      let a = zip(gradient, u).reduce(0) { $0 + $1.0 * $1.1 }
      out.append(
        FDComparison(
          label: "direction \(k)", analytic: a, numeric: e,
          tolerance: withInputRounding(CatalogTolerance.finiteDifference(abserr: e.error, analytic: a), inputRounding, 1e-4)))
    }
    return out
  }

  static func withInputRounding(_ t: Tolerance, _ rounding: Double, _ h: Double) -> Tolerance {
    guard rounding > 0 else { return t }
    return t + Tolerance(
      absolute: 8 * rounding / h, relative: 0,
      reason: "8 × the rounding of f's inputs (\(rounding)) / h")
  }
}
