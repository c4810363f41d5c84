// The input of the unpaired step-level baselines of PIPA Appendix B (PIPA,
// 004_fe2e5eb1635a4348.txt, "Step-KTO"): an answer (x, y, c) in token representation, as
// per-token log-probabilities under the policy p^θ(y_t|x, y<t, c_t=1) and the prior
// p^prior(y_t|x, y<t) (r_t = their difference), token labels c_t, the step starts
// 1 = s_1 < … < s_K ≤ T (stored 0-based: stepStarts[0] = 0), and KTO's reference point z₀.
// Gradients are taken with respect to logProbs[0…T−1], refLogProbs[0…T−1] and z0 (z₀ is
// an input number here; in KTO it is a KL estimate whose θ-gradient is stopped, §2.3).

/// A token-level answer with step labels for Step-KTO and PIPA's KTO L₁.
public struct StepKTOInput: ObjectiveInput, Hashable, Codable {
  /// log p^θ(y_t|x, y<t, c_t=1) ≤ 0, one per token.
  public var logProbs: [Double]
  /// log p^prior(y_t|x, y<t) ≤ 0, one per token.
  public var refLogProbs: [Double]
  /// c_t ∈ {0, 1}, one per token.
  public var labels: [Int]
  /// 0-based first tokens of the K steps: stepStarts[0] = 0, strictly increasing, < T.
  /// The printed s_{K+1} is not defined; step K runs to the last token (s_{K+1} := T + 1).
  public var stepStarts: [Int]
  /// z₀ ≥ 0, KTO's reference point (a KL estimate).
  public var z0: Double

  public init(
    logProbs: [Double], refLogProbs: [Double], labels: [Int], stepStarts: [Int] = [0],
    z0: Double
  ) {
    self.logProbs = logProbs
    self.refLogProbs = refLogProbs
    self.labels = labels
    self.stepStarts = stepStarts
    self.z0 = z0
  }

  public var variables: [Double] { logProbs + refLogProbs + [z0] }
  public var variableNames: [String] {
    logProbs.indices.map { "logProbs[\($0)]" } + refLogProbs.indices.map { "refLogProbs[\($0)]" }
      + ["z0"]
  }
  public func replacing(variables v: [Double]) -> StepKTOInput {
    let t = logProbs.count
    precondition(v.count == 2 * t + 1, "StepKTOInput has 2·T + 1 variables")
    var c = self
    c.logProbs = Array(v[0..<t])
    c.refLogProbs = Array(v[t..<(2 * t)])
    c.z0 = v[2 * t]
    return c
  }

  /// Checks the domain: T ≥ 1; matching lengths; log-probabilities ≤ 0; labels in {0, 1};
  /// z₀ finite and ≥ 0; step starts begin at 0, increase strictly and stay below T.
  public func validate() throws {
    try Validate.nonEmpty(logProbs, "logProbs")
    try Validate.sameCount(logProbs, refLogProbs, "logProbs", "refLogProbs")
    try Validate.sameCount(logProbs, labels, "logProbs", "labels")
    try Validate.allLogProbabilities(logProbs, "logProbs")
    try Validate.allLogProbabilities(refLogProbs, "refLogProbs")
    try Validate.zeroOrOneLabels(labels, "labels")
    try Validate.nonNegative(z0, "z0")
    try Validate.nonEmpty(stepStarts, "stepStarts")
    if stepStarts[0] != 0 {
      throw ObjectiveError(field: "stepStarts[0]", value: "\(stepStarts[0])", rule: "must be 0")
    }
    for k in stepStarts.indices.dropFirst() where stepStarts[k] <= stepStarts[k - 1] {
      throw ObjectiveError(
        field: "stepStarts[\(k)]", value: "\(stepStarts[k])",
        rule: "must be > stepStarts[\(k - 1)] = \(stepStarts[k - 1])")
    }
    if let last = stepStarts.last, last >= logProbs.count {
      throw ObjectiveError(
        field: "stepStarts[\(stepStarts.count - 1)]", value: "\(last)",
        rule: "must be < the token count \(logProbs.count)")
    }
  }

  /// The token range of step k: [s_k, s_{k+1}) with s_{K+1} = T.
  public func stepRange(_ k: Int) -> Range<Int> {
    stepStarts[k]..<(k + 1 < stepStarts.count ? stepStarts[k + 1] : logProbs.count)
  }

  /// Σ_{t ∈ range} r_t(x, y).
  public func reward(_ range: Range<Int>) -> Double {
    PIPASum.sum(PIPASum.differences(logProbs, refLogProbs, range))
  }

  /// The terms of Σ_{t ∈ range} r_t (each log-probability separately).
  func rewardTerms(_ range: Range<Int>) -> [Double] {
    PIPASum.differences(logProbs, refLogProbs, range)
  }
  /// The terms of Σ_{t:c_t=label} r_t.
  func rewardTerms(label: Int) -> [Double] {
    PIPASum.differences(logProbs, refLogProbs, labels.indices.filter { labels[$0] == label })
  }

  /// Σ_{t:c_t=label} r_t(x, y).
  public func reward(label: Int) -> Double {
    PIPASum.sum(rewardTerms(label: label))
  }
}
