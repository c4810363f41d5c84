// The per-claim block generator (DocsClaimBlocks) and the baseline that feeds it
// (VerdictBaseline schemaVersion 2) on synthetic chapters: a fresh block is regenerated
// byte-for-byte, a stale block is reported naming chapter and claim and rewritten, and each
// structural mistake (unregistered id, claim of another paper, duplicate, missing end marker,
// stray end marker, malformed marker) is reported and blocks the rewrite; the baseline reads
// schemaVersion 1 files (migrated, no evidence), refuses unknown versions, and encodes
// deterministically.
@testable import Claims
import Foundation
import Testing

@Suite struct DocsClaimBlocksTests {
  static func claim(_ id: String, _ paper: Paper, provenance: ClaimProvenance = .verbatim)
    -> Claim
  {
    Claim(
      id: id, paper: paper, source: "§1", kind: .identity, statement: "s",
      provenance: provenance, check: { _ in CheckOutcome(verdict: .confirmed, summary: "") })
  }

  static let claims = [
    claim("mappo.a", .mappo), claim("mappo.b", .mappo),
    claim("pro.r", .pro, provenance: .reconstructed("PRO-formulas.md eq. (4)")),
    claim("mappo.empirical-x", .mappo),
  ]

  static let baseline = VerdictBaseline(
    seed: 7, mode: .quick,
    verdicts: ["mappo.a": .refuted, "mappo.b": .conditional, "pro.r": .confirmed],
    evidence: [
      "mappo.a": .init(
        summary: "p < 1 fails on 3 cases",
        counterexample: .init(inputs: "a = 0, b = 1", detail: "LHS = 1, RHS = 2", residual: "1",
          tolerance: "1e-12")),
      "mappo.b": .init(
        summary: "holds under b > 0",
        conditions: [
          .init(condition: "b > 0", casesSatisfying: 40, holds: "b = 1: ok", fails: "b = -1: no")
        ]),
      "pro.r": .init(summary: "all 10 within tolerance"),
    ])

  static func chapter(_ body: String) -> String { "# Title\n\nprose\n\n" + body + "\nafter\n" }
  static func block(_ id: String, _ content: String = "") -> String {
    DocsClaimBlocks.beginLine(id) + "\n" + content + DocsClaimBlocks.endLine(id) + "\n"
  }

  func regen(_ text: String, _ paper: Paper = .mappo) -> DocsClaimBlocks.Regeneration {
    DocsClaimBlocks.regenerate(
      text, chapter: "docs/x.md", paper: paper, claims: Self.claims, baseline: Self.baseline)
  }

