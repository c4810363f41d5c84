// The grid pins OpenBLAS to ``TrainingGrid/sftBLASThreads`` for the SFT stage and the
// sampling (float32 rounding depends on the thread count: `verify train --quick --objectives
// DPO` gave different results.json bytes under OPENBLAS_NUM_THREADS=1 and 2 before the pin),
// so the bytes do not depend on the caller's thread count, and the caller's count is
// restored afterwards. An extension of the serialized grid suite (it sets OpenBLAS's
// process-global thread count).
import Foundation
import Numerics
import Testing
import Training

extension PipelineGridTests {
  @Test func callersThreadCountDoesNotChangeTheBytes() throws {
    let previous = BLAS.threadCount
    defer { BLAS.setThreadCount(previous) }
    var bytes: [Data] = []
    for threads in [1, 3] {
      let dir = try Self.tempDir("blas-\(threads)")
      defer { try? FileManager.default.removeItem(at: dir) }
      BLAS.setThreadCount(threads)
      bytes.append(try Self.runBytes(dir, specs: [Self.specs[0]]))
      #expect(BLAS.threadCount == threads, "the grid must restore the caller's thread count")
    }
    #expect(bytes[0] == bytes[1])
    let text = String(decoding: bytes[0], as: UTF8.self)
    #expect(text.contains("\"execution.blasThreads.sftAndSampling\" : \"\(TrainingGrid.sftBLASThreads)\""))
  }
}
