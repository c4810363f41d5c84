// `verify docs --baseline FILE [--dir docs] (--write | --check)`: the generated parts of each
// docs chapter — its verdict table and its per-claim blocks — from a committed verdict
// baseline (`verify baseline --write`). --check exits 1 naming every chapter whose table
// differs and every claim whose block is stale, unregistered, of another paper, duplicated or
// has a malformed or unpaired marker, so the docs cannot state a verdict the code does not
// compute.
//
// With `--training DIR` (a saved `verify train` folder), docs/training.md's empirical verdict
// table is regenerated too: every empirical claim decided again from DIR's results.json.
import ArgumentParser
import Claims
import Foundation
import Training

struct DocsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs",
    abstract: "Regenerate (--write) or check (--check) the docs chapters' generated blocks.",
    discussion: """
      Each chapter docs/<paper>.md holds a verdict table between the lines
      \(DocsVerdictTable.begin)
      \(DocsVerdictTable.end)
      and, for any claim it documents, a block between
      \(DocsClaimBlocks.beginLine("<claim id>"))
      \(DocsClaimBlocks.endLine("<claim id>"))
      filled with the claim's verdict, evidence, counterexample or condition, and the command
      that reproduces it, all from the baseline (schemaVersion \
      \(VerdictBaseline.currentSchemaVersion)). --check exits 1 naming each chapter whose table
      differs and each claim whose block is stale, not registered, of another paper,
      duplicated or has a malformed or unpaired marker. --write rewrites the blocks; it exits 2
      without touching a chapter that has such a structural problem. Exit 2 also when the
      baseline or a chapter cannot be read or a chapter lacks the verdict table.
      """)

  @Option(help: "The verdict baseline (from `verify baseline --write`).")
  var baseline: String

  @Option(help: "The docs directory.")
  var dir = "docs"

  @Option(
    help: ArgumentHelp(
      "A saved `verify train` folder: also regenerate docs/training.md's empirical verdict "
        + "table from its results.json.", valueName: "dir"))
  var training: String?

  @Flag(help: "Rewrite the generated blocks in place.")
  var write = false

  @Flag(help: "Compare the generated blocks with the baseline; exit 1 on any difference.")
  var check = false

  func validate() throws {
    if write == check { throw ValidationError("give exactly one of --write and --check") }
  }

  func run() throws {
    let b: VerdictBaseline
    do {
      b = try VerdictBaseline.load(contentsOf: URL(fileURLWithPath: baseline))
    } catch {
      Stderr.line("verify docs: cannot read baseline \(baseline): \(error)")
      throw ExitCode(ExitCodes.inputError)
    }
    guard b.schemaVersion >= VerdictBaseline.currentSchemaVersion else {
      Stderr.line(
        "verify docs: \(baseline) is schemaVersion \(b.schemaVersion), which records verdicts "
          + "only; regenerate it with `verify baseline --write \(baseline)"
          + (b.mode == .quick ? " --quick" : "") + "` to record the evidence the docs print")
      throw ExitCode(ExitCodes.inputError)
    }
    var findings: [String] = []
    var unwritable = false
    for paper in Paper.allCases {
      let path = URL(fileURLWithPath: dir).appendingPathComponent("\(paper.rawValue).md").path
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let text: String
      let withTable: String
      do {
        text = try String(contentsOfFile: path, encoding: .utf8)
        let table = DocsVerdictTable.render(paper: paper, claims: ClaimRegistry.all, baseline: b)
        withTable = try DocsVerdictTable.replacing(in: text, chapter: path, with: table)
      } catch {
        Stderr.line("verify docs: \(error)")
        throw ExitCode(ExitCodes.inputError)
      }
      if withTable != text {
        findings.append("\(path): verdict table differs from \(baseline) (run verify docs --write)")
      }
      let regen = DocsClaimBlocks.regenerate(
        withTable, chapter: path, paper: paper, claims: ClaimRegistry.all, baseline: b)
      findings += regen.problems.map(\.description)
      guard write else { continue }
      if !regen.isWritable {
        for p in regen.problems { Stderr.line("verify docs: \(p)") }
        Stderr.line("verify docs: \(path) not rewritten")
        unwritable = true
        continue
      }
      if regen.text != text {
        try Data(regen.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        print("updated \(path)")
      }
    }
    if let training { findings += try trainingChapter(training) }
    if write {
      if unwritable { throw ExitCode(ExitCodes.inputError) }
      return
    }
    if findings.isEmpty {
      print("docs: every chapter's verdict table and claim blocks match \(baseline)")
      return
    }
    for f in findings { print(f) }
    throw ExitCode(ExitCodes.regression)
  }

  /// Regenerates (--write) or compares (--check) docs/training.md's empirical verdict table
  /// from the saved run in `folder`; returns the finding of a difference.
  func trainingChapter(_ folder: String) throws -> [String] {
    let path = URL(fileURLWithPath: dir).appendingPathComponent("training.md").path
    let text: String
    let updated: String
    do {
      let results = try TrainingOutput.readResults(from: URL(fileURLWithPath: folder))
      text = try String(contentsOfFile: path, encoding: .utf8)
      let table = TrainingDocsTable.render(results: results, source: folder)
      updated = try TrainingDocsTable.block.replacing(in: text, chapter: path, with: table)
    } catch {
      Stderr.line("verify docs: --training \(folder): \(error)")
      throw ExitCode(ExitCodes.inputError)
    }
    guard updated != text else { return [] }
    if write {
      try Data(updated.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      print("updated \(path)")
      return []
    }
    return ["\(path): empirical verdict table differs from the run in \(folder) "
      + "(run verify docs --training \(folder) --write)"]
  }
}
