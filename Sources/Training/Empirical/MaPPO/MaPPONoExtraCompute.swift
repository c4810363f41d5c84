// mappo.no-extra-compute (claims/mappo.md; paper abstract "without sacrificing computational
// efficiency", §1 "without requiring additional computation", §5.3): MaPPO costs no more to
// train than DPO. Decided from the step-cost measurement of the default grid's DPO@MaPPO and
// MaPPO runs (``StepCostMeasurement``, timed by ``StepCostProbe`` on seed 0):
//   (a) policy and reference forward passes per training pair must be equal;
//   (b) the median of the 30 per-repeat ratios t_MaPPO / t_DPO, with a bootstrap 95 % CI of
//       the median (10,000 seeded resamples, percentile interval).
// Confirmed if the counts are equal and the CI's upper end is below 1.05; refuted if the
// counts differ or the CI's lower end is above 1.05; inconclusive otherwise. The ratios are
// wall-clock figures: results.json keeps only the counts (stepcost.json the ratios), so this
// claim's evidence is the one part of a report that differs between two runs of a seed.
import Claims
import Numerics

/// The compute-cost claim.
enum MaPPONoExtraCompute {
  typealias R = MaPPOEmpiricalRuns

  /// The ratio the CI is compared with (the entry's 1.05).
  static let threshold = 1.05
  /// Bootstrap resamples of the median (the entry's 10,000).
  static let resamples = 10_000
  /// The bootstrap's random stream ("STEPCOST" tag), drawn from the master seed.
  static let bootstrapStream: UInt64 = 0x5354_4550_434F_5354

  static let claim = EmpiricalClaim(
    id: "mappo.no-extra-compute", paper: .mappo,
    source: "abstract (\"without sacrificing computational efficiency\"); §1 (\"without "
      + "requiring additional computation\"); §5.3",
    statement: "MaPPO costs no more to train than DPO.",
    runs: [R.dpo, R.mappo], inDefaultGrid: true, decide: decide)

  @Sendable static func decide(_ results: TrainingResults) throws -> CheckOutcome {
    guard let cost = results.stepCost, cost.baseline == R.dpo.label,
      cost.candidate == R.mappo.label
    else {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "no step-cost measurement of \(R.mappo.label) vs \(R.dpo.label) in these "
          + "results: `verify train` times it when both runs are trained")
    }
    let counts =
      "forward passes per pair (policy, reference): \(R.dpo.label) "
      + "(\(formatNumber(cost.policyPerPair[0])), \(formatNumber(cost.referencePerPair[0]))), "
      + "\(R.mappo.label) (\(formatNumber(cost.policyPerPair[1])), "
      + "\(formatNumber(cost.referencePerPair[1]))) over the \(cost.pairs) pairs of seed 0's "
      + "first batch"
    var notes = [counts]
    // Tokens through forward + backward over a whole run, per seed: the same pairs and
    // steps give the same count when the objectives score the same sequences.
    let dpoTokens = results.runs(label: R.dpo.label).map(\.tokens)
    let mappoTokens = results.runs(label: R.mappo.label).map(\.tokens)
    if !dpoTokens.isEmpty && dpoTokens.count == mappoTokens.count {
      notes.append(
        "reported: policy tokens over each run, per seed: \(R.dpo.label) \(dpoTokens), "
          + "\(R.mappo.label) \(mappoTokens)")
    }
    if cost.policyPerPair[0] != cost.policyPerPair[1]
      || cost.referencePerPair[0] != cost.referencePerPair[1]
    {
      return CheckOutcome(
        verdict: .refuted, summary: "forward-pass counts differ: " + counts, notes: notes,
        counterexample: Counterexample(
          inputs: [
            NamedValue("policyPerPair.DPO", cost.policyPerPair[0]),
            NamedValue("policyPerPair.MaPPO", cost.policyPerPair[1]),
            NamedValue("referencePerPair.DPO", cost.referencePerPair[0]),
            NamedValue("referencePerPair.MaPPO", cost.referencePerPair[1]),
          ], detail: counts))
    }
    guard cost.ratios.count >= 2 else {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "counts equal, but no timed ratios (results.json omits them; stepcost.json "
          + "of the run that timed them holds them)", notes: notes)
    }
    let median = Self.median(cost.ratios)
    var rng = RandomStream(seed: results.seed, stream: bootstrapStream)
    var medians: [Double] = []
    medians.reserveCapacity(resamples)
    for _ in 0..<resamples {
      let resample = (0..<cost.ratios.count).map { _ in
        cost.ratios[rng.uniformInt(in: 0..<cost.ratios.count)]
      }
      medians.append(Self.median(resample))
    }
    medians.sort()
    let lower = quantile(sorted: medians, 0.025)
    let upper = quantile(sorted: medians, 0.975)
    notes.append(
      "timed: \(cost.ratios.count) repeats of one training step each, alternating order, "
        + "ratios t_MaPPO/t_DPO from \(formatNumber(cost.ratios.min() ?? .nan)) to "
        + "\(formatNumber(cost.ratios.max() ?? .nan)); wall-clock figures vary between runs")
    let interval =
      "median ratio t_MaPPO/t_DPO \(format4(median)), bootstrap 95 % CI "
      + "[\(format4(lower)), \(format4(upper))] (\(resamples) resamples); threshold "
      + "\(formatNumber(threshold)); counts equal"
    let verdict: Verdict =
      upper < threshold ? .confirmed : lower > threshold ? .refuted : .inconclusive
    return CheckOutcome(verdict: verdict, summary: interval, notes: notes)
  }

  /// The median of `xs` (the mean of the two middle values for an even count).
  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])
  }

  /// The p-quantile of sorted `s` by linear interpolation between order statistics
  /// (Hyndman–Fan type 7).
  static func quantile(sorted s: [Double], _ p: Double) -> Double {
    let h = Double(s.count - 1) * p
    let i = Int(h.rounded(.down))
    let j = min(i + 1, s.count - 1)
    return s[i] + (h - Double(i)) * (s[j] - s[i])
  }

  static func format4(_ x: Double) -> String { formatNumber((x * 1e4).rounded() / 1e4) }
}
