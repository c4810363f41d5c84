// Supervised fine-tuning on the chosen response, as defined in MaPPO
// (000_f3e0a040f5e536e0.txt) eq. (11): L_SFT(θ) = E[−log π_θ(y_w | x)].

/// SFT negative log-likelihood of the chosen response, MaPPO eq. (11).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``;
/// only log π_θ(y_w) enters, so ∂ℓ = (−1, 0, 0, 0).
public struct SFT: Objective {
  public init() {}

  public var name: String { "SFT" }

  public func loss(_ x: PreferencePair) throws -> Double {
    try x.validate()
    return -x.logProbChosen
  }

  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try x.validate()
    return [-1, 0, 0, 0]
  }
}
