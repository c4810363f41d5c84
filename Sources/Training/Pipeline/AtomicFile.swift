// Whole-file writes that a reader (or a resumed run) never sees half done: the bytes go to a
// temporary file in the target's directory, which POSIX rename(2) then puts in place
// atomically, replacing any older file (Foundation's replaceItemAt fails on Linux when the
// target exists, and remove-then-move leaves a window with no file).
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Atomic file replacement.
enum AtomicFile {
  /// Writes `data` to `url` through a temporary file and rename(2).
  static func write(_ data: Data, to url: URL) throws {
    let dir = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
    try data.write(to: tmp)
    if rename(tmp.path, url.path) != 0 {
      let code = errno
      try? FileManager.default.removeItem(at: tmp)
      throw CocoaError(
        .fileWriteUnknown,
        userInfo: [NSFilePathErrorKey: url.path, "errno": code])
    }
  }
}
