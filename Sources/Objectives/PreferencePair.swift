// The input of every pairwise objective: sequence log-probabilities of the chosen (y_w) and
// rejected (y_l) responses under the policy π_θ and the reference π_ref, and their lengths
// in tokens (used only by length-normalised objectives; not differentiated).

/// A preference pair (y_w ≻ y_l) for one prompt x, as log-probabilities.
public struct PreferencePair: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y_w | x) ≤ 0.
  public var logProbChosen: Double
  /// log π_θ(y_l | x) ≤ 0.
  public var logProbRejected: Double
  /// log π_ref(y_w | x) ≤ 0.
  public var refLogProbChosen: Double
  /// log π_ref(y_l | x) ≤ 0.
  public var refLogProbRejected: Double
  /// |y_w| ≥ 1 tokens.
  public var lengthChosen: Int
  /// |y_l| ≥ 1 tokens.
  public var lengthRejected: Int

  public init(
    logProbChosen: Double, logProbRejected: Double, refLogProbChosen: Double = 0,
    refLogProbRejected: Double = 0, lengthChosen: Int = 1, lengthRejected: Int = 1
  ) {
    self.logProbChosen = logProbChosen
    self.logProbRejected = logProbRejected
    self.refLogProbChosen = refLogProbChosen
    self.refLogProbRejected = refLogProbRejected
    self.lengthChosen = lengthChosen
    self.lengthRejected = lengthRejected
  }

  public var variables: [Double] {
    [logProbChosen, logProbRejected, refLogProbChosen, refLogProbRejected]
  }
  public var variableNames: [String] {
    ["logProbChosen", "logProbRejected", "refLogProbChosen", "refLogProbRejected"]
  }
  public func replacing(variables v: [Double]) -> PreferencePair {
    precondition(v.count == 4, "PreferencePair has 4 variables")
    var c = self
    (c.logProbChosen, c.logProbRejected, c.refLogProbChosen, c.refLogProbRejected) =
      (v[0], v[1], v[2], v[3])
    return c
  }

  /// Checks the domain: log-probabilities finite and ≤ 0, lengths ≥ 1.
  public func validate() throws {
    try Validate.logProbability(logProbChosen, "logProbChosen")
    try Validate.logProbability(logProbRejected, "logProbRejected")
    try Validate.logProbability(refLogProbChosen, "refLogProbChosen")
    try Validate.logProbability(refLogProbRejected, "refLogProbRejected")
    try Validate.length(lengthChosen, "lengthChosen")
    try Validate.length(lengthRejected, "lengthRejected")
  }

  /// log π_θ(y_w)/π_ref(y_w), the chosen log-ratio.
  public var logRatioChosen: Double { logProbChosen - refLogProbChosen }
  /// log π_θ(y_l)/π_ref(y_l), the rejected log-ratio.
  public var logRatioRejected: Double { logProbRejected - refLogProbRejected }
}
