// Escaping text for HTML and SVG (both XML-like): &, <, >, ".

/// HTML/XML text escaping.
public enum HTMLText {
  public static func escape(_ s: String) -> String {
    var o = ""
    for ch in s {
      switch ch {
      case "&": o += "&amp;"
      case "<": o += "&lt;"
      case ">": o += "&gt;"
      case "\"": o += "&quot;"
      default: o.append(ch)
      }
    }
    return o
  }
}
