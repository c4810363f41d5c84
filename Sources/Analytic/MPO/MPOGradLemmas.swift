// The gradients printed in MPO's App. G.2 (001_0ef3930bdbd6a134.txt, Lemmas 5–7, eqs. 26–53),
// as closed forms of the claims (../shared/claims/mpo.md §4). These are the paper's formulas,
// not the objectives' gradients: the checks compare them with the Objectives and with dual
// numbers. Scores s_i are App. G's s_θ(y_i|x); weights w_i = e^{αδ_i} (G.1).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Lemmas 5–7 of App. G.2.
public enum MPOGradLemmas {
  /// p^model = softmax(s) (G.1).
  public static func modelProbabilities(_ s: [Double]) -> [Double] { softmax(s) }

  /// Lemma 5, eq. (39): ∂L_InfoNCA/∂s_i = p_i^model − p_i^target.
  public static func infoNCAGradient(scores s: [Double], target: [Double]) -> [Double] {
    zip(softmax(s), target).map { $0 - $1 }
  }

  /// Lemma 5, eq. (37): ∂L/∂s_i = −(p_i^target − p_i^model Σ_k p_k^target).
  public static func infoNCAGradientEq37(scores s: [Double], target: [Double]) -> [Double] {
    let pm = softmax(s)
    let st = target.reduce(0, +)
    return zip(pm, target).map { -($1 - $0 * st) }
  }

  /// Lemma 5, eq. (34): J[k][i] = ∂log p_k^model/∂s_i = δ_ik − p_i^model.
  public static func logModelJacobianEq34(scores s: [Double]) -> [[Double]] {
    let pm = softmax(s)
    return s.indices.map { k in s.indices.map { i in (i == k ? 1 : 0) - pm[i] } }
  }

  /// p^weighted and p^pos of eq. (41), from log(w_i e^{s_i}) in log space.
  public static func weightedProbabilities(
    scores s: [Double], weights w: [Double], positive: [Bool]
  ) -> (weighted: [Double], pos: [Double]) {
    let a = zip(s, w).map { $0 + log($1) }
    let lz = logSumExp(a)
    let la = logSumExp(zip(a, positive).filter { $0.1 }.map(\.0))
    let pw = a.map { exp($0 - lz) }
    let pp = zip(a, positive).map { $1 ? exp($0 - la) : 0 }
    return (pw, pp)
  }

  /// Lemma 6, eq. (40): ∂L_weighted/∂s_i = p_i^weighted − p_i^pos.
  public static func weightedGradient(scores s: [Double], weights w: [Double], positive: [Bool])
    -> [Double]
  {
    let (pw, pp) = weightedProbabilities(scores: s, weights: w, positive: positive)
    return zip(pw, pp).map { $0 - $1 }
  }

  /// Lemma 6, eq. (48): ∂L/∂s_i = w_i e^{s_i}(1/Z − 𝕀_{y_i∈Y⁺}/A), in linear space as printed
  /// (A = Σ_{Y⁺} w e^s, Z = Σ w e^s of eq. 42); use for |s| ≲ 700.
  public static func weightedGradientEq48(
    scores s: [Double], weights w: [Double], positive: [Bool]
  ) -> [Double] {
    let m = zip(w, s).map { $0 * exp($1) }
    let z = m.reduce(0, +)
    let a = zip(m, positive).filter { $0.1 }.map(\.0).reduce(0, +)
    return zip(m, positive).map { mi, p in mi * (1 / z - (p ? 1 / a : 0)) }
  }

  /// Lemma 6, eq. (51): for y_i ∈ Y⁻, ∂L/∂s_i = p_i^weighted (nil for positives).
  public static func weightedGradientEq51(
    scores s: [Double], weights w: [Double], positive: [Bool]
  ) -> [Double?] {
    let (pw, _) = weightedProbabilities(scores: s, weights: w, positive: positive)
    return zip(pw, positive).map { $1 ? nil : $0 }
  }

  /// The derived form for eq. (8): ∂ℒ/∂r_θ(y_i) = β(p_i^weighted − p_i^pos) with scores β r
  /// and weights e^{α_w ΔW_abs}.
  public static func wmpoAbsRewardGradient(
    rewards r: [Double], beta: Double, weights w: [Double], positive: [Bool]
  ) -> [Double] {
    weightedGradient(scores: r.map { beta * $0 }, weights: w, positive: positive).map { beta * $0 }
  }

  /// Lemma 7, eq. (53): with u_i = w_i/P_ref(y_i), U = Σ_j u_j P_θ(y_j), V = Σ_{Y⁺} u_i P_θ(y_i),
  /// ∂L/∂P_θ(y_i) = u_i(1/U − 1/V) on Y⁺ and u_i/U off it.
  public static func probGradient(
    policy p: [Double], reference q: [Double], weights w: [Double], positive: [Bool]
  ) -> [Double] {
    let u = zip(w, q).map { $0 / $1 }
    let uu = zip(u, p).map { $0 * $1 }.reduce(0, +)
    let vv = zip(zip(u, p), positive).filter { $0.1 }.map { $0.0.0 * $0.0.1 }.reduce(0, +)
    return zip(u, positive).map { ui, pos in pos ? ui * (1 / uu - 1 / vv) : ui / uu }
  }
}
