// PIPA-M at token/step level (PIPA, 004_fe2e5eb1635a4348.txt, §2.5, Algorithm 1 and §2.6):
//   F_t = f_t·g_t/p^prior_t,
//   L(x, y, c) = −Σ_{t:c_t=1} log F_t − Σ_{t:c_t=0} log(1 − clip(F_t, 0, 1 − ε)),
// i.e. −log Π_t p^θ(c_t|x, y≤t) under §2.5's factorisation p(c|x, y) = Π_t p(c_t|x, y≤t),
// with the §2.6 clip on negative tokens (ε = 10⁻¹⁰). Each term is ``PIPAM``'s answer-level
// loss of that token, so T = 1 is the answer-level objective.
//
// Implementation goals, in order: 1) Algorithm 1 exactly; 2) finite value and gradient for
// every valid input (per-token stable forms of ``PIPAM``); 3) simplicity.
import StableMath

/// PIPA-M with token labels, PIPA Algorithm 1 with the §2.6 clip.
///
/// The gradient is taken with respect to logF[t], logitG[t], logPrior[t] of
/// ``PIPATokenInput``.
public struct PIPAMTokenLevel: Objective {
  /// ε of the §2.6 clip; the paper uses 10⁻¹⁰. Must lie in (0, 1).
  public var epsilon: Double

  public init(epsilon: Double = 1e-10) { self.epsilon = epsilon }

  public var name: String { "PIPA-M (token level)" }

  /// log F_t for every token.
  public static func logRatios(_ x: PIPATokenInput) -> [Double] {
    x.labels.indices.map { PIPAM.logRatio(x.token($0)) }
  }

  /// The per-token terms −log p^θ(c_t|x, y≤t), whose sum is the loss.
  public func tokenLosses(_ x: PIPATokenInput) throws -> [Double] {
    try check(x)
    let clip = PIPAM.Clip(epsilon: epsilon)
    return x.labels.indices.map {
      PIPAM.tokenLoss(logRatio: PIPAM.logRatio(x.token($0)), label: x.labels[$0], clip: clip)
    }
  }

  private func check(_ x: PIPATokenInput) throws {
    try Validate.inOpenInterval(epsilon, 0, 1, "epsilon")
    try x.validate()
  }

  public func loss(_ x: PIPATokenInput) throws -> Double {
    try tokenLosses(x).reduce(0, +)
  }

  /// Per token t: ∂L/∂(logF[t], logitG[t], logPrior[t]) = s_t·(1, σ(−logitG[t]), −1), with
  /// s_t = ``PIPAM/tokenSlope(logRatio:label:clip:)``.
  public func gradient(_ x: PIPATokenInput) throws -> [Double] {
    try check(x)
    let t = x.count
    var g = [Double](repeating: 0, count: 3 * t)
    let clip = PIPAM.Clip(epsilon: epsilon)
    for i in 0..<t {
      let s = PIPAM.tokenSlope(logRatio: PIPAM.logRatio(x.token(i)), label: x.labels[i], clip: clip)
      g[i] = s
      g[t + i] = s * sigmoid(-x.logitG[i])
      g[2 * t + i] = -s
    }
    return g
  }
}
