// KTO as printed in PIPA Appendix B (PIPA, 004_fe2e5eb1635a4348.txt, "Step-KTO", "The
// original KTO loss is"):
//   L_KTO(x, y, c) = c_T·σ(Σ_t r_t − z₀) + (1 − c_T)·σ(−Σ_t r_t + z₀),
// implemented EXACTLY as printed: note that, unlike Algorithm 2 (L = −c·σ(…) − (1 − c)·σ(…))
// and the printed Step-KTO (which carries a leading minus), this "loss" has no minus sign, so
// minimising it would push the policy the wrong way; it is the integrand of eq. (10), which is
// maximised. ``StepKTO`` with one step equals −L_KTO. β multiplies (Σ r_t − z₀); β = 1 is the
// printed form.
//
// Implementation goals, in order: 1) the printed formula; 2) finite value and gradient for
// every valid input; 3) simplicity.
import StableMath

/// L_KTO as printed in PIPA App. B (no leading minus), on token log-probabilities.
///
/// The gradient is taken with respect to logProbs, refLogProbs and z0 of ``StepKTOInput``.
/// Only c_T (the last label) enters; step starts are ignored.
public struct KTOAppendixBForm: Objective {
  /// β > 0; β = 1 is the printed form.
  public var beta: Double

  public init(beta: Double = 1) { self.beta = beta }

  public var name: String { "KTO (PIPA App. B, as printed)" }

  /// v = β(Σ_t r_t − z₀).
  public func argument(_ x: StepKTOInput) -> Double {
    beta * PIPASum.sum(x.rewardTerms(0..<x.logProbs.count) + [-x.z0])
  }

  public func loss(_ x: StepKTOInput) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    let v = argument(x)
    return x.labels[x.labels.count - 1] == 1 ? sigmoid(v) : sigmoid(-v)
  }

  /// With d = σ'(v) (c_T = 1) or −σ'(v) (c_T = 0): ∂/∂logProbs[t] = βd,
  /// ∂/∂refLogProbs[t] = −βd, ∂/∂z0 = −βd.
  public func gradient(_ x: StepKTOInput) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let v = argument(x)
    let sp = sigmoid(v) * sigmoid(-v)
    let d = x.labels[x.labels.count - 1] == 1 ? sp : -sp
    let n = x.logProbs.count
    return [Double](repeating: beta * d, count: n) + [Double](repeating: -beta * d, count: n)
      + [-beta * d]
  }
}
