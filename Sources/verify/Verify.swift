// `verify`: the AlignCheck command line. Thin: it parses arguments and prints; the work
// lives in the libraries (Claims, Numerics, …) where tests can reach it.
import ArgumentParser
import Claims
import Foundation
import Numerics

@main
struct Verify: ParsableCommand {
  static let version = "0.2.0"

  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check the mathematics of LLM preference-optimization papers by computation.",
    discussion: """
      With no subcommand, runs every registered analytic claim on the built-in defaults \
      (seed \(SeedOptions.defaultSeed), full mode) and prints a table and a per-paper summary.

      Exit codes (every subcommand):
        0  the run completed (refuted claims are findings, not failures)
        1  a baseline regression (`verify baseline --check`) or an internal error
        2  a usage or input error (bad arguments, unknown objective, a bad JSON record)
      """,
    version: version,
    subcommands: [
      SummaryCommand.self, ListClaims.self, RunClaims.self, ReportCommand.self, BaselineCommand.self, LossCommand.self,
      VectorsCommand.self, DocsCommand.self, TrainCommand.self,
    ],
    defaultSubcommand: SummaryCommand.self)

  /// Parses and runs, mapping argument-parser's exit codes onto the documented ones: usage
  /// and validation errors (its 64) → 2; `ExitCode(n)` thrown by a subcommand → n; help and
  /// version → 0; an unknown claim selector → 2; any other error (an internal error) → 1.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        Foundation.exit(0)
      }
      if !message.isEmpty { Stderr.line(message) }
      if error is ExitCode { Foundation.exit(code.rawValue) }
      if error is SelectionError { Foundation.exit(ExitCodes.inputError) }
      Foundation.exit(code == .validationFailure ? ExitCodes.inputError : ExitCodes.regression)
    }
  }
}

/// The seed every random choice flows from.
struct SeedOptions: ParsableArguments {
  static let defaultSeed: UInt64 = 20_251_130

  @Option(help: "Master seed; the same seed gives the same results bit for bit.")
  var seed: UInt64 = SeedOptions.defaultSeed
}
