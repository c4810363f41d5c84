// A bad `verify loss` record: the field (nil for a record that is not JSON or not an
// object), the value as the user wrote it, and the rule it breaks — the same three parts as
// the Objectives' `ObjectiveError`, whose text it reuses.

/// A JSON record the oracle cannot evaluate.
public struct OracleInputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The offending field (`logProbChosen`, `positive.logProbs[2]`); nil for the whole record.
  public var field: String?
  /// The offending value, printed.
  public var value: String
  /// The rule it breaks, e.g. "must be ≤ 0".
  public var rule: String

  public init(field: String?, value: String, rule: String) {
    self.field = field
    self.value = value
    self.rule = rule
  }

  /// "field rule, got value", or "the record rule, got value".
  public var description: String { "\(field ?? "the record") \(rule), got \(value)" }

  /// The one stderr line for record `record` starting on line `line` of the stream.
  public func line(record: Int, line: Int) -> String {
    "record \(record) (line \(line)): \(description)"
  }
}
