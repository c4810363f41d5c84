// Buffered stdout / stderr writing for streaming subcommands, and progress lines on stderr.
import Claims
import Foundation

/// The exit codes of every subcommand (documented in `verify --help`).
enum ExitCodes {
  /// The run completed (refuted claims are findings, not failures).
  static let ok: Int32 = 0
  /// A baseline regression or an internal error.
  static let regression: Int32 = 1
  /// A usage or input error.
  static let inputError: Int32 = 2
}

/// Collects output lines and writes them in blocks.
struct StandardStreams {
  private var stdoutBuffer = ""

  /// Writes oracle lines: results to stdout (buffered), errors to stderr (immediately, after
  /// flushing the results before them so the two streams stay in record order).
  mutating func write(_ lines: [LossOracle.Line]) {
    for l in lines {
      switch l {
      case .result(let s):
        stdoutBuffer += s
        stdoutBuffer += "\n"
        if stdoutBuffer.utf8.count > 1 << 16 { flush() }
      case .error(let s):
        flush()
        Stderr.line(s)
      }
    }
  }

  mutating func flush() {
    guard !stdoutBuffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(stdoutBuffer.utf8))
    stdoutBuffer = ""
  }
}

/// Lines on stderr.
enum Stderr {
  static func line(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
  }
}
