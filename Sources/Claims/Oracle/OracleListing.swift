// `verify loss --list`: every oracle objective with its hyperparameters, input fields and
// gradient variables, as text or as JSON.

/// One objective of the oracle, as data.
public struct OracleListing: Codable, Sendable {
  public var id: String
  public var title: String
  public var swiftType: String
  public var inputType: String
  public var parameters: [OracleParameter]
  public var fields: [OracleField]

  public init(_ o: OracleObjective) {
    id = o.id
    title = o.title
    swiftType = o.typeName
    inputType = o.inputType
    parameters = o.parameters
    fields = o.inputFields
  }

  /// The text block `verify loss --list` prints for this objective.
  public var text: String {
    var lines = ["\(id)  (\(swiftType); input \(inputType))", "  \(title)"]
    for p in parameters {
      let d = p.defaultValue.map { ", default \($0)" } ?? ", required"
      lines.append("  param \(p.name): \(p.kind == .number ? "number" : "string")\(d) — \(p.doc)")
    }
    for f in fields {
      lines.append("  field \(f.name): \(f.type) — \(f.doc)")
    }
    return lines.joined(separator: "\n")
  }

  /// The shared fields of ResponseSet objects (SetPair, BinPartition).
  public static var responseSetNote: String {
    let fs = OracleInputSchema.fields["ResponseSet"] ?? []
    return "ResponseSet object: {" + fs.map { "\"\($0.name)\": \($0.type)" }.joined(separator: ", ")
      + "}"
  }
}
