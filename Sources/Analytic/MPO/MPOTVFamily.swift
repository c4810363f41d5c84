// The finite exponential family of App. E (001_0ef3930bdbd6a134.txt, eq. before Theorem 3;
// claims/mpo.md §0.10 and the TV-SIM construction of §2): M responses with features
// φ(y) ∈ ℝ^k, p_θ(y) = exp{θᵀφ(y) − A(θ)} under the counting measure, A by log-sum-exp.
// ∇A(θ) = E_θ φ, ∇²A(θ) = Cov_θ φ; TV, KL and the Bregman form of KL (Lemma 3's proof).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One App. E family: features (row-major M×k) and the true parameter θ⋆.
public struct MPOTVFamily: Sendable {
  public let k: Int
  public let m: Int
  /// Row y holds φ(y).
  public let phi: [Double]
  public let thetaStar: [Double]

  public init(k: Int, m: Int, phi: [Double], thetaStar: [Double]) {
    precondition(phi.count == m * k && thetaStar.count == k, "shape mismatch")
    self.k = k
    self.m = m
    self.phi = phi
    self.thetaStar = thetaStar
  }

  /// The TV-SIM family: g_y ~ N(0, I_k), φ(y) = R·g_y / max‖g‖ (so max‖φ‖ = R), θ⋆ ~ N(0, I_k).
  public static func random(k: Int, m: Int, radius: Double = 1, _ r: inout RandomStream) -> MPOTVFamily {
    var g = [Double](repeating: 0, count: m * k)
    r.fillGaussian(&g)
    var maxNorm = 0.0
    for y in 0..<m {
      var s = 0.0
      for j in 0..<k { s += g[y * k + j] * g[y * k + j] }
      maxNorm = max(maxNorm, s.squareRoot())
    }
    let phi = g.map { radius * $0 / maxNorm }
    var th = [Double](repeating: 0, count: k)
    r.fillGaussian(&th)
    return MPOTVFamily(k: k, m: m, phi: phi, thetaStar: th)
  }

  /// R = max_y ‖φ(y)‖.
  public var radius: Double {
    (0..<m).map { y in (0..<k).reduce(0) { $0 + phi[y * k + $1] * phi[y * k + $1] }.squareRoot() }
      .max() ?? 0
  }

  /// θᵀφ(y) for every y.
  public func logits(_ theta: [Double]) -> [Double] {
    var out = [Double](repeating: 0, count: m)
    logits(theta, into: &out)
    return out
  }

  /// θᵀφ(y) for every y, written into `out` (m entries).
  public func logits(_ theta: [Double], into out: inout [Double]) {
    let m = self.m, k = self.k
    precondition(out.count == m && theta.count == k, "logits(into:): need \(m) outputs and \(k) parameters")
    phi.withUnsafeBufferPointer { f in
      theta.withUnsafeBufferPointer { t in
        out.withUnsafeMutableBufferPointer { o in
          for y in 0..<m {
            var s = 0.0
            let row = y * k
            for j in 0..<k { s += t[j] * f[row + j] }
            o[y] = s
          }
        }
      }
    }
  }

  /// The evaluation used by the Newton fits (unsafe-pointer loops, one pass each):
  /// p_θ, E_θ φ and, when `withCovariance`, Cov_θ φ (k×k, full).
  public func moments(_ theta: [Double], withCovariance: Bool) -> (logPartition: Double, probabilities: [Double], mean: [Double], covariance: [Double]) {
    let m = self.m, k = self.k
    let z = logits(theta)
    var mx = -Double.infinity
    for v in z where v > mx { mx = v }
    var p = [Double](repeating: 0, count: m)
    var total = 0.0
    p.withUnsafeMutableBufferPointer { pp in
      z.withUnsafeBufferPointer { zz in
        for y in 0..<m { pp[y] = exp(zz[y] - mx); total += pp[y] }
        for y in 0..<m { pp[y] /= total }
      }
    }
    let a = mx + log(total)
    var mu = [Double](repeating: 0, count: k)
    var cov = [Double](repeating: 0, count: withCovariance ? k * k : 0)
    phi.withUnsafeBufferPointer { f in
      p.withUnsafeBufferPointer { pp in
        mu.withUnsafeMutableBufferPointer { u in
          for y in 0..<m {
            let w = pp[y]
            let row = y * k
            for j in 0..<k { u[j] += w * f[row + j] }
          }
          guard withCovariance else { return }
          var d = [Double](repeating: 0, count: k)
          cov.withUnsafeMutableBufferPointer { c in
            d.withUnsafeMutableBufferPointer { dd in
              for y in 0..<m {
                let w = pp[y]
                if w == 0 { continue }
                let row = y * k
                for j in 0..<k { dd[j] = f[row + j] - u[j] }
                for i in 0..<k {
                  let wi = w * dd[i]
                  let ci = i * k
                  for j in 0...i { c[ci + j] += wi * dd[j] }
                }
              }
              for i in 0..<k { for j in 0..<i { c[j * k + i] = c[i * k + j] } }
            }
          }
        }
      }
    }
    return (a, p, mu, cov)
  }

