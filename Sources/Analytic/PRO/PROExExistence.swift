// The catalog's existence decision M4 (pro.md §2, with M2 and M3) for L̂_PRO on 𝒴_ℋ:
// ABSENT if some enumerated boundary ray descends (or is flat, decreasing and ends below every
// converged point); EXISTS if BFGS (vector_bfgs2 on the free logits, z₀ = 0, restarts on
// stalls) reaches ‖∇_z L‖_∞ ≤ 10⁻¹⁰β(1+α), the Hessian there has no eigenvalue below −‖E‖_F,
// and every ray (from log π_ref, two random bases and the optimum) diverges or is flat and
// never below L(z*); UNDECIDED otherwise.
// Deviation, stated: after BFGS a few Newton steps on the finite-difference Hessian polish the
// point (BFGS2's line search stalls near √ε·‖∇‖, above g_tol), and ‖E‖_F is estimated as the
// difference of the Hessians at steps h and h/2.
// Goals, in order: 1) M4's rules in their order; 2) every failure to converge is UNDECIDED,
// never EXISTS; 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// M4 for L̂_PRO on 𝒴_ℋ.
public enum PROExExistence {
  public enum Decision: String, Sendable { case exists, absent, undecided }

  public struct Result: Sendable {
    public var decision: Decision
    /// The descending (or decreasing flat) ray that made it ABSENT, or why UNDECIDED.
    public var reason: String
    /// The optimum's free logits and loss when one converged.
    public var optimum: [Double]?
    public var loss: Double?
  }

