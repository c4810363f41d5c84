// What a check reports besides its verdict: cases tried per class, worst error against its
// tolerance and the tolerance's reason, free-form notes, the counterexample (shrunk), and
// for conditional verdicts the condition with one case on each side.

/// A named real input of a case, for printing counterexamples.
public struct NamedValue: Codable, Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var value: Double
  public init(_ name: String, _ value: Double) {
    self.name = name
    self.value = value
  }
  public var description: String { "\(name) = \(formatNumber(value))" }
}

/// Statistics of one class (stratum, part) of cases.
public struct CaseClass: Codable, Sendable, Hashable {
  /// The class name, e.g. "stratum B: a, b ∈ [−20, 20]".
  public var name: String
  /// Cases tried.
  public var cases: Int
  /// Cases that violated the claim.
  public var failures: Int
  /// The largest |residual| observed.
  public var worstResidual: Double
  /// The tolerance at the case with the largest residual/tolerance ratio.
  public var toleranceAtWorst: Double
  /// The largest residual/tolerance ratio (≤ 1 means within tolerance).
  public var worstRatio: Double
  /// Why the tolerance has its size.
  public var toleranceReason: String

  public init(
    name: String, cases: Int, failures: Int, worstResidual: Double, toleranceAtWorst: Double,
    worstRatio: Double, toleranceReason: String
  ) {
    self.name = name
    self.cases = cases
    self.failures = failures
    self.worstResidual = worstResidual
    self.toleranceAtWorst = toleranceAtWorst
    self.worstRatio = worstRatio
    self.toleranceReason = toleranceReason
  }
}

/// A failing case, shrunk to the simplest one found.
public struct Counterexample: Codable, Sendable, Hashable {
  /// The inputs of the case.
  public var inputs: [NamedValue]
  /// What was compared and how it failed, e.g. "LHS = 0.31, RHS = 0.69".
  public var detail: String
  /// The residual and the tolerance it exceeded (nil when the failure is not a residual).
  public var residual: Double?
  public var tolerance: Double?

  public init(inputs: [NamedValue], detail: String, residual: Double? = nil, tolerance: Double? = nil) {
    self.inputs = inputs
    self.detail = detail
    self.residual = residual
    self.tolerance = tolerance
  }

  /// One line: inputs, then the detail.
  public var line: String {
    inputs.map(\.description).joined(separator: ", ") + ": " + detail
  }
}

/// The condition under which a conditional claim holds, with one case on each side.
public struct ConditionReport: Codable, Sendable, Hashable {
  /// The condition, as listed in the catalog entry.
  public var condition: String
  /// Tested cases that satisfy it (all of which satisfy the claim).
  public var casesSatisfying: Int
  /// A case satisfying the condition where the claim holds.
  public var holdingCase: String
  /// A case violating the condition where the claim fails.
  public var failingCase: String

  public init(condition: String, casesSatisfying: Int, holdingCase: String, failingCase: String) {
    self.condition = condition
    self.casesSatisfying = casesSatisfying
    self.holdingCase = holdingCase
    self.failingCase = failingCase
  }
}

/// Everything a check returns.
public struct CheckOutcome: Sendable {
  public var verdict: Verdict
  /// One line a table can print.
  public var summary: String
  public var classes: [CaseClass]
  public var notes: [String]
  public var counterexample: Counterexample?
  public var conditions: [ConditionReport]

  public init(
    verdict: Verdict, summary: String, classes: [CaseClass] = [], notes: [String] = [],
    counterexample: Counterexample? = nil, conditions: [ConditionReport] = []
  ) {
    self.verdict = verdict
    self.summary = summary
    self.classes = classes
    self.notes = notes
    self.counterexample = counterexample
    self.conditions = conditions
  }
}

/// Formats a number for reports: integers plainly, others with up to 17 significant
/// digits (round-trip exact), so a reader can recompute a counterexample by hand.
public func formatNumber(_ x: Double) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
  return "\(x)"
}
