// The docs against the code: each chapter's verdict table is the one the committed verdict
// baseline renders (baselines/verdicts.json, checked against a fresh run by
// `verify baseline --check` — see scripts/test.sh), and every repository path the docs name
// exists.
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

  @Test func verdictTablesMatchTheBaseline() throws {
    let data = try Data(contentsOf: Self.root.appendingPathComponent("baselines/verdicts.json"))
    let baseline = try JSONDecoder().decode(VerdictBaseline.self, from: data)
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

  @Test func baselineCoversEveryRegisteredAnalyticClaim() throws {
    let data = try Data(contentsOf: Self.root.appendingPathComponent("baselines/verdicts.json"))
    let baseline = try JSONDecoder().decode(VerdictBaseline.self, from: data)
    let registered = Set(ClaimRegistry.all.filter { !$0.isEmpirical }.map(\.id))
    #expect(Set(baseline.verdicts.keys) == registered, "regenerate with `verify baseline --write baselines/verdicts.json`")
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
