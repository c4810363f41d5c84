// The training report (TRAINING.md "Engineering": results, metrics and SVG plots in the
// output folder): DIR/report.md, DIR/report.html (self-contained, SVGs inline), DIR/claims.json
// (schemaVersion; byte-identical for the same results and decisions — no wall-clock time)
// and the curves as DIR/plots/*.svg for the Markdown. It states the settings, each seed's
// SFT record, every run's final metrics, PIPA-M's clip activity (``ClipActivityTable``), and
// every empirical claim with its verdict,
// intervals, reading notes and plots. Every file is written atomically (temp + rename), so
// a killed run leaves each file whole, old or new.
import Claims
import Foundation

/// Writes the training report.
public enum TrainingReport {
  /// Bumped whenever claims.json changes shape.
  public static let schemaVersion = 1

  /// The files of the report: (path relative to DIR, contents).
  public static func files(results: TrainingResults, decisions: [ClaimResult]) throws
    -> [(String, String)]
  {
    let overview = TrainingCurves.overview(results)
    var out: [(String, String)] = [
      ("report.md", markdown(results: results, decisions: decisions)),
      ("report.html", html(results: results, decisions: decisions)),
      ("claims.json", try json(results: results, decisions: decisions)),
    ]
    for (name, p) in overview { out.append(("plots/\(name).svg", p.render() + "\n")) }
    for d in decisions {
      for (i, p) in claimPlots(d.id, results).enumerated() {
        out.append(("plots/\(d.id)-\(i).svg", p.render() + "\n"))
      }
    }
    return out
  }

  /// Writes every file of the report under `dir` (created if needed), each atomically.
  public static func write(results: TrainingResults, decisions: [ClaimResult], to dir: URL) throws {
    let fm = FileManager.default
    try fm.createDirectory(
      at: dir.appendingPathComponent("plots"), withIntermediateDirectories: true)
    for (name, text) in try files(results: results, decisions: decisions) {
      // Foundation's atomic write: a temporary file in the same directory, then rename.
      try Data(text.utf8).write(to: dir.appendingPathComponent(name), options: .atomic)
    }
  }

  static func claimPlots(_ id: String, _ results: TrainingResults) -> [SVGLinePlot] {
    guard let c = EmpiricalRegistry.claim(id: id) else { return [] }
    return TrainingCurves.plots(forClaim: c, results)
  }

  // MARK: JSON

  /// A run's identity and final metrics (no wall-clock seconds).
  struct RunFinal: Codable {
    var label: String
    var seedIndex: Int
    var objective: String
    var paper: String
    var feedback: FeedbackKind
    var hyperparameters: [String: Double]
    var responses: Int
    var rewardNoise: Double
    var rounds: Int
    var temperature: Double
    var steps: Int
    var tokens: Int
    var final: MetricPoint?
  }

  /// A claim's decision (ClaimResult without its timing).
  struct ClaimJSON: Codable {
    var id: String
    var paper: Paper
    var source: String
    var verdict: Verdict
    var evidence: String
    var intervals: [CaseClass]
    var notes: [String]
    var conditions: [ConditionReport]
  }

  struct Document: Codable {
    var schemaVersion: Int
    var resultsSchemaVersion: Int
    var seed: UInt64
    var seedCount: Int
    var settings: [String: String]
    var sft: [SFTRecord]
    var runs: [RunFinal]
    var counts: [String: Int]
    var claims: [ClaimJSON]
  }

  /// Runs sorted by (label, seed) so the report does not depend on the pipeline's order.
  static func sortedRuns(_ results: TrainingResults) -> [RunRecord] {
    results.runs.sorted { ($0.spec.label, $0.seedIndex) < ($1.spec.label, $1.seedIndex) }
  }

