// SimPO with a reference policy, AlphaPO (003_5c1a521bcc07b90e.txt) Appendix A.4, first line:
//   ℓ = −log σ(z),  z = (β/|y_w|) log π_θ(y_w)/π_ref(y_w) − (β/|y_l|) log π_θ(y_l)/π_ref(y_l) − γ.
// The appendix's second line rewrites it as SimPO with the per-pair margin γ′ (exposed as
// ``SimPOWithReference/perPairMargin(_:)``; the equality is a claim, tested, not assumed).
import StableMath

/// SimPO with reference policy, AlphaPO Appendix A.4 (first printed line).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// βσ(−z)·(−1/|y_w|, 1/|y_l|, 1/|y_w|, −1/|y_l|); lengths are not differentiated.
public struct SimPOWithReference: Objective {
  /// β > 0, the reward scale.
  public var beta: Double
  /// γ ≥ 0, the target reward margin.
  public var gamma: Double

  public init(beta: Double, gamma: Double) {
    self.beta = beta
    self.gamma = gamma
  }

  public var name: String { "SimPO w ref" }

  /// z = (β/|y_w|)ρ_w − (β/|y_l|)ρ_l − γ with ρ = log π_θ/π_ref (the first printed line).
  public func margin(_ x: PreferencePair) -> Double {
    beta * (x.logRatioChosen / Double(x.lengthChosen))
      - beta * (x.logRatioRejected / Double(x.lengthRejected)) - gamma
  }

  /// γ′(y_w, y_l, x) = γ + (β/|y_w|) log π_ref(y_w) − (β/|y_l|) log π_ref(y_l), Appendix A.4.
  public func perPairMargin(_ x: PreferencePair) -> Double {
    gamma + beta * (x.refLogProbChosen / Double(x.lengthChosen))
      - beta * (x.refLogProbRejected / Double(x.lengthRejected))
  }

  private func validate(_ x: PreferencePair) throws {
    try Validate.positive(beta, "beta")
    try Validate.nonNegative(gamma, "gamma")
    try x.validate()
  }

  public func loss(_ x: PreferencePair) throws -> Double {
    try validate(x)
    return softplus(-margin(x))
  }

  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try validate(x)
    let w = beta * sigmoid(-margin(x))
    let ww = w / Double(x.lengthChosen)
    let wl = w / Double(x.lengthRejected)
    return [-ww, wl, ww, -wl]
  }
}
