import Foundation
import Testing

// The `verify loss` catalogue is complete: every type in Sources/Objectives that conforms to
// `Objective` (read from the source files) has an entry, and every entry's input type has
// its listed fields and golden-vector cases. A new objective without an oracle entry fails
// here, naming it.
@testable import Claims

@Suite struct OracleCatalogTests {
  static var objectivesDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/Objectives")
  }

  /// Names of `public struct X: Objective` / `: DeviationWeightedMPO` in the sources.
  static func objectiveTypes() throws -> Set<String> {
    var names: Set<String> = []
    let files = try FileManager.default.contentsOfDirectory(atPath: objectivesDirectory.path)
    for f in files where f.hasSuffix(".swift") {
      let text = try String(
        contentsOf: objectivesDirectory.appendingPathComponent(f), encoding: .utf8)
      for line in text.split(separator: "\n") where line.hasPrefix("public struct ") {
        let rest = line.dropFirst("public struct ".count)
        guard let colon = rest.firstIndex(of: ":") else { continue }
        let conformances = rest[rest.index(after: colon)...]
        if conformances.contains("Objective {") && !conformances.contains("ObjectiveInput")
          || conformances.contains("DeviationWeightedMPO {")
        {
          names.insert(String(rest[..<colon]))
        }
      }
    }
    return names
  }

  @Test("every Objective in Sources/Objectives has a catalogue entry")
  func complete() throws {
    let sources = try Self.objectiveTypes()
    #expect(sources.count >= 40, "found only \(sources.count) objectives; is the path right?")
    let catalogue = Set(OracleCatalog.all.map(\.typeName))
    #expect(sources.subtracting(catalogue).isEmpty, "missing: \(sources.subtracting(catalogue))")
    #expect(Set(OracleCatalog.all.map(\.id)).count == OracleCatalog.all.count, "duplicate ids")
  }

  @Test(
    "every entry's input type has fields and golden cases", arguments: OracleCatalog.all.map(\.id))
  func inputs(id: String) throws {
    let o = try #require(OracleCatalog.objective(named: id))
    #expect(!o.inputFields.isEmpty, "\(o.inputType) has no field list")
    #expect(GoldenVectorInputs.cases[o.inputType] != nil, "\(o.inputType) has no golden cases")
  }
}
