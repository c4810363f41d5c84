// The input of KTO in the form PIPA prints it (PIPA, 004_fe2e5eb1635a4348.txt, App. A.2,
// eq. (10), and Algorithm 2): one unpaired answer (x, y, c) with
// h_θ(x, y) = log p^θ(y|x, c=1) − log p^prior(y|x) and z(x) = KL(p^θ(y|x, c=1) ‖ p^prior(y|x)).
// Gradients are taken with respect to (logF, logPrior, z).

/// One labelled answer for ``KTOPIPAForm``.
public struct KTOPIPAInput: ObjectiveInput, Hashable, Codable {
  /// log p^θ(y|x, c=1) = log f^θ(y|x) ≤ 0 (Algorithm 2: Σ_t log f^θ(y_t|x, y<t)).
  public var logF: Double
  /// log p^prior(y|x) ≤ 0.
  public var logPrior: Double
  /// z(x) ≥ 0, the KL term (an estimate in practice; its θ-gradient is stopped, §2.3).
  public var z: Double
  /// c ∈ {0, 1}.
  public var label: Int

  public init(logF: Double, logPrior: Double, z: Double, label: Int) {
    self.logF = logF
    self.logPrior = logPrior
    self.z = z
    self.label = label
  }

  public var variables: [Double] { [logF, logPrior, z] }
  public var variableNames: [String] { ["logF", "logPrior", "z"] }
  public func replacing(variables v: [Double]) -> KTOPIPAInput {
    precondition(v.count == 3, "KTOPIPAInput has 3 variables")
    var c = self
    (c.logF, c.logPrior, c.z) = (v[0], v[1], v[2])
    return c
  }

  /// Checks the domain: log-probabilities ≤ 0, z ≥ 0 (a KL divergence), label in {0, 1}.
  public func validate() throws {
    try Validate.logProbability(logF, "logF")
    try Validate.logProbability(logPrior, "logPrior")
    try Validate.nonNegative(z, "z")
    try Validate.zeroOrOne(label, "label")
  }

  /// h_θ(x, y) = log f − log p^prior.
  public var h: Double { logF - logPrior }
}
