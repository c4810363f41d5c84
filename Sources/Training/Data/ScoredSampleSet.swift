// The scored samples of all training prompts of one seed: the single source every dataset
// builder reads (shared/design/TRAINING.md pipeline step 4: "Datasets built from the same
// samples, one per feedback type"), with the noise and tie-break draws fixed once.

import Numerics

/// Every training prompt's responses with scores S̃ = S + σz and the shared rank order.
public struct ScoredSampleSet: Hashable, Sendable, Codable {
  /// The master seed of the noise and tie-break draws.
  public let seed: UInt64
  /// The injected noise.
  public let noise: RewardNoise
  /// The prompts, in the order given.
  public let prompts: [ScoredPrompt]

  /// Scores the samples: z and the tie keys come from the per-prompt streams
  /// TaskStream.PerPrompt.rewardNoise and .tieBreak of `seed`, one draw per response in
  /// sampling order.
  /// - Throws: ``TaskError`` when two entries share a promptIndex.
  public init(samples: [PromptSamples], noise: RewardNoise = .none, seed: UInt64)
    throws(TaskError)
  {
    var seen = Set<Int>()
    for (i, s) in samples.enumerated() where !seen.insert(s.promptIndex).inserted {
      throw TaskError(
        field: "samples[\(i)].promptIndex", value: "\(s.promptIndex)",
        rule: "must be unique")
    }
    self.seed = seed
    self.noise = noise
    prompts = samples.map { s in
      let draws = Self.draws(seed: seed, promptIndex: s.promptIndex, count: s.responses.count)
      let scores = zip(s.responses, draws.z).map { $0.verdict.reward + noise.sigma * $1 }
      return ScoredPrompt(
        promptIndex: s.promptIndex, problem: s.problem, responses: s.responses, scores: scores,
        tieKeys: draws.keys)
    }
  }

  private init(seed: UInt64, noise: RewardNoise, prompts: [ScoredPrompt]) {
    self.seed = seed
    self.noise = noise
    self.prompts = prompts
  }

  /// The standard normals z and tie keys of one prompt's first `count` responses.
  static func draws(seed: UInt64, promptIndex: Int, count: Int) -> (z: [Double], keys: [Double]) {
    var zs = RandomStream(seed: seed, stream: TaskStream.stream(.rewardNoise, prompt: promptIndex))
    var ks = RandomStream(seed: seed, stream: TaskStream.stream(.tieBreak, prompt: promptIndex))
    var z = [Double](repeating: 0, count: count)
    zs.fillGaussian(&z)
    let keys = (0..<count).map { _ in ks.uniform() }
    return (z, keys)
  }

  /// The same set restricted to each prompt's first `k` responses (EP-2's k-response arms):
  /// same scores, noise and tie keys for those responses, rank order recomputed. Prompts
  /// with fewer than k responses keep all of theirs.
  /// - Throws: ``TaskError`` for k < 1.
  public func prefix(_ k: Int) throws(TaskError) -> ScoredSampleSet {
    try TaskError.checkAtLeast(k, 1, "k")
    let cut = prompts.map { p in
      let m = min(k, p.count)
      return ScoredPrompt(
        promptIndex: p.promptIndex, problem: p.problem, responses: Array(p.responses[..<m]),
        scores: Array(p.scores[..<m]), tieKeys: Array(p.tieKeys[..<m]))
    }
    return ScoredSampleSet(seed: seed, noise: noise, prompts: cut)
  }

  /// The same samples scored by `score` instead of the verifier's reward (claims/mpo.md
  /// mpo.emp.reward-function-stability): S̃ = S_j + σz with this set's σ and the same draws
  /// z and tie keys, so only the score changes. `.reward` returns the set unchanged.
  public func rescored(by score: ScoreFunction) -> ScoredSampleSet {
    if score == .reward { return self }
    let out = prompts.map { p in
      let z = Self.draws(seed: seed, promptIndex: p.promptIndex, count: p.count).z
      let scores = p.responses.indices.map {
        score.score(p.responses[$0], problem: p.problem) + noise.sigma * z[$0]
      }
      return ScoredPrompt(
        promptIndex: p.promptIndex, problem: p.problem, responses: p.responses, scores: scores,
        tieKeys: p.tieKeys)
    }
    return ScoredSampleSet(seed: seed, noise: noise, prompts: out)
  }

  /// The prompt with index `promptIndex`, nil when the set has none (linear in the number of
  /// prompts before it; index once with ``promptPositions`` for repeated lookups).
  public func prompt(_ promptIndex: Int) -> ScoredPrompt? {
    prompts.first { $0.promptIndex == promptIndex }
  }

  /// promptIndex → position in ``prompts``, for the training loop's lookups of an item's
  /// tokens (`prompts[positions[item.promptIndex]].responses[item.chosen].tokens`).
  public var promptPositions: [Int: Int] {
    Dictionary(uniqueKeysWithValues: prompts.enumerated().map { ($1.promptIndex, $0) })
  }

  /// How many prompts have all scores equal (reported next to every dataset).
  public var allEqualCount: Int { prompts.filter(\.allScoresEqual).count }

  /// s̄ of claims/mpo.md EP-3: the median, over prompts whose rewards are not all equal, of
  /// the within-prompt standard deviation of the clean rewards S (population form,
  /// divisor n); nil when every prompt's rewards are equal. The median of an even count is
  /// the mean of the two middle values.
  public static func medianWithinPromptStandardDeviation(_ prompts: [ScoredPrompt]) -> Double? {
    var sds: [Double] = []
    for p in prompts {
      let r = p.rewards
      guard let first = r.first, !r.allSatisfy({ $0 == first }) else { continue }
      let mean = r.reduce(0, +) / Double(r.count)
      let variance = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r.count)
      sds.append(variance.squareRoot())
    }
    guard !sds.isEmpty else { return nil }
    sds.sort()
    let m = sds.count / 2
    return sds.count % 2 == 1 ? sds[m] : (sds[m - 1] + sds[m]) / 2
  }
}
