// Splits a byte stream into JSON records without parsing them, so `verify loss` can read a
// 100 MB JSON Lines stream in fixed-size chunks: memory is one chunk plus one record.
// Goals, in order: 1) JSON Lines and a single (pretty-printed) object both work; 2) a broken
// line costs that record only, never the records after it; 3) every record knows the line it
// starts on, for error messages.
//
// Rules: a record starting with `{` or `[` ends where its brackets balance (brackets inside
// strings ignored). If the first such record ends on the line it started on, the stream is
// JSON Lines, and from then on a newline inside an unbalanced record ends it (it is then
// reported as malformed). Anything else (a bare scalar, garbage) runs to the end of its line.

/// One record's bytes and position.
public struct JSONRecordChunk: Sendable, Equatable {
  /// The record's UTF-8 text.
  public var bytes: [UInt8]
  /// 1-based ordinal of the record in the stream.
  public var record: Int
  /// 1-based line the record starts on.
  public var line: Int
}

/// An incremental splitter: feed chunks, collect complete records; `finish()` at end of input.
public struct JSONRecordSplitter: Sendable {
  private var buffer: [UInt8] = []
  private var started = false
  private var scalar = false
  private var depth = 0
  private var inString = false
  private var escaped = false
  private var line = 1
  private var startLine = 1
  private var records = 0
  /// nil until the first bracketed record ends; then whether the stream is JSON Lines.
  private var lineMode: Bool?

  public init() {}

  private static let newline = UInt8(ascii: "\n")
  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")

  /// Consumes `chunk`; returns the records it completes.
  public mutating func feed<C: Collection>(_ chunk: C) -> [JSONRecordChunk]
  where C.Element == UInt8 {
    var out: [JSONRecordChunk] = []
    for b in chunk {
      if !started {
        switch b {
        case Self.newline: line += 1
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
        default:
          started = true
          startLine = line
          buffer.removeAll(keepingCapacity: true)
          buffer.append(b)
          scalar = !(b == UInt8(ascii: "{") || b == UInt8(ascii: "["))
          depth = scalar ? 0 : 1
          inString = b == Self.quote
          escaped = false
        }
        continue
      }
      if scalar {
        if b == Self.newline {
          out.append(emit())
          line += 1
        } else {
          buffer.append(b)
        }
        continue
      }
      if b == Self.newline {
        line += 1
        if lineMode == true {
          out.append(emit())  // an unbalanced line: malformed, reported alone
          continue
        }
      }
      buffer.append(b)
      if inString {
        if escaped {
          escaped = false
        } else if b == Self.backslash {
          escaped = true
        } else if b == Self.quote {
          inString = false
        }
        continue
      }
      switch b {
      case Self.quote: inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 {
          if lineMode == nil { lineMode = line == startLine }
          out.append(emit())
        }
      default: break
      }
    }
    return out
  }

  /// The unfinished record at end of input, if any (it is then malformed unless a scalar).
  public mutating func finish() -> JSONRecordChunk? {
    started ? emit() : nil
  }

  private mutating func emit() -> JSONRecordChunk {
    records += 1
    started = false
    inString = false
    escaped = false
    depth = 0
    return JSONRecordChunk(bytes: buffer, record: records, line: startLine)
  }
}
