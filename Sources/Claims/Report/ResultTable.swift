// Plain-text rendering of claim results for the terminal: one row per claim (id, paper,
// verdict, one line of evidence, time) and a per-paper summary line.
import Foundation

/// Text tables of claim results.
public enum ResultTable {
  /// The table: id, paper, verdict, evidence (cut to `evidenceWidth`), seconds.
  public static func render(_ results: [ClaimResult], evidenceWidth: Int = 90) -> String {
    let idW = max(2, results.map(\.id.count).max() ?? 2)
    var lines: [String] = []
    lines.append(
      pad("id", idW) + "  " + pad("paper", 7) + "  " + pad("verdict", 12) + "  "
        + pad("time", 8) + "  evidence")
    for r in results {
      let ev = r.evidence.count > evidenceWidth
        ? String(r.evidence.prefix(evidenceWidth - 1)) + "…" : r.evidence
      lines.append(
        pad(r.id, idW) + "  " + pad(r.paper.rawValue, 7) + "  " + pad(r.verdict.rawValue, 12)
          + "  " + pad(String(format: "%.2fs", r.seconds), 8) + "  " + ev)
    }
    return lines.joined(separator: "\n")
  }

  /// One summary line per paper present: how many claims have each verdict.
  public static func summary(_ results: [ClaimResult]) -> String {
    Paper.allCases.compactMap { p -> String? in
      let rs = results.filter { $0.paper == p }
      guard !rs.isEmpty else { return nil }
      let counts = Verdict.allCases.reversed().map { v in
        "\(rs.filter { $0.verdict == v }.count) \(v.rawValue)"
      }
      return "\(p.rawValue): \(rs.count) claims — " + counts.joined(separator: ", ")
    }.joined(separator: "\n")
  }

  static func pad(_ s: String, _ w: Int) -> String {
    s.count >= w ? s : s + String(repeating: " ", count: w - s.count)
  }
}