  @Test func renderedBlockCarriesVerdictEvidenceCounterexampleAndCommand() {
    let s = DocsClaimBlocks.render(claim: Self.claims[0], baseline: Self.baseline)
    #expect(
      s.hasPrefix("**Verdict** (quick mode, seed 7): **refuted** — p < 1 fails on 3 cases\n"))
    #expect(
      s.contains(
        "**Counterexample:** a = 0, b = 1: LHS = 1, RHS = 2 (residual 1, tolerance 1e-12)"))
    #expect(s.hasSuffix("Reproduce: `verify run mappo.a --seed 7 --quick`\n"))
    let c = DocsClaimBlocks.render(claim: Self.claims[1], baseline: Self.baseline)
    #expect(c.contains("**Condition:** b > 0 (40 tested cases satisfy it)"))
    #expect(c.contains("- holds: b = 1: ok\n- fails: b = -1: no\n"))
    let r = DocsClaimBlocks.render(claim: Self.claims[2], baseline: Self.baseline)
    #expect(r.contains("**Provenance:** the formulas are reconstructed (PRO-formulas.md eq. (4))."))
    var full = Self.baseline
    full.mode = .full
    #expect(DocsClaimBlocks.render(claim: Self.claims[0], baseline: full).hasSuffix(
      "`verify run mappo.a --seed 7`\n"))
    let e = DocsClaimBlocks.render(claim: Self.claims[3], baseline: Self.baseline)
    #expect(e.contains("not in the baseline (an empirical claim: decided by `verify train`)"))
  }

  @Test func escapingTouchesOnlyWhatMarkdownWouldReadAsMarkup() {
    let plain = "p < 1, b > 0, x ∈ [0, 1], r_φ"
    #expect(DocsClaimBlocks.escape(plain) == plain)
    #expect(
      DocsClaimBlocks.escape("a*b `c` $d$ _e_ <br> [f](g) \\")
        == #"a\*b \`c\` \$d\$ \_e\_ \<br> [f]\(g) \\"#)
    #expect(DocsClaimBlocks.escape("two\nlines") == "two lines")
  }

  @Test func freshBlocksAreLeftAloneAndStaleOnesNamedAndRewritten() throws {
    let empty = Self.chapter(Self.block("mappo.a") + "\nmiddle\n\n" + Self.block("mappo.b"))
    let first = regen(empty)
    #expect(first.problems == [
      .stale(chapter: "docs/x.md", id: "mappo.a"), .stale(chapter: "docs/x.md", id: "mappo.b"),
    ])
    #expect(first.isWritable)
    let fresh = first.text
    #expect(fresh.hasPrefix("# Title\n\nprose\n\n"))
    #expect(fresh.hasSuffix("\nafter\n"))
    #expect(fresh.contains("\nmiddle\n"))
    let expectedA = DocsClaimBlocks.render(claim: Self.claims[0], baseline: Self.baseline)
    #expect(fresh.contains(DocsClaimBlocks.beginLine("mappo.a") + "\n" + expectedA
      + DocsClaimBlocks.endLine("mappo.a")))
    let again = regen(fresh)
    #expect(again.problems.isEmpty)
    #expect(again.text == fresh)
    // Hand-editing a number inside a block makes it stale, naming chapter and claim.
    let edited = fresh.replacingOccurrences(of: "3 cases", with: "4 cases")
    let s = regen(edited)
    #expect(s.problems == [.stale(chapter: "docs/x.md", id: "mappo.a")])
    #expect(s.problems[0].description.contains("docs/x.md"))
    #expect(s.problems[0].description.contains("mappo.a"))
    #expect(s.text == fresh)
  }

  @Test func unknownAndOtherPaperIDsAreReportedAndNothingIsRewritten() {
    let text = Self.chapter(Self.block("mappo.nope") + Self.block("pro.r") + Self.block("mappo.a"))
    let r = regen(text)
    #expect(r.problems.contains(.unknownID(chapter: "docs/x.md", id: "mappo.nope", line: 4)))
    #expect(
      r.problems.contains(.otherPaper(chapter: "docs/x.md", id: "pro.r", paper: "pro", line: 6)))
    #expect(!r.isWritable)
    #expect(r.text == text)
    #expect(r.problems.first?.description.contains("docs/x.md:5") == true)
  }

  @Test func duplicateBlockIsReported() {
    let text = Self.chapter(Self.block("mappo.a") + "\n" + Self.block("mappo.a"))
    let r = regen(text)
    #expect(r.problems.contains(.duplicate(chapter: "docs/x.md", id: "mappo.a", line: 7, first: 4)))
    #expect(!r.isWritable)
    #expect(r.text == text)
  }

  @Test func missingEndMarkerIsReported() {
    let a = Self.chapter(DocsClaimBlocks.beginLine("mappo.a") + "\n\n" + Self.block("mappo.b"))
    #expect(regen(a).problems.contains(.missingEnd(chapter: "docs/x.md", id: "mappo.a", line: 4)))
    #expect(!regen(a).isWritable)
    let atEnd = Self.chapter(DocsClaimBlocks.beginLine("mappo.a") + "\n")
    #expect(regen(atEnd).problems == [.missingEnd(chapter: "docs/x.md", id: "mappo.a", line: 4)])
  }

  @Test func strayOrCrossedEndMarkerIsReported() {
    let stray = Self.chapter(DocsClaimBlocks.endLine("mappo.a") + "\n")
    #expect(regen(stray).problems == [.unpairedEnd(chapter: "docs/x.md", id: "mappo.a", line: 4)])
    let crossed = Self.chapter(
      DocsClaimBlocks.beginLine("mappo.a") + "\n" + DocsClaimBlocks.endLine("mappo.b") + "\n")
    let p = regen(crossed).problems
    #expect(p.contains(.unpairedEnd(chapter: "docs/x.md", id: "mappo.b", line: 5)))
    #expect(p.contains(.missingEnd(chapter: "docs/x.md", id: "mappo.a", line: 4)))
  }

  @Test func malformedMarkerIsReported() {
    let bads = ["<!-- claim:mappo.a:begin -->", "<!-- claim::end -->", "<!-- claim:mappo a:end -->"]
    for bad in bads {
      let r = regen(Self.chapter(bad + "\n"))
      #expect(r.problems == [.malformed(chapter: "docs/x.md", line: 4, text: bad)], "\(bad)")
      #expect(!r.isWritable)
    }
  }

  @Test func markersInFencedCodeAreText() {
    let text = Self.chapter("```\n" + DocsClaimBlocks.beginLine("mappo.zzz") + "\n```\n")
    let r = regen(text)
    #expect(r.problems.isEmpty)
    #expect(r.blocks.isEmpty)
  }

  @Test func missingBlocksOfAPaperAreListedExceptEmpirical() {
    let r = regen(Self.chapter(Self.block("mappo.a")))
    let m = DocsClaimBlocks.missing(
      paper: .mappo, chapter: "docs/x.md", blocks: r.blocks, claims: Self.claims)
    #expect(m == [.missingBlock(chapter: "docs/x.md", id: "mappo.b")])
  }

  @Test func baselineEncodesDeterministicallyAndRoundTrips() throws {
    let a = try JSONOutput.string(Self.baseline)
    let b = try JSONOutput.string(Self.baseline)
    #expect(a == b)
    #expect(a.contains("\"schemaVersion\" : 2"))
    let back = try JSONDecoder().decode(VerdictBaseline.self, from: Data(a.utf8))
    #expect(back == Self.baseline)
    // Sorted keys: "evidence" precedes "mode", "schemaVersion", "seed", "verdicts".
    let keys = ["\"evidence\"", "\"mode\"", "\"schemaVersion\"", "\"seed\"", "\"verdicts\""]
    let offsets = keys.compactMap { a.range(of: $0)?.lowerBound }
    #expect(offsets.count == keys.count && offsets == offsets.sorted())
  }

  @Test func version1MigratesWithoutEvidenceAndUnknownVersionsAreRefused() throws {
    let v1 = #"{"mode":"quick","schemaVersion":1,"seed":5,"verdicts":{"mappo.a":"refuted"}}"#
    let b = try JSONDecoder().decode(VerdictBaseline.self, from: Data(v1.utf8))
    #expect(b.schemaVersion == 1)
    #expect(b.verdicts == ["mappo.a": .refuted])
    #expect(b.evidence.isEmpty)
    // Comparing verdicts ignores evidence: a v1 file checks a v2 run with the same verdicts.
    #expect(b.changes(to: VerdictBaseline(seed: 5, mode: .quick, verdicts: ["mappo.a": .refuted],
      evidence: ["mappo.a": .init(summary: "x")])).isEmpty)
    let v9 = #"{"mode":"quick","schemaVersion":9,"seed":5,"verdicts":{}}"#
    #expect(throws: VerdictBaseline.UnsupportedVersion.self) {
      try JSONDecoder().decode(VerdictBaseline.self, from: Data(v9.utf8))
    }
  }

  @Test func changesCompareVerdictsOnly() {
    var other = Self.baseline
    other.evidence["mappo.a"]?.summary = "different words"
    #expect(Self.baseline.changes(to: other).isEmpty)
    other.verdicts["mappo.a"] = .confirmed
    #expect(Self.baseline.changes(to: other).map(\.id) == ["mappo.a"])
  }
}
