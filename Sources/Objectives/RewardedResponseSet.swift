// The input of InfoNCA and NCA (001_0ef3930bdbd6a134.txt eq. 3 and App. G.1; Chen et al.
// 2024, "Noise Contrastive Alignment of Language Models with Explicit Rewards"): K responses
// to one prompt with policy and reference log-probabilities and explicit rewards r(x, y_i).
// Both losses are smooth in the rewards (they enter through softmax(r/τ)), so the rewards
// are gradient variables here.
import StableMath

/// K ≥ 1 responses with log-probabilities and rewards.
///
/// The gradient variables are `logProbs`, `refLogProbs`, then `rewards`.
public struct RewardedResponseSet: ObjectiveInput, Hashable, Codable {
  /// log π_θ(y_i | x) ≤ 0.
  public var logProbs: [Double]
  /// log π_ref(y_i | x) ≤ 0.
  public var refLogProbs: [Double]
  /// r(x, y_i) (S_i in eq. 3), finite.
  public var rewards: [Double]

  public init(logProbs: [Double], refLogProbs: [Double]? = nil, rewards: [Double]) {
    self.logProbs = logProbs
    self.refLogProbs = refLogProbs ?? Array(repeating: 0, count: logProbs.count)
    self.rewards = rewards
  }

  /// K, the number of responses.
  public var count: Int { logProbs.count }

  public var variables: [Double] { logProbs + refLogProbs + rewards }
  public var variableNames: [String] {
    logProbs.indices.map { "logProbs[\($0)]" } + refLogProbs.indices.map { "refLogProbs[\($0)]" }
      + rewards.indices.map { "rewards[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> RewardedResponseSet {
    let n = logProbs.count
    precondition(v.count == 3 * n, "RewardedResponseSet has 3K variables")
    var c = self
    c.logProbs = Array(v[0..<n])
    c.refLogProbs = Array(v[n..<(2 * n)])
    c.rewards = Array(v[(2 * n)...])
    return c
  }

  /// Checks the domain: non-empty, equal lengths, log-probabilities ≤ 0, rewards finite.
  public func validate() throws {
    try Validate.nonEmpty(logProbs, "logProbs")
    try Validate.sameCount(logProbs, refLogProbs, "logProbs", "refLogProbs")
    try Validate.sameCount(logProbs, rewards, "logProbs", "rewards")
    try Validate.allLogProbabilities(logProbs, "logProbs")
    try Validate.allLogProbabilities(refLogProbs, "refLogProbs")
    try Validate.allFinite(rewards, "rewards")
  }

  /// r_θ(y_i | x) = log π_θ(y_i | x) − log π_ref(y_i | x).
  public var logRatios: [Double] { zip(logProbs, refLogProbs).map { $0 - $1 } }

  /// p_target = softmax(r/τ), formed as softmax((r − max r)/τ) so r/τ never overflows.
  public func targetDistribution(tau: Double) -> [Double] {
    let m = rewards.max() ?? 0
    return softmax(rewards.map { ($0 - m) / tau })
  }
}
