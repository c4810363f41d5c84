// The score function of PRO (002_74b446355a07bf4a.txt) Theorem 3.1 and its empirical
// pairwise counterpart of §3.2 (PRO-formulas.md §2–3):
//   s(y) = E_{y'∼µ}[p(y≻y')] − ½,   ŝ(y) = E_{y'∼µ̂}[p̂(y≻y')] − ½.

/// The (empirical) score function of PRO Theorem 3.1 / §3.2.
///
/// Provenance: s is [reconstructed: S3 LaTeX] with E_µ[s] = 0 and −½ ≤ s ≤ ½ [verbatim S2];
/// the pairwise ŝ is [reconstructed] ("fairly certain", PRO-formulas.md §3).
public enum ScoreFunction {
  /// s(y) = Σ_{y'} µ(y') p(y≻y') − ½ for every y (pass µ̂, p̂ for the pairwise ŝ).
  /// Inputs are assumed validated (µ a distribution, p an |𝒴|×|𝒴| matrix).
  public static func score(mu: [Double], preference p: [[Double]]) -> [Double] {
    mu.indices.map { y in
      var e = 0.0
      for y2 in mu.indices where mu[y2] > 0 { e += mu[y2] * p[y][y2] }
      return e - 0.5
    }
  }
}
