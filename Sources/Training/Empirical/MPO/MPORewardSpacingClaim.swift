// mpo.emp.reward-spacing (claims/mpo.md §5; App. A.5 Fig. 10): 32 responses from π_ref
// (temperature 1) for each of 512 test prompts per seed, clean S; for k ∈ {2, 4, 8, 16, 32}
// (the first k), Δ̄(k) = the mean over (seed, prompt) of (max S − min S)/(k − 1). Fit the OLS
// slope of log Δ̄ on log k; interval slope ± z·SE, SE from 1000 bootstrap resamples of
// (seed, prompt) pairs, z at 95% (§0.13). Confirmed if the upper end is ≤ −0.8; refuted if
// the lower end is > −0.8; inconclusive otherwise. Reported: the fraction of tied adjacent
// pairs among the 32 sorted scores, and the slope on the prompts with no ties.
//
// The entry needs sampling only, no training: when it is selected, ``RewardSpacingStage``
// draws the samples from every seed's SFT model into ``TrainingResults/rewardSpacing``, and
// the claim is decided from them (inconclusive, saying so, when the results hold none).
// The statistic itself is ``MPORewardSpacing``; its bootstrap draws from a stream of the
// master seed keyed by the claim id.
import Claims
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MPOEmpiricalClaims {
  static let rewardSpacing = EmpiricalClaim(
    id: "mpo.emp.reward-spacing", paper: .mpo,
    source: "App. A.5 Fig. 10 (\"the spacing shrinks drastically, following an approximate "
      + "O(1/k) trend\")",
    statement: "The mean gap between the rewards of adjacently ranked responses shrinks roughly "
      + "like 1/k as the number of sampled responses k grows.",
    runs: [], inDefaultGrid: false,
    decide: { results in
      guard let samples = results.rewardSpacing else {
        return CheckOutcome(
          verdict: .inconclusive,
          summary: "reward samples missing: the entry needs 32 responses from π_ref for each of "
            + "512 test prompts per seed (run `verify train --claims mpo.emp.reward-spacing`)")
      }
      var outcome = try MPORewardSpacing.decide(
        rewards: samples.rewards,
        stream: RandomStream(
          seed: results.seed, stream: MPORankCorrelation.streamIndex("mpo.emp.reward-spacing")))
      outcome.notes.append(
        "samples: \(samples.responses) responses at T = \(formatNumber(samples.temperature)) "
          + "from each seed's SFT model on the first \(samples.prompts) test prompts, "
          + "\(samples.rewards.count) seed(s); S is the verifier's clean reward")
      if samples.prompts < RewardSpacingStage.prompts {
        outcome.notes.append(
          "reading: the test split has \(samples.prompts) prompts, fewer than the entry's "
            + "\(RewardSpacingStage.prompts); all of them are used")
      }
      return outcome
    })
}

extension EmpiricalRegistry {
  /// Whether `claims` select mpo.emp.reward-spacing, whose samples the grid then draws
  /// (`TrainingGrid.execute(…, rewardSpacing: true)`).
  public static func rewardSpacingRequested(claims: [EmpiricalClaim]) -> Bool {
    claims.contains { $0.id == MPOEmpiricalClaims.rewardSpacing.id }
  }
}

/// The statistic and decision of mpo.emp.reward-spacing.
enum MPORewardSpacing {
  static let ks = [2, 4, 8, 16, 32]
  static let bootstrapResamples = 1000
  static let threshold = -0.8

  /// Δ̄(k) of `units` (each the ≥ 32 scores of one (seed, prompt), in sampling order).
  static func meanSpacing(_ units: [[Double]], k: Int) -> Double {
    var total = 0.0
    for u in units {
      let first = u.prefix(k)
      total += ((first.max() ?? 0) - (first.min() ?? 0)) / Double(k - 1)
    }
    return total / Double(units.count)
  }

  /// log k for each k of ``ks``: the regressor of ``slope(_:)``.
  static var logKs: [Double] { ks.map { log(Double($0)) } }

  /// log Δ̄(k) for each k of ``ks``, or nil when some Δ̄(k) is 0 (its log is −∞).
  static func logMeanSpacings(_ units: [[Double]]) -> [Double]? {
    let y = ks.map { log(meanSpacing(units, k: $0)) }
    return y.allSatisfy(\.isFinite) ? y : nil
  }

  /// The OLS slope of log Δ̄(k) on log k (nan when some Δ̄(k) is 0).
  static func slope(_ units: [[Double]]) -> Double {
    guard let y = logMeanSpacings(units) else { return .nan }
    return MPOEvidence.olsSlope(logKs, y)
  }

  /// The verdict from `rewards[seed][prompt]` (≥ 32 scores each); bootstrap on `stream`.
  static func decide(rewards: [[[Double]]], stream: RandomStream) throws -> CheckOutcome {
    let units = rewards.flatMap { $0 }
    guard units.count >= 2, units.allSatisfy({ $0.count >= 32 }) else {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "reward samples: need ≥ 2 (seed, prompt) units of ≥ 32 scores, got "
          + "\(units.count)")
    }
    let estimate = slope(units)
    var rng = stream
    var boot: [Double] = []
    for _ in 0..<bootstrapResamples {
      let resample = (0..<units.count).map { _ in units[rng.uniformInt(in: 0..<units.count)] }
      boot.append(slope(resample))
    }
    let finite = boot.filter(\.isFinite)
    let se = MPOEvidence.meanAndSD(finite).sd
    let z = try StandardNormal.quantile(0.975).value
    let low = estimate - z * se
    let high = estimate + z * se
    let verdict: Verdict
    if !(estimate.isFinite && se.isFinite) || finite.count < boot.count {
      verdict = .inconclusive
    } else if high <= threshold {
      verdict = .confirmed
    } else if low > threshold {
      verdict = .refuted
    } else {
      verdict = .inconclusive
    }
    var tied = 0
    var adjacent = 0
    for u in units {
      let s = u.prefix(32).sorted()
      for i in 1..<s.count {
        adjacent += 1
        if s[i] == s[i - 1] { tied += 1 }
      }
    }
    let untied = units.filter { u in Set(u.prefix(32)).count == 32 }
    let untiedSlope = untied.count >= 2 ? slope(untied) : .nan
    return CheckOutcome(
      verdict: verdict,
      summary: "slope of log Δ̄ on log k = \(formatNumber(estimate)), 95% interval "
        + "[\(formatNumber(low)), \(formatNumber(high))] (bootstrap SE over \(units.count) "
        + "(seed, prompt) units, \(bootstrapResamples) resamples); claimed ≤ −0.8; tied "
        + "adjacent pairs \(formatNumber(Double(tied) / Double(adjacent))); slope on the "
        + "\(untied.count) untied prompts \(formatNumber(untiedSlope))",
      notes: finite.count < boot.count
        ? ["\(boot.count - finite.count) bootstrap resamples had Δ̄(k) = 0 for some k"] : [])
  }
}
