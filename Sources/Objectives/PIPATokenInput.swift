// The input of PIPA at token/step level (PIPA, 004_fe2e5eb1635a4348.txt, §2.5 and
// Algorithm 1): an answer y = (y_1, …, y_T) with token labels c ∈ {0, 1}^T and, per token,
// f_t = f^θ(y_t|x, y<t) = p^θ(y_t|x, y<t, c_t=1), g_t = g^θ(x, y<t) = p^θ(c_t=1|x, y<t) and
// p^prior_t = p^prior(y_t|x, y<t). Parameterisation as in ``PIPAAnswerInput``: log f_t,
// logit g_t (g_t = σ(logitG[t])), log p^prior_t. Gradients are taken with respect to all
// three arrays, flattened in the order logF[0…T−1], logitG[0…T−1], logPrior[0…T−1].

/// One labelled answer for PIPA-M / PIPA-N at token (step) level.
public struct PIPATokenInput: ObjectiveInput, Hashable, Codable {
  /// log f_t ≤ 0, one per token.
  public var logF: [Double]
  /// logit g_t, one per token (g_t = σ(logitG[t])).
  public var logitG: [Double]
  /// log p^prior_t ≤ 0, one per token.
  public var logPrior: [Double]
  /// c_t ∈ {0, 1}, one per token (answer-level labels are c_1 = … = c_T).
  public var labels: [Int]

  public init(logF: [Double], logitG: [Double], logPrior: [Double], labels: [Int]) {
    self.logF = logF
    self.logitG = logitG
    self.logPrior = logPrior
    self.labels = labels
  }

  /// The number of tokens T.
  public var count: Int { labels.count }

  public var variables: [Double] { logF + logitG + logPrior }
  public var variableNames: [String] {
    logF.indices.map { "logF[\($0)]" } + logitG.indices.map { "logitG[\($0)]" }
      + logPrior.indices.map { "logPrior[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> PIPATokenInput {
    let t = labels.count
    precondition(v.count == 3 * t, "PIPATokenInput has 3·T variables")
    var c = self
    c.logF = Array(v[0..<t])
    c.logitG = Array(v[t..<(2 * t)])
    c.logPrior = Array(v[(2 * t)..<(3 * t)])
    return c
  }

  /// Token t as an answer-level input (the per-token factor of §2.5's factorisation).
  public func token(_ t: Int) -> PIPAAnswerInput {
    PIPAAnswerInput(logF: logF[t], logitG: logitG[t], logPrior: logPrior[t], label: labels[t])
  }

  /// Checks the domain: T ≥ 1 labels in {0, 1}; arrays of length T; log-probabilities ≤ 0;
  /// logits finite.
  public func validate() throws {
    try Validate.nonEmpty(labels, "labels")
    try Validate.sameCount(labels, logF, "labels", "logF")
    try Validate.sameCount(labels, logitG, "labels", "logitG")
    try Validate.sameCount(labels, logPrior, "labels", "logPrior")
    try Validate.allLogProbabilities(logF, "logF")
    try Validate.allFinite(logitG, "logitG")
    try Validate.allLogProbabilities(logPrior, "logPrior")
    try Validate.zeroOrOneLabels(labels, "labels")
  }
}
