// GRAD-IN, the shared inputs of ../shared/claims/mpo.md §4 (paper 001_0ef3930bdbd6a134.txt,
// App. G–H): K ∈ {2..16} responses, scores s_i ~ U(−20, 20), quality scores S ~ N(0, 1) whose
// mean partition (G.1: Y⁺ = {S_i > S_mean}) gives |Y⁺| ∈ {1..K−1}, weights w_i = e^{αδ_i} with
// G.1's δ_i and α ∈ {0, 0.1, 1, 5}, InfoNCA targets softmax(r/α) with r ~ N(0, 2²) and
// α ∈ {0.1, 1, 10}, and Lemma 7's P_θ, P_ref: Dirichlet(1) over M ∈ {K, K+4} responses
// restricted to the K, floored at 1e-12. Instance i draws from its own stream, so a quick run
// uses a prefix of the full run's instances.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// One GRAD-IN instance.
struct MPOGradInstance: Sendable {
  var index: Int
  var k: Int
  /// App. G's s_θ(y_i|x).
  var scores: [Double]
  /// S_i ~ N(0, 1).
  var quality: [Double]
  var positive: [Bool]
  /// α of the weights.
  var alpha: Double
  var weights: [Double]
  /// InfoNCA rewards r ~ N(0, 4) and temperature.
  var rewards: [Double]
  var temperature: Double
  var target: [Double]
  /// Lemma 7 inputs.
  var m: Int
  var policy: [Double]
  var reference: [Double]

  var logWeights: [Double] { weights.map { log($0) } }
  var nPos: Int { positive.filter { $0 }.count }

  var inputs: [NamedValue] {
    [NamedValue("instance", Double(index)), NamedValue("K", Double(k)),
     NamedValue("|Y+|", Double(nPos)), NamedValue("alpha", alpha)]
      + scores.indices.map { NamedValue("s[\($0)]", scores[$0]) }
      + weights.indices.map { NamedValue("w[\($0)]", weights[$0]) }
  }
}

/// GRAD-IN.
enum MPOGradInputs {
  static let weightAlphas: [Double] = [0, 0.1, 1, 5]
  static let temperatures: [Double] = [0.1, 1, 10]

  /// G.1's δ_i and the mean partition of `quality`.
  static func deviations(_ quality: [Double]) -> (delta: [Double], positive: [Bool]) {
    let p = MeanPartition(scores: quality)
    let d = zip(quality, p.positive).map { s, pos in pos ? s - p.mean : p.mean - s }
    return (d, p.positive)
  }

  /// Instance `i` of GRAD-IN for `label` (scores from `scoreRange`).
  static func instance(
    _ ctx: CheckContext, _ i: Int, label: String = "GRAD-IN", scoreRange: Double = 20,
    k fixedK: Int? = nil
  ) -> MPOGradInstance {
    var r = ctx.stream(label, index: UInt64(i))
    var k = fixedK ?? r.uniformInt(in: 2...16)
    var quality: [Double] = []
    var delta: [Double] = []
    var positive: [Bool] = []
    repeat {
      quality = (0..<k).map { _ in r.gaussian() }
      (delta, positive) = deviations(quality)
    } while !positive.contains(true) || !positive.contains(false)
    k = quality.count
    let scores = (0..<k).map { _ in Strata.uniform(&r, -scoreRange, scoreRange) }
    let alpha = weightAlphas[r.uniformInt(in: 0...3)]
    let weights = delta.map { exp(alpha * $0) }
    let rewards = (0..<k).map { _ in 2 * r.gaussian() }
    let tau = temperatures[r.uniformInt(in: 0...2)]
    let mr = rewards.max() ?? 0
    let target = softmax(rewards.map { ($0 - mr) / tau })
    let m = r.uniformInt(in: 0...1) == 0 ? k : k + 4
    let ones = [Double](repeating: 1, count: m)
    let policy = Array(r.dirichlet(ones).prefix(k)).map { max($0, 1e-12) }
    let reference = Array(r.dirichlet(ones).prefix(k)).map { max($0, 1e-12) }
    return MPOGradInstance(
      index: i, k: k, scores: scores, quality: quality, positive: positive, alpha: alpha,
      weights: weights, rewards: rewards, temperature: tau, target: target, m: m, policy: policy,
      reference: reference)
  }

  /// A ScoredResponseSet whose log-ratios are exactly `s` (log π_θ = min(0, s),
  /// log π_ref = min(0, −s): both ≤ 0 and their difference is s without rounding).
  static func scoredSet(scores s: [Double], quality: [Double]) -> ScoredResponseSet {
    ScoredResponseSet(
      logProbs: s.map { min(0, $0) }, refLogProbs: s.map { min(0, -$0) }, scores: quality)
  }

  /// A RewardedResponseSet with log-ratios exactly `s`.
  static func rewardedSet(scores s: [Double], rewards: [Double]) -> RewardedResponseSet {
    RewardedResponseSet(
      logProbs: s.map { min(0, $0) }, refLogProbs: s.map { min(0, -$0) }, rewards: rewards)
  }
}
