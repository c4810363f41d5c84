// MPO's empirical claims (Sources/Training/Empirical/MPO) decide from fabricated
// TrainingResults as the catalog's rules say (claims/mpo.md §0.14 EP-6 and each §5 entry):
// the effect on the claimed side → confirmed, on the opposite side → refuted, seed noise with
// no effect → inconclusive, a missing run → inconclusive naming it; and every RunSpec is one
// the factory can name (objective, paper and dataset of a FeedbackCatalog entry).
import Claims
import Numerics
import Testing

@testable import Training

/// Fabricated results for the claims' decisions.
enum MPOFabricated {
  /// Which side of the claim the fabricated effect lies on.
  enum Scenario: String, CaseIterable, Sendable {
    case claimed, opposite, noisy
    /// The effect's sign: +1, −1, 0.
    var sign: Double { self == .claimed ? 1 : self == .opposite ? -1 : 0 }
    /// Seed-to-seed noise amplitude: tiny with an effect (so differences are not all equal
    /// and intervals are narrow), large without one (so intervals straddle every bound).
    var noise: Double { self == .noisy ? 0.3 : 0.002 }
  }

  static let seeds = 5
  static let steps = 100

  /// A fixed uniform draw in [−½, ½) for (label, seed, slot).
  static func jitter(_ label: String, _ seed: Int, _ slot: Int = 0) -> Double {
    var rng = RandomStream(
      seed: MPORankCorrelation.streamIndex(label), stream: UInt64(seed * 16 + slot))
    return rng.uniform() - 0.5
  }

  static func point(step: Int, accuracy: Double, margin: Double = 0) -> MetricPoint {
    MetricPoint(
      step: step, trainLoss: step == 0 ? nil : 0.5, logProbChosen: -5, logProbRejected: -9,
      logProbChosenPerToken: -0.3, logProbRejectedPerToken: -0.5, margin: margin,
      pairAccuracy: 0.6, kl: 0.01, testAccuracy: accuracy, testReward: accuracy,
      meanLength: 20)
  }

  /// A run with points every 10 steps; accuracy and margin by step.
  static func record(
    _ spec: RunSpec, seed: Int, tokens: Int = 10_000, accuracy: (Int) -> Double,
    margin: (Int) -> Double = { _ in 0 }
  ) -> RunRecord {
    RunRecord(
      spec: spec, seedIndex: seed,
      points: stride(from: 0, through: steps, by: 10).map {
        point(step: $0, accuracy: accuracy($0), margin: margin($0))
      }, steps: steps, tokens: tokens, seconds: 1)
  }

  static func results(_ records: [RunRecord], seedCount: Int = seeds) -> TrainingResults {
    TrainingResults(seed: 7, seedCount: seedCount, settings: [:], sft: [], runs: records)
  }

  /// Every run of `claim` with final accuracy 0.5 + sign·(value(label) − 0.5) plus noise,
  /// linear from 0.4 at step 0.
  static func finalAccuracies(
    _ claim: EmpiricalClaim, _ scenario: Scenario, _ value: (String) -> Double
  ) -> TrainingResults {
    var records: [RunRecord] = []
    for spec in claim.runs {
      for s in 0..<seeds {
        let final =
          0.5 + scenario.sign * (value(spec.label) - 0.5)
          + scenario.noise * jitter(spec.label, s)
        records.append(
          record(spec, seed: s) { step in 0.4 + (final - 0.4) * Double(step) / Double(steps) })
      }
    }
    return results(records)
  }

