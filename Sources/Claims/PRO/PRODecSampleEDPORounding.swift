// T-round (claims/pro.md M6) for values and logit gradients of the sample-eDPO / PRO losses
// −β Σ µ̂ ŝ log π + (α/2) Σ µ_a µ_b K(r_a − r_b) on a response space with log-probabilities u:
// N the number of terms, S their absolute sum, C the conditioning of the reward gaps.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Rounding ingredients of the sample-eDPO family.
enum PRODecLossRounding {
  /// (N, S, C) of the value at log-probabilities u with optimizer weights w = µ̂ŝ.
  static func value(u: [Double], v: [Double], mu: [Double], w: [Double], beta: Double, alpha: Double)
    -> (terms: Int, termSum: Double, conditioning: Double)
  {
    let reg = PRORegularizer.value(logProbs: u, refLogProbs: v, mu: mu, beta: beta, weight: alpha)
    var s = reg.termSum
    var n = reg.terms
    for y in u.indices where w[y] != 0 {
      s += abs(beta * w[y] * u[y])
      n += 1
    }
    return (n, s, reg.conditioning)
  }

  /// Per logit coordinate (S, C) of the gradient: the u-gradient's terms β|w_y| and
  /// αβ µ_a µ_b |K′|, pulled through ∂z = ∂u − π Σ∂u (so S_k gains π_k Σ_j S_j).
  static func logitGradient(u: [Double], v: [Double], mu: [Double], w: [Double], beta: Double, alpha: Double)
    -> (termSum: [Double], conditioning: [Double])
  {
    let n = u.count
    var s = [Double](repeating: 0, count: n)
    var c = [Double](repeating: 0, count: n)
    for a in 0..<n {
      s[a] += abs(beta * w[a])
      guard mu[a] > 0 else { continue }
      for b in 0..<n where b != a && mu[b] > 0 {
        let d = beta * (u[a] - v[a]) - beta * (u[b] - v[b])
        let coef = alpha * beta * mu[a] * mu[b]
        s[a] += coef * (sigmoid(d) + 0.5)  // σ − ½ is formed by cancellation
        c[a] += coef * sigmoid(d) * sigmoid(-d) * beta * (abs(u[a]) + abs(v[a]) + abs(u[b]) + abs(v[b]))
      }
    }
    let st = s.reduce(0, +)
    let ct = c.reduce(0, +)
    return ((0..<n).map { s[$0] + exp(u[$0]) * st }, (0..<n).map { c[$0] + exp(u[$0]) * ct })
  }
}
