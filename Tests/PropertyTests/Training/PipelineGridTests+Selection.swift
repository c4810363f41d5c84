// A run's record does not depend on which other specs were selected with it
// (SeedContext.prepare fills each scorer for the default grid's specs first, in grid order,
// then with the rest of its sample set in a fixed order): before, π_ref's forward-pass
// chunks held the keys of whichever specs came first, so a sequence's float32 score — and
// every run reading it — changed with the selection.
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

  /// The same for a sweep's own samples (T = 0.7, a scorer no default-grid spec trains on):
  /// alone, and after other specs on the same samples (the PIPA-M one changed the record
  /// while only the default grid's specs were cached in a fixed order).
  @Test func aSweepRunsRecordDoesNotDependOnTheSelection() throws {
    let grid = AlignmentObjectives.defaultGrid()
    func spec(_ label: String) throws -> RunSpec {
      var s = try #require(grid.first { $0.label == label })
      s.label += "[T=0.7]"
      s.temperature = 0.7
      return s
    }
    let dpo = try spec("DPO@MaPPO")
    var records: [RunRecord] = []
    let selections = [[dpo], [try spec("PIPAMTokenLevel"), dpo], [try spec("PlackettLuce"), dpo]]
    for (i, specs) in selections.enumerated() {
      let dir = try Self.tempDir("sweep-selection-\(i)")
      defer { try? FileManager.default.removeItem(at: dir) }
      let r = try TrainingGrid.run(specs: specs, settings: Self.settings, outDir: dir)
      var record = try #require(r.runs.first { $0.spec.label == dpo.label })
      record.seconds = 0
      records.append(record)
    }
    #expect(records[1] == records[0])
    #expect(records[2] == records[0])
  }
}
