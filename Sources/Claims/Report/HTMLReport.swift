// `verify report --format html`: self-contained pages (inline CSS, inline SVG plots from
// ``SVGLinePlot``; no scripts, no external resources), the index and one page per paper.
import Foundation

/// HTML rendering of a ``ClaimReport``.
public enum HTMLReport {
  static let style = """
    body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
    table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;\
    text-align:left;vertical-align:top;font-size:13px}
    .v{font-weight:bold;padding:1px 6px;border-radius:3px;color:#fff}
    .confirmed{background:#2a7d2a}.approximate{background:#3b6fb6}.conditional{background:#b07d12}
    .inconclusive{background:#777}.refuted{background:#b52a2a}
    blockquote{margin:.5em 0;padding:.3em 1em;border-left:3px solid #ccc;color:#444}
    .ce{background:#fbeaea;padding:.4em}.run{color:#555;font-size:13px}
    """

  static func page(_ title: String, _ body: String) -> String {
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
      + HTMLText.escape(title) + "</title>\n<style>\n" + style + "\n</style></head>\n<body>\n"
      + body + "</body></html>\n"
  }

  static func badge(_ v: Verdict) -> String {
    "<span class=\"v \(v.rawValue)\">\(v.rawValue)</span>"
  }

  static func e(_ s: String) -> String { HTMLText.escape(s) }

  static func run(_ r: ReportRun) -> String {
    "<p class=\"run\">\(e(MarkdownReport.runLine(r)))</p>\n"
  }

  /// index.html.
  public static func index(_ r: ClaimReport) -> String {
    var b = "<h1>AlignCheck claim report</h1>\n" + run(r.index.run)
    b += "<table><tr><th>paper</th><th>claims</th><th>verdicts</th></tr>\n"
    for p in r.index.papers {
      b += "<tr><td><a href=\"\(p.file).html\">\(e(p.title))</a></td><td>\(p.claims)</td>"
      b += "<td>\(e(p.counts.line))</td></tr>\n"
    }
    b += "</table>\n<p>All papers: \(e(r.index.counts.line)).</p>\n"
    return page("AlignCheck claim report", b)
  }

  /// <paper>.html.
  public static func paper(_ p: PaperReport, seconds: [String: Double]) -> String {
    var b = "<p><a href=\"index.html\">← index</a></p>\n<h1>\(e(p.title))</h1>\n"
    b += "<p>Paper file <code>\(e(p.paperFile))</code> · \(e(p.counts.line))</p>\n" + run(p.run)
    b += "<table><tr><th>id</th><th>verdict</th><th>evidence</th><th>time</th></tr>\n"
    for c in p.claims {
      let t = seconds[c.id].map { String(format: "%.2fs", $0) } ?? ""
      b += "<tr><td><a href=\"#\(e(c.id))\"><code>\(e(c.id))</code></a></td>"
      b += "<td>\(badge(c.verdict))</td><td>\(e(c.evidence))</td><td>\(t)</td></tr>\n"
    }
    b += "</table>\n"
    let figures = ClaimReportPlots.htmlFigures(for: p)
    if !p.plots.isEmpty || !figures.isEmpty {
      b += "<h2>Plots</h2>\n" + p.plots.map { $0.render() + "\n" }.joined() + figures
    }
    for c in p.claims {
      b += "<h2 id=\"\(e(c.id))\"><code>\(e(c.id))</code> \(badge(c.verdict))</h2>\n"
      b += "<p>\(e(c.source)) · \(e(c.kind.rawValue)) · \(e(c.provenance))</p>\n"
      b += "<blockquote>\(e(c.statement))</blockquote>\n<p>\(e(c.evidence))</p>\n"
      if let ce = c.counterexample {
        b += "<p class=\"ce\"><b>Counterexample:</b> \(e(ce.line))</p>\n"
      }
      for cond in c.conditions {
        b += "<p><b>Condition:</b> \(e(cond.condition)) (\(cond.casesSatisfying) cases)<br>"
        b += "holds: \(e(cond.holdingCase))<br>fails: \(e(cond.failingCase))</p>\n"
      }
      if !c.classes.isEmpty {
        b += "<table><tr><th>class</th><th>cases</th><th>failures</th><th>worst residual</th>"
        b += "<th>tolerance</th><th>ratio</th><th>tolerance reason</th></tr>\n"
        for k in c.classes {
          b += "<tr><td>\(e(k.name))</td><td>\(k.cases)</td><td>\(k.failures)</td>"
          b +=
            "<td>\(formatNumber(k.worstResidual))</td><td>\(formatNumber(k.toleranceAtWorst))</td>"
          b += "<td>\(formatNumber(k.worstRatio))</td><td>\(e(k.toleranceReason))</td></tr>\n"
        }
        b += "</table>\n"
      }
      if !c.notes.isEmpty {
        b += "<ul>" + c.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
      }
    }
    return page(p.title, b)
  }
}