  /// The fabricated results of `claim` under `scenario`, by claim id.
  static func results(_ claim: EmpiricalClaim, _ scenario: Scenario) -> TrainingResults {
    switch claim.id {
    case "mpo.emp.more-responses":
      return finalAccuracies(claim, scenario) { label in
        let k = (2...8).first { MPORuns.mpo(n: $0).label == label } ?? 0
        return 0.4 + 0.02 * Double(k)
      }
    case "mpo.emp.two-bins-vs-finer":
      // acc(k, b) = 0.6 − c_k·log2(b/2) with c_8 = 0.05 > c_4 = 0.03: 2 bins best, falling in
      // b, gap to PL wider at k = 8.
      return finalAccuracies(claim, scenario) { label in
        var table: [String: Double] = [:]
        for sigma in [0.0, 1] {
          table[MPORuns.binned(bins: 2, noise: sigma).label] = 0.6
          table[MPORuns.binned(bins: 4, noise: sigma).label] = 0.55
          table[MPORuns.plackettLuce(noise: sigma).label] = 0.5
          table[MPORuns.binned(bins: 2, n: 4, noise: sigma).label] = 0.6
          table[MPORuns.plackettLuce(n: 4, noise: sigma).label] = 0.57
        }
        return table[label] ?? 0.5
      }
    case "mpo.emp.noise-robustness":
      // MPO drops 0.02 per unit σ, DPO and PL 0.1.
      return finalAccuracies(claim, scenario) { label in
        for sigma in [0.0, 0.5, 1] {
          if label == MPORuns.mpo(noise: sigma).label { return 0.6 - 0.02 * sigma }
          if label == MPORuns.dpo(noise: sigma).label { return 0.6 - 0.1 * sigma }
          if label == MPORuns.plackettLuce(noise: sigma).label { return 0.6 - 0.1 * sigma }
        }
        return 0.5
      }
    case "mpo.emp.partition-statistic":
      return finalAccuracies(claim, scenario) { label in
        if label == MPORuns.mpo(n: 4).label { return 0.6 }
        if label.hasSuffix("n=4]") { return 0.5 }
        return 0.5  // the N = 16 arms: equal
      }
    case "mpo.emp.reward-function-stability":
      // Claimed: equal; opposite: 10 pp apart (the flip of "equal" is "spread").
      return finalAccuracies(claim, scenario == .opposite ? .claimed : scenario) { label in
        let i = claim.runs.firstIndex { $0.label == label } ?? 0
        return scenario == .opposite ? 0.4 + 0.1 * Double(i) : 0.55
      }
    case "mpo.emp.decoding-temperature":
      return finalAccuracies(claim, scenario) { label in
        let t = temperature(label)
        let drop = 0.1 * t
        if label.hasPrefix("MPO") { return 0.7 - drop }
        return 0.6 - drop
      }
    case "mpo.emp.beta-speed":
      return betaSpeed(claim, scenario)
    case "mpo.emp.fixed-compute":
      return trajectories(claim, scenario) { spec, step in
        // MPO climbs three times as fast as DPO.
        0.4 + (spec.objective == "MPO" ? 0.003 : 0.001) * Double(step)
      }
    case "mpo.emp.iterative-rounds":
      return trajectories(claim, scenario) { _, step in 0.4 + 0.002 * Double(step) }
    case "mpo.emp.reward-margin":
      var records: [RunRecord] = []
      for spec in claim.runs {
        for s in 0..<seeds {
          let late =
            0.5 + scenario.sign * ((spec.objective == "MPO" ? 8 : 4) - 0.5)
            + 10 * scenario.noise * jitter(spec.label, s)
          records.append(
            record(spec, seed: s, accuracy: { _ in 0.5 }) { step in late * Double(step) / 100 })
        }
      }
      return results(records)
    default:
      // "A beats B" claims: every comparison's first arm 0.6, its second arm 0.5, except
      // cross-pairs DPO, claimed below best-vs-worst DPO.
      return finalAccuracies(claim, scenario) { label in
        if label == MPORuns.dpoCrossPairs().label { return 0.5 }
        if label == MPORuns.dpo().label && claim.id == "mpo.emp.iso-information" { return 0.55 }
        if label.contains("alphaWTimesSBar=0.1]") { return 0.6 }
        if label.contains("alphaWTimesSBar") { return 0.5 }
        let first = [
          MPORuns.mpo().label, MPORuns.mpo(n: 4).label, MPORuns.wmpoAbs().label,
          MPORuns.wmpoAbs(n: 4).label, MPORuns.mpoTopTwoBottomTwo().label,
        ]
        if claim.id == "mpo.emp.wmpo-vs-mpo" {
          return label.hasPrefix("WeightedMPOAbsolute") ? 0.6 : 0.5
        }
        if label.hasPrefix("MPO") && (first.contains(label) || label.hasPrefix("MPO[")) {
          return label.contains("dataFraction=0.25") ? 0.62 : 0.6
        }
        return 0.5
      }
    }
  }

