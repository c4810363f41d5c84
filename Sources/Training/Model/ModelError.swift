// Errors for bad model configurations and bad batches: each names the field, the value and
// the rule it broke ("heads must divide modelWidth = 64, got heads = 5").

/// A transformer configuration or input that breaks a stated rule.
public struct ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The offending field (e.g. `modelWidth`, `sequences[3].count`).
  public var field: String
  /// Its value, as text.
  public var value: String
  /// The rule it must satisfy.
  public var rule: String

  public init(field: String, value: String, rule: String) {
    self.field = field
    self.value = value
    self.rule = rule
  }

  public var description: String { "\(field) \(rule), got \(value)" }

  /// Throws unless `condition` holds.
  static func require(
    _ condition: Bool, _ field: @autoclosure () -> String, _ value: @autoclosure () -> Any,
    _ rule: @autoclosure () -> String
  ) throws(ModelError) {
    if !condition { throw ModelError(field: field(), value: "\(value())", rule: rule()) }
  }
}
