// The docs against the code: each chapter's verdict table and per-claim blocks are the ones
// the committed verdict baseline renders (baselines/verdicts.json, checked against a fresh
// run by `verify baseline --check` — see scripts/test.sh), the chapters listed in
// `chaptersWithAllClaims` have a block for every registered non-empirical claim of their
// paper, and every repository path the docs name exists.
import Claims
import Foundation
import Testing

@Suite struct DocsConsistencyTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func chapters() throws -> [(Paper, URL)] {
    Paper.allCases.compactMap { p in
      let u = root.appendingPathComponent("docs/\(p.rawValue).md")
      return FileManager.default.fileExists(atPath: u.path) ? (p, u) : nil
    }
  }

  /// Chapters that document every claim of their paper: a registered non-empirical claim with
  /// no block in one of these fails. Add a chapter once its "Claims, one by one" is complete.
  static let chaptersWithAllClaims: [Paper] = [.mappo, .mpo, .pro, .alphapo, .pipa]

  static func baseline() throws -> VerdictBaseline {
    try VerdictBaseline.load(contentsOf: root.appendingPathComponent("baselines/verdicts.json"))
  }

  @Test func verdictTablesMatchTheBaseline() throws {
    let baseline = try Self.baseline()
    let chapters = try Self.chapters()
    #expect(!chapters.isEmpty, "no chapters under docs/")
    for (paper, url) in chapters {
      let text = try String(contentsOf: url, encoding: .utf8)
      let committed = try #require(
        DocsVerdictTable.extract(from: text), "\(url.lastPathComponent) has no generated verdict table")
      let expected = DocsVerdictTable.render(paper: paper, claims: ClaimRegistry.all, baseline: baseline)
      #expect(
        committed == expected,
        "\(url.lastPathComponent): verdict table differs from baselines/verdicts.json (run `verify docs --baseline baselines/verdicts.json --write`)")
    }
  }

  @Test func claimBlocksMatchTheBaseline() throws {
    let baseline = try Self.baseline()
    #expect(
      baseline.schemaVersion == VerdictBaseline.currentSchemaVersion,
      "baselines/verdicts.json records no evidence: regenerate with `verify baseline --write`")
    for (paper, url) in try Self.chapters() {
      let text = try String(contentsOf: url, encoding: .utf8)
      let chapter = "docs/\(url.lastPathComponent)"
      let r = DocsClaimBlocks.regenerate(
        text, chapter: chapter, paper: paper, claims: ClaimRegistry.all, baseline: baseline)
      for p in r.problems {
        Issue.record("\(p) — `verify docs --baseline baselines/verdicts.json --write`")
      }
      if Self.chaptersWithAllClaims.contains(paper) {
        for p in DocsClaimBlocks.missing(
          paper: paper, chapter: chapter, blocks: r.blocks, claims: ClaimRegistry.all)
        {
          Issue.record("\(p)")
        }
      }
    }
  }

  @Test func baselineCoversEveryRegisteredAnalyticClaim() throws {
    let baseline = try Self.baseline()
    let registered = Set(ClaimRegistry.all.filter { !$0.isEmpirical }.map(\.id))
    #expect(Set(baseline.verdicts.keys) == registered, "regenerate with `verify baseline --write baselines/verdicts.json`")
    #expect(
      Set(baseline.evidence.keys) == Set(baseline.verdicts.keys),
      "every verdict in the baseline needs its evidence: regenerate it")
  }

  /// Markdown links to relative paths and back-quoted repository paths (`Sources/…`,
  /// `Tests/…`, `docs/…`, `scripts/…`, `baselines/…`; globs excluded) must exist.
  @Test func pathsNamedInTheDocsExist() throws {
    let docs = Self.root.appendingPathComponent("docs")
    let files = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }
    let link = try NSRegularExpression(pattern: #"\]\(([^)#:\s]+)(#[^)]*)?\)"#)
    let code = try NSRegularExpression(pattern: #"`((?:Sources|Tests|docs|scripts|baselines|benchmarks)/[^`*<\s]+)`"#)
    for f in files {
      let text = try String(contentsOf: docs.appendingPathComponent(f), encoding: .utf8)
      let range = NSRange(text.startIndex..., in: text)
      for m in link.matches(in: text, range: range) {
        guard let r = Range(m.range(at: 1), in: text) else { continue }
        let target = docs.appendingPathComponent(String(text[r]))
        #expect(FileManager.default.fileExists(atPath: target.path), "docs/\(f) links to missing \(text[r])")
      }
      for m in code.matches(in: text, range: range) {
        guard let r = Range(m.range(at: 1), in: text) else { continue }
        let p = String(text[r]).trimmingCharacters(in: CharacterSet(charactersIn: ".,:;"))
        let target = Self.root.appendingPathComponent(p)
        #expect(FileManager.default.fileExists(atPath: target.path), "docs/\(f) names missing path \(p)")
      }
    }
  }
}
