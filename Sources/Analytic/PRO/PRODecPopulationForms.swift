// Population DPO and eDPO of PRO (002_74b446355a07bf4a.txt) §3.1 / Theorem 3.1 (claims/pro.md
// §1.2–1.3; PRO-formulas.md §2) as closed forms in free log-probabilities u (log π(y) := u_y,
// no normalisation, pro.md N3), on a code path separate from Objectives (whose PopulationDPO
// and EDPO take logits only):
//   L_DPO(u)  = −Σ_{a,b} µ_a µ_b p(a≻b) log σ(r_a − r_b),
//   L_eDPO(u) = −β Σ_a µ_a s_a u_a + (w/2) Σ_{a,b} µ_a µ_b K(r_a − r_b),  r = β(u − v),
// with w = 1 in Theorem 3.1. Each returns its value, its gradient in u, and the per-coordinate
// T-round ingredients (pro.md M6: S the absolute sum of the terms, C their conditioning).
// Goals: 1) the displays as written; 2) stable forms (logSigmoid, the library's K).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// Closed forms of population DPO and eDPO in free log-probabilities.
///
/// Provenance: reconstructed (S3 LaTeX, re-derived; PRO-formulas.md §2).
public enum PRODecPopulationForms {
  /// A value with its gradient in u and rounding ingredients.
  public struct Evaluation: Sendable {
    public var value: Double
    /// Σ|terms| of the value, and C = Σ |w_t f′(x_t)| M_t of its gap arguments.
    public var valueTermSum: Double
    public var valueConditioning: Double
    public var gradient: [Double]
    /// Per coordinate: Σ|terms| and C of the gradient's terms.
    public var gradientTermSum: [Double]
    public var gradientConditioning: [Double]
  }

  /// L_DPO(u) and ∂/∂u_a = −β Σ_b µ_a µ_b p(a≻b) σ(−δ_ab) + β Σ_b µ_b µ_a p(b≻a) σ(−δ_ba).
  public static func dpo(
    logProbs u: [Double], refLogProbs v: [Double], mu: [Double], preference p: [[Double]],
    beta: Double
  ) -> Evaluation {
    let n = u.count
    var e = Evaluation(
      value: 0, valueTermSum: 0, valueConditioning: 0, gradient: .init(repeating: 0, count: n),
      gradientTermSum: .init(repeating: 0, count: n),
      gradientConditioning: .init(repeating: 0, count: n))
    for a in 0..<n where mu[a] > 0 {
      for b in 0..<n where mu[b] > 0 {
        let w = mu[a] * mu[b] * p[a][b]
        if w == 0 { continue }
        let d = beta * (u[a] - v[a]) - beta * (u[b] - v[b])
        let m = beta * (abs(u[a]) + abs(v[a]) + abs(u[b]) + abs(v[b]))
        let t = -w * logSigmoid(d)
        e.value += t
        e.valueTermSum += abs(t)
        e.valueConditioning += w * sigmoid(-d) * m
        if a == b { continue }
        let g = beta * w * sigmoid(-d)
        e.gradient[a] -= g
        e.gradient[b] += g
        let c = beta * w * sigmoid(d) * sigmoid(-d) * m
        for k in [a, b] {
          e.gradientTermSum[k] += abs(g)
          e.gradientConditioning[k] += c
        }
      }
    }
    return e
  }

  /// L_eDPO(u) with regularizer weight `w` (Theorem 3.1: 1) and scores s; ∂/∂u_a =
  /// −β µ_a s_a + w β Σ_b µ_a µ_b (σ(δ_ab) − ½).
  public static func edpo(
    logProbs u: [Double], refLogProbs v: [Double], mu: [Double], scores s: [Double],
    beta: Double, regularizerWeight w: Double = 1
  ) -> Evaluation {
    let n = u.count
    var e = Evaluation(
      value: 0, valueTermSum: 0, valueConditioning: 0, gradient: .init(repeating: 0, count: n),
      gradientTermSum: .init(repeating: 0, count: n),
      gradientConditioning: .init(repeating: 0, count: n))
    for a in 0..<n where mu[a] > 0 {
      let t = -beta * mu[a] * s[a] * u[a]
      e.value += t
      e.valueTermSum += abs(t)
      e.gradient[a] -= beta * mu[a] * s[a]
      e.gradientTermSum[a] += abs(beta * mu[a] * s[a])
    }
    let reg = PRORegularizer.value(logProbs: u, refLogProbs: v, mu: mu, beta: beta, weight: w)
    e.value += reg.value
    e.valueTermSum += reg.termSum
    e.valueConditioning += reg.conditioning
    for a in 0..<n where mu[a] > 0 {
      for b in 0..<n where b != a && mu[b] > 0 {
        let d = beta * (u[a] - v[a]) - beta * (u[b] - v[b])
        let g = w * beta * mu[a] * mu[b] * PRORegularizer.divergenceDerivative(d)
        e.gradient[a] += g
        // S counts σ(δ) + ½: the printed σ(δ) − ½ is formed by a cancelling subtraction.
        e.gradientTermSum[a] += w * beta * mu[a] * mu[b] * (sigmoid(d) + 0.5)
        let m = beta * (abs(u[a]) + abs(v[a]) + abs(u[b]) + abs(v[b]))
        e.gradientConditioning[a] += w * beta * mu[a] * mu[b] * sigmoid(d) * sigmoid(-d) * m
      }
    }
    return e
  }

  /// The derived offset L_DPO − L_eDPO = ½ log 2 + β Σ_y µ(y) s(y) log π_ref(y)
  /// (PRO-formulas.md §2, Checkable claims item 2), with its absolute term sum.
  public static func offset(refLogProbs v: [Double], mu: [Double], scores s: [Double], beta: Double)
    -> (value: Double, termSum: Double)
  {
    var value = 0.5 * log(2.0)
    var sum = value
    for y in v.indices where mu[y] > 0 {
      let t = beta * mu[y] * s[y] * v[y]
      value += t
      sum += abs(t)
    }
    return (value, sum)
  }
}
