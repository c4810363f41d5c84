import Foundation
import Testing

// Snapshot tests of the built binary's outputs: `verify loss --list --json` and the JSON
// report of three claims at a fixed seed (with the machine-dependent `run` block — GSL and
// BLAS versions, thread count — replaced by a placeholder). Snapshots live in
// Tests/PropertyTests/CLI/Snapshots/; re-record with ALIGNCHECK_RECORD_SNAPSHOTS=1 (the test
// then rewrites them and fails, so a recording run is never mistaken for a passing one).
@testable import Claims

@Suite(.enabled(if: VerifyBinary.isBuilt, "\(VerifyBinary.skipMessage)"))
struct VerifySnapshotTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  static let recording = ProcessInfo.processInfo.environment["ALIGNCHECK_RECORD_SNAPSHOTS"] == "1"

  /// Compares `actual` with the snapshot `name`, or records it.
  static func assertSnapshot(_ actual: String, _ name: String) throws {
    let url = directory.appendingPathComponent(name)
    if recording || !FileManager.default.fileExists(atPath: url.path) {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      Issue.record("recorded snapshot \(name); run again without ALIGNCHECK_RECORD_SNAPSHOTS")
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if expected != actual {
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
      Issue.record(
        """
        snapshot \(name) differs at line \(i + 1):
          expected: \(i < e.count ? String(e[i]) : "<end>")
          actual:   \(i < a.count ? String(a[i]) : "<end>")
        re-record with ALIGNCHECK_RECORD_SNAPSHOTS=1 if the change is intended
        """)
    }
  }

  @Test("snapshot: verify loss --list --json")
  func lossList() throws {
    let out = try VerifyBinary.run(["loss", "--list", "--json"])
    #expect(out.status == 0)
    try Self.assertSnapshot(out.stdoutText, "loss-list.json")
  }

  @Test("snapshot: verify list --json (analytic and empirical claims)")
  func claimList() throws {
    let out = try VerifyBinary.run(["list", "--json"])
    #expect(out.status == 0)
    try Self.assertSnapshot(out.stdoutText, "list.json")
  }

  @Test("snapshot: JSON report of three claims, seed 7, quick mode")
  func report() throws {
    let d = FileManager.default.temporaryDirectory
      .appendingPathComponent("aligncheck-snap-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: d) }
    let out = try VerifyBinary.run(
      ["report", "--format", "json", "--out", d.path, "--quick", "--seed", "7", "--quiet"]
        + VerifyReportCLITests.selectors)
    #expect(out.status == 0, "stderr: \(out.stderr)")
    let placeholder = ReportRun(toolVersion: "-", seed: 7, mode: .quick)
    for paper in ["mappo", "alphapo"] {
      let data = try Data(contentsOf: d.appendingPathComponent("\(paper).json"))
      var report = try JSONDecoder().decode(PaperReport.self, from: data)
      report.run = placeholder
      report.run.gslVersion = "-"
      report.run.blas = "-"
      try Self.assertSnapshot(try JSONOutput.string(report) + "\n", "report-\(paper).json")
    }
  }
}
