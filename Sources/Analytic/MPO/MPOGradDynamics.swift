// The update rules of MPO's App. H.2 (001_0ef3930bdbd6a134.txt, Lemma 8 eq. 58, Corollary 2
// eq. 76, Corollary 3 eq. 81, Lemma 9 eqs. 82–87) as closed forms of the claims
// (../shared/claims/mpo.md §4). They describe gradient descent s ← s − η∇_s L_weighted in the
// free-score model.

/// Lemma 8, Corollaries 2–3 and Lemma 9 of App. H.2.
public enum MPOGradDynamics {
  /// Lemma 8, eq. (58): the increment N⁻w⁻ / (N⁺(N⁺w⁺ + N⁻w⁻)) of each positive score per
  /// unit learning rate, when all K = N⁺ + N⁻ scores are equal.
  public static func lemma8Increment(nPos: Int, nNeg: Int, wPos: Double, wNeg: Double) -> Double {
    let np = Double(nPos)
    let nm = Double(nNeg)
    return nm * wNeg / (np * (np * wPos + nm * wNeg))
  }

  /// Lemma 8, eq. (58): s^{(t+1)} = s^{(t)} + η·increment.
  public static func lemma8Step(
    score s: Double, eta: Double, nPos: Int, nNeg: Int, wPos: Double, wNeg: Double
  ) -> Double {
    s + eta * lemma8Increment(nPos: nPos, nNeg: nNeg, wPos: wPos, wNeg: wNeg)
  }

  /// Corollary 2, eq. (76): s^{(t)} = tη·N⁻w⁻ / (N⁺(N⁺w⁺ + N⁻w⁻)) from s^{(0)} = 0.
  public static func corollary2Score(
    step t: Int, eta: Double, nPos: Int, nNeg: Int, wPos: Double, wNeg: Double
  ) -> Double {
    Double(t) * eta * lemma8Increment(nPos: nPos, nNeg: nNeg, wPos: wPos, wNeg: wNeg)
  }

  /// Corollary 3, eq. (81): s^{(t)} = ηt/2 (N⁺ = N⁻ = 1, w⁺ = w⁻ = 1).
  public static func corollary3Score(step t: Int, eta: Double) -> Double { eta * Double(t) / 2 }

  /// Lemma 9, eq. (85): ∂L/∂s_i^{(0)} = −w_i⁺ B₀/(A₀Z₀), A₀ = Σ w⁺, B₀ = Σ w⁻, Z₀ = A₀ + B₀.
  public static func lemma9InitialGradient(weight wi: Double, positiveWeights wp: [Double],
    negativeWeights wm: [Double]) -> Double
  {
    let a0 = wp.reduce(0, +)
    let b0 = wm.reduce(0, +)
    return -wi * b0 / (a0 * (a0 + b0))
  }

  /// Lemma 9, eq. (82)/(87): s_i^{(t)} = tη w_i⁺ B₀/(A₀Z₀).
  public static func lemma9Score(step t: Int, eta: Double, weight wi: Double,
    positiveWeights wp: [Double], negativeWeights wm: [Double]) -> Double
  {
    -Double(t) * eta * lemma9InitialGradient(weight: wi, positiveWeights: wp, negativeWeights: wm)
  }
}
