// The input of PRO-B (002_74b446355a07bf4a.txt App. D, binary feedback; PRO-formulas.md §8):
// one sample (x, y, s) as sequence log-probabilities of y under π_θ and π_ref, and the label s.

/// One binary-feedback sample (x, y, s): log π_θ(y|x), log π_ref(y|x) and the label s.
///
/// The gradient variables are `logProb`, `refLogProb` and `label` (the loss is linear in s).
public struct PROBinarySample: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y | x) ≤ 0 (< 0 for the exact hyper reward: π_θ(ℋ) = 1 − π_θ(y) > 0).
  public var logProb: Double
  /// log π_ref(y | x) ≤ 0 (< 0 for the exact hyper reward).
  public var refLogProb: Double
  /// s, the label: most plausibly +½ (desired) or −½ (undesired) (PRO-formulas.md §8,
  /// uncertain); any finite value is accepted.
  public var label: Double

  public init(logProb: Double, refLogProb: Double = 0, label: Double) {
    self.logProb = logProb
    self.refLogProb = refLogProb
    self.label = label
  }

  public var variables: [Double] { [logProb, refLogProb, label] }
  public var variableNames: [String] { ["logProb", "refLogProb", "label"] }
  public func replacing(variables v: [Double]) -> PROBinarySample {
    precondition(v.count == 3, "PROBinarySample has 3 variables")
    var c = self
    (c.logProb, c.refLogProb, c.label) = (v[0], v[1], v[2])
    return c
  }

  /// Checks the domain: log-probabilities finite and ≤ 0, label finite.
  public func validate() throws {
    try Validate.logProbability(logProb, "logProb")
    try Validate.logProbability(refLogProb, "refLogProb")
    try Validate.finite(label, "label")
  }

  /// δ = r_θ(x, y) − r_θ(x, ℋ) and its partials (∂δ/∂logProb, ∂δ/∂refLogProb), with
  /// r_θ(x, y) = β log π_θ(y)/π_ref(y) and r_θ(x, ℋ) = β log (1 − π_θ(y))/(1 − π_ref(y))
  /// [verbatim S2] or 0.
  func hyperGap(beta: Double, mode: HyperRewardMode) throws -> (
    delta: Double, dLogProb: Double, dRefLogProb: Double
  ) {
    let ry = beta * (logProb - refLogProb)
    switch mode {
    case .zero:
      return (ry, beta, -beta)
    case .exact:
      let h = try HyperReward.exact(
        beta: beta, logProbs: [logProb], refLogProbs: [refLogProb], policyField: "logProb",
        refField: "refLogProb")
      return (ry - h.value, beta - h.dPolicy[0], -beta - h.dRef[0])
    }
  }
}
