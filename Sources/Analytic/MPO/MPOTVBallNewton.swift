// The MLE of assumption A5 (001_0ef3930bdbd6a134.txt App. E; claims/mpo.md §2 TV-SIM):
// maximise a smooth concave f over the ball Θ = {‖θ‖ ≤ r} by projected Newton with
// backtracking, started at a given point, stopped when the KKT residual ≤ 1e-10 (at most
// 50 iterations). When the Newton point leaves the ball, the step solves the ball-constrained
// quadratic model exactly (z(λ) = (H + λI)⁻¹(g + Hθ) with ‖z(λ)‖ = r, λ ≥ 0, from the
// eigendecomposition of H and bisection on λ).
//
// Goals, in order: 1) a certified stationary point (KKT residual reported); 2) few
// iterations at every n (the quadratic model is exact up to third derivatives); 3) brevity.
// With `skipArmijoInRounding`, an interior Newton step whose predicted gain is below the
// rounding of f skips the Armijo search (which then reads only rounding noise) and goes to
// the KKT-residual search directly.
#if canImport(Glibc)
  import Glibc
#endif

/// Result of one ball-constrained fit.
public struct MPOTVFit: Sendable {
  public var theta: [Double]
  public var converged: Bool
  /// ‖θ̂‖ ≥ r(1 − 1e-9): the constraint is active.
  public var active: Bool
  public var kktResidual: Double
  public var iterations: Int
}

/// Projected Newton on a ball.
public enum MPOTVBallNewton {
  /// The objective at θ: value f, gradient g = ∇f, and H = −∇²f (positive semidefinite).
  public typealias Evaluation = (value: Double, gradient: [Double], negHessian: [Double])

  /// The KKT residual at θ for max f on {‖θ‖ ≤ r}: ‖g‖ inside; ‖g − λθ‖ with
  /// λ = max(0, gᵀθ/‖θ‖²) on the sphere.
  public static func kktResidual(theta: [Double], gradient g: [Double], radius r: Double) -> Double {
    let nt = MPOTVLinearAlgebra.norm(theta)
    if nt < r * (1 - 1e-9) { return MPOTVLinearAlgebra.norm(g) }
    let lam = max(0, MPOTVLinearAlgebra.dot(g, theta) / (nt * nt))
    var s = 0.0
    for i in 0..<g.count { s += (g[i] - lam * theta[i]) * (g[i] - lam * theta[i]) }
    return s.squareRoot()
  }

  /// Maximises f on the ball of radius r from `start` (inside the ball).
  public static func maximize(
    start: [Double], radius r: Double, tolerance: Double = 1e-10, maxIterations: Int = 50,
    value: (([Double]) -> Double)? = nil, skipArmijoInRounding: Bool = false,
    evaluate: ([Double]) -> Evaluation
  ) -> MPOTVFit {
    // The line search needs only f; `value` (when given) skips the derivatives.
    func fOnly(_ x: [Double]) -> Double { value.map { $0(x) } ?? evaluate(x).value }
    let k = start.count
    var theta = start
    var ev = evaluate(theta)
    var kkt = kktResidual(theta: theta, gradient: ev.gradient, radius: r)
    var it = 0
    while kkt > tolerance && it < maxIterations {
      it += 1
      let g = ev.gradient
      let h = ev.negHessian
      var z: [Double]
      var interior = false
      if let d = MPOTVLinearAlgebra.choleskySolve(h, g, k: k) {
        z = zip(theta, d).map { $0 + $1 }
        interior = true
      } else {
        z = ballStep(theta: theta, g: g, h: h, radius: r)
      }
      if MPOTVLinearAlgebra.norm(z) > r {
        z = ballStep(theta: theta, g: g, h: h, radius: r)
        interior = false
      }
      let d = zip(z, theta).map { $0 - $1 }
      let slope = MPOTVLinearAlgebra.dot(g, d)
      var t = 1.0
      var accepted = false
      var next = theta
      var nextEv = ev
      // An interior Newton step's predicted gain is slope/2; below ~1e-12·|f| the Armijo
      // test compares f's rounding errors (each try passes or fails by chance, and 40 failed
      // halvings cost 40 evaluations of f), so when asked, go straight to the KKT-residual
      // search below, which takes the full step when it lowers the residual.
      let inRounding = skipArmijoInRounding && interior && slope <= 1e-12 * max(1, abs(ev.value))
      for _ in 0..<(inRounding ? 0 : 40) {
        next = zip(theta, d).map { $0 + t * $1 }
        if fOnly(next) >= ev.value + 1e-4 * t * slope { accepted = true; break }
        t /= 2
      }
      if accepted {
        nextEv = evaluate(next)
      } else {
        // Near the optimum the gain in f is below rounding: take the longest step (1, 1/2,
        // …) that lowers the KKT residual instead, else stop.
        var found = false
        t = 1
        for _ in 0..<30 {
          next = zip(theta, d).map { $0 + t * $1 }
          nextEv = evaluate(next)
          if kktResidual(theta: next, gradient: nextEv.gradient, radius: r) < kkt { found = true; break }
          t /= 2
        }
        if !found { break }
      }
      theta = next
      ev = nextEv
      kkt = kktResidual(theta: theta, gradient: ev.gradient, radius: r)
    }
    let active = MPOTVLinearAlgebra.norm(theta) >= r * (1 - 1e-9)
    return MPOTVFit(theta: theta, converged: kkt <= tolerance, active: active, kktResidual: kkt, iterations: it)
  }

  /// argmax of gᵀ(z − θ) − ½(z − θ)ᵀH(z − θ) over ‖z‖ ≤ r.
  static func ballStep(theta: [Double], g: [Double], h: [Double], radius r: Double) -> [Double] {
    let k = theta.count
    let (vals, vecs) = MPOTVLinearAlgebra.symmetricEigen(h, k: k)
    // c = g + Hθ in the eigenbasis.
    var c = g
    for i in 0..<k { for j in 0..<k { c[i] += h[i * k + j] * theta[j] } }
    var b = [Double](repeating: 0, count: k)
    for j in 0..<k { for i in 0..<k { b[j] += vecs[i * k + j] * c[i] } }
    func zNorm(_ lam: Double) -> Double {
      var s = 0.0
      for j in 0..<k {
        let den = max(vals[j], 0) + lam
        s += den > 0 ? (b[j] / den) * (b[j] / den) : (b[j] == 0 ? 0 : .infinity)
      }
      return s.squareRoot()
    }
    var lo = 0.0
    var hi = max(MPOTVLinearAlgebra.norm(b) / r, 1e-300)
    if zNorm(lo) > r {
      for _ in 0..<200 {
        let mid = 0.5 * (lo + hi)
        if zNorm(mid) > r { lo = mid } else { hi = mid }
        if hi - lo <= 1e-15 * hi { break }
      }
    } else {
      hi = 0
    }
    let lam = hi
    var z = [Double](repeating: 0, count: k)
    for j in 0..<k {
      let den = max(vals[j], 0) + lam
      let coef = den > 0 ? b[j] / den : 0
      for i in 0..<k { z[i] += vecs[i * k + j] * coef }
    }
    // Rounding may leave ‖z‖ a hair above r: scale back onto the ball.
    let nz = MPOTVLinearAlgebra.norm(z)
    if nz > r { z = z.map { $0 * r / nz } }
    return z
  }
}
