// The input of MaPPO (000_f3e0a040f5e536e0.txt, eq. 8) and its plugins (eqs. 15, 17, 19): a
// preference pair with the prior rewards r_w = r(y_w, x) and r_l = r(y_l, x) of an oracle.
// The losses are smooth in the rewards (they enter through Δ_r = r_w − r_l), so the rewards
// are variables of the gradient; the lengths are discrete data.

/// A preference pair (y_w ≻ y_l) with prior rewards, as log-probabilities and rewards.
///
/// The paper takes r ∈ [0, 1] (so Δ_r ∈ [0, 1]); the formulas are defined for every real
/// reward, and the claim checks probe Δ_r outside [0, 1], so only finiteness is enforced.
public struct RewardedPreferencePair: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y_w | x) ≤ 0.
  public var logProbChosen: Double
  /// log π_θ(y_l | x) ≤ 0.
  public var logProbRejected: Double
  /// log π_ref(y_w | x) ≤ 0.
  public var refLogProbChosen: Double
  /// log π_ref(y_l | x) ≤ 0.
  public var refLogProbRejected: Double
  /// r_w = r(y_w, x), the prior reward of the chosen response (finite).
  public var rewardChosen: Double
  /// r_l = r(y_l, x), the prior reward of the rejected response (finite).
  public var rewardRejected: Double
  /// |y_w| ≥ 1 tokens.
  public var lengthChosen: Int
  /// |y_l| ≥ 1 tokens.
  public var lengthRejected: Int

  public init(
    logProbChosen: Double, logProbRejected: Double, refLogProbChosen: Double = 0,
    refLogProbRejected: Double = 0, rewardChosen: Double, rewardRejected: Double,
    lengthChosen: Int = 1, lengthRejected: Int = 1
  ) {
    self.logProbChosen = logProbChosen
    self.logProbRejected = logProbRejected
    self.refLogProbChosen = refLogProbChosen
    self.refLogProbRejected = refLogProbRejected
    self.rewardChosen = rewardChosen
    self.rewardRejected = rewardRejected
    self.lengthChosen = lengthChosen
    self.lengthRejected = lengthRejected
  }

  /// The pair `x` with rewards r_w, r_l attached.
  public init(_ x: PreferencePair, rewardChosen: Double, rewardRejected: Double) {
    self.init(
      logProbChosen: x.logProbChosen, logProbRejected: x.logProbRejected,
      refLogProbChosen: x.refLogProbChosen, refLogProbRejected: x.refLogProbRejected,
      rewardChosen: rewardChosen, rewardRejected: rewardRejected,
      lengthChosen: x.lengthChosen, lengthRejected: x.lengthRejected)
  }

  public var variables: [Double] {
    [
      logProbChosen, logProbRejected, refLogProbChosen, refLogProbRejected, rewardChosen,
      rewardRejected,
    ]
  }
  public var variableNames: [String] {
    [
      "logProbChosen", "logProbRejected", "refLogProbChosen", "refLogProbRejected",
      "rewardChosen", "rewardRejected",
    ]
  }
  public func replacing(variables v: [Double]) -> RewardedPreferencePair {
    precondition(v.count == 6, "RewardedPreferencePair has 6 variables")
    var c = self
    (c.logProbChosen, c.logProbRejected, c.refLogProbChosen, c.refLogProbRejected) =
      (v[0], v[1], v[2], v[3])
    (c.rewardChosen, c.rewardRejected) = (v[4], v[5])
    return c
  }

  /// Checks the domain: log-probabilities finite and ≤ 0, rewards finite, lengths ≥ 1.
  public func validate() throws {
    try pair.validate()
    try Validate.finite(rewardChosen, "rewardChosen")
    try Validate.finite(rewardRejected, "rewardRejected")
  }

  /// The pair without its rewards.
  public var pair: PreferencePair {
    PreferencePair(
      logProbChosen: logProbChosen, logProbRejected: logProbRejected,
      refLogProbChosen: refLogProbChosen, refLogProbRejected: refLogProbRejected,
      lengthChosen: lengthChosen, lengthRejected: lengthRejected)
  }

  /// Δ_r = r_w − r_l, MaPPO's calibration term (§4.1).
  public var deltaR: Double { rewardChosen - rewardRejected }
  /// log π_θ(y_w)/π_ref(y_w), the chosen log-ratio.
  public var logRatioChosen: Double { logProbChosen - refLogProbChosen }
  /// log π_θ(y_l)/π_ref(y_l), the rejected log-ratio.
  public var logRatioRejected: Double { logProbRejected - refLogProbRejected }
}
