// The hyper-response lift of PRO (002_74b446355a07bf4a.txt) App. B.3 (claims/pro.md §1.6;
// PRO-formulas.md §6): given π_ℋ on 𝒴_ℋ = (𝒴 \ ℋ) ∪ {ℋ}, the policy on 𝒴
//   π(y) = π_ℋ(y) (y ∉ ℋ),  π(y) = π_ℋ(ℋ)/π_ref(ℋ) · π_ref(y) (y ∈ ℋ).
// Goals: 1) the change of variables as written, in log space (log π_ref(ℋ) by logSumExp);
// 2) simplicity.
import Numerics

/// The lift of App. B.3.
///
/// Provenance: reconstructed (the B.3 chain, PRO-formulas.md §6).
public enum PRODecHyperLift {
  /// log π on 𝒴 from log π_ℋ on 𝒴_ℋ (elements: 𝒴 \ ℋ in increasing index order, then ℋ),
  /// the reference log-probabilities on 𝒴, and ℋ's member indices.
  public static func lift(hyperLogProbs uH: [Double], refLogProbs v: [Double], hyper: [Int]) -> [Double] {
    let h = Set(hyper)
    let outside = v.indices.filter { !h.contains($0) }
    precondition(uH.count == outside.count + 1, "π_ℋ must have |𝒴 \\ ℋ| + 1 entries")
    let logRefH = logSumExp(hyper.map { v[$0] })
    let logRatio = uH[outside.count] - logRefH
    var out = [Double](repeating: 0, count: v.count)
    for (k, y) in outside.enumerated() { out[y] = uH[k] }
    for y in hyper { out[y] = logRatio + v[y] }
    return out
  }
}
