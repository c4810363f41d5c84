// The pieces MPO's empirical decisions share on top of ``EmpiricalDecision``
// (claims/mpo.md §0.14 EP-5, EP-6): the metric (greedy test accuracy of the final point),
// the missing-run check, per-seed values, the EP-6 trend rule (per-seed OLS slopes, then
// their t-interval) and the assembly of a multi-part verdict with every interval in the
// evidence.
import Claims
import Numerics

/// Shared helpers of MPO's empirical decisions.
enum MPOEvidence {
  /// EP-5: greedy exact-match test accuracy of the run's final point.
  static func accuracy(_ r: RunRecord) -> Double { r.final?.testAccuracy ?? .nan }

  /// `inconclusive` naming the first missing run (or one without metric points), or fewer
  /// than two seeds; nil when every run of `runs` is there for every seed.
  static func missing(_ results: TrainingResults, _ runs: [RunSpec]) -> CheckOutcome? {
    let labels = runs.map(\.label)
    if let m = EmpiricalDecision.missing(results, labels: labels) { return m }
    for label in labels {
      let empty = results.runs(label: label).filter { $0.points.isEmpty }.map(\.seedIndex)
      if !empty.isEmpty {
        return CheckOutcome(
          verdict: .inconclusive,
          summary: "run \(label) has no metric points for seed(s) "
            + empty.map(String.init).joined(separator: ","))
      }
    }
    return nil
  }

  /// `metric` of the runs of `label`, one value per seed index 0..<seedCount.
  static func perSeed(
    _ results: TrainingResults, _ label: String, _ metric: (RunRecord) -> Double = accuracy
  ) -> [Double] {
    let runs = results.runs(label: label)
    return (0..<results.seedCount).map { s in
      runs.first { $0.seedIndex == s }.map(metric) ?? .nan
    }
  }

  /// The paired comparison a − b of per-seed values, named `name`.
  static func paired(
    _ name: String, _ a: [Double], minus b: [Double], comparisons: Int
  ) throws -> PairedComparison {
    try PairedComparison(
      name: name, differences: zip(a, b).map { $0 - $1 }, comparisons: comparisons)
  }

  /// acc(a) − acc(b) over seeds.
  static func accuracyDifference(
    _ results: TrainingResults, _ a: RunSpec, minus b: RunSpec, comparisons: Int,
    side: ClaimedSide = .above
  ) throws -> ClaimedComparison {
    ClaimedComparison(
      try paired(
        "acc(\(a.label)) − acc(\(b.label))", perSeed(results, a.label),
        minus: perSeed(results, b.label), comparisons: comparisons), side)
  }

  /// The OLS slope of `y` on `x` (nan when x is constant).
  static func olsSlope(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
    }
    return sxx > 0 ? sxy / sxx : .nan
  }

  /// EP-6 trend rule: per seed, the OLS slope of the metric of `runs[i]` on `x[i]`; the
  /// t-interval of those slopes at level 1 − 0.05/`comparisons`.
  static func trend(
    _ results: TrainingResults, _ name: String, runs: [RunSpec], x: [Double], comparisons: Int,
    side: ClaimedSide, _ metric: (RunRecord) -> Double = accuracy
  ) throws -> ClaimedComparison {
    let columns = runs.map { perSeed(results, $0.label, metric) }
    let slopes = (0..<results.seedCount).map { s in olsSlope(x, columns.map { $0[s] }) }
    return ClaimedComparison(
      try PairedComparison(name: name, differences: slopes, comparisons: comparisons), side)
  }

  /// The two-sided t-interval of the mean of `d` at `level` (nil with fewer than 2 values).
  static func tInterval(_ d: [Double], level: Double) throws -> (low: Double, high: Double)? {
    guard d.count >= 2 else { return nil }
    let n = Double(d.count)
    let mean = d.reduce(0, +) / n
    let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    let t = try StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: n - 1).value
    let half = t * (variance / n).squareRoot()
    return (mean - half, mean + half)
  }

  /// EP-3's s̄ as the pipeline computes it (``AlignmentObjectives`` `sBar`, `scoreNoise`).
  static let sBarReading =
    "reading: s̄ (EP-3) is computed per seed from that seed's own shared samples (median "
    + "within-prompt SD of the clean rewards over its non-constant training prompts), not "
    + "from the first seed's: each seed trains and resumes independently, so no run reads "
    + "another seed's samples"

  /// The evidence of `parts` (each interval with its claimed side) under `verdict`, which the
  /// caller computed from the same parts by the entry's own rule.
  static func outcome(
    _ verdict: Verdict, parts: [ClaimedComparison], equivalences: [MPOEquivalence] = [],
    lines: [String] = [], notes: [String] = []
  ) -> CheckOutcome {
    var evidence = EmpiricalDecision.decide(parts, notes: notes)
    evidence.verdict = verdict
    let extra = equivalences.map(\.line) + lines
    if !extra.isEmpty {
      evidence.summary = ([evidence.summary].filter { !$0.isEmpty } + extra)
        .joined(separator: "; ")
    }
    evidence.classes += equivalences.map(\.caseClass)
    return evidence
  }

  /// Mean and sample standard deviation of `x` over seeds, for report lines.
  static func meanAndSD(_ x: [Double]) -> (mean: Double, sd: Double) {
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    let sd = n > 1 ? (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() : 0
    return (mean, sd)
  }

  /// "label: mean m, sd s over seeds".
  static func describe(_ name: String, _ x: [Double]) -> String {
    let (m, sd) = meanAndSD(x)
    return "\(name): mean \(formatNumber(m)), sd \(formatNumber(sd)) over \(x.count) seeds"
  }
}
