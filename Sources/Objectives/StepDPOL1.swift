// Step-DPO L₁ of PIPA Appendix B (PIPA, 004_fe2e5eb1635a4348.txt, "Step-DPO"): the positive
// steps of y⁻ stay in the margin but under a stop-gradient,
//   L₁ = −log σ( Σ_t r_t(x, y⁺) − Σ_{t:c⁻_t=0} r_t(x, y⁻) − sg( Σ_{t:c⁻_t=1} r_t(x, y⁻) ) ),
// with r_t as in ``StepDPOL0`` and β multiplying every r_t (β = 1 is the printed loss).
//
// Stop-gradient semantics (claim catalog pipa.md, "Stop-gradient semantics"): L₁ is
// L₁(θ; θ̄) with the stopped term evaluated at θ̄. The stopped term is S = Σ_{t:c⁻_t=1} r_t(y⁻),
// i.e. BOTH logProbsRejected[t] and refLogProbsRejected[t] for every t with c⁻_t = 1.
// - `loss` is the value L₁(θ; θ), equal to the un-stopped expression, i.e. the sequence DPO
//   loss L_DPO of the pair;
// - `gradient` is the semi-gradient ∂_θ L₁(θ; θ̄) at θ̄ = θ: 0 on the stopped coordinates,
//   DPO's weight βσ(−u_DPO) on the others;
// - `fullGradient` is the gradient of the un-stopped expression (= ∇L_DPO), nonzero on the
//   stopped coordinates too;
// - `loss(_:stoppedAt:)` evaluates L₁(θ; θ̄) with S taken from a frozen input.
//
// Implementation goals, in order: 1) the printed L₁ and its stop-gradient; 2) finite value
// and gradient for every valid input; 3) simplicity.
import StableMath

/// Step-DPO L₁ (PIPA App. B), the loss the paper's Step-DPO experiments adopt.
///
/// `gradient` is the stop-gradient (semi-)gradient with respect to the four token
/// log-probability arrays of ``StepPairInput``; `fullGradient` is the gradient of the value.
public struct StepDPOL1: Objective {
  /// β > 0 multiplying every r_t; β = 1 is the printed loss.
  public var beta: Double

  public init(beta: Double = 1) { self.beta = beta }

  public var name: String { "Step-DPO L1" }

  /// u = β(Σ_t r_t(y⁺) − Σ_{t:c⁻_t=0} r_t(y⁻) − S), S the stopped sum (here at θ̄ = θ).
  public func margin(_ x: StepPairInput) -> Double {
    beta
      * PIPASum.sum(
        x.rewardTermsChosen + x.rewardTerms(label: 0).map { -$0 }
          + x.rewardTerms(label: 1).map { -$0 })
  }

  private func check(_ x: StepPairInput) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
  }

  /// The value L₁(θ; θ) = −log σ(u), equal to L_DPO of ``StepPairInput/sequencePair()``.
  public func loss(_ x: StepPairInput) throws -> Double {
    try check(x)
    return softplus(-margin(x))
  }

  /// L₁(θ; θ̄): the stopped sum S = Σ_{t:c⁻_t=1} r_t(y⁻) is taken from `frozen` (θ̄), the rest
  /// from `x` (θ). `frozen` must have the same shape and labels as `x`.
  public func loss(_ x: StepPairInput, stoppedAt frozen: StepPairInput) throws -> Double {
    try check(x)
    try frozen.validate()
    if frozen.labelsRejected != x.labelsRejected
      || frozen.logProbsChosen.count
        != x.logProbsChosen.count
    {
      throw ObjectiveError(
        field: "frozen", value: "a pair of another shape or labels",
        rule: "must have the shape and labelsRejected of the input")
    }
    let terms =
      x.rewardTermsChosen + x.rewardTerms(label: 0).map { -$0 }
      + frozen.rewardTerms(label: 1).map { -$0 }
    return softplus(-beta * PIPASum.sum(terms))
  }

  /// Semi-gradient ∂_θ L₁(θ; θ̄)|_{θ̄=θ}, w = βσ(−u): −w on logProbsChosen, +w on
  /// refLogProbsChosen; on y⁻ tokens with c⁻_t = 0, +w on logProbsRejected and −w on
  /// refLogProbsRejected; 0 on the stopped tokens (c⁻_t = 1).
  public func gradient(_ x: StepPairInput) throws -> [Double] {
    try check(x)
    let w = beta * sigmoid(-margin(x))
    return StepDPOGradient.layout(x, weight: w, rejectedMask: x.labelsRejected.map { $0 == 0 })
  }

  /// Gradient of the un-stopped expression (L_DPO): as ``gradient(_:)`` but with the
  /// c⁻_t = 1 tokens of y⁻ weighted like the others.
  public func fullGradient(_ x: StepPairInput) throws -> [Double] {
    try check(x)
    let w = beta * sigmoid(-margin(x))
    return StepDPOGradient.layout(
      x, weight: w, rejectedMask: [Bool](repeating: true, count: x.labelsRejected.count))
  }
}