  /// The evaluation temperature of a decoding-temperature label (0 for the greedy runs).
  static func temperature(_ label: String) -> Double {
    for t in [0.2, 0.5, 1.0] where label.contains("evaluationTemperature=\(MPORuns.label(t)),") {
      return t
    }
    return 0
  }

  /// Every run's accuracy along `curve` (claimed shape), flipped about 0.5 for `opposite`.
  static func trajectories(
    _ claim: EmpiricalClaim, _ scenario: Scenario, _ curve: @escaping (RunSpec, Int) -> Double
  ) -> TrainingResults {
    var records: [RunRecord] = []
    for spec in claim.runs {
      for s in 0..<seeds {
        records.append(
          record(spec, seed: s) { step in
            0.5 + scenario.sign * (curve(spec, step) - 0.5)
              + scenario.noise * jitter(spec.label, s, step / 10)
          })
      }
    }
    return results(records)
  }

  /// β-speed: run i (β ascending) reaches its final 0.6 at step 20·(i+1) (claimed), at step
  /// 20·(4−i) (opposite), or at random steps with random finals (noisy).
  static func betaSpeed(_ claim: EmpiricalClaim, _ scenario: Scenario) -> TrainingResults {
    var records: [RunRecord] = []
    for (i, spec) in claim.runs.enumerated() {
      for s in 0..<seeds {
        let reach: Int
        let final: Double
        switch scenario {
        case .claimed:
          reach = 20 * (i + 1)
          final = 0.6 + 0.002 * jitter(spec.label, s)
        case .opposite:
          reach = 20 * (4 - i)
          final = 0.6 + 0.002 * jitter(spec.label, s)
        case .noisy:
          reach = 10 * (1 + Int((jitter(spec.label, s, 1) + 0.5) * 9))
          final = 0.6 + 0.3 * jitter(spec.label, s)
        }
        records.append(record(spec, seed: s) { step in step >= reach ? final : 0.4 })
      }
    }
    return results(records)
  }
}

@Suite struct MPOEmpiricalTests {
  static let claims = MPOEmpiricalClaims.all
  static let trainedIDs = claims.filter { !$0.runs.isEmpty }.map(\.id)

  static func claim(_ id: String) -> EmpiricalClaim {
    claims.first { $0.id == id } ?? claims[0]
  }

  @Test func idsAreTheCatalogsEmpiricalMPOIDs() {
    let ids = Self.claims.map(\.id)
    #expect(Set(ids).count == ids.count, "duplicate ids")
    #expect(ids.allSatisfy { $0.hasPrefix("mpo.emp.") })
    #expect(Self.claims.allSatisfy { $0.paper == .mpo })
    var empirical = Set<String>()
    if let catalog = ClaimRegistryTests.catalogIDs(empiricalByKind: &empirical) {
      let expected = (catalog[.mpo] ?? []).filter {
        $0.contains(".emp.") || $0.contains("empirical")
      }
      #expect(ids == expected, "claims differ from the catalog's empirical MPO entries")
    }
  }

  @Test(arguments: trainedIDs) func effectOnClaimedSideConfirms(_ id: String) throws {
    let claim = Self.claim(id)
    let outcome = try claim.decide(MPOFabricated.results(claim, .claimed))
    #expect(outcome.verdict == .confirmed, "\(id): \(outcome.summary)")
  }

  @Test(arguments: trainedIDs) func effectOnOppositeSideRefutes(_ id: String) throws {
    let claim = Self.claim(id)
    let outcome = try claim.decide(MPOFabricated.results(claim, .opposite))
    #expect(outcome.verdict == .refuted, "\(id): \(outcome.summary)")
  }

  @Test(arguments: trainedIDs) func noiseWithoutEffectIsInconclusive(_ id: String) throws {
    let claim = Self.claim(id)
    let outcome = try claim.decide(MPOFabricated.results(claim, .noisy))
    #expect(outcome.verdict == .inconclusive, "\(id): \(outcome.summary)")
  }

