import StableMath

// PIPA-N (PIPA, 004_fe2e5eb1635a4348.txt, §2.4, eq. (5), and Algorithm 1, PIPA-N line 3) at
// answer level: the prior is put on the negative conditional, p^θ(y|x, c=0) = p^prior(y|x), and
// Bayes' rule gives
//   p^θ(c=1|x, y) = τ( f·g / (p^prior·(1 − g)) ),  τ(x) = x/(x + 1),
//   p^θ(c=0|x, y) = 1 − p^θ(c=1|x, y);
// the loss is the negative conditional log-likelihood (Algorithm 1, line 4, with this F):
//   ℓ = −c·log F − (1 − c)·log(1 − F).
// With g = σ(logitG), τ(e^u) = σ(u) for u = log f − log p^prior + logitG, so
//   ℓ = softplus(−u) for c = 1 and softplus(u) for c = 0.
//
// Implementation goals, in order: 1) §2.4 / Algorithm 1 exactly; 2) finite value and gradient
// for every valid input (the τ-quotient and 1 − τ are never formed: log τ(e^u) = logσ(u),
// log(1 − τ(e^u)) = logσ(−u)); 3) simplicity. The literal τ is exposed as `tau` for checks.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// PIPA-N at answer level, PIPA §2.4 and Algorithm 1 (T = 1).
///
/// The gradient is taken with respect to (logF, logitG, logPrior) of ``PIPAAnswerInput``.
public struct PIPAN: Objective {
  public init() {}

  public var name: String { "PIPA-N" }

  /// τ(x) = x/(x + 1), evaluated literally as printed (§2.4).
  public static func tau(_ x: Double) -> Double { x / (x + 1) }

  /// The posterior logit u = log[f·g/(p^prior(1 − g))] from logs, for any g ∈ [0, 1]
  /// (`logG` = log g, `logOneMinusG` = log(1 − g)); p^θ(c=1|x, y) = σ(u) = τ(e^u).
  public static func posteriorLogit(
    logF: Double, logG: Double, logOneMinusG: Double, logPrior: Double
  ) -> Double {
    PIPASum.sum([logF, logG, -logPrior, -logOneMinusG])
  }

  /// u = log f − log p^prior + logitG (since logσ(w) − logσ(−w) = w).
  public static func posteriorLogit(_ x: PIPAAnswerInput) -> Double {
    PIPASum.sum([x.logF, -x.logPrior, x.logitG])
  }

  /// log p^θ(c|x, y) for the given label from the posterior logit u: logσ(u) or logσ(−u).
  public static func logPosterior(logit u: Double, label: Int) -> Double {
    label == 1 ? logSigmoid(u) : logSigmoid(-u)
  }

  /// Per-token loss −log p^θ(c|x, y) from the logit, and its slope d/du.
  public static func tokenLoss(logit u: Double, label: Int) -> Double {
    label == 1 ? softplus(-u) : softplus(u)
  }

  /// dℓ/du: −σ(−u) for c = 1, σ(u) for c = 0.
  public static func tokenSlope(logit u: Double, label: Int) -> Double {
    label == 1 ? -sigmoid(-u) : sigmoid(u)
  }

  /// log p^θ(c|x, y), the negative of the loss.
  public func logPosterior(_ x: PIPAAnswerInput) throws -> Double { -(try loss(x)) }

  public func loss(_ x: PIPAAnswerInput) throws -> Double {
    try x.validate()
    return Self.tokenLoss(logit: Self.posteriorLogit(x), label: x.label)
  }

  /// ∂ℓ/∂(logF, logitG, logPrior) = s·(1, 1, −1), s = −σ(−u) (c = 1) or σ(u) (c = 0).
  public func gradient(_ x: PIPAAnswerInput) throws -> [Double] {
    try x.validate()
    let s = Self.tokenSlope(logit: Self.posteriorLogit(x), label: x.label)
    return [s, s, -s]
  }
}
