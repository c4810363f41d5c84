// One checkpoint file (shared/design/TRAINING.md "Engineering": "checkpoints written
// atomically (temp file + rename, with a checksum)"). Goals, in order: 1) a reader never sees
// a half-written file — the bytes go to a temporary file in the same directory that is
// renamed over the target only once complete; 2) corruption is detected and reported with
// the file's path — a 64-bit FNV-1a checksum of the payload sits in the header and is
// verified on load; 3) exact round trips — payloads are JSON of Codable values whose Float
// arrays are stored as their bit patterns (``FloatBits``).
//
// Layout: the line `aligncheck-checkpoint 1 <kind> <16 hex digits>` then the JSON payload.
import Foundation

/// Atomic, checksummed checkpoint files.
public enum CheckpointFile {
  static let magic = "aligncheck-checkpoint 1"

  /// FNV-1a 64 of `data`.
  static func checksum(_ data: Data) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in data {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }

  /// Writes `value` as checkpoint `kind` to `url` atomically (temp file, then rename).
  public static func write<T: Encodable>(_ value: T, kind: String, to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let payload = try encoder.encode(value)
    let header = "\(magic) \(kind) \(String(format: "%016llx", checksum(payload)))\n"
    var bytes = Data(header.utf8)
    bytes.append(payload)
    try AtomicFile.write(bytes, to: url)
  }

  /// The checkpoint `kind` at `url`, or nil when there is no file.
  /// - Throws: ``PipelineError/corruptCheckpoint(path:reason:)`` when the header, kind or
  ///   checksum is wrong or the payload does not decode.
  public static func read<T: Decodable>(_ type: T.Type, kind: String, from url: URL) throws
    -> T?
  {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let path = url.path
    let bytes: Data
    do { bytes = try Data(contentsOf: url) } catch {
      throw PipelineError.corruptCheckpoint(path: path, reason: "unreadable (\(error))")
    }
    guard let newline = bytes.firstIndex(of: 0x0A) else {
      throw PipelineError.corruptCheckpoint(path: path, reason: "no header line")
    }
    let header = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self)
    let parts = header.split(separator: " ").map(String.init)
    guard parts.count == 4, "\(parts[0]) \(parts[1])" == magic else {
      throw PipelineError.corruptCheckpoint(
        path: path, reason: "header '\(header.prefix(60))' is not '\(magic) <kind> <checksum>'")
    }
    guard parts[2] == kind else {
      throw PipelineError.corruptCheckpoint(
        path: path, reason: "holds a '\(parts[2])' checkpoint, expected '\(kind)'")
    }
    let payload = bytes[(newline + 1)...]
    let actual = String(format: "%016llx", checksum(Data(payload)))
    guard actual == parts[3] else {
      throw PipelineError.corruptCheckpoint(
        path: path, reason: "checksum \(actual) ≠ recorded \(parts[3])")
    }
    do { return try JSONDecoder().decode(T.self, from: Data(payload)) } catch {
      throw PipelineError.corruptCheckpoint(path: path, reason: "payload does not decode")
    }
  }
}

/// Float or Double arrays stored exactly, as the bit patterns of Float32 values in a
/// base-64 blob (the model trains in Float; a Double array is rounded to Float once, on the
/// way in, which is exact for values that came from Float parameters).
public struct FloatBits: Codable, Hashable, Sendable {
  public let data: Data

  public init<S: BinaryFloatingPoint>(_ values: [S]) {
    let bits = values.map { Float($0).bitPattern.littleEndian }
    data = bits.withUnsafeBytes { Data($0) }
  }

  public init<S: ModelScalar>(_ buffer: Buffer<S>) {
    var bits = [UInt32](repeating: 0, count: buffer.count)
    for i in 0..<buffer.count { bits[i] = Float(buffer.pointer[i]).bitPattern.littleEndian }
    data = bits.withUnsafeBytes { Data($0) }
  }

  /// The values as Floats.
  public var floats: [Float] {
    let n = data.count / 4
    var out = [Float](repeating: 0, count: n)
    data.withUnsafeBytes { raw in
      for i in 0..<n {
        out[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(
          fromByteOffset: 4 * i, as: UInt32.self)))
      }
    }
    return out
  }

  public var count: Int { data.count / 4 }
}