  /// claims.json.
  public static func json(results: TrainingResults, decisions: [ClaimResult]) throws -> String {
    let runs = sortedRuns(results).map { r in
      RunFinal(
        label: r.spec.label, seedIndex: r.seedIndex, objective: r.spec.objective,
        paper: r.spec.paper, feedback: r.spec.feedback, hyperparameters: r.spec.hyperparameters,
        responses: r.spec.responses, rewardNoise: r.spec.rewardNoise, rounds: r.spec.rounds,
        temperature: r.spec.temperature, steps: r.steps, tokens: r.tokens, final: r.final)
    }
    let claims = decisions.map { d in
      ClaimJSON(
        id: d.id, paper: d.paper, source: d.source, verdict: d.verdict, evidence: d.evidence,
        intervals: d.classes, notes: d.notes, conditions: d.conditions)
    }
    let doc = Document(
      schemaVersion: schemaVersion, resultsSchemaVersion: results.schemaVersion,
      seed: results.seed, seedCount: results.seedCount, settings: results.settings,
      sft: results.sft.sorted { $0.seedIndex < $1.seedIndex }, runs: runs,
      counts: counts(decisions), claims: claims)
    return try JSONOutput.string(doc) + "\n"
  }

  static func counts(_ decisions: [ClaimResult]) -> [String: Int] {
    var c: [String: Int] = [:]
    for v in Verdict.allCases { c[v.rawValue] = decisions.filter { $0.verdict == v }.count }
    return c
  }

  // MARK: Markdown

  static let finalColumns = [
    "log π(y_w)", "log π(y_l)", "margin", "pair acc", "KL", "test acc", "reward", "length",
  ]

  static func finalCells(_ p: MetricPoint?) -> [String] {
    guard let p else { return Array(repeating: "—", count: finalColumns.count) }
    return [
      p.logProbChosen, p.logProbRejected, p.margin, p.pairAccuracy, p.kl, p.testAccuracy,
      p.testReward, p.meanLength,
    ].map(short)
  }

  /// Six significant digits for tables (the JSON keeps every digit).
  static func short(_ x: Double) -> String {
    x.isFinite ? String(format: "%.6g", x) : formatNumber(x)
  }

  static func row(_ cells: [String]) -> String {
    "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
      + " |\n"
  }

  static func table(_ header: [String], _ rows: [[String]]) -> String {
    row(header) + row(header.map { _ in "---" }) + rows.map(row).joined()
  }

  /// report.md.
  public static func markdown(results: TrainingResults, decisions: [ClaimResult]) -> String {
    var s = "# Training report\n\n"
    s += "Master seed \(results.seed), \(results.seedCount) seed(s), results schema "
    s += "\(results.schemaVersion), report schema \(schemaVersion).\n\n"
    let c = counts(decisions)
    s +=
      "Empirical claims: "
      + Verdict.allCases.reversed().map { "\(c[$0.rawValue] ?? 0) \($0.rawValue)" }
      .joined(separator: ", ") + ".\n\n"
    s += "## Settings\n\n"
    s += table(
      ["setting", "value"], results.settings.keys.sorted().map { [$0, results.settings[$0] ?? ""] })
    s += "\n## SFT model per seed\n\n"
    s += table(
      ["seed", "steps", "validation acc", "test acc", "band", "in band", "stop rule"],
      results.sft.sorted { $0.seedIndex < $1.seedIndex }.map { r in
        [
          "\(r.seedIndex)", "\(r.steps)", short(r.validationAccuracy), short(r.testAccuracy),
          "[" + r.band.map(short).joined(separator: ", ") + "]", r.inBand ? "yes" : "no",
          r.stopRule,
        ]
      })
    s += "\n## Final metrics of every run\n\n"
    s += table(
      ["run", "seed", "objective", "paper", "feedback", "steps", "tokens"] + finalColumns,
      sortedRuns(results).map { r in
        [
          r.spec.label, "\(r.seedIndex)", r.spec.objective, r.spec.paper, r.spec.feedback.rawValue,
          "\(r.steps)", "\(r.tokens)",
        ] + finalCells(r.final)
      })
    s += "\n## Training curves\n\n\(TrainingCurves.bandDescription).\n\n"
    for (name, _) in TrainingCurves.overview(results) { s += "![\(name)](plots/\(name).svg)\n" }
    let clipRows = ClipActivityTable.rows(results)
    if !clipRows.isEmpty {
      s += "\n## PIPA-M clip activity\n\n\(ClipActivityTable.description).\n\n"
      s += table(ClipActivityTable.header, clipRows)
    }
    s += "\n## Empirical claims\n"
    for d in decisions {
      s += "\n### \(d.id)\n\n"
      s +=
        "- Verdict: **\(d.verdict.rawValue)**\n- Paper: \(d.paper.rawValue); source: \(d.source)\n"
      s += "- Evidence: \(d.evidence)\n"
      for n in d.notes { s += "- \(n)\n" }
      for k in d.conditions {
        s += "- Condition: \(k.condition) (holds: \(k.holdingCase); fails: \(k.failingCase))\n"
      }
      for i in claimPlots(d.id, results).indices { s += "\n![\(d.id)](plots/\(d.id)-\(i).svg)\n" }
    }
    return s
  }

