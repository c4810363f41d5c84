import StableMath

// PIPA-M (PIPA, 004_fe2e5eb1635a4348.txt, §2.2, Theorem 2.1, Algorithm 1 and §2.6) at answer
// level: the prior is put on the marginal, p^θ(y|x) = p^prior(y|x), and the model's posterior
// of the label is F = f·g/p^prior (Algorithm 1, line 3). The loss is Algorithm 1, line 4,
// for one token/answer:
//   ℓ = −log F                          if c = 1   (F unclipped, as printed in Algorithm 1),
//   ℓ = −log(1 − clip(F, 0, 1 − ε))     if c = 0   (§2.6: "For the negative samples in
//                                                   PIPA-M, we apply a clipping function to
//                                                   constrain f g / p^prior within [0, 1 − ε],
//                                                   where ε = 10⁻¹⁰").
// The Theorem 2.1 form (g = min(g₀, p^prior/f), so F = min(F₀, 1), no ε) is exposed as
// `theoremLoss` / `theoremLogJoint` for the claim checks; it is +∞ for c = 0 once F₀ ≥ 1.
//
// Implementation goals, in order: 1) Algorithm 1 with the §2.6 clip exactly; 2) finite value
// and gradient for every valid input (log F = log f + logσ(logitG) − log p^prior is formed
// in log space; −log(1 − F) = −log1mExp(log F); its slope F/(1 − F) = 1/expm1(−log F));
// 3) simplicity.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// PIPA-M at answer level, PIPA Algorithm 1 (T = 1) with the §2.6 clip on negatives.
///
/// The gradient is taken with respect to (logF, logitG, logPrior) of ``PIPAAnswerInput``;
/// where the clip is active (c = 0 and F ≥ 1 − ε) the loss is constant and the gradient 0.
public struct PIPAM: Objective {
  /// ε of the §2.6 clip [0, 1 − ε]; the paper uses 10⁻¹⁰. Must lie in (0, 1).
  public var epsilon: Double

  public init(epsilon: Double = 1e-10) { self.epsilon = epsilon }

  public var name: String { "PIPA-M" }

  /// log F = log f + log g − log p^prior, the log of Algorithm 1's F^θ = f·g/p^prior.
  public static func logRatio(_ x: PIPAAnswerInput) -> Double {
    PIPASum.sum([x.logF, logSigmoid(x.logitG), -x.logPrior])
  }

  /// log(1 − ε) in float64 as the clip threshold on log F: F ≥ fl(1 − ε) ⇔ log F ≥ this
  /// (to within the one rounding of log1p).
  public static func clipThreshold(epsilon: Double) -> Double { log1p(-epsilon) }

  /// The clipped value B = −log1p(−fl(1 − ε)): the negative term wherever F ≥ 1 − ε.
  public static func clippedValue(epsilon: Double) -> Double { -log1p(-(1 - epsilon)) }

  /// The §2.6 clip's two constants for one ε, formed once (a search evaluates the per-token
  /// loss millions of times at one ε; forming log1p(−ε) per call was a third of the work).
  public struct Clip: Sendable, Hashable {
    /// ε of the clip [0, 1 − ε].
    public let epsilon: Double
    /// ``PIPAM/clipThreshold(epsilon:)``.
    public let threshold: Double
    /// ``PIPAM/clippedValue(epsilon:)``.
    public let clippedValue: Double

    public init(epsilon: Double) {
      self.epsilon = epsilon
      threshold = PIPAM.clipThreshold(epsilon: epsilon)
      clippedValue = PIPAM.clippedValue(epsilon: epsilon)
    }
  }

  /// The negative-token term −log(1 − clip(F, 0, 1 − ε)) from log F (§2.6), stable for
  /// every log F ∈ [−∞, ∞): −log1mExp(log F) below the clip, B at and above it.
  public static func clippedNegativeTerm(logRatio l: Double, clip: Clip) -> Double {
    if l >= clip.threshold { return clip.clippedValue }
    return -log1mExp(l)
  }

  /// ``clippedNegativeTerm(logRatio:clip:)`` at ε.
  public static func clippedNegativeTerm(logRatio l: Double, epsilon: Double) -> Double {
    clippedNegativeTerm(logRatio: l, clip: Clip(epsilon: epsilon))
  }

