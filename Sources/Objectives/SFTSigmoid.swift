// MaPPO (000_f3e0a040f5e536e0.txt) eq. (9), the Δ_r = 0 case of eq. (8), implemented directly
// from its printed form (not by calling MaPPO, so that the reduction claim can be tested):
//   ℓ = −log σ(u),  u = β log π_θ(y_w)/π_ref(y_w).
// Implementation goals: 1) eq. (9) exactly; 2) finite value and gradient for every finite
// input (−log σ(u) = softplus(−u), dℓ/du = −σ(−u)); 3) simplicity.
import StableMath

/// The log-sigmoid SFT-like loss of MaPPO eq. (9).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// −βσ(−u)·(1, 0, −1, 0).
public struct SFTSigmoid: Objective {
  /// β > 0.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "MaPPO eq. 9" }

  /// u = β log π_θ(y_w)/π_ref(y_w).
  public func margin(_ x: PreferencePair) -> Double { beta * x.logRatioChosen }

  /// The per-example weight β(1 − σ(u)) = βσ(−u) of the score ∇log π_θ(y_w).
  public func gradientWeight(_ x: PreferencePair) -> Double { beta * sigmoid(-margin(x)) }

  public func loss(_ x: PreferencePair) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    return softplus(-margin(x))
  }

  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let w = gradientWeight(x)
    return [-w, 0, w, 0]
  }
}
