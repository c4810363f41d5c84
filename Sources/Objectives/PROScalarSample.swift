// The input of PRO-S (002_74b446355a07bf4a.txt App. D, scalar feedback; PRO-formulas.md §8):
// the N labeled responses y_{1:N} of one prompt as sequence log-probabilities, with scores ŝ_n.

/// One scalar-feedback prompt: log π_θ(y_n|x), log π_ref(y_n|x) and ŝ_n for n = 1…N.
///
/// The gradient variables are `logProbs`, `refLogProbs` and `scores` (the loss is linear in
/// ŝ). How raw scalar feedback maps to ŝ_n is [unknown] (PRO-formulas.md §8).
public struct PROScalarSample: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y_n | x) ≤ 0, N ≥ 1 entries.
  public var logProbs: [Double]
  /// log π_ref(y_n | x) ≤ 0.
  public var refLogProbs: [Double]
  /// ŝ_n, finite.
  public var scores: [Double]

  public init(logProbs: [Double], refLogProbs: [Double], scores: [Double]) {
    self.logProbs = logProbs
    self.refLogProbs = refLogProbs
    self.scores = scores
  }

  public var variables: [Double] { logProbs + refLogProbs + scores }
  public var variableNames: [String] {
    logProbs.indices.map { "logProbs[\($0)]" } + refLogProbs.indices.map { "refLogProbs[\($0)]" }
      + scores.indices.map { "scores[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> PROScalarSample {
    let n = logProbs.count
    precondition(v.count == 3 * n, "PROScalarSample has 3N variables")
    var c = self
    c.logProbs = Array(v[0..<n])
    c.refLogProbs = Array(v[n..<(2 * n)])
    c.scores = Array(v[(2 * n)...])
    return c
  }

  /// Checks the domain: N ≥ 1, equal lengths, log-probabilities finite and ≤ 0, scores finite.
  public func validate() throws {
    try Validate.nonEmpty(logProbs, "logProbs")
    try Validate.sameCount(logProbs, refLogProbs, "logProbs", "refLogProbs")
    try Validate.sameCount(logProbs, scores, "logProbs", "scores")
    try Validate.allLogProbabilities(logProbs, "logProbs")
    try Validate.allLogProbabilities(refLogProbs, "refLogProbs")
    try Validate.allFinite(scores, "scores")
  }
}
