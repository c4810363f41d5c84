// PIPA-N at token/step level (PIPA, 004_fe2e5eb1635a4348.txt, §2.5 and Algorithm 1):
//   F_t = τ( f_t·g_t / (p^prior_t·(1 − g_t)) ),  τ(x) = x/(x + 1),
//   L(x, y, c) = −Σ_{t:c_t=1} log F_t − Σ_{t:c_t=0} log(1 − F_t),
// i.e. −log Π_t p^θ(c_t|x, y≤t). Each term is ``PIPAN``'s answer-level loss of that token.
//
// Implementation goals, in order: 1) Algorithm 1 exactly; 2) finite value and gradient for
// every valid input (log F_t = logσ(u_t), u_t = log f_t − log p^prior_t + logitG[t]);
// 3) simplicity.
import StableMath

/// PIPA-N with token labels, PIPA Algorithm 1.
///
/// The gradient is taken with respect to logF[t], logitG[t], logPrior[t] of
/// ``PIPATokenInput``.
public struct PIPANTokenLevel: Objective {
  public init() {}

  public var name: String { "PIPA-N (token level)" }

  /// The posterior logits u_t, p^θ(c_t=1|x, y≤t) = σ(u_t).
  public static func posteriorLogits(_ x: PIPATokenInput) -> [Double] {
    x.labels.indices.map { PIPAN.posteriorLogit(x.token($0)) }
  }

  /// The per-token terms −log p^θ(c_t|x, y≤t), whose sum is the loss.
  public func tokenLosses(_ x: PIPATokenInput) throws -> [Double] {
    try x.validate()
    return x.labels.indices.map {
      PIPAN.tokenLoss(logit: PIPAN.posteriorLogit(x.token($0)), label: x.labels[$0])
    }
  }

  public func loss(_ x: PIPATokenInput) throws -> Double {
    try tokenLosses(x).reduce(0, +)
  }

  /// Per token t: ∂L/∂(logF[t], logitG[t], logPrior[t]) = s_t·(1, 1, −1), with
  /// s_t = −σ(−u_t) (c_t = 1) or σ(u_t) (c_t = 0).
  public func gradient(_ x: PIPATokenInput) throws -> [Double] {
    try x.validate()
    let t = x.count
    var g = [Double](repeating: 0, count: 3 * t)
    for i in 0..<t {
      let s = PIPAN.tokenSlope(logit: PIPAN.posteriorLogit(x.token(i)), label: x.labels[i])
      g[i] = s
      g[t + i] = s
      g[2 * t + i] = -s
    }
    return g
  }
}
