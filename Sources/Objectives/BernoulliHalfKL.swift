// K(δ) = D_KL(B(½) ‖ B(σ(δ))), the Bernoulli divergence inside every PRO regularizer
// (PRO-formulas.md §0; claims/pro.md N6).
// Implementation goals, in order: 1) the definition −log 2 − ½log σ(δ) − ½log σ(−δ)
// exactly; 2) full relative accuracy near δ = 0 (where the definition cancels) and no
// overflow for any finite δ; 3) one branch point (|δ| = 1) fixed for every implementation.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The divergence K(δ) = D_KL(B(½) ‖ B(σ(δ))) = log cosh(δ/2) and its derivative.
///
/// Provenance: the closed form is standard (PRO-formulas.md §0); D_KL(B(½)‖B(0)) = +∞ is
/// [verbatim S2].
public enum BernoulliHalfKL {
  /// See ``Provenance``: PRO-formulas.md §0 states the closed form as standard.
  public static let provenance: Provenance = .verbatim

  /// K(δ) = log cosh(δ/2): log1p(2 sinh²(δ/4)) for |δ| ≤ 1, and
  /// |δ|/2 − log 2 + log1p(e^{−|δ|}) beyond. Even, ≥ 0, zero only at 0; +∞ at δ = ±∞.
  public static func value(_ delta: Double) -> Double {
    let a = abs(delta)
    if a <= 1 {
      let s = sinh(delta / 4)
      return log1p(2 * s * s)
    }
    if a.isInfinite { return .infinity }
    return a / 2 - ln2 + log1p(exp(-a))
  }

  /// K′(δ) = σ(δ) − ½, in (−½, ½); written ½·tanh(δ/2) so that it keeps full relative
  /// accuracy near 0 (σ(δ) − ½ would cancel).
  public static func derivative(_ delta: Double) -> Double {
    0.5 * tanh(delta / 2)
  }
}
