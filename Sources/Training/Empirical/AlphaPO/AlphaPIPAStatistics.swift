// Measurements the AlphaPO and PIPA empirical decisions share beyond EmpiricalDecision:
// a metric point at a fraction of the run (claims/alphapo.md §2.8 "Time axis"), per-seed
// values of a metric that may be unavailable, one-sample and fixed-level t-intervals
// (§2.8 "Statistics"), the seeded bootstrap of an argmax over seeds, and the worst-of rule
// for multi-part entries (claims/pipa.md "Multi-part entries").
import Claims
import Numerics

/// A measurement a decision needs is not in the results (a metric the pipeline did not log,
/// a metric interval too coarse for a checkpoint); the claim is then `inconclusive`.
struct AlphaPIPAMissingMeasurement: Error {
  let reason: String
}

enum AlphaPIPAStatistics {
  /// Runs `body`, turning a ``AlphaPIPAMissingMeasurement`` into an `inconclusive` outcome that
  /// names it (with `notes`, e.g. the claim's readings).
  static func guarded(notes: [String] = [], _ body: () throws -> CheckOutcome) throws
    -> CheckOutcome
  {
    do {
      return try body()
    } catch let m as AlphaPIPAMissingMeasurement {
      return CheckOutcome(verdict: .inconclusive, summary: m.reason, notes: notes)
    }
  }

  /// The metric point nearest to fraction `t` ∈ [0, 1] of the run's steps (§2.8 "Time
  /// axis": checkpoints at t ∈ {0, 0.05, 0.1, 0.25, 0.5, 0.75, 1}); ties go to the earlier
  /// point. For t > 0 the point must lie after step 0, else the metric interval is too
  /// coarse to place the checkpoint and the measurement is missing.
  static func point(_ run: RunRecord, at t: Double) throws -> MetricPoint {
    guard let first = run.points.first else {
      throw AlphaPIPAMissingMeasurement(
        reason: "run \(run.spec.label) seed \(run.seedIndex) has no metric points")
    }
    if t <= 0 { return first }
    let target = t * Double(run.steps)
    var best = first
    for p in run.points where abs(Double(p.step) - target) < abs(Double(best.step) - target) {
      best = p
    }
    if best.step == 0 {
      throw AlphaPIPAMissingMeasurement(
        reason: "run \(run.spec.label) seed \(run.seedIndex): no metric point after step 0 "
          + "near t = \(formatNumber(t)) of \(run.steps) steps (metric interval too coarse)")
    }
    return best
  }

  /// The runs of `label`, exactly one per seed index 0..<seedCount, in seed order; a seed
  /// without a run or with several is a missing measurement (so every per-seed list of a
  /// decision has S entries and paired differences line up).
  static func runs(_ results: TrainingResults, _ label: String) throws -> [RunRecord] {
    let all = results.runs(label: label)
    return try (0..<results.seedCount).map { s in
      let these = all.filter { $0.seedIndex == s }
      guard these.count == 1 else {
        throw AlphaPIPAMissingMeasurement(
          reason: "run \(label) has \(these.count) records for seed \(s) (exactly 1 needed)")
      }
      return these[0]
    }
  }

  /// `metric` of the runs of `label` by seed index 0..<seedCount.
  static func perSeed(
    _ results: TrainingResults, _ label: String, _ metric: (RunRecord) throws -> Double
  ) throws -> [Double] {
    try runs(results, label).map(metric)
  }

  /// An optional metric value, or a ``AlphaPIPAMissingMeasurement`` naming the field.
  static func required(_ value: Double?, _ field: String, _ run: RunRecord) throws -> Double {
    guard let v = value else {
      throw AlphaPIPAMissingMeasurement(
        reason: "run \(run.spec.label) seed \(run.seedIndex) did not log \(field)")
    }
    return v
  }

  /// A one-sample interval of per-seed `values` (the per-setting statistic of §2.8, "for a
  /// single setting, by the per-seed values"), level 1 − 0.05/k.
  static func oneSample(_ name: String, _ values: [Double], comparisons k: Int) throws
    -> PairedComparison
  {
    try PairedComparison(name: name, differences: values, comparisons: k)
  }

  /// Element-wise a − b of two per-seed lists (equal lengths: both come from ``perSeed``
  /// or ``runs(_:_:)``, which return one entry per seed).
  static func minus(_ a: [Double], _ b: [Double]) -> [Double] {
    zip(a, b).map { $0 - $1 }
  }

  /// A two-sided t-interval (mean, low, high) of `values` at `level` (S − 1 degrees of
  /// freedom), for the entries whose level is not 1 − 0.05/k (e.g. the 90 % equivalence
  /// interval of alphapo.empirical.kl-trajectory, the 95 % interval of win-asymmetry).
  static func interval(_ values: [Double], level: Double) throws -> (
    mean: Double, low: Double, high: Double
  ) {
    let s = values.count
    guard s >= 2 else {
      throw AlphaPIPAMissingMeasurement(reason: "an interval needs ≥ 2 seeds, got \(s)")
    }
    let mean = values.reduce(0, +) / Double(s)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(s - 1)
    let t = try StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(s - 1)).value
    let half = t * (variance / Double(s)).squareRoot()
    return (mean, mean - half, mean + half)
  }

  /// Share of bootstrap resamples over seeds (alphapo §2.8: 10,000 seeded resamples) whose
  /// argmax over settings of the resampled mean lies in `target`; a tie between j settings
  /// gives each 1/j of the resample. `values[i][s]` is setting i in seed s. Also the full
  /// argmax distribution, by setting index.
  static func bootstrapArgmaxShare(
    _ values: [[Double]], target: Set<Int>, seed: UInt64, stream: UInt64,
    resamples: Int = 10_000
  ) -> (share: Double, distribution: [Double]) {
    let settings = values.count
    let seeds = values[0].count
    var rng = RandomStream(seed: seed, stream: stream)
    var distribution = [Double](repeating: 0, count: settings)
    var pick = [Int](repeating: 0, count: seeds)
    for _ in 0..<resamples {
      for j in 0..<seeds { pick[j] = Int(rng.uniformInt(below: UInt64(seeds))) }
      var means = [Double](repeating: 0, count: settings)
      for i in 0..<settings {
        var sum = 0.0
        for j in pick { sum += values[i][j] }
        means[i] = sum / Double(seeds)
      }
      let top = means.max()!
      let winners = (0..<settings).filter { means[$0] == top }
      for w in winners { distribution[w] += 1 / Double(winners.count) }
    }
    let total = Double(resamples)
    distribution = distribution.map { $0 / total }
    let share = target.reduce(0.0) { $0 + distribution[$1] }
    return (share, distribution)
  }

  /// The worst of the part verdicts (claims/pipa.md "Multi-part entries"): refuted <
  /// inconclusive < conditional < approximate < confirmed.
  static func worst(_ verdicts: [Verdict]) -> Verdict {
    let order: [Verdict] = [.refuted, .inconclusive, .conditional, .approximate, .confirmed]
    return order.first { verdicts.contains($0) } ?? .inconclusive
  }

  /// One line for an interval.
  static func line(_ name: String, _ mean: Double, _ low: Double, _ high: Double, level: Double)
    -> String
  {
    "\(name): mean \(formatNumber(mean)), \(formatNumber(level * 100))% CI "
      + "[\(formatNumber(low)), \(formatNumber(high))]"
  }

  /// A one-line summary of a comparison (for reported-only quantities).
  static func line(_ c: PairedComparison) -> String {
    line(c.name, c.mean, c.low, c.high, level: c.level)
  }

  /// Mean of a list.
  static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
}
