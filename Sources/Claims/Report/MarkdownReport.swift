// `verify report --format md`: the index and one page per paper in GitHub Markdown. Each
// claim shows its statement, verdict, evidence, case classes with worst residual against
// tolerance, the counterexample of a refuted claim and the condition of a conditional one.
import Foundation

/// Markdown rendering of a ``ClaimReport``.
public enum MarkdownReport {
  /// index.md.
  public static func index(_ r: ClaimReport) -> String {
    var s = "# AlignCheck claim report\n\n"
    s += runLine(r.index.run) + "\n\n"
    s += "| paper | claims | verdicts | report |\n|---|---|---|---|\n"
    for e in r.index.papers {
      s += "| \(cell(e.title)) | \(e.claims) | \(e.counts.line) | [\(e.file).md](\(e.file).md) |\n"
    }
    s += "\nAll papers: \(r.index.counts.line).\n"
    return s
  }

  /// <paper>.md.
  public static func paper(_ p: PaperReport, seconds: [String: Double]) -> String {
    var s = "# \(p.title)\n\n"
    s += "Paper file: `\(p.paperFile)` · \(p.counts.line)\n\n" + runLine(p.run) + "\n\n"
    s += "| id | verdict | evidence | time |\n|---|---|---|---|\n"
    for c in p.claims {
      let t = seconds[c.id].map { String(format: "%.2fs", $0) } ?? ""
      s +=
        "| [`\(c.id)`](#\(anchor(c.id))) | \(c.verdict.rawValue) | \(cell(c.evidence)) | \(t) |\n"
    }
    for c in p.claims {
      s += "\n## \(c.id)\n\n"
      s += "**\(c.verdict.rawValue)** — \(c.source) · \(c.kind.rawValue) · \(c.provenance)\n\n"
      s += "> \(c.statement.replacingOccurrences(of: "\n", with: "\n> "))\n\n"
      s += "Evidence: \(c.evidence)\n"
      if let ce = c.counterexample {
        s += "\nCounterexample: \(ce.line)\n"
      }
      for cond in c.conditions {
        s += "\nCondition: \(cond.condition) (\(cond.casesSatisfying) cases satisfy it)\n"
        s += "- holds: \(cond.holdingCase)\n- fails: \(cond.failingCase)\n"
      }
      if !c.classes.isEmpty {
        s +=
          "\n| class | cases | failures | worst residual | tolerance | ratio | tolerance reason |\n"
        s += "|---|---|---|---|---|---|---|\n"
        for k in c.classes {
          s +=
            "| \(cell(k.name)) | \(k.cases) | \(k.failures) | \(formatNumber(k.worstResidual)) | "
          s += "\(formatNumber(k.toleranceAtWorst)) | \(formatNumber(k.worstRatio)) | "
          s += "\(cell(k.toleranceReason)) |\n"
        }
      }
      if !c.notes.isEmpty {
        s += "\nNotes:\n" + c.notes.map { "- \($0)\n" }.joined()
      }
    }
    if !p.plots.isEmpty {
      s += "\n## Plots\n\nThe HTML report (`--format html`) draws: "
      s += p.plots.map(\.title).joined(separator: "; ") + ".\n"
    }
    return s
  }

  static func runLine(_ r: ReportRun) -> String {
    "Run: \(r.tool) \(r.toolVersion), seed \(r.seed), \(r.mode.rawValue) mode, "
      + "GSL \(r.gslVersion), BLAS \(r.blas)."
  }

  static func cell(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  static func anchor(_ id: String) -> String {
    String(id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" })
  }
}
