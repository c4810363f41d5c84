// The `verify loss` stream loop without the I/O: bytes in, one stdout line or one stderr line
// per record out. The CLI feeds it stdin in fixed-size chunks, so the stream is never held
// in memory whole.
import Foundation

/// Evaluates a stream of JSON records with one objective.
public struct LossOracle: Sendable {
  /// What one record produced.
  public enum Line: Sendable, Equatable {
    /// The result line for stdout.
    case result(String)
    /// The error line for stderr ("record N (line L): field rule, got value").
    case error(String)
  }

  public let objective: OracleObjective
  public let gradient: Bool
  private var splitter = JSONRecordSplitter()
  /// Records read so far, and how many of them were rejected.
  public private(set) var records = 0
  public private(set) var rejected = 0

  public init(objective: OracleObjective, gradient: Bool) {
    self.objective = objective
    self.gradient = gradient
  }

  /// Consumes a chunk of the stream.
  public mutating func feed<C: Collection>(_ chunk: C) -> [Line] where C.Element == UInt8 {
    splitter.feed(chunk).map { evaluate($0) }
  }

  /// Ends the stream (a trailing unterminated record is evaluated, i.e. reported).
  public mutating func finish() -> [Line] {
    splitter.finish().map { [evaluate($0)] } ?? []
  }

  /// Evaluates a whole in-memory text (tests, small inputs).
  public mutating func run(_ text: String) -> [Line] {
    feed(Array(text.utf8)) + finish()
  }

  private mutating func evaluate(_ r: JSONRecordChunk) -> Line {
    records += 1
    do {
      let e = try objective.evaluate(json: Data(r.bytes), gradient: gradient)
      return .result(OracleOutput.line(record: r.record, e))
    } catch {
      rejected += 1
      return .error(error.line(record: r.record, line: r.line))
    }
  }
}
