// MaPPO (000_f3e0a040f5e536e0.txt) eq. (10): ℓ = −log π_θ(y_w)/π_ref(y_w), the loss the paper
// says has the same optimum as eq. (9) and the SFT gradient (eq. 11).

/// The reference-relative SFT loss of MaPPO eq. (10).
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``:
/// (−1, 0, 1, 0).
public struct SFTLogRatio: Objective {
  public init() {}

  public var name: String { "MaPPO eq. 10" }

  public func loss(_ x: PreferencePair) throws -> Double {
    try x.validate()
    return -x.logRatioChosen
  }

  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try x.validate()
    return [-1, 0, 1, 0]
  }
}
