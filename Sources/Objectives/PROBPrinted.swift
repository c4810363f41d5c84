// PRO-B exactly as printed, PRO (002_74b446355a07bf4a.txt) Appendix D, binary feedback
// (PRO-formulas.md §8, "As printed in S2 [verbatim]"), per sample (x, y, s):
//   ℓ = −β [ s log π_θ(y|x) + α (½log σ(r_θ(x,y) − r_θ(x,ℋ)) + ½log σ(r_θ(x,ℋ) − r_θ(x,y))) ],
//   r_θ(x, ℋ) = β log (1 − π_θ(y|x)) / (1 − π_ref(y|x))   (exact-H)   or 0 (zero-H).
// Here β also multiplies the regularizer; PROBBetaOnOptimizer is the reading with β on the
// optimizer only (PRO-formulas.md §8 argues for it).
// Implementation goals: 1) the printed display exactly; 2) finite value and gradient for all
// finite valid inputs; 3) simplicity.
import StableMath

/// PRO-B with β on both terms, as printed (PRO-formulas.md §8).
///
/// Provenance: [verbatim] — "As printed in S2 [verbatim]" (PRO-formulas.md §8), including
/// r_θ(x, ℋ) [verbatim S2]; α here is the re-denoted coefficient αη(1−η). The gradient is
/// taken with respect to `logProb`, `refLogProb` and `label`.
public struct PROBPrinted: Objective {
  /// β > 0, the DPO temperature (multiplies both terms, as printed).
  public var beta: Double
  /// α > 0, the re-denoted regularizer coefficient αη(1−η).
  public var alpha: Double
  /// Exact r_θ(x, ℋ) from Eq. (6), or 0 as in the paper's experiments.
  public var hyperReward: HyperRewardMode

  public init(beta: Double, alpha: Double, hyperReward: HyperRewardMode = .exact) {
    self.beta = beta
    self.alpha = alpha
    self.hyperReward = hyperReward
  }

  public var name: String { "PRO-B (printed, \(hyperReward.rawValue)-H)" }

  /// The formula's provenance: seen in print (v2 PDF, S2).
  public static let provenance: Provenance = .verbatim

  /// The optimizer −β s log π_θ(y).
  public func optimizerTerm(_ x: PROBinarySample) throws -> Double {
    try check(x)
    return -beta * x.label * x.logProb
  }

  /// The regularizer −βα(½log σ(δ) + ½log σ(−δ)) = βα(K(δ) + log 2), δ = r_θ(x,y) − r_θ(x,ℋ).
  public func regularizerTerm(_ x: PROBinarySample) throws -> Double {
    try check(x)
    let d = try x.hyperGap(beta: beta, mode: hyperReward).delta
    return -beta * alpha * (0.5 * logSigmoid(d) + 0.5 * logSigmoid(-d))
  }

  public func loss(_ x: PROBinarySample) throws -> Double {
    try check(x)
    let d = try x.hyperGap(beta: beta, mode: hyperReward).delta
    return -beta * (x.label * x.logProb + alpha * (0.5 * logSigmoid(d) + 0.5 * logSigmoid(-d)))
  }

  /// ∂ℓ/∂(logProb, refLogProb, label): ∂ℓ/∂δ = βα(σ(δ) − ½), the optimizer adds −βs to
  /// ∂/∂logProb, and ∂ℓ/∂s = −β log π_θ(y).
  public func gradient(_ x: PROBinarySample) throws -> [Double] {
    try check(x)
    let h = try x.hyperGap(beta: beta, mode: hyperReward)
    let gd = beta * alpha * BernoulliHalfKL.derivative(h.delta)
    return [-beta * x.label + gd * h.dLogProb, gd * h.dRefLogProb, -beta * x.logProb]
  }

  private func check(_ x: PROBinarySample) throws {
    try Validate.positive(beta, "beta")
    try Validate.positive(alpha, "alpha")
    try x.validate()
  }
}
