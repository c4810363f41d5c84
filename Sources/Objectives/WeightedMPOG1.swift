// The "weighted contrastive loss" of 001_0ef3930bdbd6a134.txt App. G.1:
//   L_weighted = −log( Σ_{i∈Y⁺} w_i e^{s_θ(y_i|x)} / Σ_{j=1}^K w_j e^{s_θ(y_j|x)} ),
//   w_i = e^{α δ_i},  δ_i = S_i − S_mean (y_i ∈ Y⁺),  δ_i = S_mean − S_i (y_i ∉ Y⁺),
//   Y⁺ = {y_i | S_i > S_mean},  s_θ = log(P_θ/P_ref)  (no β).
// Evaluated in log space as logSumExp of s_i + α δ_i (log w_i). Implementation goals:
// 1) the printed G.1 form exactly; 2) finite value and gradient for all finite inputs whose
// log-weighted scores are finite; 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// W-MPO's weighted contrastive loss as printed in App. G.1.
///
/// The gradient is taken with respect to `logProbs` and `refLogProbs` of
/// ``ScoredResponseSet`` (the scores fix Y⁺ and the weights and are not differentiated).
public struct WeightedMPOG1: Objective {
  /// α, the deviation scale (unrestricted in G.1).
  public var alpha: Double

  public init(alpha: Double) { self.alpha = alpha }

  public var name: String { "W-MPO (weighted contrastive, App. G.1)" }

  /// δ_i as printed: S_i − S_mean on Y⁺, S_mean − S_i off it.
  public func deviations(_ x: ScoredResponseSet) -> [Double] {
    let p = x.partition
    return zip(x.scores, p.positive).map { s, pos in pos ? s - p.mean : p.mean - s }
  }

  /// w_i = e^{α δ_i}.
  public func weights(_ x: ScoredResponseSet) -> [Double] {
    deviations(x).map { exp(alpha * $0) }
  }

  /// log(w_i e^{s_i}) = s_i + α δ_i and the mask of Y⁺.
  public func logWeightedScores(_ x: ScoredResponseSet) throws -> (
    logits: [Double], positive: [Bool]
  ) {
    try Validate.finite(alpha, "alpha")
    try x.validate()
    let a = zip(x.logRatios, deviations(x)).map { $0 + alpha * $1 }
    for (i, v) in a.enumerated() where !v.isFinite {
      throw ObjectiveError(
        field: "logits[\(i)]", value: "\(v)", rule: "s_θ + α·δ must be finite")
    }
    return (a, x.partition.positive)
  }

  /// log of the ratio inside L_weighted (≤ 0).
  public func logSetProbability(_ x: ScoredResponseSet) throws -> Double {
    let (a, mask) = try logWeightedScores(x)
    return SetContrast.logProbability(a, positive: mask)
  }

  public func loss(_ x: ScoredResponseSet) throws -> Double { -(try logSetProbability(x)) }

  /// ∂L/∂log P_θ(y_i) = p_i^weighted − p_i^pos (Lemma 6, eq. 40), ∂L/∂log P_ref = −(same).
  public func gradient(_ x: ScoredResponseSet) throws -> [Double] {
    let (a, mask) = try logWeightedScores(x)
    let g = SetContrast.logitGradient(a, positive: mask)
    return g + g.map { -$0 }
  }
}
