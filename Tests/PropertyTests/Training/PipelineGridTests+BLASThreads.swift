// The grid pins OpenBLAS to ``TrainingGrid/sftBLASThreads`` for the SFT stage and the
// sampling (float32 rounding depends on the thread count: `verify train --quick --objectives
// DPO` gave different results.json bytes under OPENBLAS_NUM_THREADS=1 and 2 before the pin):
// whatever the caller's thread count, the SFT and sampling progress events (default width and
// the width stage's) see the pinned count, the bytes are the same, and the caller's count is
// restored afterwards. (The tiny grid's bytes alone happen not to depend on the count, so the
// test observes the count itself.) An extension of the serialized grid suite (it sets
// OpenBLAS's process-global thread count).
import Foundation
import Numerics
import Testing
import Training

extension PipelineGridTests {
  @Test(arguments: [1, 3]) func sftAndSamplingRunAtThePinnedThreadCount(_ caller: Int) throws {
    let previous = BLAS.threadCount
    defer { BLAS.setThreadCount(previous) }
    let dir = try Self.tempDir("blas-\(caller)")
    defer { try? FileManager.default.removeItem(at: dir) }
    BLAS.setThreadCount(caller)
    var seen: [String: Set<Int>] = [:]
    let r = try TrainingGrid.run(
      specs: Self.widthSpecs, settings: Self.settings, outDir: dir,
      progress: { p in
        if p.stage.hasPrefix("sft") || p.stage.hasPrefix("sampling") {
          seen[p.stage, default: []].insert(BLAS.threadCount)
        }
      })
    #expect(Set(seen.keys) == ["sft", "sampling", "sft d=8", "sampling d=8"])
    #expect(seen.values.allSatisfy { $0 == [TrainingGrid.sftBLASThreads] }, "\(seen)")
    #expect(BLAS.threadCount == caller, "the grid must restore the caller's thread count")
    #expect(r.settings["execution.blasThreads.sftAndSampling"] == "\(TrainingGrid.sftBLASThreads)")
  }
}
