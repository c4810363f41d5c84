// The score functions of PRO (002_74b446355a07bf4a.txt) Theorem 3.1 and §3.2 (claims/pro.md
// §1.3–1.4, M1; PRO-formulas.md §2–3), on a code path of their own (Objectives' ScoreFunction
// is the library's):
//   s(y) = Σ_{y'} µ(y') p(y≻y') − ½,  ŝ(y) = Σ_{y'∈L} µ̂(y') p̂(y≻y') − ½  (pairwise),
//   ŝ(y) = b̂(y) − E_µ̂[b̂]  (centred pointwise),  ŝ(y) = mean of labels in {±½} (uncentred).
// Goals: 1) the catalog's formulas as written; 2) the T-round ingredients with the value.

/// Closed forms of PRO's score functions.
///
/// Provenance: s reconstructed (S3 LaTeX), E_µ[s] = 0 and −½ ≤ s ≤ ½ verbatim (S2); pairwise
/// ŝ reconstructed ("fairly certain"), pointwise ŝ reconstructed ("uncertain").
public enum PRODecScore {
  /// s(y) = Σ_{y'} µ(y') p(y≻y') − ½ for every y, with S_y = Σ_{y'} µ(y') p(y≻y') + ½ (the
  /// sum of the absolute values of the terms, for T-round). Pass µ̂, p̂ for pairwise ŝ.
  public static func score(mu: [Double], preference p: [[Double]]) -> (s: [Double], termSum: [Double]) {
    var s = [Double](repeating: 0, count: mu.count)
    var t = [Double](repeating: 0, count: mu.count)
    for y in mu.indices {
      var e = 0.0
      for y2 in mu.indices { e += mu[y2] * p[y][y2] }
      s[y] = e - 0.5
      t[y] = abs(e) + 0.5
    }
    return (s, t)
  }

  /// The centred pointwise score b̂(y) − Σ_{y'} µ̂(y') b̂(y') (zero off supp µ̂).
  public static func centredPointwise(means b: [Double], muHat: [Double]) -> [Double] {
    var m = 0.0
    for y in b.indices { m += muHat[y] * b[y] }
    return b.indices.map { muHat[$0] > 0 ? b[$0] - m : 0 }
  }

  /// E_µ[f] = Σ_y µ(y) f(y) with S = Σ_y |µ(y) f(y)|.
  public static func mean(_ f: [Double], weights mu: [Double]) -> (value: Double, termSum: Double) {
    var v = 0.0
    var s = 0.0
    for y in f.indices {
      v += mu[y] * f[y]
      s += abs(mu[y] * f[y])
    }
    return (v, s)
  }
}
