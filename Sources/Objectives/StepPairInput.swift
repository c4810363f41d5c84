// The input of the step-level pairwise baselines of PIPA Appendix B (PIPA,
// 004_fe2e5eb1635a4348.txt, "Step-DPO"): a pair (x, y⁺, y⁻, c⁺, c⁻) in token representation,
// as per-token log-probabilities under the policy p^θ(y_t|x, y<t, c_t=1) and the prior
// (reference) p^prior(y_t|x, y<t), so that r_t(x, y) = log p^θ − log p^prior. c⁺ "consists
// entirely of ones" and enters no printed loss, so only c⁻ is stored.
// Gradients are taken with respect to the four arrays, flattened in the order
// logProbsChosen, logProbsRejected, refLogProbsChosen, refLogProbsRejected (PreferencePair's
// order).

/// A token-level preference pair with step labels on the rejected answer.
public struct StepPairInput: ObjectiveInput, Hashable, Codable {
  /// log p^θ(y⁺_t|x, y⁺<t, c_t=1) ≤ 0, one per token of y⁺.
  public var logProbsChosen: [Double]
  /// log p^θ(y⁻_t|x, y⁻<t, c_t=1) ≤ 0, one per token of y⁻.
  public var logProbsRejected: [Double]
  /// log p^prior(y⁺_t|x, y⁺<t) ≤ 0.
  public var refLogProbsChosen: [Double]
  /// log p^prior(y⁻_t|x, y⁻<t) ≤ 0.
  public var refLogProbsRejected: [Double]
  /// c⁻_t ∈ {0, 1}, one per token of y⁻ (1 = token of a correct step).
  public var labelsRejected: [Int]

  public init(
    logProbsChosen: [Double], logProbsRejected: [Double], refLogProbsChosen: [Double],
    refLogProbsRejected: [Double], labelsRejected: [Int]
  ) {
    self.logProbsChosen = logProbsChosen
    self.logProbsRejected = logProbsRejected
    self.refLogProbsChosen = refLogProbsChosen
    self.refLogProbsRejected = refLogProbsRejected
    self.labelsRejected = labelsRejected
  }

  public var variables: [Double] {
    logProbsChosen + logProbsRejected + refLogProbsChosen + refLogProbsRejected
  }
  public var variableNames: [String] {
    logProbsChosen.indices.map { "logProbsChosen[\($0)]" }
      + logProbsRejected.indices.map { "logProbsRejected[\($0)]" }
      + refLogProbsChosen.indices.map { "refLogProbsChosen[\($0)]" }
      + refLogProbsRejected.indices.map { "refLogProbsRejected[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> StepPairInput {
    let a = logProbsChosen.count
    let b = logProbsRejected.count
    precondition(v.count == 2 * (a + b), "StepPairInput has 2·(T⁺ + T⁻) variables")
    var c = self
    c.logProbsChosen = Array(v[0..<a])
    c.logProbsRejected = Array(v[a..<(a + b)])
    c.refLogProbsChosen = Array(v[(a + b)..<(2 * a + b)])
    c.refLogProbsRejected = Array(v[(2 * a + b)..<(2 * a + 2 * b)])
    return c
  }

  /// Checks the domain: non-empty answers, matching lengths, log-probabilities ≤ 0, labels
  /// in {0, 1}.
  public func validate() throws {
    try Validate.nonEmpty(logProbsChosen, "logProbsChosen")
    try Validate.nonEmpty(logProbsRejected, "logProbsRejected")
    try Validate.sameCount(logProbsChosen, refLogProbsChosen, "logProbsChosen", "refLogProbsChosen")
    try Validate.sameCount(
      logProbsRejected, refLogProbsRejected, "logProbsRejected", "refLogProbsRejected")
    try Validate.sameCount(logProbsRejected, labelsRejected, "logProbsRejected", "labelsRejected")
    try Validate.allLogProbabilities(logProbsChosen, "logProbsChosen")
    try Validate.allLogProbabilities(logProbsRejected, "logProbsRejected")
    try Validate.allLogProbabilities(refLogProbsChosen, "refLogProbsChosen")
    try Validate.allLogProbabilities(refLogProbsRejected, "refLogProbsRejected")
    try Validate.zeroOrOneLabels(labelsRejected, "labelsRejected")
  }

  /// Σ_t r_t(x, y⁺).
  public var rewardChosen: Double {
    PIPASum.sum(PIPASum.differences(logProbsChosen, refLogProbsChosen, logProbsChosen.indices))
  }
  /// Σ_{t:c⁻_t=label} r_t(x, y⁻).
  public func rewardRejected(label: Int) -> Double {
    PIPASum.sum(rewardTerms(label: label))
  }

  /// The terms of Σ_t r_t(x, y⁺) (each log-probability separately), for compensated sums.
  var rewardTermsChosen: [Double] {
    PIPASum.differences(logProbsChosen, refLogProbsChosen, logProbsChosen.indices)
  }
  /// The terms of Σ_{t:c⁻_t=label} r_t(x, y⁻).
  func rewardTerms(label: Int) -> [Double] {
    PIPASum.differences(
      logProbsRejected, refLogProbsRejected,
      labelsRejected.indices.filter { labelsRejected[$0] == label })
  }

  /// The pair treated "as a whole" (App. B, L_DPO): sequence log-probabilities are the sums
  /// of the token log-probabilities; lengths are the token counts. DPO(beta:) on this pair is
  /// the printed L_DPO.
  public func sequencePair() -> PreferencePair {
    PreferencePair(
      logProbChosen: logProbsChosen.reduce(0, +), logProbRejected: logProbsRejected.reduce(0, +),
      refLogProbChosen: refLogProbsChosen.reduce(0, +),
      refLogProbRejected: refLogProbsRejected.reduce(0, +), lengthChosen: logProbsChosen.count,
      lengthRejected: logProbsRejected.count)
  }
}
