// Input errors for every objective: each names the field, the value and the rule, e.g.
// "logProbChosen must be ≤ 0, got 0.3". Thrown (never a crash or a silent NaN).

/// An input outside an objective's domain.
public struct ObjectiveError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The offending field, as named in the input type (e.g. `logProbChosen`, `scores[2]`).
  public var field: String
  /// The offending value, printed.
  public var value: String
  /// The rule it breaks, e.g. "must be ≤ 0".
  public var rule: String

  public init(field: String, value: String, rule: String) {
    self.field = field
    self.value = value
    self.rule = rule
  }

  public var description: String { "\(field) \(rule), got \(value)" }
}

/// Input-validation rules shared by all objectives; each throws an ``ObjectiveError``.
/// The element-wise rules name an element ("field[i]") only when it fails: formatting the name
/// of every element cost more than the check itself (an FD derivative validates its input
/// once per evaluation).
public enum Validate {
  /// x is a finite number.
  public static func finite(_ x: Double, _ field: String) throws {
    if !x.isFinite { throw ObjectiveError(field: field, value: "\(x)", rule: "must be finite") }
  }
  /// x is a finite log-probability: x ≤ 0.
  public static func logProbability(_ x: Double, _ field: String) throws {
    try finite(x, field)
    if x > 0 { throw ObjectiveError(field: field, value: "\(x)", rule: "must be ≤ 0") }
  }
  /// x is finite and > 0.
  public static func positive(_ x: Double, _ field: String) throws {
    try finite(x, field)
    if !(x > 0) { throw ObjectiveError(field: field, value: "\(x)", rule: "must be > 0") }
  }
  /// x is finite and ≥ 0.
  public static func nonNegative(_ x: Double, _ field: String) throws {
    try finite(x, field)
    if !(x >= 0) { throw ObjectiveError(field: field, value: "\(x)", rule: "must be ≥ 0") }
  }
  /// x lies in the open interval (lo, hi).
  public static func inOpenInterval(_ x: Double, _ lo: Double, _ hi: Double, _ field: String)
    throws
  {
    try finite(x, field)
    if !(x > lo && x < hi) {
      throw ObjectiveError(field: field, value: "\(x)", rule: "must lie in (\(lo), \(hi))")
    }
  }
  /// x lies in the closed interval [lo, hi].
  public static func inClosedInterval(_ x: Double, _ lo: Double, _ hi: Double, _ field: String)
    throws
  {
    try finite(x, field)
    if !(x >= lo && x <= hi) {
      throw ObjectiveError(field: field, value: "\(x)", rule: "must lie in [\(lo), \(hi)]")
    }
  }
  /// A length (token count) n ≥ 1.
  public static func length(_ n: Int, _ field: String) throws {
    if n < 1 { throw ObjectiveError(field: field, value: "\(n)", rule: "must be ≥ 1") }
  }
  /// An integer count n ≥ minimum.
  public static func atLeast(_ n: Int, _ minimum: Int, _ field: String) throws {
    if n < minimum {
      throw ObjectiveError(field: field, value: "\(n)", rule: "must be ≥ \(minimum)")
    }
  }
  /// A non-empty array.
  public static func nonEmpty<T>(_ xs: [T], _ field: String) throws {
    if xs.isEmpty { throw ObjectiveError(field: field, value: "[]", rule: "must be non-empty") }
  }
  /// Two arrays of equal length.
  public static func sameCount<A, B>(_ a: [A], _ b: [B], _ fieldA: String, _ fieldB: String)
    throws
  {
    if a.count != b.count {
      throw ObjectiveError(
        field: fieldB, value: "\(b.count) elements",
        rule: "must have as many elements as \(fieldA) (\(a.count))")
    }
  }
  /// A probability vector: entries in [0, 1] summing to 1 within `tolerance`
  /// (default 1e-9: far above the ≤ n·ε rounding of a float64 sum of n ≤ 10⁶ terms, far
  /// below any real normalisation mistake).
  public static func distribution(_ p: [Double], _ field: String, tolerance: Double = 1e-9)
    throws
  {
    try nonEmpty(p, field)
    for (i, x) in p.enumerated() where !(x.isFinite && x >= 0 && x <= 1) {
      try inClosedInterval(x, 0, 1, "\(field)[\(i)]")
    }
    let s = p.reduce(0, +)
    if abs(s - 1) > tolerance {
      throw ObjectiveError(
        field: field, value: "entries summing to \(s)", rule: "must sum to 1 within \(tolerance)")
    }
  }
  /// Every element finite.
  public static func allFinite(_ xs: [Double], _ field: String) throws {
    for (i, x) in xs.enumerated() where !x.isFinite { try finite(x, "\(field)[\(i)]") }
  }
  /// Every element a finite log-probability (≤ 0).
  public static func allLogProbabilities(_ xs: [Double], _ field: String) throws {
    for (i, x) in xs.enumerated() where !(x.isFinite && x <= 0) { try logProbability(x, "\(field)[\(i)]") }
  }
}
