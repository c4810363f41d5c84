// Closed-form existence thresholds of PRO (002_74b446355a07bf4a.txt App. B.4, proof of
// Theorem 4.2, Eqs. (24)–(25); Corollary B.2 of v2), restored in PRO-formulas.md §5–6 with
// the factor 2 of the α/2 convention (pro.md §1.4):
//   α_{y₀} = −2 µ̂(y₀) ŝ(y₀) / (µ(y₀) µ(𝒴₊)),  𝒴₊ = 𝒴_ℋ \ {y₀}            (boundary slope),
//   α₀ = max_{ŝ(y)<0} −2 µ̂(y) ŝ(y) / (µ(y) min_{y'∈𝒴_ℋ} µ(y'))            (Corollary B.2).
// Goals, in order: 1) the formulas as restored; 2) µ(𝒴₊) summed over 𝒴₊ (1 − µ(y₀) loses
// relative accuracy when µ(y₀) ≈ 1); 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thresholds on α for PRO's existence results, on 𝒴_ℋ (arrays indexed by its elements).
///
/// Provenance: reconstructed (PRO-formulas.md §5 for α₀, §6/B.4 for the L'Hôpital limit).
public enum PROExThresholds {
  /// α_{y₀} = −2µ̂(y₀)ŝ(y₀)/(µ(y₀)µ(𝒴₊)): along π(y₀) = ε → 0 (rest renormalised) the
  /// regularizer's growth beats the optimizer's decrease exactly for α > α_{y₀}. Requires
  /// ŝ(y₀) < 0 (returns 0 otherwise: the optimizer does not descend).
  public static func boundaryThreshold(
    y0: Int, muHat: [Double], scores: [Double], mu: [Double], factor: Double = 2
  ) -> Double {
    guard muHat[y0] * scores[y0] < 0 else { return 0 }
    var plus = 0.0
    for y in mu.indices where y != y0 { plus += mu[y] }
    return -factor * muHat[y0] * scores[y0] / (mu[y0] * plus)
  }

  /// Corollary B.2's α₀ (0 when no ŝ(y) < 0, read as "every α > 0").
  public static func alpha0Threshold(muHat: [Double], scores: [Double], mu: [Double]) -> Double {
    let minMu = mu.min() ?? 0
    var best = 0.0
    for y in mu.indices where muHat[y] * scores[y] < 0 {
      best = max(best, -2 * muHat[y] * scores[y] / (mu[y] * minMu))
    }
    return best
  }
}