  /// A(θ) = log Σ_y exp(θᵀφ(y)).
  public func logPartition(_ theta: [Double]) -> Double { logSumExp(logits(theta)) }

  /// log p_θ(y) for every y.
  public func logProbabilities(_ theta: [Double]) -> [Double] { logSoftmax(logits(theta)) }

  /// p_θ(y) for every y.
  public func probabilities(_ theta: [Double]) -> [Double] { softmax(logits(theta)) }

  /// E_p φ for a distribution p on the responses (e.g. μ̂ from frequencies).
  public func mean(_ p: [Double]) -> [Double] {
    var mu = [Double](repeating: 0, count: k)
    for y in 0..<m where p[y] != 0 {
      for j in 0..<k { mu[j] += p[y] * phi[y * k + j] }
    }
    return mu
  }

  /// Cov_p φ (k×k row-major), computed from centred features.
  public func covariance(_ p: [Double], mean mu: [Double]? = nil) -> [Double] {
    let mu = mu ?? mean(p)
    var c = [Double](repeating: 0, count: k * k)
    var d = [Double](repeating: 0, count: k)
    for y in 0..<m where p[y] != 0 {
      for j in 0..<k { d[j] = phi[y * k + j] - mu[j] }
      for i in 0..<k {
        let w = p[y] * d[i]
        for j in 0...i { c[i * k + j] += w * d[j] }
      }
    }
    for i in 0..<k { for j in 0..<i { c[j * k + i] = c[i * k + j] } }
    return c
  }

  /// ∇²A(θ) = Cov_θ φ.
  public func hessian(_ theta: [Double]) -> [Double] { moments(theta, withCovariance: true).covariance }

  /// Eigenvalues (ascending) of ∇²A(θ), by gsl_eigen_symm.
  public func hessianEigenvalues(_ theta: [Double]) throws -> [Double] {
    try SymmetricEigen.eigenvalues(hessian(theta), n: k)
  }

  /// E_θ ‖φ‖².
  public func meanSquaredNorm(_ theta: [Double]) -> Double {
    let p = probabilities(theta)
    var s = 0.0
    for y in 0..<m {
      var n2 = 0.0
      for j in 0..<k { n2 += phi[y * k + j] * phi[y * k + j] }
      s += p[y] * n2
    }
    return s
  }

  /// TV(p, q) = ½ Σ |p − q|.
  public static func totalVariation(_ p: [Double], _ q: [Double]) -> Double {
    var s = 0.0
    for i in 0..<p.count { s += abs(p[i] - q[i]) }
    return s / 2
  }

  /// KL(p_a ‖ p_b) = Σ p_a (log p_a − log p_b), directly from log-probabilities.
  public func klDirect(_ a: [Double], _ b: [Double]) -> Double {
    let la = logProbabilities(a)
    let lb = logProbabilities(b)
    var s = 0.0
    for y in 0..<m { s += exp(la[y]) * (la[y] - lb[y]) }
    return s
  }

  /// The Bregman form printed in Lemma 3's proof: A(b) − A(a) − (b − a)ᵀ∇A(a).
  public func klBregman(_ a: [Double], _ b: [Double]) -> Double {
    let mu = mean(probabilities(a))
    var lin = 0.0
    for j in 0..<k { lin += (b[j] - a[j]) * mu[j] }
    return logPartition(b) - logPartition(a) - lin
  }
}
