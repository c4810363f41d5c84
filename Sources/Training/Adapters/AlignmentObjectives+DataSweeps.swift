// How the factory reads the data-level sweep keys (``AlignmentObjectives/SweepKey``): the
// threshold statistic of MPO's sets (claims/mpo.md mpo.emp.partition-statistic), the rank
// cut (mpo.emp.mpo-vs-dpo (B)), the score that selects the sets
// (mpo.emp.reward-function-stability), W-MPO's α_w in units of 1/s̄
// (mpo.emp.alpha-intermediate) and the reward noise in units of s̄ (EP-3).

extension AlignmentObjectives {
  /// The threshold statistic of `spec`'s threshold sets: the mean unless
  /// `thresholdMedian = 1` (the median) or `thresholdTrimmedMean = f` (the mean after
  /// dropping the ⌊f·N⌋ lowest and highest scores, 0 ≤ f < 0.5); both at once is refused.
  static func partitionStatistic(_ spec: RunSpec) throws -> PartitionStatistic {
    let median = try flag(SweepKey.thresholdMedian, of: spec)
    let trimmed = sweep(SweepKey.thresholdTrimmedMean, of: spec)
    switch (median, trimmed) {
    case (true, .some):
      throw badSweep(
        spec, SweepKey.thresholdTrimmedMean, "not be combined with \(SweepKey.thresholdMedian)")
    case (true, nil):
      return .median
    case (false, .some(let f)):
      guard f >= 0, f < 0.5 else {
        throw badSweep(spec, SweepKey.thresholdTrimmedMean, "lie in [0, 0.5)")
      }
      return .trimmedMean(fraction: f)
    case (false, nil):
      return .mean
    }
  }

  /// An integer sweep key ≥ 1, `default` when absent.
  static func sweepCount(_ key: String, of spec: RunSpec, default d: Int) throws -> Int {
    guard let v = sweep(key, of: spec) else { return d }
    guard v.isFinite, v == v.rounded(), v >= 1, v <= 1e6 else {
      throw badSweep(spec, key, "be an integer ≥ 1")
    }
    return Int(v)
  }

  /// The score S_j of `scoreFunction = j` (j ∈ {1, 2, 3, 4}), nil when absent (S1).
  static func scoreFunction(_ spec: RunSpec) throws -> ScoreFunction? {
    guard let v = sweep(SweepKey.scoreFunction, of: spec) else { return nil }
    guard v == v.rounded(), let f = ScoreFunction(rawValue: Int(exactly: v) ?? 0) else {
      throw badSweep(spec, SweepKey.scoreFunction, "be 1, 2, 3 or 4 (S1–S4)")
    }
    return f
  }

  /// s̄ of claims/mpo.md EP-3 for `samples`
  /// (``ScoredSampleSet/medianWithinPromptStandardDeviation(_:)`` of the clean rewards). Reading: s̄ is taken from the run's own seed's samples, not the
  /// first seed's — seeds run independently (and resume independently), so no run can read
  /// another seed's samples; docs/training.md § readings. With no prompt whose rewards
  /// differ (or no prompt at all) every set and weighted loss skips every prompt, so s̄ does
  /// not matter there and 1 is used.
  static func sBar(_ prompts: [ScoredPrompt]) -> Double {
    ScoredSampleSet.medianWithinPromptStandardDeviation(prompts) ?? 1
  }

  /// W-MPO's α_w: `alphaWTimesSBar = a` gives α_w = a / s̄ (mpo.emp.alpha-intermediate, α
  /// measured in units of 1/s̄); absent, the spec's `alphaW`.
  static func alphaW(_ spec: RunSpec, _ samples: ScoredSampleSet) throws -> Double {
    guard let a = sweep(SweepKey.alphaWTimesSBar, of: spec) else {
      return try hyperparameter("alphaW", of: spec)
    }
    guard a.isFinite, a >= 0 else {
      throw badSweep(spec, SweepKey.alphaWTimesSBar, "be finite and ≥ 0")
    }
    return a / sBar(samples.prompts)
  }

  /// The reward noise of `spec` in reward units for the samples of one seed: σ =
  /// ``RunSpec/rewardNoise``, times s̄ of `samples` (all responses the seed sampled, before
  /// the spec's cut to its first n) when `rewardNoiseInSBar = 1` (EP-3: "ε i.i.d.
  /// N(0, (σ s̄)²) … s̄ the median of the within-prompt standard deviation of S").
  /// - Throws: ``UnsupportedSpec`` for a bad flag; ``TaskError`` for a bad σ.
  public static func scoreNoise(
    _ spec: RunSpec, samples: [PromptSamples], seed: UInt64
  ) throws -> RewardNoise {
    guard try flag(SweepKey.rewardNoiseInSBar, of: spec), spec.rewardNoise != 0 else {
      return try RewardNoise(sigma: spec.rewardNoise)
    }
    let clean = try ScoredSampleSet(samples: samples, seed: seed)
    return try RewardNoise(sigma: spec.rewardNoise * sBar(clean.prompts))
  }
}
