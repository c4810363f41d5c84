// A set of responses to one prompt, as sequence log-probabilities under the policy π_θ and
// the reference π_ref: the building block of MPO's set-level inputs (MPO,
// 001_0ef3930bdbd6a134.txt §3.1, §4.1). Order carries no meaning for MPO's sets; it is the
// rank order in a ``Ranking`` and the within-bin order in a ``BinPartition``.

/// Responses y_1…y_n for one prompt x as log π_θ(y_i | x) and log π_ref(y_i | x).
///
/// The gradient variables are `logProbs` then `refLogProbs`.
public struct ResponseSet: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y_i | x) ≤ 0.
  public var logProbs: [Double]
  /// log π_ref(y_i | x) ≤ 0, one per entry of `logProbs`.
  public var refLogProbs: [Double]

  /// A set with `refLogProbs` defaulting to 0 (π_ref = 1) for every response.
  public init(logProbs: [Double], refLogProbs: [Double]? = nil) {
    self.logProbs = logProbs
    self.refLogProbs = refLogProbs ?? Array(repeating: 0, count: logProbs.count)
  }

  /// The number of responses.
  public var count: Int { logProbs.count }

  public var variables: [Double] { logProbs + refLogProbs }
  public var variableNames: [String] { variableNames(prefix: "") }

  /// The variable names with a field prefix, e.g. `positive.logProbs[0]`.
  public func variableNames(prefix: String) -> [String] {
    logProbs.indices.map { "\(prefix)logProbs[\($0)]" }
      + refLogProbs.indices.map { "\(prefix)refLogProbs[\($0)]" }
  }

  public func replacing(variables v: [Double]) -> ResponseSet {
    let n = logProbs.count
    precondition(v.count == 2 * n, "ResponseSet has 2n variables")
    var c = self
    c.logProbs = Array(v[0..<n])
    c.refLogProbs = Array(v[n...])
    return c
  }

  /// Checks the domain: non-empty, equal lengths, every log-probability finite and ≤ 0.
  /// `prefix` is prepended to field names in errors (e.g. `positive.`).
  public func validate(prefix: String = "") throws {
    try Validate.nonEmpty(logProbs, "\(prefix)logProbs")
    try Validate.sameCount(logProbs, refLogProbs, "\(prefix)logProbs", "\(prefix)refLogProbs")
    try Validate.allLogProbabilities(logProbs, "\(prefix)logProbs")
    try Validate.allLogProbabilities(refLogProbs, "\(prefix)refLogProbs")
  }

  /// r_θ(y_i | x) = log π_θ(y_i | x) − log π_ref(y_i | x), the implicit rewards.
  public var logRatios: [Double] { zip(logProbs, refLogProbs).map { $0 - $1 } }
}
