// Step-DPO L₀ of PIPA Appendix B (PIPA, 004_fe2e5eb1635a4348.txt, "Step-DPO"): the positive
// steps of y⁻ are removed from the DPO margin,
//   L₀ = −log σ( Σ_t r_t(x, y⁺) − Σ_{t:c⁻_t=0} r_t(x, y⁻) ),
//   r_t(x, y) = log p^θ(y_t|x, y<t, c_t=1) − log p^prior(y_t|x, y<t).
// As printed there is no temperature (β = 1); §3.1 trains DPO-type losses with β = 0.1, so β
// multiplies every r_t (β = 1 is the printed loss).
//
// Implementation goals, in order: 1) the printed L₀; 2) finite value and gradient for every
// valid input (softplus(−u), slope −σ(−u)); 3) simplicity.
import StableMath

/// Step-DPO L₀ (PIPA App. B): DPO with the positive steps of the rejected answer masked out.
///
/// The gradient is taken with respect to the four token log-probability arrays of
/// ``StepPairInput``; it is 0 for the tokens of y⁻ with c⁻_t = 1.
public struct StepDPOL0: Objective {
  /// β > 0 multiplying every r_t; β = 1 is the printed loss.
  public var beta: Double

  public init(beta: Double = 1) { self.beta = beta }

  public var name: String { "Step-DPO L0" }

  /// u₀ = β(Σ_t r_t(y⁺) − Σ_{t:c⁻_t=0} r_t(y⁻)).
  public func margin(_ x: StepPairInput) -> Double {
    beta * PIPASum.sum(x.rewardTermsChosen + x.rewardTerms(label: 0).map { -$0 })
  }

  public func loss(_ x: StepPairInput) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    return softplus(-margin(x))
  }

  /// With w = βσ(−u₀): −w on logProbsChosen, +w on refLogProbsChosen; on y⁻ tokens with
  /// c⁻_t = 0, +w on logProbsRejected and −w on refLogProbsRejected; 0 where c⁻_t = 1.
  public func gradient(_ x: StepPairInput) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let w = beta * sigmoid(-margin(x))
    return StepDPOGradient.layout(x, weight: w, rejectedMask: x.labelsRejected.map { $0 == 0 })
  }
}

/// The common shape of every Step-DPO gradient: −w on each chosen policy log-prob, +w on its
/// reference, and for the rejected tokens in `rejectedMask`, +w on the policy and −w on the
/// reference log-prob; 0 elsewhere. Order as ``StepPairInput/variableNames``.
enum StepDPOGradient {
  static func layout(_ x: StepPairInput, weight w: Double, rejectedMask: [Bool]) -> [Double] {
    let a = x.logProbsChosen.count
    let b = x.logProbsRejected.count
    var g = [Double](repeating: 0, count: 2 * (a + b))
    for t in 0..<a {
      g[t] = -w
      g[a + b + t] = w
    }
    for t in 0..<b where rejectedMask[t] {
      g[a + t] = w
      g[2 * a + b + t] = -w
    }
    return g
  }
}
