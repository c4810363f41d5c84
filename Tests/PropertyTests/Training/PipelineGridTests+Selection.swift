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
  /// The default grid's spec `label`, at temperature `t` when given (a sweep's own samples).
  static func gridSpec(_ label: String, temperature t: Double? = nil) throws -> RunSpec {
    var s = try #require(AlignmentObjectives.defaultGrid().first { $0.label == label })
    if let t {
      s.label += "[T=\(t)]"
      s.temperature = t
    }
    return s
  }

  /// The record of `dpo` (wall-clock seconds zeroed) when trained in each selection.
  static func records(of dpo: RunSpec, in selections: [[RunSpec]], _ name: String) throws
    -> [RunRecord]
  {
    try selections.enumerated().map { i, specs in
      let dir = try tempDir("\(name)-\(i)")
      defer { try? FileManager.default.removeItem(at: dir) }
      let r = try TrainingGrid.run(specs: specs, settings: settings, outDir: dir)
      var record = try #require(r.runs.first { $0.spec.label == dpo.label })
      record.seconds = 0
      return record
    }
  }

  @Test func aRunsRecordDoesNotDependOnTheSelection() throws {
    let dpo = try Self.gridSpec("DPO@MaPPO")
    let records = try Self.records(
      of: dpo,
      in: [
        [dpo], [try Self.gridSpec("PIPAMTokenLevel"), dpo],
        [try Self.gridSpec("PlackettLuce"), try Self.gridSpec("PIPAM"), dpo],
      ], "selection")
    #expect(records[1] == records[0])
    #expect(records[2] == records[0])
    #expect(records[0].points.count > 1 && records[0].points.last?.kl != 0)
  }

  /// The same for a sweep's own samples (T = 0.7, a scorer no default-grid spec trains on):
  /// alone, and after other specs on the same samples (the PIPA-M one changed the record
  /// while only the default grid's specs were cached in a fixed order).
  @Test func aSweepRunsRecordDoesNotDependOnTheSelection() throws {
    let dpo = try Self.gridSpec("DPO@MaPPO", temperature: 0.7)
    let records = try Self.records(
      of: dpo,
      in: [
        [dpo], [try Self.gridSpec("PIPAMTokenLevel", temperature: 0.7), dpo],
        [try Self.gridSpec("PlackettLuce", temperature: 0.7), dpo],
      ], "sweep-selection")
    #expect(records[1] == records[0])
    #expect(records[2] == records[0])
  }
}
