// `verify docs` end to end on a temporary docs directory and a synthetic baseline: --check
// names a stale claim block (exit 1), --write fills it and a second --check passes (exit 0),
// an unregistered id fails --check (exit 1) and --write (exit 2, file untouched), and a
// schemaVersion 1 baseline is refused with a message saying to regenerate it (exit 2).
import Claims
import Foundation
import Testing

@Suite(.enabled(if: VerifyBinary.isBuilt, "\(VerifyBinary.skipMessage)"))
struct DocsCLITests {
  static let id = "mappo.reduces-to-dpo"

  static func setUp() throws -> (dir: URL, chapter: URL, baseline: String) {
    let d = FileManager.default.temporaryDirectory
      .appendingPathComponent("aligncheck-docs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    let b = VerdictBaseline(
      seed: 3, mode: .quick, verdicts: [id: .confirmed],
      evidence: [id: .init(summary: "every case within tolerance")])
    let bURL = d.appendingPathComponent("verdicts.json")
    try Data(try JSONOutput.string(b).utf8).write(to: bURL)
    let chapter = d.appendingPathComponent("mappo.md")
    let text = "# MaPPO\n\n" + DocsVerdictTable.begin + "\n" + DocsVerdictTable.end + "\n\n"
      + DocsClaimBlocks.beginLine(id) + "\n" + DocsClaimBlocks.endLine(id) + "\n"
    try Data(text.utf8).write(to: chapter)
    return (d, chapter, bURL.path)
  }

  @Test func checkNamesStaleBlockThenWriteFillsIt() throws {
    let (d, chapter, baseline) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: d) }
    let args = ["docs", "--baseline", baseline, "--dir", d.path]
    let stale = try VerifyBinary.run(args + ["--check"])
    #expect(stale.status == 1)
    #expect(
      stale.stdoutText.contains("mappo.md: block of \(Self.id) differs"), "\(stale.stdoutText)")
    let w = try VerifyBinary.run(args + ["--write"])
    #expect(w.status == 0, "\(w.stderr)")
    let text = try String(contentsOf: chapter, encoding: .utf8)
    #expect(
      text.contains(
        "**Verdict** (quick mode, seed 3): **confirmed** — every case within tolerance"))
    #expect(text.contains("`verify run \(Self.id) --seed 3 --quick`"))
    let ok = try VerifyBinary.run(args + ["--check"])
    #expect(ok.status == 0, "\(ok.stdoutText)")
  }

  @Test func unregisteredIDFailsCheckAndWrite() throws {
    let (d, chapter, baseline) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: d) }
    let extra = DocsClaimBlocks.beginLine("mappo.no-such-claim") + "\n"
      + DocsClaimBlocks.endLine("mappo.no-such-claim") + "\n"
    let before = try String(contentsOf: chapter, encoding: .utf8) + extra
    try Data(before.utf8).write(to: chapter)
    let args = ["docs", "--baseline", baseline, "--dir", d.path]
    let c = try VerifyBinary.run(args + ["--check"])
    #expect(c.status == 1)
    #expect(c.stdoutText.contains("mappo.no-such-claim, which is not a registered claim id"))
    let w = try VerifyBinary.run(args + ["--write"])
    #expect(w.status == 2)
    #expect(w.stderr.contains("mappo.no-such-claim"))
    #expect(try String(contentsOf: chapter, encoding: .utf8) == before)
  }

  @Test func version1BaselineIsRefused() throws {
    let (d, _, _) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: d) }
    let v1 = d.appendingPathComponent("v1.json")
    try Data(#"{"mode":"quick","schemaVersion":1,"seed":3,"verdicts":{}}"#.utf8).write(to: v1)
    let out = try VerifyBinary.run(["docs", "--baseline", v1.path, "--dir", d.path, "--check"])
    #expect(out.status == 2)
    #expect(out.stderr.contains("schemaVersion 1"))
    #expect(out.stderr.contains("verify baseline --write"))
  }
}