  // MARK: HTML

  static func e(_ s: String) -> String { HTMLText.escape(s) }

  static func htmlTable(_ header: [String], _ rows: [[String]]) -> String {
    "<table><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
      + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }.joined()
      + "</table>\n"
  }

  static let style = """
    body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
    table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;\
    text-align:left;vertical-align:top;font-size:13px}
    .v{font-weight:bold;padding:1px 6px;border-radius:3px;color:#fff}
    .confirmed{background:#2a7d2a}.approximate{background:#3b6fb6}.conditional{background:#b07d12}
    .inconclusive{background:#777}.refuted{background:#b52a2a}
    """

  /// report.html: self-contained (inline CSS and SVG; no scripts, no external resources).
  public static func html(results: TrainingResults, decisions: [ClaimResult]) -> String {
    var b = "<h1>Training report</h1>\n<p>Master seed \(results.seed), \(results.seedCount) "
    b += "seed(s), results schema \(results.schemaVersion), report schema \(schemaVersion).</p>\n"
    b += "<h2>Settings</h2>\n"
    b += htmlTable(
      ["setting", "value"], results.settings.keys.sorted().map { [$0, results.settings[$0] ?? ""] })
    b += "<h2>SFT model per seed</h2>\n"
    b += htmlTable(
      ["seed", "steps", "validation acc", "test acc", "band", "in band", "stop rule"],
      results.sft.sorted { $0.seedIndex < $1.seedIndex }.map { r in
        [
          "\(r.seedIndex)", "\(r.steps)", short(r.validationAccuracy), short(r.testAccuracy),
          "[" + r.band.map(short).joined(separator: ", ") + "]", r.inBand ? "yes" : "no",
          r.stopRule,
        ]
      })
    b += "<h2>Final metrics of every run</h2>\n"
    b += htmlTable(
      ["run", "seed", "objective", "paper", "feedback", "steps", "tokens"] + finalColumns,
      sortedRuns(results).map { r in
        [
          r.spec.label, "\(r.seedIndex)", r.spec.objective, r.spec.paper, r.spec.feedback.rawValue,
          "\(r.steps)", "\(r.tokens)",
        ] + finalCells(r.final)
      })
    b += "<h2>Training curves</h2>\n<p>\(e(TrainingCurves.bandDescription)).</p>\n"
    for (_, p) in TrainingCurves.overview(results) { b += p.render() + "\n" }
    let clipRows = ClipActivityTable.rows(results)
    if !clipRows.isEmpty {
      b += "<h2>PIPA-M clip activity</h2>\n<p>\(e(ClipActivityTable.description)).</p>\n"
      b += htmlTable(ClipActivityTable.header, clipRows)
    }
    b += "<h2>Empirical claims</h2>\n"
    b += htmlTable(
      ["claim", "paper", "verdict"],
      decisions.map { [$0.id, $0.paper.rawValue, $0.verdict.rawValue] })
    for d in decisions {
      b += "<h3 id=\"\(e(d.id))\">\(e(d.id)) <span class=\"v \(d.verdict.rawValue)\">"
      b += "\(d.verdict.rawValue)</span></h3>\n<p>Source: \(e(d.source))</p>\n"
      b += "<p>\(e(d.evidence))</p>\n<ul>\n"
      for n in d.notes { b += "<li>\(e(n))</li>\n" }
      for k in d.conditions {
        b +=
          "<li>Condition: \(e(k.condition)) (holds: \(e(k.holdingCase)); fails: \(e(k.failingCase)))</li>\n"
      }
      b += "</ul>\n"
      for p in claimPlots(d.id, results) { b += p.render() + "\n" }
    }
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Training report"
      + "</title>\n<style>\n" + style + "\n</style></head>\n<body>\n" + b + "</body></html>\n"
  }
}
