// The constant C of PRO (002_74b446355a07bf4a.txt) Corollary 3.3 (claims/pro.md
// `pro.cor33-ratio-ordering`; PRO-formulas.md §3, proof App. B.2 eqs. (20)–(22)):
//   C = e^{t₀/β},  t₀ the root of E_{y'∼µ}[σ(t − r*(y'))] = ½.
// Goals: 1) the root as the entry prescribes (Brent on [min r* − 40, max r* + 40], absolute
// tolerance 4ε·max(1, max|r*|), ≤ 100 iterations); 2) an honest error (Brent's final bracket).
import Numerics

/// t₀ and log C of Corollary 3.3.
///
/// Provenance: reconstructed (C = e^{t₀/β} from the proof of Corollary 3.3, PRO-formulas.md §3).
public enum PRODecCorollary33Constant {
  /// E_{y'∼µ}[σ(t − r(y'))] − ½ (increasing in t).
  public static func equation(_ t: Double, rewards r: [Double], mu: [Double]) -> Double {
    var e = 0.0
    for y in r.indices where mu[y] > 0 { e += mu[y] * sigmoid(t - r[y]) }
    return e - 0.5
  }

  /// t₀ with its error (the larger distance to Brent's final bracket).
  public static func t0(rewards r: [Double], mu: [Double]) throws -> Estimate {
    let lo = (r.min() ?? 0) - 40
    let hi = (r.max() ?? 0) + 40
    let scale = max(1, r.map { abs($0) }.max() ?? 0)
    return try Roots.brent(
      { equation($0, rewards: r, mu: mu) }, in: lo...hi,
      absoluteTolerance: 4 * Double.ulpOfOne * scale, relativeTolerance: 0, maxIterations: 100)
  }

  /// log C = t₀/β with its error.
  public static func logC(rewards r: [Double], mu: [Double], beta: Double) throws -> Estimate {
    let t = try t0(rewards: r, mu: mu)
    return Estimate(value: t.value / beta, error: t.error / beta)
  }
}
