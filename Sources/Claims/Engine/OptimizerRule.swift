// The catalogs' optimizer rule ("Conventions shared by the checks"):
// minimizers come from GSL's vector_bfgs2 run until ‖∇‖ ≤ 1e-10 from several random starts;
// two minimizers are *equal* if their distance is at most δ = 10·‖∇‖/λ_min (floored at
// 1e-9), *different* if it is at least 100·δ, and otherwise the comparison is inconclusive;
// a point with δ > 10⁻³ is not accepted as a minimizer. λ_min is the smallest Hessian
// eigenvalue on the relevant subspace (e.g. orthogonal to the all-ones vector for softmax
// logits, whose loss is shift invariant). Why δ: for a μ-strongly convex f, ‖x − x*‖ ≤ ‖∇f(x)‖/μ;
// on a plateau towards an infimum at infinity λ_min is exponentially small, so δ exposes it.
import Numerics

/// A candidate minimizer assessed by the optimizer rule.
public struct AssessedPoint: Sendable {
  public var point: [Double]
  public var value: Double
  public var gradientNorm: Double
  /// Smallest Hessian eigenvalue on the relevant subspace.
  public var lambdaMin: Double
  /// δ = max(10·‖∇‖/λ_min, 1e-9) (∞ when λ_min ≤ 0).
  public var delta: Double
  /// Whether the rule accepts it as a minimizer (δ ≤ 10⁻³ and ‖∇‖ ≤ the tolerance).
  public var accepted: Bool
}

/// Outcome of comparing two minimizers.
public enum MinimizerComparison: String, Sendable, Codable {
  case equal, different, inconclusive
}

/// The optimizer rule.
public enum OptimizerRule {
  /// The stopping tolerance on ‖∇‖.
  public static let gradientTolerance = 1e-10
  /// The largest δ at which a point is accepted as a minimizer.
  public static let maximumDelta = 1e-3

  /// δ = max(10·‖∇‖/λ_min, 1e-9); ∞ when λ_min ≤ 0.
  public static func delta(gradientNorm g: Double, lambdaMin: Double) -> Double {
    lambdaMin > 0 ? max(10 * g / lambdaMin, 1e-9) : .infinity
  }

  /// Assesses `point`: gradient norm, λ_min of the Hessian (on the complement of the
  /// all-ones vector when `shiftInvariant`), δ, acceptance.
  public static func assess(
    _ point: [Double], f: ([Double]) -> Double, gradient: ([Double]) -> [Double],
    hessian: (([Double]) -> [Double])? = nil, shiftInvariant: Bool = false
  ) throws -> AssessedPoint {
    let g = gradient(point)
    let gn = norm(g)
    let h = hessian?(point) ?? numericalHessian(gradient: gradient, at: point)
    let lmin = try smallestEigenvalue(h, n: point.count, orthogonalToOnes: shiftInvariant)
    let d = delta(gradientNorm: gn, lambdaMin: lmin)
    return AssessedPoint(
      point: point, value: f(point), gradientNorm: gn, lambdaMin: lmin, delta: d,
      accepted: gn <= gradientTolerance && d <= maximumDelta)
  }

  /// Compares two assessed points: equal within δ, different beyond 100·δ (δ the larger of
  /// the two), inconclusive otherwise or when either is not accepted. With `centre`, both
  /// points are centred (mean 0) first, for shift-invariant parametrisations.
  public static func compare(_ a: AssessedPoint, _ b: AssessedPoint, centre: Bool = false) -> MinimizerComparison {
    guard a.accepted, b.accepted else { return .inconclusive }
    let pa = centre ? centred(a.point) : a.point
    let pb = centre ? centred(b.point) : b.point
    let dist = norm(zip(pa, pb).map { $0 - $1 })
    let d = max(a.delta, b.delta)
    if dist <= d { return .equal }
    if dist >= 100 * d { return .different }
    return .inconclusive
  }

  /// Distance test of one assessed point against a known (closed-form) minimizer.
  public static func compare(_ a: AssessedPoint, toExact x: [Double], centre: Bool = false) -> MinimizerComparison {
    guard a.accepted else { return .inconclusive }
    let pa = centre ? centred(a.point) : a.point
    let px = centre ? centred(x) : x
    let dist = norm(zip(pa, px).map { $0 - $1 })
    if dist <= a.delta { return .equal }
    if dist >= 100 * a.delta { return .different }
    return .inconclusive
  }

