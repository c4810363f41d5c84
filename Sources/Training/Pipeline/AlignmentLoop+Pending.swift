// The runs of one seed that have no checkpoint yet, trained on the alignment workers: shared
// by the default-width grid (TrainingGrid) and the other widths' pipeline (ModelWidthStage)
// — TRAINING.md "Engineering": each finished run is checkpointed as it ends, so a killed grid
// resumes with the runs it had finished.
import Foundation
import Numerics

extension AlignmentLoop {
  /// Trains every run of `specs` whose entry in `records` is nil, on `workers` threads at
  /// `blasThreads` OpenBLAS threads each (the caller's count is restored), saves each record
  /// as it finishes and fills it into `records`. `report` and `finished` (with the number of
  /// runs trained in this call) are called one at a time, under one lock.
  func trainPending(
    _ specs: [RunSpec], records: inout [RunRecord?], store: CheckpointStore, workers: Int,
    blasThreads: Int, report: (Report) -> Void, finished: (RunSpec, RunRecord, _ trained: Int) throws -> Void
  ) throws {
    let pending = specs.indices.filter { records[$0] == nil }
    guard !pending.isEmpty else { return }
    let previousThreads = BLAS.threadCount
    BLAS.setThreadCount(blasThreads)
    defer { BLAS.setThreadCount(previousThreads) }
    try context.prepare(for: pending.map { specs[$0] })
    let lock = NSLock()
    let computed = try ParallelJobs.map(count: pending.count, workers: workers) { j in
      let spec = specs[pending[j]]
      let record = try run(spec) { r in
        lock.lock()
        defer { lock.unlock() }
        report(r)
      }
      lock.lock()
      defer { lock.unlock() }
      try store.save(
        RunCheckpoint(record: record), kind: "run", seed: context.seedIndex,
        name: CheckpointStore.fileName(label: spec.label))
      try finished(spec, record, pending.count)
      return record
    }
    for (i, record) in zip(pending, computed) { records[i] = record }
  }
}
