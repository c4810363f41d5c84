// Per-seed statistics the empirical decisions read from a run's metric trajectory
// (TRAINING.md steps 6–7): the final value of a metric, its change from the SFT model (the
// step-0 point, π_ref) to the end of training, and its relative change from the first to the
// last evaluation; one value per seed, in seed order, ready for ``PairedComparison``.
import Claims
import Foundation

/// A run that cannot give a statistic, named by label, seed, field and rule.
public struct EmpiricalInputError: Error, CustomStringConvertible {
  public var field: String
  public var value: String
  public var rule: String
  public var description: String { "\(field) = \(value): \(rule)" }
}

/// Statistics of metric trajectories, per seed.
public enum EmpiricalStatistics {
  /// `stat` of the run `label` for every seed 0..<seedCount, in seed order. Call after
  /// ``EmpiricalDecision/missing(_:labels:)`` has found every run.
  public static func perSeed(
    _ results: TrainingResults, _ label: String, _ stat: (RunRecord) throws -> Double
  ) throws -> [Double] {
    try (0..<results.seedCount).map { s in
      guard let run = results.runs(label: label).first(where: { $0.seedIndex == s }) else {
        throw EmpiricalInputError(
          field: "runs[\(label)]", value: "seed \(s) absent", rule: "every seed must have the run")
      }
      return try stat(run)
    }
  }

  /// The ``TrainingResults/settings`` key in which the pipeline lists, comma-separated, the
  /// RunSpec hyperparameters it honours beyond those the objectives read: settings of the
  /// model or the data that RunSpec has no field for (`modelWidth`, `desiredFraction`).
  public static let honouredRunKeysSetting = "honouredRunKeys"

  /// `inconclusive` naming the keys of `keys` the results do not declare honoured, nil when
  /// all are: a run labelled `MaPPO[d=32]` that a pipeline trained at the default width would
  /// otherwise be decided as if it were the narrow model.
  public static func unhonoured(_ results: TrainingResults, keys: [String]) -> CheckOutcome? {
    let declared = Set(
      (results.settings[honouredRunKeysSetting] ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      })
    let absent = keys.filter { !declared.contains($0) }
    if absent.isEmpty { return nil }
    return CheckOutcome(
      verdict: .inconclusive,
      summary: "the results do not declare RunSpec hyperparameter(s) "
        + absent.joined(separator: ", ") + " honoured (settings[\(honouredRunKeysSetting)] = "
        + "\"\(results.settings[honouredRunKeysSetting] ?? "")\"): the sweep runs cannot be trusted"
    )
  }

  /// The paired comparison stat(a) − stat(b) over seeds at level 1 − 0.05/`comparisons`.
  public static func paired(
    _ results: TrainingResults, _ a: RunSpec, minus b: RunSpec, _ name: String,
    comparisons: Int, _ stat: (RunRecord) throws -> Double
  ) throws -> PairedComparison {
    let x = try perSeed(results, a.label, stat)
    let y = try perSeed(results, b.label, stat)
    return try PairedComparison(
      name: "\(name)(\(a.label)) − \(name)(\(b.label))", differences: zip(x, y).map { $0 - $1 },
      comparisons: comparisons)
  }

  /// The one-sample interval of stat(a) over seeds (an effect of one run against 0).
  public static func single(
    _ results: TrainingResults, _ a: RunSpec, _ name: String, comparisons: Int,
    _ stat: (RunRecord) throws -> Double
  ) throws -> PairedComparison {
    try PairedComparison(
      name: "\(name)(\(a.label))", differences: try perSeed(results, a.label, stat),
      comparisons: comparisons)
  }

  /// The last metric point's value.
  public static func final(_ m: KeyPath<MetricPoint, Double>, _ name: String) -> (RunRecord) throws
    -> Double
  {
    { r in
      guard let p = r.final else { throw empty(r) }
      return p[keyPath: m]
    }
  }

  /// last − first (the change from the SFT model at step 0 to the end of training).
  public static func change(_ m: KeyPath<MetricPoint, Double>, _ name: String) -> (RunRecord) throws
    -> Double
  {
    { r in
      guard let a = r.initial, let b = r.final else { throw empty(r) }
      return b[keyPath: m] - a[keyPath: m]
    }
  }

  /// (last − first)/first, the relative change from the first to the last evaluation.
  /// - Throws: when the first value is 0 (the relative change is undefined).
  public static func relativeChange(_ m: KeyPath<MetricPoint, Double>, _ name: String)
    -> (RunRecord) throws -> Double
  {
    { r in
      guard let a = r.initial, let b = r.final else { throw empty(r) }
      let x0 = a[keyPath: m]
      guard x0 != 0, x0.isFinite else {
        throw EmpiricalInputError(
          field: "\(r.spec.label) seed \(r.seedIndex) points[0].\(name)", value: formatNumber(x0),
          rule: "must be finite and non-zero for a relative change")
      }
      return (b[keyPath: m] - x0) / x0
    }
  }

  static func empty(_ r: RunRecord) -> EmpiricalInputError {
    EmpiricalInputError(
      field: "\(r.spec.label) seed \(r.seedIndex) points", value: "[]",
      rule: "must hold the step-0 and the final metric point")
  }

  /// A one-line description of an interval, as ``EmpiricalDecision/decide(_:notes:)``
  /// prints required ones.
  public static func describe(_ c: PairedComparison, claimed side: ClaimedSide? = nil) -> String {
    var s = "\(c.name): mean \(formatNumber(c.mean)), \(formatNumber(c.level * 100))% CI "
    s += "[\(formatNumber(c.low)), \(formatNumber(c.high))]"
    if let side { s += ", claimed \(side == .above ? "> 0" : "< 0")" }
    return s
  }

  /// The verdict of one claimed comparison by the shared rule.
  public static func verdict(_ c: ClaimedComparison) -> Verdict {
    c.onOppositeSide ? .refuted : (c.onClaimedSide ? .confirmed : .inconclusive)
  }

  /// The mean of `values` (0 for none).
  public static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }
}
