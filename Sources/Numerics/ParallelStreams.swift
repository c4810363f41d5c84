// Parallel filling of large buffers with random numbers, bit-identical whatever the thread
// count or scheduling.
//
// Goals, in order: 1) determinism — the buffer is cut into fixed chunks of `chunkSize`
// elements (the last one shorter), and chunk i is always filled from
// RandomStream(seed: seed, stream: firstStream + i), so the result depends on
// (seed, firstStream, chunkSize, count) only, never on `threads`; 2) throughput on the
// machine's cores (chunk i goes to worker i mod threads; chunks are disjoint, so workers
// never share memory); 3) simplicity (Dispatch's concurrentPerform, no locks).
import Dispatch

/// Deterministic parallel fills from per-chunk random streams.
public enum ParallelStreams {
  /// The default chunk size: 2¹⁶ doubles (512 KiB), large enough to amortise stream set-up,
  /// small enough to balance two workers on a million draws.
  public static let defaultChunkSize = 1 << 16

  /// Runs `body(chunkIndex, range, &stream)` for every chunk of `0..<count`, with stream
  /// RandomStream(seed:, stream: firstStream + chunkIndex), on `threads` workers.
  /// `body` must only touch the elements in `range` of whatever it writes.
  public static func forEachChunk(
    count: Int, seed: UInt64, firstStream: UInt64 = 0, chunkSize: Int = defaultChunkSize,
    threads: Int = 2, _ body: @Sendable (Int, Range<Int>, inout RandomStream) -> Void
  ) {
    precondition(count >= 0, "count must be ≥ 0, got \(count)")
    precondition(chunkSize > 0, "chunkSize must be > 0, got \(chunkSize)")
    precondition(threads > 0, "threads must be > 0, got \(threads)")
    let chunks = (count + chunkSize - 1) / chunkSize
    guard chunks > 0 else { return }
    let workers = min(threads, chunks)
    @Sendable func run(worker: Int) {
      var chunk = worker
      while chunk < chunks {
        let start = chunk * chunkSize
        let range = start..<min(start + chunkSize, count)
        var stream = RandomStream(seed: seed, stream: firstStream &+ UInt64(chunk))
        body(chunk, range, &stream)
        chunk += workers
      }
    }
    if workers == 1 {
      run(worker: 0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { run(worker: $0) }
    }
  }

  /// Fills `buffer` with standard normal variates, chunk i from stream firstStream + i.
  public static func fillGaussian(
    _ buffer: inout [Double], seed: UInt64, firstStream: UInt64 = 0,
    chunkSize: Int = defaultChunkSize, threads: Int = 2
  ) {
    buffer.withUnsafeMutableBufferPointer { whole in
      let base = UnsafeMutableSendablePointer(whole.baseAddress)
      forEachChunk(
        count: whole.count, seed: seed, firstStream: firstStream, chunkSize: chunkSize,
        threads: threads
      ) { _, range, stream in
        guard let p = base.pointer else { return }
        stream.fillGaussian(
          UnsafeMutableBufferPointer(start: p + range.lowerBound, count: range.count))
      }
    }
  }

  /// `count` standard normal variates (see
  /// ``fillGaussian(_:seed:firstStream:chunkSize:threads:)``).
  public static func gaussian(
    count: Int, seed: UInt64, firstStream: UInt64 = 0, chunkSize: Int = defaultChunkSize,
    threads: Int = 2
  ) -> [Double] {
    var out = [Double](repeating: 0, count: count)
    fillGaussian(&out, seed: seed, firstStream: firstStream, chunkSize: chunkSize, threads: threads)
    return out
  }

  /// Fills `buffer` with uniform doubles in [0, 1), chunk i from stream firstStream + i.
  public static func fillUniform(
    _ buffer: inout [Double], seed: UInt64, firstStream: UInt64 = 0,
    chunkSize: Int = defaultChunkSize, threads: Int = 2
  ) {
    buffer.withUnsafeMutableBufferPointer { whole in
      let base = UnsafeMutableSendablePointer(whole.baseAddress)
      forEachChunk(
        count: whole.count, seed: seed, firstStream: firstStream, chunkSize: chunkSize,
        threads: threads
      ) { _, range, stream in
        guard let p = base.pointer else { return }
        stream.fillUniform(
          UnsafeMutableBufferPointer(start: p + range.lowerBound, count: range.count))
      }
    }
  }
}

/// A raw pointer handed to workers that write disjoint ranges of one buffer.
private struct UnsafeMutableSendablePointer: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Double>?
  init(_ pointer: UnsafeMutablePointer<Double>?) { self.pointer = pointer }
}
