// JSON encoding shared by the CLI and reports: sorted keys so output is byte-identical for
// the same inputs.
import Foundation

/// Deterministic JSON encoding.
public enum JSONOutput {
  /// Encodes `value` with sorted keys and pretty printing, as UTF-8 text.
  public static func string<T: Encodable>(_ value: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    e.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try e.encode(value), as: UTF8.self)
  }
}
