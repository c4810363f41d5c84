// AlphaPO (003_5c1a521bcc07b90e.txt) eqs. (3)–(4):
//   r_α(y) = β(1 − π_θ(y)^{−α/|y|})/α = β·(−expm1(−α log π_θ(y)/|y|))/α   (eq. 3),
//   ℓ = −log σ(z),  z = r_α(y_w) − r_α(y_l) − γ
//     = −(β/α)π_θ(y_w)^{−α/|y_w|} + (β/α)π_θ(y_l)^{−α/|y_l|} − γ          (eq. 4),
// with the α → 0 limit z = (β/|y_w|) log π_θ(y_w) − (β/|y_l|) log π_θ(y_l) − γ (SimPO).
// Implementation goals: 1) eqs. (3)–(4) exactly; 2) finite value and gradient wherever the
// true values are representable, for |α| ≤ 1e3 and log-probabilities down to −1e5: the
// reward difference is evaluated in log space (``AlphaPORewardDifference``), never as
// ∞ − ∞, and the loss is softplus(−z) (−log σ(z) for z → −∞ is −z, not ∞); 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// AlphaPO, eqs. (3)–(4).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``
/// (the reference ones do not enter): with x = log π_θ/|y| and s = σ(−z),
/// ∂ℓ/∂log π_θ(y_w) = −sβe^{−αx_w}/|y_w|, ∂ℓ/∂log π_θ(y_l) = sβe^{−αx_l}/|y_l|.
/// Lengths are not differentiated.
public struct AlphaPO: Objective {
  /// α ∈ ℝ, the reward-shape parameter (α = 0 is SimPO's log reward).
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

  public var name: String { "AlphaPO" }

  /// r_α(y) = β·(−expm1(−α log π/|y|))/α (eq. 3); βlog π/|y| at α = 0. Overflows to −∞
  /// only when the reward itself is below −1.8e308 (α > 0 and α log π/|y| < −709.8·…).
  public func reward(logProb: Double, length: Int) -> Double {
    beta * oneMinusExpOver(alpha, logProb / Double(length))
  }

  /// m = log π_θ(y_w)/|y_w| − log π_θ(y_l)/|y_l|, the length-normalised margin (§3.1).
  public func lengthNormalizedMargin(_ x: PreferencePair) -> Double {
    x.logProbChosen / Double(x.lengthChosen) - x.logProbRejected / Double(x.lengthRejected)
  }

  /// δr = r_α(y_w) − r_α(y_l), computed in log space where needed (§3.3).
  public func rewardDifference(_ x: PreferencePair) -> Double {
    AlphaPORewardDifference.value(
      alpha: alpha, beta: beta, chosen: x.logProbChosen / Double(x.lengthChosen),
      rejected: x.logProbRejected / Double(x.lengthRejected))
  }

  /// z = δr − γ, the Bradley–Terry argument of eq. (4).
  public func margin(_ x: PreferencePair) -> Double { rewardDifference(x) - gamma }

  /// log r′_α(π) = log β − α log π/|y| − log π − log |y|, the logarithm of eq. (5)'s
  /// derivative of the reward with respect to the probability π (finite for every valid input).
  public func logRewardDerivative(logProb: Double, length: Int) -> Double {
    let n = Double(length)
    return log(beta) - alpha * (logProb / n) - logProb - log(n)
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
    let gw = AlphaPORewardDifference.weightedRewardSlope(
      alpha: alpha, beta: beta, x: x.logProbChosen / nw, z: z)
    let gl = AlphaPORewardDifference.weightedRewardSlope(
      alpha: alpha, beta: beta, x: x.logProbRejected / nl, z: z)
    return [-gw / nw, gl / nl, 0, 0]
  }
}
