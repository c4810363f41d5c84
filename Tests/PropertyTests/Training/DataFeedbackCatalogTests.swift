// The feedback catalog (Sources/Training/Data/FeedbackCatalog.swift) is complete and
// consistent with Sources/Objectives: every objective type is mapped, every mapped name
// exists, hyperparameter names are the objectives' init labels, every dataset kind is used.
import Foundation
import Testing
import Training

@Suite struct DataFeedbackCatalogTests {
  static let objectivesDir = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Objectives")

  /// Type names declared `public struct X: Objective` or `: DeviationWeightedMPO`.
  static func objectiveTypes() throws -> [String: String] {
    var out: [String: String] = [:]
    let files = try FileManager.default.contentsOfDirectory(atPath: objectivesDir.path)
    for f in files where f.hasSuffix(".swift") {
      let text = try String(
        contentsOf: objectivesDir.appendingPathComponent(f), encoding: .utf8)
      for line in text.split(separator: "\n") where line.hasPrefix("public struct ") {
        let rest = line.dropFirst("public struct ".count)
        guard let colon = rest.firstIndex(of: ":") else { continue }
        let name = String(rest[..<colon])
        let conformances = rest[rest.index(after: colon)...]
        if conformances.contains("Objective {") || conformances.contains("DeviationWeightedMPO {")
          || conformances.hasSuffix(" Objective") || conformances.contains(" Objective,")
        {
          out[name] = text
        }
      }
    }
    return out
  }

  @Test func everyObjectiveIsMappedAndEveryNameExists() throws {
    let types = try Self.objectiveTypes()
    #expect(
      types.count >= 40, "found only \(types.count) objective types in \(Self.objectivesDir.path)")
    for name in types.keys.sorted() {
      #expect(!FeedbackCatalog.entries(for: name).isEmpty, "\(name) is not in FeedbackCatalog")
    }
    for e in FeedbackCatalog.entries {
      #expect(types[e.objective] != nil, "catalog names unknown objective \(e.objective)")
    }
  }

  @Test func entriesAreConsistent() throws {
    let types = try Self.objectiveTypes()
    var seen = Set<String>()
    for e in FeedbackCatalog.entries {
      #expect(
        seen.insert("\(e.objective)|\(e.paper)").inserted, "duplicate \(e.objective) for \(e.paper)"
      )
      #expect(!e.feedback.isEmpty)
      if e.feedback.contains(.none) {
        #expect(e.feedback == [.none] && e.hyperparameters.isEmpty && !e.inDefaultGrid)
        #expect(!e.note.isEmpty, "\(e.objective): an untrained objective needs its reason")
      }
      for h in e.hyperparameters {
        if let v = h.value { #expect(v.isFinite && v > 0, "\(e.objective).\(h.name) = \(v)") }
        #expect(!h.source.isEmpty)
        // The name is an init label of the objective (e.g. "beta: Double").
        let source = types[e.objective] ?? ""
        #expect(source.contains("\(h.name): Double"), "\(e.objective) has no parameter \(h.name)")
      }
    }
    // Every dataset kind of TRAINING.md step 4 is used by some objective.
    let used = Set(FeedbackCatalog.entries.flatMap(\.feedback))
    for k in FeedbackKind.allCases { #expect(used.contains(k), "\(k) unused") }
  }
}
