// A full ranking y_(1) ≻ y_(2) ≻ … ≻ y_(K) of K ≥ 2 responses to one prompt, the input of
// Plackett–Luce (001_0ef3930bdbd6a134.txt §3.2).

/// Responses in rank order, best first, as policy and reference log-probabilities.
///
/// The gradient variables are `logProbs` then `refLogProbs` (both in rank order).
public struct Ranking: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y_(i) | x) ≤ 0, i = 1…K, best first.
  public var logProbs: [Double]
  /// log π_ref(y_(i) | x) ≤ 0, in the same order.
  public var refLogProbs: [Double]

  public init(logProbs: [Double], refLogProbs: [Double]? = nil) {
    self.logProbs = logProbs
    self.refLogProbs = refLogProbs ?? Array(repeating: 0, count: logProbs.count)
  }

  /// K, the number of ranked responses.
  public var count: Int { logProbs.count }

  public var variables: [Double] { logProbs + refLogProbs }
  public var variableNames: [String] {
    logProbs.indices.map { "logProbs[\($0)]" } + refLogProbs.indices.map { "refLogProbs[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> Ranking {
    let n = logProbs.count
    precondition(v.count == 2 * n, "Ranking has 2K variables")
    var c = self
    c.logProbs = Array(v[0..<n])
    c.refLogProbs = Array(v[n...])
    return c
  }

  /// Checks the domain: K ≥ 2, equal lengths, log-probabilities finite and ≤ 0.
  public func validate() throws {
    try Validate.atLeast(logProbs.count, 2, "logProbs.count")
    try Validate.sameCount(logProbs, refLogProbs, "logProbs", "refLogProbs")
    try Validate.allLogProbabilities(logProbs, "logProbs")
    try Validate.allLogProbabilities(refLogProbs, "refLogProbs")
  }

  /// r_θ(y_(i) | x), in rank order.
  public var logRatios: [Double] { zip(logProbs, refLogProbs).map { $0 - $1 } }
}
