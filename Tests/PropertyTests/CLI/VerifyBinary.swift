// Runs the built `verify` executable for the end-to-end CLI tests. The binary sits next to
// the test bundle (`<scratch>/debug/verify`); `VERIFY_BINARY` overrides. Tests that need it
// are disabled, with this file's message, when it has not been built
// (`swift build --build-tests` builds it).
import Foundation

/// The `verify` binary and a way to run it with stdin from bytes and captured output.
enum VerifyBinary {
  /// The executable's path, or nil when it is not built.
  static let path: String? = {
    if let p = ProcessInfo.processInfo.environment["VERIFY_BINARY"],
      FileManager.default.isExecutableFile(atPath: p)
    {
      return p
    }
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let c = dir.appendingPathComponent("verify").path
      if FileManager.default.isExecutableFile(atPath: c) { return c }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }()

  static var isBuilt: Bool { path != nil }
  static let skipMessage =
    "the verify executable is not built next to the test bundle; run `swift build --build-tests`"

  struct Output {
    var stdout: Data
    var stderr: String
    var status: Int32
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stdoutLines: [String] { stdoutText.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
  }

  /// Runs `verify args…` with `input` on stdin (through temporary files, so neither side can
  /// block on a full pipe) and `environment` added to this process's environment.
  static func run(_ args: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> Output {
    guard let path else { throw CocoaError(.fileNoSuchFile) }
    let tmp = FileManager.default.temporaryDirectory
      .appendingPathComponent("aligncheck-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let inURL = tmp.appendingPathComponent("in")
    let outURL = tmp.appendingPathComponent("out")
    let errURL = tmp.appendingPathComponent("err")
    try input.write(to: inURL)
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    if !environment.isEmpty {
      p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    p.standardInput = try FileHandle(forReadingFrom: inURL)
    p.standardOutput = try FileHandle(forWritingTo: outURL)
    p.standardError = try FileHandle(forWritingTo: errURL)
    try p.run()
    p.waitUntilExit()
    return Output(
      stdout: try Data(contentsOf: outURL),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
      status: p.terminationStatus)
  }

  /// Runs with a text input.
  static func run(_ args: [String], text: String) throws -> Output {
    try run(args, input: Data(text.utf8))
  }
}
