// The data of `verify report`: an index and one report per paper, `Codable` with a
// `schemaVersion` (argument-parser's ToolInfoV0). Goals, in order: 1) byte-identical JSON for
// the same seed and build — so no wall-clock times, no dates, no host names (timings appear
// only in the Markdown and HTML renderings); 2) everything a reader needs to see why a
// claim got its verdict: statement, evidence, case classes, counterexample, conditions.
import Numerics

/// The report schema version; bump on any incompatible change of these types.
public let claimReportSchemaVersion = 1

/// One claim in a report (a `ClaimResult` plus its statement, minus its timing).
public struct ReportClaim: Codable, Sendable, Equatable {
  public var id: String
  public var source: String
  public var kind: ClaimKind
  public var provenance: String
  public var statement: String
  public var verdict: Verdict
  public var evidence: String
  public var classes: [CaseClass]
  public var notes: [String]
  public var counterexample: Counterexample?
  public var conditions: [ConditionReport]

  public init(claim: Claim, result: ClaimResult) {
    id = result.id
    source = result.source
    kind = result.kind
    provenance = result.provenance
    statement = claim.statement
    verdict = result.verdict
    evidence = result.evidence
    classes = result.classes
    notes = result.notes
    counterexample = result.counterexample
    conditions = result.conditions
  }
}

/// How many claims got each verdict (keys are verdict names; sorted in the JSON).
public struct VerdictCounts: Codable, Sendable, Equatable {
  public var confirmed = 0
  public var approximate = 0
  public var conditional = 0
  public var inconclusive = 0
  public var refuted = 0

  public init(_ verdicts: [Verdict]) {
    for v in verdicts {
      switch v {
      case .confirmed: confirmed += 1
      case .approximate: approximate += 1
      case .conditional: conditional += 1
      case .inconclusive: inconclusive += 1
      case .refuted: refuted += 1
      }
    }
  }

  /// "3 confirmed, 1 refuted, …" in the catalog's order, zero counts left out.
  public var line: String {
    let parts = [
      (confirmed, "confirmed"), (approximate, "approximate"), (conditional, "conditional"),
      (inconclusive, "inconclusive"), (refuted, "refuted"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    return parts.isEmpty ? "no claims" : parts.joined(separator: ", ")
  }
}

/// The run's settings, repeated in every file so each stands alone.
public struct ReportRun: Codable, Sendable, Equatable {
  public var tool: String
  public var toolVersion: String
  public var gslVersion: String
  /// OpenBLAS configuration and thread count (BLAS results are reproducible for a fixed count).
  public var blas: String
  public var seed: UInt64
  public var mode: CheckContext.Mode

  public init(toolVersion: String, seed: UInt64, mode: CheckContext.Mode) {
    tool = "AlignCheck verify"
    self.toolVersion = toolVersion
    gslVersion = GSL.version
    blas = BLAS.libraryDescription
    self.seed = seed
    self.mode = mode
  }
}

/// One paper's report.
public struct PaperReport: Codable, Sendable, Equatable {
  public var schemaVersion = claimReportSchemaVersion
  public var run: ReportRun
  public var paper: Paper
  public var title: String
  public var paperFile: String
  public var counts: VerdictCounts
  public var claims: [ReportClaim]
  /// Plots computed for this paper (rendered as SVG in the HTML report).
  public var plots: [SVGLinePlot]
}

/// The index of a report: one entry per paper.
public struct ReportIndex: Codable, Sendable, Equatable {
  public struct Entry: Codable, Sendable, Equatable {
    public var paper: Paper
    public var title: String
    public var paperFile: String
    public var claims: Int
    public var counts: VerdictCounts
    /// The paper report's file name, without extension (`mappo`).
    public var file: String
  }

  public var schemaVersion = claimReportSchemaVersion
  public var run: ReportRun
  public var papers: [Entry]
  public var counts: VerdictCounts
}

/// A complete report: the index, the paper reports and (not in the JSON) timings.
public struct ClaimReport: Sendable {
  public var index: ReportIndex
  public var papers: [PaperReport]
  /// Seconds per claim id, for the Markdown and HTML renderings only.
  public var seconds: [String: Double]

  /// Builds the report from claims and their results (matched by id; claims without a
  /// result are left out). `plots(paper)` supplies each paper's plots.
  public init(
    claims: [Claim], results: [ClaimResult], run: ReportRun,
    plots: (Paper) -> [SVGLinePlot] = ClaimReportPlots.plots(for:)
  ) {
    let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var papers: [PaperReport] = []
    for p in Paper.allCases {
      let rs = results.filter { $0.paper == p }
      guard !rs.isEmpty else { continue }
      let rc = rs.compactMap { r in byID[r.id].map { ReportClaim(claim: $0, result: r) } }
      papers.append(
        PaperReport(
          run: run, paper: p, title: p.title, paperFile: p.file,
          counts: VerdictCounts(rc.map(\.verdict)), claims: rc, plots: plots(p)))
    }
    let entries = papers.map {
      ReportIndex.Entry(
        paper: $0.paper, title: $0.title, paperFile: $0.paperFile, claims: $0.claims.count,
        counts: $0.counts, file: $0.paper.rawValue)
    }
    index = ReportIndex(
      run: run, papers: entries, counts: VerdictCounts(papers.flatMap { $0.claims.map(\.verdict) }))
    self.papers = papers
    seconds = Dictionary(results.map { ($0.id, $0.seconds) }, uniquingKeysWith: { a, _ in a })
  }
}