  /// BFGS2 from each start (iterations capped), returning every run that finished
  /// (converged or not); runs that throw (non-finite values) are dropped and counted.
  public static func minimize(
    f: @escaping ([Double]) -> Double, gradient: @escaping ([Double]) -> [Double],
    starts: [[Double]], maxIterations: Int = 1000
  ) -> (runs: [MinimumND], failures: Int) {
    var runs: [MinimumND] = []
    var failures = 0
    for s in starts {
      do {
        runs.append(
          try Minimize.bfgs(f, gradient: gradient, from: s, gradientTolerance: gradientTolerance, maxIterations: maxIterations))
      } catch {
        failures += 1
      }
    }
    return (runs, failures)
  }

  /// The smallest eigenvalue of the symmetric n×n `h`, optionally restricted to the
  /// subspace orthogonal to the all-ones vector (via an orthonormal Helmert basis Q: the
  /// eigenvalues of QᵀHQ).
  public static func smallestEigenvalue(_ h: [Double], n: Int, orthogonalToOnes: Bool) throws -> Double {
    if !orthogonalToOnes || n == 1 { return try SymmetricEigen.eigenvalues(h, n: n).first ?? .nan }
    let q = helmertBasis(n)  // n × (n−1), column-major in q[col][row]
    let m = n - 1
    var r = [Double](repeating: 0, count: m * m)
    for a in 0..<m {
      // h·q_a
      var hq = [Double](repeating: 0, count: n)
      for i in 0..<n { for j in 0..<n { hq[i] += h[i * n + j] * q[a][j] } }
      for b in 0..<m { r[b * m + a] = zip(q[b], hq).reduce(0) { $0 + $1.0 * $1.1 } }
    }
    for a in 0..<m { for b in 0..<a { let s = (r[a * m + b] + r[b * m + a]) / 2; r[a * m + b] = s; r[b * m + a] = s } }
    return try SymmetricEigen.eigenvalues(r, n: m).first ?? .nan
  }

  /// The Helmert basis of the complement of (1, …, 1): q_k ∝ (1, …, 1, −k, 0, …, 0) with k
  /// ones, k = 1…n−1, normalised.
  static func helmertBasis(_ n: Int) -> [[Double]] {
    (1..<n).map { k in
      var v = [Double](repeating: 0, count: n)
      for i in 0..<k { v[i] = 1 }
      v[k] = -Double(k)
      let s = (Double(k) * Double(k + 1)).squareRoot()
      return v.map { $0 / s }
    }
  }

  /// The Hessian by central differences of the analytic gradient, symmetrised:
  /// H[:, j] = (∇f(x + h e_j) − ∇f(x − h e_j))/2h with h = 1e-5·max(1, |x_j|). Truncation
  /// O(h²·‖∇⁴f‖) ≈ 1e-10 and rounding O(ε‖∇f‖/h) ≈ 1e-11: ample for λ_min in δ, which only
  /// needs its order of magnitude.
  public static func numericalHessian(gradient: ([Double]) -> [Double], at x: [Double]) -> [Double] {
    let n = x.count
    var hm = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      let h = 1e-5 * max(1, abs(x[j]))
      var xp = x
      var xm = x
      xp[j] += h
      xm[j] -= h
      let gp = gradient(xp)
      let gm = gradient(xm)
      for i in 0..<n { hm[i * n + j] = (gp[i] - gm[i]) / (2 * h) }
    }
    for i in 0..<n { for j in 0..<i { let s = (hm[i * n + j] + hm[j * n + i]) / 2; hm[i * n + j] = s; hm[j * n + i] = s } }
    return hm
  }
}

/// The Euclidean norm.
public func norm(_ v: [Double]) -> Double {
  // Scaled to avoid overflow/underflow of the squares.
  let m = v.map { abs($0) }.max() ?? 0
  if m == 0 || !m.isFinite { return m }
  return m * v.reduce(0) { $0 + ($1 / m) * ($1 / m) }.squareRoot()
}

/// v minus its mean.
public func centred(_ v: [Double]) -> [Double] {
  let mean = v.reduce(0, +) / Double(max(v.count, 1))
  return v.map { $0 - mean }
}