  /// The FD Hessian of the analytic gradient at z with step scale h.
  static func hessian(_ g: ([Double]) -> [Double], _ z: [Double], h0: Double) -> [Double] {
    let n = z.count
    var hm = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      let h = h0 * max(1, abs(z[j]))
      var zp = z
      var zm = z
      zp[j] += h
      zm[j] -= h
      let gp = g(zp)
      let gm = g(zm)
      for i in 0..<n { hm[i * n + j] = (gp[i] - gm[i]) / (2 * h) }
    }
    for i in 0..<n {
      for j in 0..<i {
        let s = (hm[i * n + j] + hm[j * n + i]) / 2
        hm[i * n + j] = s
        hm[j * n + i] = s
      }
    }
    return hm
  }

  /// Solves H d = b (Gaussian elimination, partial pivoting); nil if singular.
  static func solve(_ a: [Double], _ b: [Double]) -> [Double]? {
    let n = b.count
    var m = a
    var x = b
    for c in 0..<n {
      var p = c
      for r in c..<n where abs(m[r * n + c]) > abs(m[p * n + c]) { p = r }
      if m[p * n + c] == 0 { return nil }
      if p != c {
        for k in 0..<n { m.swapAt(c * n + k, p * n + k) }
        x.swapAt(c, p)
      }
      for r in (c + 1)..<max(n, c + 1) {
        let f = m[r * n + c] / m[c * n + c]
        for k in c..<n { m[r * n + k] -= f * m[c * n + k] }
        x[r] -= f * x[c]
      }
    }
    for c in stride(from: n - 1, through: 0, by: -1) {
      var s = x[c]
      for k in (c + 1)..<max(n, c + 1) { s -= m[c * n + k] * x[k] }
      x[c] = s / m[c * n + c]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
  }

  /// M4 at α, with M2 starts (free logits) and ray base points (log-probabilities).
  public static func decide(
    _ loss: PROExHyperLoss, alpha: Double, starts: [[Double]], bases: [[Double]]
  ) -> Result {
    let m = loss.m
    let includeTwos = m <= 5
    let rates = PROExBoundaryRays.rates(m: m, includeTwos: includeTwos)
    var flat: [PROExRaySlope] = []
    func scan(_ base: [Double]) -> String? {
      for c in rates {
        guard let s = try? PROExBoundaryRays.slope(loss, base: base, rates: c) else { continue }
        switch s.classify(alpha: alpha) {
        case .descending: return "descending ray c = \(c), κ = \(s.kappa(alpha: alpha))"
        case .flat: flat.append(s)
        case .diverging: break
        }
      }
      return nil
    }
    for b in bases { if let r = scan(b) { return Result(decision: .absent, reason: r) } }
    // M2.
    let gtol = 1e-10 * loss.beta * (1 + alpha)
    let f: ([Double]) -> Double = { (try? loss.loss(freeLogits: $0, alpha: alpha)) ?? .infinity }
    let g: ([Double]) -> [Double] = {
      (try? loss.gradient(freeLogits: $0, alpha: alpha)) ?? [Double](repeating: .nan, count: m - 1)
    }
    var best: (z: [Double], value: Double)?
    for s in starts {
      var z = s
      for _ in 0..<6 {
        guard
          let run = try? Minimize.bfgs(
            f, gradient: g, from: z, gradientTolerance: gtol, initialStep: 0.1,
            lineSearchTolerance: 0.1, maxIterations: 2000)
        else { break }
        z = run.argmin
        if run.converged { break }
      }
      // Newton polish.
      for _ in 0..<20 {
        let gz = g(z)
        if (gz.map(abs).max() ?? .infinity) <= gtol { break }
        guard let d = solve(hessian(g, z, h0: 1e-5), gz.map { -$0 }) else { break }
        let next = zip(z, d).map { $0 + $1 }
        if !(f(next) <= f(z) + 1e-12 * abs(f(z))) { break }
        z = next
      }
      let gz = g(z)
      guard (gz.map(abs).max() ?? .infinity) <= gtol else { continue }
      let v = f(z)
      if best == nil || v < best!.value { best = (z, v) }
    }
    guard let opt = best else {
      return Result(decision: .undecided, reason: "M2 did not converge")
    }
    // Rays from the optimum.
    if let r = scan(PROExHyperLoss.logProbs(freeLogits: opt.z)) {
      return Result(decision: .absent, reason: r, optimum: opt.z, loss: opt.value)
    }
    // Flat rays: never below L(z*) − T-round; a strictly decreasing one that ends below is ABSENT.
    for s in flat {
      guard let vals = try? PROExBoundaryRays.flatSamples(loss, slope: s, alpha: alpha) else { continue }
      let tround = 4 * Double(m * m + m) * Double.ulpOfOne * (abs(opt.value) + vals.map(abs).reduce(0, +))
      if vals.contains(where: { $0 < opt.value - tround }) {
        let decreasing = zip(vals, vals.dropFirst()).allSatisfy { $1 < $0 }
        if decreasing, let last = vals.last, last < opt.value {
          return Result(decision: .absent, reason: "flat decreasing ray c = \(s.rates)", optimum: opt.z, loss: opt.value)
        }
        return Result(decision: .undecided, reason: "flat ray below L(z*)", optimum: opt.z, loss: opt.value)
      }
    }
    // Hessian certificate: no eigenvalue below −‖E‖_F.
    let h1 = hessian(g, opt.z, h0: 1e-4)
    let h2 = hessian(g, opt.z, h0: 5e-5)
    let e = zip(h1, h2).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
      + 1e-8 * (h2.map(abs).max() ?? 0)
    guard let lmin = (try? SymmetricEigen.eigenvalues(h2, n: m - 1))?.first else {
      return Result(decision: .undecided, reason: "eigenvalues failed", optimum: opt.z, loss: opt.value)
    }
    if lmin < -e {
      return Result(decision: .undecided, reason: "Hessian eigenvalue \(lmin) < −‖E‖", optimum: opt.z, loss: opt.value)
    }
    return Result(decision: .exists, reason: "", optimum: opt.z, loss: opt.value)
  }

  /// The M2 starts: z = log π_ref − log π_ref(y₀) (free part) and four random starts (τ ∈ {1, 5}).
  public static func starts(refLogProbs v: [Double], random r: inout RandomStream) -> [[Double]] {
    let m = v.count
    var out = [Array(v.dropFirst().map { $0 - v[0] })]
    for k in 0..<4 {
      let tau = k < 2 ? 1.0 : 5.0
      out.append((1..<m).map { _ in tau * r.gaussian() })
    }
    return out
  }
}
