// CPO (Xu et al. 2024), as printed in MaPPO (000_f3e0a040f5e536e0.txt) eq. (18):
//   ℓ = −log σ(u) − λ log π_θ(y_w),  u = β log π_θ(y_w) − β log π_θ(y_l).
// Reference-free. Implementation goals: 1) eq. (18) exactly; 2) finite value and gradient
// for every finite input (−log σ(u) = softplus(−u)); 3) simplicity.
import StableMath

/// Contrastive Preference Optimization, MaPPO eq. (18).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// (−βσ(−u) − λ, βσ(−u), 0, 0); the reference log-probabilities do not enter.
public struct CPO: Objective {
  /// β > 0.
  public var beta: Double
  /// λ ≥ 0, the weight of the negative log-likelihood of y_w.
  public var lambda: Double

  public init(beta: Double, lambda: Double) {
    self.beta = beta
    self.lambda = lambda
  }

  public var name: String { "CPO" }

  /// u = β(log π_θ(y_w) − log π_θ(y_l)).
  public func margin(_ x: PreferencePair) -> Double {
    beta * (x.logProbChosen - x.logProbRejected)
  }

  private func validate(_ x: PreferencePair) throws {
    try Validate.positive(beta, "beta")
    try Validate.nonNegative(lambda, "lambda")
    try x.validate()
  }

  public func loss(_ x: PreferencePair) throws -> Double {
    try validate(x)
    return softplus(-margin(x)) - lambda * x.logProbChosen
  }

  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try validate(x)
    let w = beta * sigmoid(-margin(x))
    return [-w - lambda, w, 0, 0]
  }
}
