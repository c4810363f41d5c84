// The Bernoulli-KL regularizer of PRO (002_74b446355a07bf4a.txt) Theorem 3.1, §3.2 and §4.1,
// as closed forms on a finite response space (claims/pro.md N6, §1.3–1.6; PRO-formulas.md §0,
// §2–4), written on their own code path so that checks can compare them with Objectives:
//   K(δ) = D_KL(B(½) ‖ B(σ(δ))) = −log 2 − ½ log σ(δ) − ½ log σ(−δ) = log cosh(δ/2),
//   R(u) = (w/2) Σ_{a,b} µ_a µ_b K(r_a − r_b),  r = β(u − u_ref),
//   ∂R/∂u_a = w β Σ_b µ_a µ_b (σ(r_a − r_b) − ½)                      (Eq. (30)).
// w is the regularizer weight: 1 in eDPO (Theorem 3.1), α in sample eDPO and PRO (the α/2
// convention of PRO-formulas.md §0).
// Goals, in order: 1) each formula as written in the catalog; 2) stable forms (K through the
// library's log cosh evaluation of N6; the first closed form through logSigmoid); 3) the
// rounding bounds (T-round's S and C of pro.md M6) computed alongside the value.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// The Bernoulli-KL divergence K and the pair regularizer built from it.
///
/// Provenance: K's closed form is standard (PRO-formulas.md §0; D_KL(B(½)‖B(0)) = +∞ is
/// verbatim S2); the regularizer is reconstructed (PRO-formulas.md §2–4; Eq. (30) §1.12).
public enum PRORegularizer {
  /// Provenance of the regularizer's form (Theorem 3.1 / §3.2 / Eq. (30)).
  public static let provenance: Provenance = .reconstructed(
    "regularizer of Theorem 3.1 and §3.2 with the α/2 convention, PRO-formulas.md §0, §2–4")

  /// K(δ) by the library's log cosh evaluation (N6; Objectives' BernoulliHalfKL).
  public static func divergence(_ delta: Double) -> Double { BernoulliHalfKL.value(delta) }

  /// K(δ) by its first closed form −log 2 − ½ log σ(δ) − ½ log σ(−δ) (cancels near 0).
  public static func divergenceDefinition(_ delta: Double) -> Double {
    -log(2.0) - 0.5 * logSigmoid(delta) - 0.5 * logSigmoid(-delta)
  }

  /// K′(δ) = σ(δ) − ½, as printed (not the tanh rewriting of the library).
  public static func divergenceDerivative(_ delta: Double) -> Double { sigmoid(delta) - 0.5 }

  /// The value R = (w/2) Σ_{a≠b} µ_a µ_b K(β(u_a − v_a) − β(u_b − v_b)) with its T-round
  /// ingredients: N terms, S = Σ|terms| and C = Σ |w_t K′(x_t)| M_t, where M_t is β times the
  /// sum of the absolute values of the stored log-probabilities entering the gap (pro.md M6).
  public static func value(
    logProbs u: [Double], refLogProbs v: [Double], mu: [Double], beta: Double, weight: Double
  ) -> (value: Double, terms: Int, termSum: Double, conditioning: Double) {
    var total = 0.0
    var s = 0.0
    var c = 0.0
    var n = 0
    for a in u.indices where mu[a] > 0 {
      for b in u.indices where b != a && mu[b] > 0 {
        let d = beta * (u[a] - v[a]) - beta * (u[b] - v[b])
        let coef = 0.5 * weight * mu[a] * mu[b]
        let t = coef * divergence(d)
        total += t
        s += abs(t)
        c += abs(coef * divergenceDerivative(d)) * beta * (abs(u[a]) + abs(v[a]) + abs(u[b]) + abs(v[b]))
        n += 1
      }
    }
    return (total, n, s, c)
  }

  /// ∂R/∂u_a = w β Σ_b µ_a µ_b (σ(r_a − r_b) − ½), Eq. (30), in free log-probabilities u
  /// (the gradient in v is its negation).
  public static func gradient(
    logProbs u: [Double], refLogProbs v: [Double], mu: [Double], beta: Double, weight: Double
  ) -> [Double] {
    var g = [Double](repeating: 0, count: u.count)
    for a in u.indices where mu[a] > 0 {
      for b in u.indices where b != a && mu[b] > 0 {
        let d = beta * (u[a] - v[a]) - beta * (u[b] - v[b])
        g[a] += weight * beta * mu[a] * mu[b] * divergenceDerivative(d)
      }
    }
    return g
  }
}
