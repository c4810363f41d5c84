// The input of PIPA at answer level (PIPA, 004_fe2e5eb1635a4348.txt, Theorem 2.1 and §2.4):
// one answer y to a prompt x with its label c, as the three model quantities PIPA combines.
//
// Parameterisation (stated here once for every PIPA objective):
// - f = p^θ(y|x, c=1) enters as its logarithm `logF` ≤ 0 (the language model's log-prob);
// - g = p^θ(c=1|x) enters as its logit `logitG`, g = σ(logitG): §3.1 makes g^θ "a two-layer
//   MLP followed by a Sigmoid function", so the logit is the head's continuous output, and it
//   keeps log g = logσ(logitG) and log(1 − g) = logσ(−logitG) accurate for g near 0 or 1;
// - p^prior(y|x) enters as `logPrior` ≤ 0.
// Gradients are taken with respect to (logF, logitG, logPrior).

/// One labelled answer for PIPA-M / PIPA-N at answer level.
public struct PIPAAnswerInput: ObjectiveInput, Hashable, Codable {
  /// log f^θ(y|x) = log p^θ(y|x, c=1) ≤ 0.
  public var logF: Double
  /// logit of g^θ(x) = p^θ(c=1|x); g = σ(logitG).
  public var logitG: Double
  /// log p^prior(y|x) ≤ 0 (the frozen prior model).
  public var logPrior: Double
  /// c ∈ {0, 1}: 1 for a preferred/correct answer.
  public var label: Int

  public init(logF: Double, logitG: Double, logPrior: Double, label: Int) {
    self.logF = logF
    self.logitG = logitG
    self.logPrior = logPrior
    self.label = label
  }

  public var variables: [Double] { [logF, logitG, logPrior] }
  public var variableNames: [String] { ["logF", "logitG", "logPrior"] }
  public func replacing(variables v: [Double]) -> PIPAAnswerInput {
    precondition(v.count == 3, "PIPAAnswerInput has 3 variables")
    var c = self
    (c.logF, c.logitG, c.logPrior) = (v[0], v[1], v[2])
    return c
  }

  /// Checks the domain: log-probabilities finite and ≤ 0, logit finite, label in {0, 1}.
  public func validate() throws {
    try Validate.logProbability(logF, "logF")
    try Validate.finite(logitG, "logitG")
    try Validate.logProbability(logPrior, "logPrior")
    try Validate.zeroOrOne(label, "label")
  }
}
