// The explicit right-hand side of App. E Theorem 3, eq. (17) (001_0ef3930bdbd6a134.txt):
// TV(p_learn, p_true) ≤ (√L0·C1·R/m0)·√((k + log(1/δ))/n), and the constant it implies for
// an observed error. Computable constants (claims/mpo.md mpo.thm3.eq17-explicit): R = max‖φ‖,
// m0 = λ_min ∇²A(θ⋆), L0 = R² (Remark 2), C1 = 4 (McDiarmid, see mpo.lemma2.concentration).
#if canImport(Glibc)
  import Glibc
#endif

/// Eq. (17) and Lemma 2's bound.
public enum MPOTVTheorem3Bound {
  /// The McDiarmid constant admissible in Lemma 2's concentration step.
  public static let mcDiarmidC1 = 4.0

  /// (√L0·C1·R/m0)·√((k + log(1/δ))/n).
  public static func rhs(l0: Double, c1: Double, r: Double, m0: Double, k: Int, n: Int, delta: Double) -> Double {
    precondition(l0 >= 0 && c1 > 0 && r > 0 && m0 > 0 && k >= 1 && n >= 1 && delta > 0 && delta < 1,
      "eq. (17) needs L0 ≥ 0, C1, R, m0 > 0, k, n ≥ 1, δ ∈ (0, 1)")
    return l0.squareRoot() * c1 * r / m0 * ((Double(k) + log(1 / delta)) / Double(n)).squareRoot()
  }

  /// The C1 at which eq. (17) holds with equality for an error `tv`.
  public static func impliedC1(tv: Double, l0: Double, r: Double, m0: Double, k: Int, n: Int, delta: Double) -> Double {
    tv / rhs(l0: l0, c1: 1, r: r, m0: m0, k: k, n: n, delta: delta)
  }
}
