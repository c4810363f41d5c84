// PRO-B with β on the optimizer only, PRO (002_74b446355a07bf4a.txt) Appendix D, binary
// feedback (restored in PRO-formulas.md §8, "Loss [reconstructed]"), per sample (x, y, s):
//   ℓ = −[ β s log π_θ(y|x) + α (½log σ(r_θ(x,y) − r_θ(x,ℋ)) + ½log σ(r_θ(x,ℋ) − r_θ(x,y))) ],
//   r_θ(x, ℋ) = β log (1 − π_θ(y|x)) / (1 − π_ref(y|x))   (exact-H)   or 0 (zero-H).
// This is L̂_PRO with µ̂ = δ_y, ℋ = 𝒴 \ {y}, µ = µ̄, α ↦ αη(1−η), up to a constant.
// PROBPrinted is the printed reading (β on both terms).
// Implementation goals: 1) the display exactly; 2) finite value and gradient for all finite
// valid inputs; 3) simplicity.
import StableMath

/// PRO-B with β on the optimizer only (PRO-formulas.md §8).
///
/// Provenance: [reconstructed] — "Loss [reconstructed]"; "We believe β belongs only to the
/// optimizer term" for three stated reasons (PRO-formulas.md §8). The gradient is taken with
/// respect to `logProb`, `refLogProb` and `label`.
public struct PROBBetaOnOptimizer: Objective {
  /// β > 0, the DPO temperature (optimizer only).
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

  public var name: String { "PRO-B (β on optimizer, \(hyperReward.rawValue)-H)" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §8.
  public static let provenance: Provenance = .reconstructed(
    "Loss [reconstructed]; β placed on the optimizer term only, as argued in §8 (i)–(iii)")

  /// The optimizer −β s log π_θ(y).
  public func optimizerTerm(_ x: PROBinarySample) throws -> Double {
    try check(x)
    return -beta * x.label * x.logProb
  }

  /// The regularizer −α(½log σ(δ) + ½log σ(−δ)) = α(K(δ) + log 2), δ = r_θ(x,y) − r_θ(x,ℋ).
  public func regularizerTerm(_ x: PROBinarySample) throws -> Double {
    try check(x)
    let d = try x.hyperGap(beta: beta, mode: hyperReward).delta
    return -alpha * (0.5 * logSigmoid(d) + 0.5 * logSigmoid(-d))
  }

  public func loss(_ x: PROBinarySample) throws -> Double {
    try check(x)
    let d = try x.hyperGap(beta: beta, mode: hyperReward).delta
    return -(beta * x.label * x.logProb + alpha * (0.5 * logSigmoid(d) + 0.5 * logSigmoid(-d)))
  }

  /// ∂ℓ/∂(logProb, refLogProb, label): ∂ℓ/∂δ = α(σ(δ) − ½), the optimizer adds −βs to
  /// ∂/∂logProb, and ∂ℓ/∂s = −β log π_θ(y).
  public func gradient(_ x: PROBinarySample) throws -> [Double] {
    try check(x)
    let h = try x.hyperGap(beta: beta, mode: hyperReward)
    let gd = alpha * BernoulliHalfKL.derivative(h.delta)
    return [-beta * x.label + gd * h.dLogProb, gd * h.dRefLogProb, -beta * x.logProb]
  }

  private func check(_ x: PROBinarySample) throws {
    try Validate.positive(beta, "beta")
    try Validate.positive(alpha, "alpha")
    try x.validate()
  }
}
