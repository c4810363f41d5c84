// W-MPO's input (001_0ef3930bdbd6a134.txt §4.4, App. D.2, App. G.1): all N_x responses of
// one prompt with their scalar quality scores S(y), from which the mean-threshold partition
// (eq. 11–13) and the deviations (eq. 6, eq. 14, G.1's δ_i) are derived.
//
// The scores are data, not gradient variables: the partition 𝒴⁺ = {S > S_mean} jumps
// where a score crosses the mean and the absolute deviation has a kink there, so W-MPO is
// not differentiable in S on its whole domain (the paper differentiates in θ only).

/// Responses with log-probabilities and scores S(y_i).
///
/// The gradient variables are `logProbs` then `refLogProbs`.
public struct ScoredResponseSet: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y_i | x) ≤ 0.
  public var logProbs: [Double]
  /// log π_ref(y_i | x) ≤ 0.
  public var refLogProbs: [Double]
  /// S(y_i), finite scalar scores (not differentiated).
  public var scores: [Double]

  public init(logProbs: [Double], refLogProbs: [Double]? = nil, scores: [Double]) {
    self.logProbs = logProbs
    self.refLogProbs = refLogProbs ?? Array(repeating: 0, count: logProbs.count)
    self.scores = scores
  }

  public var count: Int { logProbs.count }

  public var variables: [Double] { logProbs + refLogProbs }
  public var variableNames: [String] {
    logProbs.indices.map { "logProbs[\($0)]" } + refLogProbs.indices.map { "refLogProbs[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> ScoredResponseSet {
    let n = logProbs.count
    precondition(v.count == 2 * n, "ScoredResponseSet has 2n variables")
    var c = self
    c.logProbs = Array(v[0..<n])
    c.refLogProbs = Array(v[n...])
    return c
  }

  /// Checks the domain: non-empty, equal lengths, log-probabilities ≤ 0, scores finite, and a
  /// non-empty preferred set (eq. 12; the paper skips prompts whose 𝒴⁺ is empty).
  public func validate() throws {
    try Validate.nonEmpty(logProbs, "logProbs")
    try Validate.sameCount(logProbs, refLogProbs, "logProbs", "refLogProbs")
    try Validate.sameCount(logProbs, scores, "logProbs", "scores")
    try Validate.allLogProbabilities(logProbs, "logProbs")
    try Validate.allLogProbabilities(refLogProbs, "refLogProbs")
    try Validate.allFinite(scores, "scores")
    let p = partition
    if !p.mean.isFinite {
      throw ObjectiveError(
        field: "scores", value: "mean \(p.mean)", rule: "must have a finite mean")
    }
    if p.positive.allSatisfy({ !$0 }) {
      throw ObjectiveError(
        field: "scores", value: "\(scores)",
        rule: "must have some score above their mean (empty 𝒴⁺; App. D.2 skips such prompts)")
    }
  }

  /// The mean-threshold partition of eq. (11)–(13).
  public var partition: MeanPartition { MeanPartition(scores: scores) }

  /// r_θ(y_i | x) = log π_θ(y_i | x) − log π_ref(y_i | x).
  public var logRatios: [Double] { zip(logProbs, refLogProbs).map { $0 - $1 } }
}
