// `verify report [--format md|json|html] --out DIR [selectors] [--seed N] [--quick]`: one
// file per paper plus an index (the work is in Claims/Report).
import ArgumentParser
import Claims
import Foundation

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a claim report: one file per paper plus an index.",
    discussion: """
      JSON files carry a schemaVersion and no timings, so two runs with the same seed and \
      build are byte-identical. Markdown and HTML show each claim's time. The HTML pages are \
      self-contained, with SVG plots drawn by AlignCheck. The report is written to a \
      temporary sibling directory and moved into place only when complete.
      """)

  @Option(help: "md, json or html.")
  var format: String = "html"

  @Option(help: "The report directory (replaced as a whole).")
  var out: String

  @OptionGroup var options: RunOptions

  func validate() throws {
    if ReportFormat(rawValue: format) == nil {
      throw ValidationError("--format must be one of md, json, html, got '\(format)'")
    }
  }

  func run() throws {
    guard let f = ReportFormat(rawValue: format) else { return }
    let claims = try options.claims()
    let results = options.run(claims)
    let report = ClaimReport(
      claims: claims, results: results,
      run: ReportRun(toolVersion: Verify.version, seed: options.seed.seed, mode: options.mode))
    let dir = URL(fileURLWithPath: out)
    try ReportWriter.write(try ReportWriter.files(report, format: f), to: dir)
    if !options.quiet {
      Stderr.line("wrote \(report.papers.count + 1) files to \(dir.path)")
    }
  }
}
