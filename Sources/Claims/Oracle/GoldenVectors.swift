// `verify vectors`: golden test vectors for every oracle objective — the record (exactly as
// `verify loss` reads it), the value, the gradient and an error bound — one JSON file per
// objective, an index, and a README on testing a PyTorch or JAX implementation.
// Goals, in order: 1) every number is the library's float64, printed shortest round-trip;
// 2) the error bound is derived, not guessed: first-order effect of rounding each input to
// float64, ε·Σ|xᵢ·∂ℓ/∂xᵢ|, plus 16 ulp of evaluation (GSL's 16ε tier for a stable closed
// form), ε = 2⁻⁵²; 3) byte-identical output for the same build.
import Foundation

/// Golden vectors.
public enum GoldenVectors {
  /// One objective's vectors: (file name, JSON text), and how many cases were rejected by
  /// the objective's domain (e.g. the exact hyper reward needs π(y) < 1).
  public static func file(for o: OracleObjective) -> (name: String, json: String, count: Int) {
    let eps = Double.ulpOfOne
    var vectors: [String] = []
    for (name, fields) in GoldenVectorInputs.cases[o.inputType] ?? [] {
      let record = GoldenVectorInputs.record(o, fields: fields)
      guard let e = try? o.evaluate(json: Data(record.utf8), gradient: true), let g = e.gradient
      else { continue }
      // Input magnitudes, by variable name, from a second decode of the variables.
      let xs = variableValues(record: record, names: g.map(\.name))
      let sensitivity = zip(g, xs).reduce(0.0) { $0 + abs($1.0.value * $1.1) }
      let bound = eps * (sensitivity + 16 * abs(e.value))
      var v = "    {\"name\":\(OracleOutput.string(name)),\n     \"record\":\(record),\n"
      v += "     \"value\":\(OracleOutput.number(e.value)),\n     \"gradient\":{"
      v += g.map { "\(OracleOutput.string($0.name)):\(OracleOutput.number($0.value))" }
        .joined(separator: ",")
      v += "},\n     \"valueErrorBound\":\(OracleOutput.number(bound))}"
      vectors.append(v)
    }
    var s = "{\"schemaVersion\":\(claimReportSchemaVersion),\n"
    s += " \"objective\":\(OracleOutput.string(o.id)),\n"
    s += " \"title\":\(OracleOutput.string(o.title)),\n"
    s += " \"swiftType\":\(OracleOutput.string(o.typeName)),\n"
    s += " \"inputType\":\(OracleOutput.string(o.inputType)),\n"
    s += " \"vectors\":[\n" + vectors.joined(separator: ",\n") + "\n ]}\n"
    return ("\(o.id).json", s, vectors.count)
  }

  /// The values of the named variables in `record` (flattened names such as `logProbs[1]`,
  /// `positive.logProbs[0]`, `bins[1].refLogProbs[0]`), 0 where a name cannot be resolved.
  static func variableValues(record: String, names: [String]) -> [Double] {
    guard let root = try? JSONSerialization.jsonObject(with: Data(record.utf8)) else {
      return names.map { _ in 0 }
    }
    return names.map { name in
      var node: Any? = root
      for part in name.split(separator: ".") {
        var key = Substring(part)
        var indices: [Int] = []
        while let open = key.lastIndex(of: "["), key.hasSuffix("]") {
          indices.insert(
            Int(key[key.index(after: open)..<key.index(before: key.endIndex)]) ?? 0, at: 0)
          key = key[..<open]
        }
        node = (node as? [String: Any])?[String(key)]
        for i in indices {
          guard let a = node as? [Any], a.indices.contains(i) else {
            node = nil
            break
          }
          node = a[i]
        }
      }
      return (node as? NSNumber)?.doubleValue ?? 0
    }
  }

  /// All files: one per objective, index.json, README.md.
  public static func files() -> [(String, String)] {
    var out: [(String, String)] = []
    var index: [String] = []
    for o in OracleCatalog.all {
      let f = file(for: o)
      out.append((f.name, f.json))
      index.append(
        "  {\"objective\":\(OracleOutput.string(o.id)),\"file\":\(OracleOutput.string(f.name)),"
          + "\"vectors\":\(f.count)}")
    }
    out.append(
      (
        "index.json",
        "{\"schemaVersion\":\(claimReportSchemaVersion),\"objectives\":[\n"
          + index.joined(separator: ",\n") + "\n]}\n"
      ))
    out.append(("README.md", GoldenVectorReadme.text))
    return out
  }
}
