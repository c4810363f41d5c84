// The "similar" rule of claims/mpo.md §0.14 EP-6 (TOST, margin 1.5 percentage points):
// equivalent if the two-sided t-interval of the paired per-seed differences at level
// 1 − 2·0.05/J lies inside ±margin; shown different if the interval at level 1 − 0.05/J
// lies entirely outside ±margin; otherwise undecided. J is the number of intervals the
// entry lists.
import Claims

/// A TOST equivalence test of paired per-seed differences.
struct MPOEquivalence: Sendable {
  /// What is compared, e.g. "acc(MPO) − acc(MPO[scoreFunction=2])".
  var name: String
  var differences: [Double]
  /// The margin, in accuracy units (1.5 pp = 0.015).
  var margin: Double
  /// The interval at level 1 − 2·0.05/J (the equivalence test).
  var inner: (low: Double, high: Double)?
  /// The interval at level 1 − 0.05/J (the difference test).
  var outer: (low: Double, high: Double)?
  var comparisons: Int

  /// EP-6's margin: 1.5 percentage points of accuracy.
  static let accuracyMargin = 0.015

  init(name: String, differences: [Double], margin: Double = accuracyMargin, comparisons: Int)
    throws
  {
    self.name = name
    self.differences = differences
    self.margin = margin
    self.comparisons = comparisons
    let alpha = 0.05 / Double(comparisons)
    inner = try MPOEvidence.tInterval(differences, level: max(1 - 2 * alpha, 0))
    outer = try MPOEvidence.tInterval(differences, level: 1 - alpha)
  }

  /// The inner interval lies inside (−margin, margin).
  var equivalent: Bool {
    guard let i = inner else { return false }
    return i.low > -margin && i.high < margin
  }

  /// The outer interval lies entirely outside [−margin, margin].
  var different: Bool {
    guard let o = outer else { return false }
    return o.low > margin || o.high < -margin
  }

  var line: String {
    func show(_ i: (low: Double, high: Double)?) -> String {
      i.map { "[\(formatNumber($0.low)), \(formatNumber($0.high))]" } ?? "none"
    }
    let state = equivalent ? "equivalent" : different ? "different" : "undecided"
    return
      "\(name): TOST ±\(formatNumber(margin)), \(formatNumber(100 - 200 * 0.05 / Double(comparisons)))% CI "
      + "\(show(inner)), \(formatNumber(100 - 100 * 0.05 / Double(comparisons)))% CI \(show(outer)): \(state)"
  }

  var caseClass: CaseClass {
    let worst = inner.map { max(abs($0.low), abs($0.high)) } ?? .nan
    return CaseClass(
      name: name, cases: differences.count, failures: equivalent ? 0 : 1, worstResidual: worst,
      toleranceAtWorst: margin, worstRatio: worst / margin,
      toleranceReason:
        "TOST equivalence margin 1.5 pp (claims/mpo.md EP-6), Bonferroni over \(comparisons)")
  }

  /// TOST of acc(a) − acc(b) over seeds.
  static func accuracy(
    _ results: TrainingResults, _ a: RunSpec, _ b: RunSpec, comparisons: Int
  ) throws -> MPOEquivalence {
    let x = MPOEvidence.perSeed(results, a.label)
    let y = MPOEvidence.perSeed(results, b.label)
    return try MPOEquivalence(
      name: "acc(\(a.label)) − acc(\(b.label))", differences: zip(x, y).map { $0 - $1 },
      comparisons: comparisons)
  }
}