  @Test(arguments: trainedIDs) func missingRunIsInconclusiveNamingIt(_ id: String) throws {
    let claim = Self.claim(id)
    let full = MPOFabricated.results(claim, .claimed)
    for spec in claim.runs {
      var partial = full
      partial.runs.removeAll { $0.spec.label == spec.label && $0.seedIndex == 1 }
      let outcome = try claim.decide(partial)
      #expect(outcome.verdict == .inconclusive, "\(id) without \(spec.label)")
      #expect(outcome.summary.contains(spec.label), "\(id): \(outcome.summary)")
    }
    var oneSeed = full
    oneSeed.seedCount = 1
    oneSeed.runs.removeAll { $0.seedIndex > 0 }
    #expect(try claim.decide(oneSeed).verdict == .inconclusive)
  }

  @Test(arguments: claims.map(\.id)) func everyRunIsNamedByTheFeedbackCatalog(_ id: String) {
    let claim = Self.claim(id)
    for spec in claim.runs {
      let entry = FeedbackCatalog.entries.first {
        $0.objective == spec.objective && $0.paper == spec.paper
      }
      #expect(entry != nil, "\(spec.label): no catalog entry \(spec.objective) of \(spec.paper)")
      #expect(
        entry?.feedback.contains(spec.feedback) == true,
        "\(spec.label): \(spec.objective) of \(spec.paper) does not train on \(spec.feedback)")
      #expect(spec.responses >= 2 && spec.rounds >= 1 && spec.rewardNoise >= 0)
      // Every hyperparameter is the entry's own (a loss hyperparameter overridden) or a
      // documented sweep key the pipeline reads.
      let own = Set(entry?.hyperparameters.map(\.name) ?? [])
      for key in spec.hyperparameters.keys {
        #expect(own.contains(key) || MPORuns.Key.all.contains(key), "\(spec.label): key \(key)")
      }
    }
    #expect(Set(claim.runs.map(\.label)).count == claim.runs.count, "\(id): duplicate labels")
    // A claim without training runs (sampling only) is not in the default grid either.
    #expect(
      claim.inDefaultGrid
        == (!claim.runs.isEmpty
          && claim.runs.allSatisfy { MPORuns.defaultGridLabels.contains($0.label) }))
  }

  /// A label names one spec across all claims, so shared runs are run once.
  @Test func sharedLabelsNameIdenticalSpecs() {
    var byLabel: [String: RunSpec] = [:]
    for spec in Self.claims.flatMap(\.runs) {
      if let seen = byLabel[spec.label] {
        #expect(seen == spec, "\(spec.label) names two specs")
      }
      byLabel[spec.label] = spec
    }
    // The default-grid runs keep their grid labels and plain specs.
    #expect(
      byLabel["MPO"]
        == RunSpec(label: "MPO", objective: "MPO", paper: "001 MPO", feedback: .thresholdSets))
    #expect(
      byLabel["DPO@MPO"]
        == RunSpec(
          label: "DPO@MPO", objective: "DPO", paper: "001 MPO", feedback: .bestVsWorstPairs))
  }

  @Test func rewardSpacingWithoutSamplesIsInconclusive() throws {
    let claim = Self.claim("mpo.emp.reward-spacing")
    let outcome = try claim.decide(MPOFabricated.results([]))
    #expect(outcome.verdict == .inconclusive)
    #expect(outcome.summary.contains("reward samples missing"))
  }

  /// Units whose first two scores are the extremes have Δ̄(k) = 1/(k − 1): slope ≈ −1.24
  /// (confirmed); units whose first-k range grows like k − 1 have constant Δ̄: slope 0
  /// (refuted); units with Δ̄ ∝ k^−0.8 exactly sit on the bar (inconclusive).
  @Test func rewardSpacingStatisticDecides() throws {
    let stream = RandomStream(seed: 3, stream: 9)
    func units(_ score: (Int, Int) -> Double) -> [[[Double]]] {
      (0..<2).map { s in (0..<20).map { p in (0..<32).map { i in score(s * 20 + p, i) } } }
    }
    let shrinking = units { u, i in
      i == 0 ? 0 : i == 1 ? 1 : 0.5 + 0.4 * MPOFabricated.jitter("spacing", u, i % 16)
    }
    #expect(try MPORewardSpacing.decide(rewards: shrinking, stream: stream).verdict == .confirmed)
    let constant = units { u, i in Double(i) * (1 + 0.01 * MPOFabricated.jitter("c", u)) }
    #expect(try MPORewardSpacing.decide(rewards: constant, stream: stream).verdict == .refuted)
    #expect(
      try MPORewardSpacing.decide(rewards: [[[0, 1]]], stream: stream).verdict == .inconclusive)
  }

  /// A budget run a quarter as long as DPO's, with the same token total: its checkpoints are
  /// found by estimated cumulative tokens (tokens·step/steps), not by step.
  @Test func fixedComputeCheckpointsFollowTokens() {
    let spec = MPORuns.mpo(settings: [(MPORuns.Key.tokenBudgetOfDPO, 1)])
    let short = RunRecord(
      spec: spec, seedIndex: 0,
      points: stride(from: 0, through: 25, by: 5).map {
        MPOFabricated.point(step: $0, accuracy: Double($0) / 100)
      }, steps: 25, tokens: 10_000, seconds: 1)
    // 400 tokens per step: 2500 → step 5 (2000) beats step 10 (4000); 10000 → step 25.
    #expect(MPOFixedCompute.point(short, nearestTokens: 2500).point.step == 5)
    #expect(MPOFixedCompute.point(short, nearestTokens: 7500).point.step == 20)
    #expect(MPOFixedCompute.point(short, nearestTokens: 10_000).point.step == 25)
    let long = MPOFabricated.record(MPORuns.dpo(), seed: 0) { _ in 0.5 }
    #expect(MPOFixedCompute.point(long, nearestTokens: 7500).point.step == 70)
  }

  /// The budget run lays the default schedule over its shorter length: points at a quarter,
  /// half and three quarters of its steps (8, 16, 24 of 32), so the 25–75 % checkpoints are
  /// not all its step-0 point; the DPO run keeps the shared schedule.
  @Test func fixedComputeBudgetRunHasTheLaidOverPoints() throws {
    let c = Self.claim("mpo.emp.fixed-compute")
    let budget = try #require(c.runs.first { $0.label.contains(MPORuns.Key.tokenBudgetOfDPO) })
    #expect(budget.extraMetricSteps(of: 32) == [8, 16, 24])
    #expect(budget.extraMetricSteps(of: 31) == [8, 16, 23])  // 7.75, 15.5, 23.25
    let dpo = try #require(c.runs.first { !$0.label.contains(MPORuns.Key.tokenBudgetOfDPO) })
    #expect(dpo.extraMetricFractions == nil)
  }

  /// Round boundaries r·steps/3 pick the nearest metric points; π^(0) and π^(3) are the ends.
  @Test func iterativeRoundPoints() {
    let run = MPOFabricated.record(MPORuns.mpoTopTwoBottomTwo(rounds: 3), seed: 0) { _ in 0.5 }
    #expect(MPOIterativeRounds.roundPoints(run, rounds: 3).map(\.step) == [0, 30, 70, 100])
  }

  @Test func tostRule() throws {
    // Equivalent: tiny differences; different: all ≈ 5 pp; undecided: wide spread.
    let tight = try MPOEquivalence(
      name: "t", differences: [0.001, -0.001, 0.002, 0, -0.002], comparisons: 3)
    #expect(tight.equivalent && !tight.different)
    let apart = try MPOEquivalence(
      name: "a", differences: [0.05, 0.051, 0.049, 0.05, 0.052], comparisons: 3)
    #expect(!apart.equivalent && apart.different)
    let wide = try MPOEquivalence(
      name: "w", differences: [0.1, -0.1, 0.05, -0.04, 0], comparisons: 3)
    #expect(!wide.equivalent && !wide.different)
  }

  @Test func midRanksAndPermutationTest() {
    #expect(
      MPORankCorrelation.midRanks([3, 1, .infinity, 1, .infinity]) == [3, 1.5, 4.5, 1.5, 4.5])
    let x = (0..<5).map { _ in [0.01, 0.05, 0.1, 0.5] }
    let rising = MPORankCorrelation(
      x: x, y: (0..<5).map { _ in [10, 20, 30, 40] }, permutations: 2000,
      stream: RandomStream(seed: 1))
    #expect(rising.rho > 0.99 && rising.pAbove <= 0.05 && rising.pBelow > 0.05)
    let flat = MPORankCorrelation(
      x: x, y: (0..<5).map { _ in [10, 10, 10, 10] }, permutations: 2000,
      stream: RandomStream(seed: 1))
    #expect(flat.rho == 0 && flat.pAbove > 0.05 && flat.pBelow > 0.05)
  }
}
