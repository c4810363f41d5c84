// Exact binomial and multinomial variates for the TV-SIM simulation of claims/mpo.md §2
// (the catalog names `gsl_ran_multinomial`; only Numerics may call GSL and it has no
// multinomial, so this is the same algorithm in Swift on the seeded RandomStream).
//
// Goals, in order: 1) exact distribution; 2) cost independent of n up to O(log n) (TV-SIM
// draws n up to 2^14 per repetition); 3) simplicity.
// Binomial: Knuth's beta-splitting (TAOCP vol. 2, 3.4.1 F; GSL's gsl_ran_binomial_knuth):
// while n is large, draw the a-th order statistic X ~ Beta(a, n + 1 − a) of n uniforms and
// recurse on the side holding p; then n ≤ 32 trials by pmf inversion with one uniform.
// Multinomial: conditional binomials, as gsl_ran_multinomial.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Binomial and multinomial sampling.
public enum MPOTVSampler {
  /// A Binomial(n, p) variate.
  public static func binomial(_ n: Int, _ p: Double, _ r: inout RandomStream) -> Int {
    precondition(n >= 0 && p >= 0 && p <= 1, "need n ≥ 0 and p ∈ [0, 1], got n=\(n), p=\(p)")
    if p > 0.5 { return n - binomial(n, 1 - p, &r) }
    var n = n
    var p = p
    var k = 0
    // Split while inversion would be long (mean > 40); p stays ≤ 1/2 by symmetry below.
    while n > 32 && Double(n) * min(p, 1 - p) > 40 {
      if p <= 0 { return k }
      if p >= 1 { return k + n }
      let a = 1 + n / 2
      let b = 1 + n - a
      let ga = r.gamma(shape: Double(a))
      let gb = r.gamma(shape: Double(b))
      let x = ga / (ga + gb)
      if x >= p {
        n = a - 1
        p /= x
      } else {
        k += a
        n = b - 1
        p = (p - x) / (1 - x)
      }
    }
    if n == 0 || p <= 0 { return k }
    if p >= 1 { return k + n }
    if p > 0.5 { return k + n - binomial(n, 1 - p, &r) }
    // Inversion: P(X = j) by the recurrence f(j+1) = f(j)·(n − j)/(j + 1)·p/q.
    let q = 1 - p
    let f = pow(q, Double(n))
    if f < 1e-300 {
      // Guard only: with p ≤ 1/2 and (n ≤ 32 or np ≤ 40), q^n ≥ e^-56.
      return k + binomialSmall(n, p, &r)
    }
    return k + binomialInversion(n, p, f, &r)
  }

  private static func binomialSmall(_ n: Int, _ p: Double, _ r: inout RandomStream) -> Int {
    var c = 0
    for _ in 0..<n where r.uniform() < p { c += 1 }
    return c
  }

  private static func binomialInversion(_ n: Int, _ p: Double, _ f0: Double, _ r: inout RandomStream) -> Int {
    let ratio = p / (1 - p)
    var f = f0
    var u = r.uniform()
    var j = 0
    while u >= f && j < n {
      u -= f
      f *= Double(n - j) / Double(j + 1) * ratio
      j += 1
    }
    return j
  }

  /// Counts of n i.i.d. draws from the categorical distribution p (Σp = 1 up to rounding),
  /// by conditional binomials.
  public static func multinomial(_ n: Int, _ p: [Double], _ r: inout RandomStream) -> [Int] {
    var counts = [Int](repeating: 0, count: p.count)
    var left = n
    var mass = p.reduce(0, +)
    for i in 0..<p.count {
      if left == 0 { break }
      if i == p.count - 1 {
        counts[i] = left
        break
      }
      let pi = mass > 0 ? min(1, max(0, p[i] / mass)) : 0
      let c = binomial(left, pi, &r)
      counts[i] = c
      left -= c
      mass -= p[i]
    }
    return counts
  }
}
