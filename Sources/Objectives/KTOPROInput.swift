// The input of KTO in the form PRO restates it (002_74b446355a07bf4a.txt App. E v1 / §5.1
// v2; PRO-formulas.md §9): one unpaired sample (x, y) with its desirability.

/// One unpaired sample: log π_θ(y|x), log π_ref(y|x), and whether y is desired.
///
/// The gradient variables are `logProb` and `refLogProb`.
public struct KTOPROInput: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y | x) ≤ 0.
  public var logProb: Double
  /// log π_ref(y | x) ≤ 0.
  public var refLogProb: Double
  /// true for a desired response (weight λ_D), false for an undesired one (λ_U).
  public var desired: Bool

  public init(logProb: Double, refLogProb: Double = 0, desired: Bool) {
    self.logProb = logProb
    self.refLogProb = refLogProb
    self.desired = desired
  }

  public var variables: [Double] { [logProb, refLogProb] }
  public var variableNames: [String] { ["logProb", "refLogProb"] }
  public func replacing(variables v: [Double]) -> KTOPROInput {
    precondition(v.count == 2, "KTOPROInput has 2 variables")
    var c = self
    (c.logProb, c.refLogProb) = (v[0], v[1])
    return c
  }

  /// Checks the domain: log-probabilities finite and ≤ 0.
  public func validate() throws {
    try Validate.logProbability(logProb, "logProb")
    try Validate.logProbability(refLogProb, "refLogProb")
  }
}
