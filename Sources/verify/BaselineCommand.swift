// `verify baseline --write FILE` / `--check FILE`: commit verdicts, and fail CI (exit 1)
// naming every claim whose verdict changed.
import ArgumentParser
import Claims
import Foundation

struct BaselineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "baseline",
    abstract: "Write the verdicts to a baseline file, or check this run against one.",
    discussion: """
      --check exits 1 if any verdict differs from the baseline (or a claim was added or \
      removed), printing one line per changed claim; 0 if none changed; 2 if the file cannot \
      be read. Run the check with the baseline's seed and mode (the file records them; \
      they are used unless --seed / --quick are given).
      """)

  @Option(help: "Write this run's verdicts to FILE.")
  var write: String?

  @Option(help: "Compare this run's verdicts with FILE.")
  var check: String?

  @OptionGroup var options: RunOptions

  func validate() throws {
    if (write == nil) == (check == nil) {
      throw ValidationError("give exactly one of --write FILE and --check FILE")
    }
  }

  func run() throws {
    if let path = write {
      let claims = try options.claims()
      let results = options.run(claims)
      let b = VerdictBaseline(results: results, seed: options.seed.seed, mode: options.mode)
      try Data((try JSONOutput.string(b) + "\n").utf8).write(to: URL(fileURLWithPath: path))
      if !options.quiet { Stderr.line("wrote \(b.verdicts.count) verdicts to \(path)") }
      return
    }
    guard let path = check else { return }
    let baseline: VerdictBaseline
    do {
      baseline = try VerdictBaseline.load(contentsOf: URL(fileURLWithPath: path))
    } catch {
      Stderr.line("verify baseline: cannot read \(path): \(error)")
      throw ExitCode(ExitCodes.inputError)
    }
    var opts = options
    let args = CommandLine.arguments
    if !args.contains(where: { $0.hasPrefix("--seed") }) { opts.seed.seed = baseline.seed }
    if !args.contains("--quick") { opts.quick = baseline.mode == .quick }
    let results = opts.run(try opts.claims())
    let current = VerdictBaseline(results: results, seed: opts.seed.seed, mode: opts.mode)
    let changes = baseline.changes(to: current)
    if changes.isEmpty {
      print("baseline \(path): \(current.verdicts.count) verdicts, no change")
      return
    }
    print("baseline \(path): \(changes.count) claim(s) changed")
    for c in changes { print("  \(c)") }
    throw ExitCode(ExitCodes.regression)
  }
}
