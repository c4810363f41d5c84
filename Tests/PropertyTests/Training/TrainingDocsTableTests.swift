// docs/training.md's generated empirical verdict table (TrainingDocsTable): one row per
// empirical claim with the verdict decided from the results, the block replaced between its
// markers, an error naming the chapter when the markers are missing, and a changed result
// changes the table (so `verify docs --training DIR --check` can fail).
import Claims
import Testing
import Training

@Suite struct TrainingDocsTableTests {
  @Test func tableHasEveryClaimWithItsDecidedVerdict() throws {
    let (results, decisions) = TrainingReportTests.synthetic()
    let table = TrainingDocsTable.render(results: results, source: "runs/x")
    for d in decisions {
      #expect(table.contains("| `\(d.id)` |"), "\(d.id)")
      let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("| `\(d.id)` |") })
      #expect(row.contains("| \(d.verdict.rawValue) |"), "\(row)")
    }
    #expect(table.contains("`verify docs --training runs/x --check`"))
    #expect(table.contains("sweep: `verify train --claims"))
    #expect(table.contains("| default grid |"))
  }

  @Test func blockIsReplacedBetweenItsMarkers() throws {
    let b = TrainingDocsTable.block
    let chapter = "intro\n\(b.begin)\nold\n\(b.end)\noutro\n"
    let out = try b.replacing(in: chapter, chapter: "training.md", with: "new\n")
    #expect(out == "intro\n\(b.begin)\nnew\n\(b.end)\noutro\n")
    #expect(b.extract(from: out) == "new\n")
    #expect(throws: DocsGeneratedBlock.MissingMarkers.self) {
      try b.replacing(in: "no markers", chapter: "training.md", with: "x")
    }
  }

  /// Negative control: results moved to the opposite side give another table.
  @Test func changedResultsChangeTheTable() {
    let (results, _) = TrainingReportTests.synthetic()
    let runs = EmpiricalRegistry.runs(for: EmpiricalRegistry.all)
    let flipped = EmpCoreFixtures.results(runs, jitter: 0.05) { label in
      label.hasPrefix("MaPPO") ? EmpShift(logW: -1, acc: -0.1) : EmpShift(logW: 1, logL: 2)
    }
    #expect(
      TrainingDocsTable.render(results: results, source: "r")
        != TrainingDocsTable.render(results: flipped, source: "r"))
  }
}
