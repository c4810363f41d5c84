// The `verify loss` output line for one record: compact JSON with every number in its
// shortest round-trip form (Swift's `description` of a Double, which `Double(_:)` and every
// conforming JSON parser read back to the same bits). Keys in a fixed order: record, value,
// gradient (variable name → ∂ℓ/∂variable, in the library's variable order).
import Foundation

/// JSON text for oracle results.
public enum OracleOutput {
  /// A float64 as a JSON number in shortest round-trip form; non-finite values (which no
  /// objective returns for valid input) as the strings "nan", "inf", "-inf".
  public static func number(_ x: Double) -> String {
    if x.isNaN { return "\"nan\"" }
    if x.isInfinite { return x > 0 ? "\"inf\"" : "\"-inf\"" }
    return "\(x)"
  }

  /// A JSON string literal.
  public static func string(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          out += String(format: "\\u%04x", u.value)
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// One output line: {"record":N,"value":v} or with "gradient":{…}.
  public static func line(record: Int, _ e: OracleEvaluation) -> String {
    var s = "{\"record\":\(record),\"value\":\(number(e.value))"
    if let g = e.gradient {
      s += ",\"gradient\":{"
      s += g.map { "\(string($0.name)):\(number($0.value))" }.joined(separator: ",")
      s += "}"
    }
    return s + "}"
  }
}
