// `verify` with no subcommand (and `verify summary`): every registered analytic claim on the
// built-in defaults, as a table and a per-paper summary line. A subcommand of its own (the
// root's default) so that its --seed/--quiet do not shadow the other subcommands' flags.
import ArgumentParser
import Claims
import Numerics

/// The default run: all analytic claims, full mode, table + per-paper summary.
struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Run every analytic claim (full mode) and print a table and a per-paper summary (the default).")

  @OptionGroup var seed: SeedOptions

  @Flag(help: "No progress lines on stderr.")
  var quiet = false

  mutating func run() throws {
    print(
      "AlignCheck verify \(Verify.version) — GSL \(GSL.version); BLAS: \(BLAS.libraryDescription)")
    let claims = ClaimRegistry.all.filter { !$0.isEmpirical }
    let results = ProgressRun.run(claims, seed: seed.seed, mode: .full, quiet: quiet)
    print(ResultTable.render(results))
    print("")
    print(ResultTable.summary(results))
  }
}
