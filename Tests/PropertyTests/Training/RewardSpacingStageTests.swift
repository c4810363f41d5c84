// mpo.emp.reward-spacing end to end on the tiny configuration of PipelineGridTests (seconds
// in a debug build): the grid draws 32 responses per test prompt from each seed's SFT model
// when asked (and trains nothing else), stores the verifier rewards in results.json, and a
// run killed right after their checkpoint resumes to the same bytes; without the request the
// field is absent from the encoding. The claim decides from stored samples: shrinking gaps
// confirm, constant gaps refute, no samples leave it inconclusive. The grid tests extend the
// serialized grid suite: the grid sets OpenBLAS's process-global thread count, so they must
// not run at the same time as the other grid tests (see PipelineGridTests+StepCost).
import Foundation
import Numerics
import Testing

@testable import Training

extension PipelineGridTests {
  static func spacingBytes(_ dir: URL, hooks: TrainingGrid.Hooks = .init()) throws -> Data {
    let r = try TrainingGrid.run(
      specs: [], settings: PipelineGridTests.settings, outDir: dir, hooks: hooks,
      rewardSpacing: true)
    return try TrainingOutput.resultsJSON(r)
  }

  @Test func rewardSpacingSamplesAreDrawnStoredAndResumed() throws {
    let clean = try PipelineGridTests.tempDir("spacing-clean")
    let resumed = try PipelineGridTests.tempDir("spacing-resumed")
    defer {
      try? FileManager.default.removeItem(at: clean)
      try? FileManager.default.removeItem(at: resumed)
    }
    let settings = PipelineGridTests.settings
    let r = try TrainingGrid.run(
      specs: [], settings: settings, outDir: clean, rewardSpacing: true)
    #expect(r.runs.isEmpty)
    let s = try #require(r.rewardSpacing)
    // The test split (8 prompts) is smaller than the entry's 512: all of it is used.
    #expect(s.prompts == settings.testPrompts && s.responses == 32 && s.temperature == 1)
    #expect(s.rewards.count == settings.seeds)
    for seed in s.rewards {
      #expect(seed.count == settings.testPrompts)
      #expect(seed.allSatisfy { $0.count == 32 && $0.allSatisfy { (0...1).contains($0) } })
    }
    let outcome = try MPOEmpiricalClaims.rewardSpacing.decide(r)
    #expect(!outcome.summary.contains("missing"))
    // Checkpoints: SFT progress, SFT, reward-spacing samples (3), shared samples.
    let expected = try TrainingOutput.resultsJSON(r)
    #expect(throws: PipelineError.interrupted(afterCheckpoints: 3)) {
      try Self.spacingBytes(resumed, hooks: .init(interruptAfterCheckpoints: 3))
    }
    let file = resumed.appendingPathComponent("checkpoints/seed-0/reward-spacing.ckpt")
    #expect(FileManager.default.fileExists(atPath: file.path))
    #expect(try Self.spacingBytes(resumed) == expected)
  }

  @Test func gridWithoutRunsOrSpacingIsRefused() throws {
    let dir = try PipelineGridTests.tempDir("spacing-none")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(throws: PipelineError.self) {
      try TrainingGrid.run(specs: [], settings: PipelineGridTests.settings, outDir: dir)
    }
  }
}

@Suite struct RewardSpacingClaimTests {
  @Test func resultsWithoutSamplesOmitTheField() throws {
    let plain = TrainingResults(seed: 1, seedCount: 1, settings: [:], sft: [], runs: [])
    let text = String(decoding: try TrainingOutput.resultsJSON(plain), as: UTF8.self)
    #expect(!text.contains("rewardSpacing"))
    var with = plain
    with.rewardSpacing = RewardSpacingSamples(
      prompts: 1, responses: 2, temperature: 1, rewards: [[[0, 1]]])
    let back = try JSONDecoder().decode(
      TrainingResults.self, from: try TrainingOutput.resultsJSON(with))
    #expect(back.rewardSpacing == with.rewardSpacing)
  }

  /// 2 seeds × 20 prompts × 32 scores from `score(unit, i)`.
  static func results(_ score: (Int, Int) -> Double) -> TrainingResults {
    let rewards = (0..<2).map { s in
      (0..<20).map { p in (0..<32).map { i in score(s * 20 + p, i) } }
    }
    var r = TrainingResults(seed: 7, seedCount: 2, settings: [:], sft: [], runs: [])
    r.rewardSpacing = RewardSpacingSamples(
      prompts: 20, responses: 32, temperature: 1, rewards: rewards)
    return r
  }

  /// First two scores the extremes: Δ̄(k) = 1/(k − 1), slope ≈ −1.24 → confirmed. Range
  /// growing like k − 1: Δ̄ constant, slope 0 → refuted. No samples → inconclusive.
  @Test func claimDecidesFromStoredSamples() throws {
    let claim = MPOEmpiricalClaims.rewardSpacing
    let shrinking = Self.results { u, i in
      i == 0 ? 0 : i == 1 ? 1 : 0.5 + 0.4 * MPOFabricated.jitter("spacing", u, i % 16)
    }
    #expect(try claim.decide(shrinking).verdict == .confirmed)
    let constant = Self.results { u, i in
      Double(i) * (1 + 0.01 * MPOFabricated.jitter("c", u))
    }
    #expect(try claim.decide(constant).verdict == .refuted)
    let none = TrainingResults(seed: 7, seedCount: 2, settings: [:], sft: [], runs: [])
    #expect(try claim.decide(none).verdict == .inconclusive)
  }

  /// The claim reads no run, so its plot is of the samples: pooled log Δ̄(k) on log k with
  /// the statistic's values (Δ̄(k) = 1/(k − 1) when the first two scores are the extremes),
  /// one series per seed and the −0.8 and −1 slopes through the pooled Δ̄(2); none without
  /// samples or when some Δ̄(k) is 0.
  @Test func plotShowsTheSpacingCurve() throws {
    let claim = MPOEmpiricalClaims.rewardSpacing
    let extremesFirst = Self.results { _, i in i == 0 ? 0 : i == 1 ? 1 : 0.5 }
    let plots = TrainingCurves.plots(forClaim: claim, extremesFirst)
    #expect(plots.count == 1)
    let series = try #require(plots.first).series
    #expect(series.map(\.label) == ["pooled Δ̄(k)", "seed 0", "seed 1", "slope -0.8", "1/k (slope −1)"])
    for (p, k) in zip(series[0].points, [2.0, 4, 8, 16, 32]) {
      #expect(abs(p.x - log(k)) < 1e-15 && abs(p.y - log(1 / (k - 1))) < 1e-12)
    }
    let unit = try #require(series.last?.points)
    #expect(abs((unit[4].y - unit[0].y) / (unit[4].x - unit[0].x) + 1) < 1e-12)
    let none = TrainingResults(seed: 7, seedCount: 2, settings: [:], sft: [], runs: [])
    #expect(TrainingCurves.plots(forClaim: claim, none).isEmpty)
    #expect(TrainingCurves.plots(forClaim: claim, Self.results { _, _ in 0.5 }).isEmpty)
  }
}