  /// The same term from F itself, evaluated literally as printed:
  /// −log1p(−min(max(F, 0), 1 − ε)). F may exceed 1 (it is not a probability).
  public static func clippedNegativeTerm(ratio F: Double, epsilon: Double) -> Double {
    -log1p(-min(max(F, 0), 1 - epsilon))
  }

  /// d/d(log F) of ``clippedNegativeTerm(logRatio:clip:)``: F/(1 − F) = 1/expm1(−log F)
  /// below the clip, 0 where the clamp is active.
  public static func clippedNegativeSlope(logRatio l: Double, clip: Clip) -> Double {
    if l >= clip.threshold { return 0 }
    return 1 / expm1(-l)
  }

  /// ``clippedNegativeSlope(logRatio:clip:)`` at ε.
  public static func clippedNegativeSlope(logRatio l: Double, epsilon: Double) -> Double {
    clippedNegativeSlope(logRatio: l, clip: Clip(epsilon: epsilon))
  }

  /// Algorithm 1's per-token loss as a function of log F and the label (§2.6 clip on c = 0).
  public static func tokenLoss(logRatio l: Double, label: Int, clip: Clip) -> Double {
    label == 1 ? -l : clippedNegativeTerm(logRatio: l, clip: clip)
  }

  /// ``tokenLoss(logRatio:label:clip:)`` at ε.
  public static func tokenLoss(logRatio l: Double, label: Int, epsilon: Double) -> Double {
    tokenLoss(logRatio: l, label: label, clip: Clip(epsilon: epsilon))
  }

  /// d/d(log F) of ``tokenLoss(logRatio:label:clip:)``.
  public static func tokenSlope(logRatio l: Double, label: Int, clip: Clip) -> Double {
    label == 1 ? -1 : clippedNegativeSlope(logRatio: l, clip: clip)
  }

  /// ``tokenSlope(logRatio:label:clip:)`` at ε.
  public static func tokenSlope(logRatio l: Double, label: Int, epsilon: Double) -> Double {
    tokenSlope(logRatio: l, label: label, clip: Clip(epsilon: epsilon))
  }

  /// Theorem 2.1 form: F_T = min(F₀, 1) with F₀ = f·g₀/p^prior (the clip
  /// g = min(g₀, p^prior/f)); −log F_T for c = 1 and −log(1 − F_T) for c = 0, which is +∞
  /// when F_T = 1. No ε. Input: log F₀ (may be > 0).
  public static func theoremLoss(logRatio l0: Double, label: Int) -> Double {
    let l = min(l0, 0)
    return label == 1 ? -l : -log1mExp(l)
  }

  /// Theorem 2.1's joint in the log form the loss uses, eq. (3) with g = min(g₀, p^prior/f):
  /// log p^θ(y, 1|x) = log f + log g; log p^θ(y, 0|x) = log p^prior + log(1 − F), F = f·g/p^prior
  /// (−∞ where the clip makes F = 1). `logG0` = log g₀ ∈ [−∞, 0].
  public static func theoremLogJoint(logF: Double, logG0: Double, logPrior: Double, label: Int)
    -> Double
  {
    let logG = min(logG0, logPrior - logF)
    if label == 1 { return logF + logG }
    return logPrior + log1mExp(min(logF + logG - logPrior, 0))
  }

  /// log p^θ(c|x, y) under Algorithm 1 with the §2.6 clip: −``tokenLoss``.
  public func logPosterior(_ x: PIPAAnswerInput) throws -> Double { -(try loss(x)) }

  private func check(_ x: PIPAAnswerInput) throws {
    try Validate.inOpenInterval(epsilon, 0, 1, "epsilon")
    try x.validate()
  }

  public func loss(_ x: PIPAAnswerInput) throws -> Double {
    try check(x)
    return Self.tokenLoss(logRatio: Self.logRatio(x), label: x.label, epsilon: epsilon)
  }

  /// ∂ℓ/∂(logF, logitG, logPrior) = s·(1, σ(−logitG), −1) with s = dℓ/d log F:
  /// s = −1 for c = 1; s = F/(1 − F) below the clip and 0 at or above it for c = 0.
  public func gradient(_ x: PIPAAnswerInput) throws -> [Double] {
    try check(x)
    let s = Self.tokenSlope(logRatio: Self.logRatio(x), label: x.label, epsilon: epsilon)
    return [s, s * sigmoid(-x.logitG), -s]
  }
}
