// Input errors of the addition task and the dataset builders (Sources/Training/Task and
// Sources/Training/Data): each names the field, the value and the rule it breaks, like
// Objectives' `ObjectiveError` ("maxDigits must lie in 1...9, got 12"). Thrown, never a crash.

/// A parameter or input of the training task or its datasets outside its domain.
public struct TaskError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The offending field, e.g. `maxDigits`, `text[3]`, `responses[2]`.
  public var field: String
  /// The offending value, printed.
  public var value: String
  /// The rule it breaks, e.g. "must lie in 1...9".
  public var rule: String

  public init(field: String, value: String, rule: String) {
    self.field = field
    self.value = value
    self.rule = rule
  }

  public var description: String { "\(field) \(rule), got \(value)" }

  /// Throws unless `lo ≤ n ≤ hi`.
  static func checkRange(_ n: Int, _ range: ClosedRange<Int>, _ field: String) throws(TaskError) {
    if !range.contains(n) {
      throw TaskError(
        field: field, value: "\(n)",
        rule: "must lie in \(range.lowerBound)...\(range.upperBound)")
    }
  }

  /// Throws unless `n ≥ minimum`.
  static func checkAtLeast(_ n: Int, _ minimum: Int, _ field: String) throws(TaskError) {
    if n < minimum { throw TaskError(field: field, value: "\(n)", rule: "must be ≥ \(minimum)") }
  }
}
