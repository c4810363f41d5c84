// `verify docs --baseline FILE [--dir docs] (--write | --check)`: the verdict table of each
// docs chapter, generated from a committed verdict baseline (`verify baseline --write`).
// --check exits 1 naming every chapter whose table differs, so the docs cannot state a
// verdict the code does not compute.
import ArgumentParser
import Claims
import Foundation

struct DocsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs",
    abstract: "Regenerate (--write) or check (--check) the docs chapters' verdict tables.",
    discussion: """
      Each chapter docs/<paper>.md holds a block between the lines
      \(DocsVerdictTable.begin)
      \(DocsVerdictTable.end)
      rendered from the baseline's verdicts. --check exits 1 naming each chapter whose
      block differs; 2 if the baseline or a chapter cannot be read or lacks the block.
      """)

  @Option(help: "The verdict baseline (from `verify baseline --write`).")
  var baseline: String

  @Option(help: "The docs directory.")
  var dir = "docs"

  @Flag(help: "Rewrite the tables in place.")
  var write = false

  @Flag(help: "Compare the tables with the baseline; exit 1 on any difference.")
  var check = false

  func validate() throws {
    if write == check { throw ValidationError("give exactly one of --write and --check") }
  }

  func run() throws {
    let b: VerdictBaseline
    do {
      b = try JSONDecoder().decode(VerdictBaseline.self, from: Data(contentsOf: URL(fileURLWithPath: baseline)))
    } catch {
      Stderr.line("verify docs: cannot read baseline \(baseline): \(error)")
      throw ExitCode(ExitCodes.inputError)
    }
    var stale: [String] = []
    for paper in Paper.allCases {
      let path = URL(fileURLWithPath: dir).appendingPathComponent("\(paper.rawValue).md").path
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let text: String
      let updated: String
      do {
        text = try String(contentsOfFile: path, encoding: .utf8)
        let table = DocsVerdictTable.render(paper: paper, claims: ClaimRegistry.all, baseline: b)
        updated = try DocsVerdictTable.replacing(in: text, chapter: path, with: table)
      } catch {
        Stderr.line("verify docs: \(error)")
        throw ExitCode(ExitCodes.inputError)
      }
      if updated == text { continue }
      if write {
        try Data(updated.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        print("updated \(path)")
      } else {
        stale.append(path)
      }
    }
    if check {
      if stale.isEmpty {
        print("docs: every chapter's verdict table matches \(baseline)")
        return
      }
      for s in stale { print("\(s): verdict table differs from \(baseline) (run verify docs --write)") }
      throw ExitCode(ExitCodes.regression)
    }
  }
}
