// Writes a report directory so that a partial report never replaces a complete one: every
// file goes to a fresh sibling directory `.<name>.partial-<pid>` first; only when all are
// written is the old directory renamed aside and the new one renamed into place (two
// renames on one file system), then the old one is deleted. A crash before the swap leaves
// the old report untouched; a crash between the two renames leaves it at `.<name>.old-<pid>`.
import Foundation

/// The report formats.
public enum ReportFormat: String, Sendable, CaseIterable {
  case md, json, html
}

/// Renders and writes a ``ClaimReport``.
public enum ReportWriter {
  /// The files of the report in `format`: (file name, contents), index first.
  public static func files(_ r: ClaimReport, format: ReportFormat) throws -> [(String, String)] {
    switch format {
    case .json:
      return [("index.json", try JSONOutput.string(r.index) + "\n")]
        + (try r.papers.map { ("\($0.paper.rawValue).json", try JSONOutput.string($0) + "\n") })
    case .md:
      return [("index.md", MarkdownReport.index(r))]
        + r.papers.map { ("\($0.paper.rawValue).md", MarkdownReport.paper($0, seconds: r.seconds)) }
    case .html:
      return [("index.html", HTMLReport.index(r))]
        + r.papers.map { ("\($0.paper.rawValue).html", HTMLReport.paper($0, seconds: r.seconds)) }
    }
  }

  /// Writes `files` as the directory `dir`, replacing it only once all files are written.
  public static func write(_ files: [(String, String)], to dir: URL) throws {
    let fm = FileManager.default
    let parent = dir.deletingLastPathComponent()
    try fm.createDirectory(at: parent, withIntermediateDirectories: true)
    let pid = ProcessInfo.processInfo.processIdentifier
    let name = dir.lastPathComponent
    let partial = parent.appendingPathComponent(".\(name).partial-\(pid)")
    let old = parent.appendingPathComponent(".\(name).old-\(pid)")
    try? fm.removeItem(at: partial)
    try fm.createDirectory(at: partial, withIntermediateDirectories: false)
    do {
      for (file, text) in files {
        try Data(text.utf8).write(to: partial.appendingPathComponent(file))
      }
    } catch {
      try? fm.removeItem(at: partial)
      throw error
    }
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: dir.path, isDirectory: &isDir) {
      try fm.moveItem(at: dir, to: old)
      do {
        try fm.moveItem(at: partial, to: dir)
      } catch {
        try? fm.moveItem(at: old, to: dir)
        throw error
      }
      try? fm.removeItem(at: old)
    } else {
      try fm.moveItem(at: partial, to: dir)
    }
  }
}
