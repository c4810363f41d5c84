// SimPO (Meng et al. 2024), as printed in MaPPO (000_f3e0a040f5e536e0.txt) eq. (14) and
// AlphaPO (003_5c1a521bcc07b90e.txt) eq. (2):
//   ℓ = −log σ(z),  z = (β/|y_w|) log π_θ(y_w) − (β/|y_l|) log π_θ(y_l) − γ.
// Reference-free and length-normalised. Implementation goals: 1) eq. (14) exactly; 2) finite
// value and gradient for every finite input (softplus(−z), σ(−z)); 3) simplicity.
import StableMath

/// Simple Preference Optimization, MaPPO eq. (14) = AlphaPO eq. (2).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// σ(−z)·β·(−1/|y_w|, 1/|y_l|, 0, 0); lengths are not differentiated.
public struct SimPO: Objective {
  /// β > 0, the reward scale.
  public var beta: Double
  /// γ ≥ 0, the target reward margin.
  public var gamma: Double

  public init(beta: Double, gamma: Double) {
    self.beta = beta
    self.gamma = gamma
  }

  public var name: String { "SimPO" }

  /// r_SimPO(y) = (β/|y|) log π_θ(y), AlphaPO §2.2.
  public func reward(logProb: Double, length: Int) -> Double {
    beta * (logProb / Double(length))
  }

  /// z = r(y_w) − r(y_l) − γ, the Bradley–Terry argument.
  public func margin(_ x: PreferencePair) -> Double {
    reward(logProb: x.logProbChosen, length: x.lengthChosen)
      - reward(logProb: x.logProbRejected, length: x.lengthRejected) - gamma
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
    return [-w / Double(x.lengthChosen), w / Double(x.lengthRejected), 0, 0]
  }
}
