// The decision rule every empirical entry shares (claims/mappo.md "Empirical rule";
// alphapo §2.8, mpo §0.14, pro M8 and pipa restate it; TRAINING.md step 7): each claimed
// effect is a paired per-seed comparison with a Bonferroni t-interval; `confirmed` when
// every required interval lies entirely on the claimed side of 0, `refuted` when one lies
// entirely on the opposite side, `inconclusive` otherwise (and when a run is missing or
// there are fewer than two seeds).
import Claims

/// The side of 0 an effect is claimed to lie on.
public enum ClaimedSide: String, Sendable, Codable {
  /// d > 0.
  case above
  /// d < 0.
  case below
}

/// A paired comparison and the side the claim puts it on.
public struct ClaimedComparison: Sendable {
  public var comparison: PairedComparison
  public var side: ClaimedSide
  public init(_ comparison: PairedComparison, _ side: ClaimedSide) {
    self.comparison = comparison
    self.side = side
  }
  /// The interval lies entirely on the claimed side.
  public var onClaimedSide: Bool { side == .above ? comparison.above : comparison.below }
  /// The interval lies entirely on the opposite side.
  public var onOppositeSide: Bool { side == .above ? comparison.below : comparison.above }
}

/// Shared pieces of the empirical decisions.
public enum EmpiricalDecision {
  /// `inconclusive` naming what is missing when `results` lacks a run of `labels` for some
  /// seed or has fewer than two seeds; nil when everything is there.
  public static func missing(_ results: TrainingResults, labels: [String]) -> CheckOutcome? {
    if results.seedCount < 2 {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "\(results.seedCount) seed(s): a paired t-interval needs at least 2")
    }
    for label in labels {
      let seeds = Set(results.runs(label: label).map(\.seedIndex))
      let absent = (0..<results.seedCount).filter { !seeds.contains($0) }
      if !absent.isEmpty {
        return CheckOutcome(
          verdict: .inconclusive,
          summary: "run \(label) missing for seed(s) \(absent.map(String.init).joined(separator: ","))"
            + " (run `verify train --claims <id>`)")
      }
    }
    return nil
  }

  /// `metric` of the runs of `label`, by seed index 0..<seedCount.
  public static func values(
    _ results: TrainingResults, _ label: String, _ metric: (RunRecord) -> Double
  ) -> [Double] {
    results.runs(label: label).map(metric)
  }

  /// The paired comparison metric(a) − metric(b) over seeds.
  public static func paired(
    _ results: TrainingResults, _ a: String, minus b: String, metric name: String,
    comparisons: Int, _ metric: (RunRecord) -> Double
  ) throws -> PairedComparison {
    let x = values(results, a, metric)
    let y = values(results, b, metric)
    precondition(x.count == y.count, "paired: \(a) and \(b) have different seed counts")
    return try PairedComparison(
      name: "\(name)(\(a)) − \(name)(\(b))", differences: zip(x, y).map { $0 - $1 },
      comparisons: comparisons)
  }

  /// The verdict of the rule for `required` comparisons, with each interval in the
  /// evidence.
  public static func decide(_ required: [ClaimedComparison], notes: [String] = []) -> CheckOutcome {
    let verdict: Verdict
    if required.contains(where: \.onOppositeSide) {
      verdict = .refuted
    } else if !required.isEmpty && required.allSatisfy(\.onClaimedSide) {
      verdict = .confirmed
    } else {
      verdict = .inconclusive
    }
    let lines = required.map { c in
      "\(c.comparison.name): mean \(formatNumber(c.comparison.mean)), "
        + "\(formatNumber(c.comparison.level * 100))% CI [\(formatNumber(c.comparison.low)), "
        + "\(formatNumber(c.comparison.high))], claimed \(c.side == .above ? "> 0" : "< 0")"
    }
    let classes = required.map { c in
      CaseClass(
        name: c.comparison.name, cases: c.comparison.differences.count,
        failures: c.onClaimedSide ? 0 : 1,
        worstResidual: c.side == .above ? -c.comparison.low : c.comparison.high,
        toleranceAtWorst: 0,
        // No tolerance applies: the interval's end is the residual, 0 the bar.
        worstRatio: c.onClaimedSide ? 0 : 1,
        toleranceReason: "paired t-interval over seeds at level \(formatNumber(c.comparison.level)) (Bonferroni over \(required.count))")
    }
    return CheckOutcome(
      verdict: verdict, summary: lines.joined(separator: "; "), classes: classes, notes: notes)
  }
}
