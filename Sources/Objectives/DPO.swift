// DPO (Rafailov et al. 2023), as printed in MaPPO (000_f3e0a040f5e536e0.txt) eq. (3):
//   ℓ = −log σ(u),  u = β[log π_θ(y_w)/π_ref(y_w) − log π_θ(y_l)/π_ref(y_l)].
// Implementation goals: 1) eq. (3) exactly; 2) finite value and gradient for every finite
// input (−log σ(u) = softplus(−u), dℓ/du = −σ(−u)); 3) simplicity.
import StableMath

/// Direct Preference Optimization, MaPPO eq. (3).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``.
public struct DPO: Objective {
  /// β > 0, the KL-regularisation strength.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "DPO" }

  /// The margin u = β(log-ratio_w − log-ratio_l).
  public func margin(_ x: PreferencePair) -> Double {
    beta * (x.logRatioChosen - x.logRatioRejected)
  }

  public func loss(_ x: PreferencePair) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    return softplus(-margin(x))
  }

  /// ∂ℓ/∂(log π_θ(y_w), log π_θ(y_l), log π_ref(y_w), log π_ref(y_l))
  /// = −βσ(−u)·(1, −1, −1, 1).
  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let w = beta * sigmoid(-margin(x))
    return [-w, w, w, -w]
  }
}
