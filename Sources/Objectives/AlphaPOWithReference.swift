// AlphaPO with a reference policy, AlphaPO (003_5c1a521bcc07b90e.txt) Appendix A.4, first
// printed line:
//   ℓ = −log σ(z),
//   z = −(β/α)(π_θ(y_w)/π_ref(y_w))^{−α/|y_w|} + (β/α)(π_θ(y_l)/π_ref(y_l))^{−α/|y_l|} − γ,
// i.e. eq. (4) with x = log(π_θ/π_ref)/|y| in place of log π_θ/|y| (x may be positive).
// The appendix's second line (per-response weights β′ = βπ_ref^{α/|y|}) is a claim, tested
// elsewhere; ``AlphaPOWithReference/logPerResponseBeta(_:)`` exposes β′ in log space.
// Implementation goals as in AlphaPO.swift (log-space reward difference, softplus).
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// AlphaPO with reference policy, AlphaPO Appendix A.4 (first printed line).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// with x = ρ/|y|, ρ = log π_θ/π_ref, s = σ(−z), g_w = sβe^{−αx_w}/|y_w| and
/// g_l = sβe^{−αx_l}/|y_l|: ∂ℓ = (−g_w, g_l, g_w, −g_l). Lengths are not differentiated.
public struct AlphaPOWithReference: Objective {
  /// α ∈ ℝ, the reward-shape parameter (α = 0 is SimPO with reference).
  public var alpha: Double
  /// β > 0, the reward scale.
  public var beta: Double
  /// γ ≥ 0, the target reward margin.
  public var gamma: Double

  public init(alpha: Double, beta: Double, gamma: Double) {
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
  }

  public var name: String { "AlphaPO w ref" }

  /// r_α at x = log(π_θ/π_ref)/|y|: β·(−expm1(−αx))/α, βx at α = 0.
  public func reward(logRatio: Double, length: Int) -> Double {
    beta * oneMinusExpOver(alpha, logRatio / Double(length))
  }

  /// δr = r_α(x_w) − r_α(x_l) with x = log(π_θ/π_ref)/|y|, in log space where needed.
  public func rewardDifference(_ x: PreferencePair) -> Double {
    AlphaPORewardDifference.value(
      alpha: alpha, beta: beta, chosen: x.logRatioChosen / Double(x.lengthChosen),
      rejected: x.logRatioRejected / Double(x.lengthRejected))
  }

  /// z = δr − γ, the Bradley–Terry argument of the first printed line.
  public func margin(_ x: PreferencePair) -> Double { rewardDifference(x) - gamma }

  /// (log β′(y_w), log β′(y_l)) with β′(y) = β π_ref(y)^{α/|y|} (A.4): log β + α log π_ref/|y|.
  public func logPerResponseBeta(_ x: PreferencePair) -> (chosen: Double, rejected: Double) {
    (
      log(beta) + alpha * (x.refLogProbChosen / Double(x.lengthChosen)),
      log(beta) + alpha * (x.refLogProbRejected / Double(x.lengthRejected))
    )
  }

  private func validate(_ x: PreferencePair) throws {
    try Validate.finite(alpha, "alpha")
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
    let z = margin(x)
    let nw = Double(x.lengthChosen)
    let nl = Double(x.lengthRejected)
    let gw =
      AlphaPORewardDifference.weightedRewardSlope(
        alpha: alpha, beta: beta, x: x.logRatioChosen / nw, z: z) / nw
    let gl =
      AlphaPORewardDifference.weightedRewardSlope(
        alpha: alpha, beta: beta, x: x.logRatioRejected / nl, z: z) / nl
    return [-gw, gl, gw, -gl]
  }
}
