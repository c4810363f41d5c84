// Runs claims (on ClaimRunner's worker threads) with a progress line on stderr (what is running, done of total,
// time left) once the run has taken more than a second; silent with `--quiet`.
import ArgumentParser
import Claims

/// Options shared by the subcommands that run claims.
struct RunOptions: ParsableArguments {
  @Argument(help: "Claim ids, paper names or globs. Default: all analytic claims.")
  var selectors: [String] = []

  @OptionGroup var seed: SeedOptions

  @Flag(help: "Quick mode: reduced case counts, as in CI.")
  var quick = false

  @Flag(help: "No progress lines on stderr.")
  var quiet = false

  var mode: CheckContext.Mode { quick ? .quick : .full }

  /// The selected claims (all analytic claims when no selector is given).
  func claims() throws -> [Claim] {
    let selected = try ClaimRegistry.select(selectors)
    return selectors.isEmpty ? selected.filter { !$0.isEmpirical } : selected
  }

  /// Runs `claims` (results in their order), reporting progress.
  func run(_ claims: [Claim]) -> [ClaimResult] {
    ProgressRun.run(claims, seed: seed.seed, mode: mode, quiet: quiet)
  }
}

/// The progress-reporting claim loop.
enum ProgressRun {
  static func run(_ claims: [Claim], seed: UInt64, mode: CheckContext.Mode, quiet: Bool)
    -> [ClaimResult]
  {
    let clock = ContinuousClock()
    let start = clock.now
    let total = claims.count
    let results = ClaimRunner.run(claims, seed: seed, mode: mode) { index, claim in
      let elapsed = seconds(clock.now - start)
      if !quiet, elapsed > 1, index > 0 {
        let left = elapsed / Double(index) * Double(total - index)
        Stderr.line("[\(index + 1)/\(total)] \(claim.id) … \(Int(left.rounded())) s left")
      }
    }
    if !quiet, seconds(clock.now - start) > 1 {
      Stderr.line("ran \(total) claims in \(Int(seconds(clock.now - start).rounded())) s")
    }
    return results
  }

  private static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
}
