// A run's record does not depend on which other specs were selected with it
// (SeedContext.prepare fills the shared reference cache for the default grid first, in grid
// order): before, π_ref's forward-pass chunks held the keys of whichever specs came first,
// so a sequence's float32 score — and every run reading it — changed with the selection.
// An extension of the serialized grid suite (the grid sets OpenBLAS's process-global thread
// count).
import Foundation
import Testing
import Training

extension PipelineGridTests {
  @Test func aRunsRecordDoesNotDependOnTheSelection() throws {
    let grid = AlignmentObjectives.defaultGrid()
    func spec(_ label: String) throws -> RunSpec { try #require(grid.first { $0.label == label }) }
    let dpo = try spec("DPO@MaPPO")
    let selections: [[RunSpec]] = [
      [dpo],
      [try spec("PIPAMTokenLevel"), dpo],
      [try spec("PlackettLuce"), try spec("PIPAM"), dpo],
    ]
    var records: [RunRecord] = []
    for (i, specs) in selections.enumerated() {
      let dir = try Self.tempDir("selection-\(i)")
      defer { try? FileManager.default.removeItem(at: dir) }
      let r = try TrainingGrid.run(specs: specs, settings: Self.settings, outDir: dir)
      var record = try #require(r.runs.first { $0.spec.label == dpo.label })
      record.seconds = 0
      records.append(record)
    }
    #expect(records[1] == records[0])
    #expect(records[2] == records[0])
    #expect(records[0].points.count > 1 && records[0].points.last?.kl != 0)
  }
}
