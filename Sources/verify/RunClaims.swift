// `verify run <ids, papers or globs> [--seed N] [--quick] [--json]`: run selected checks.
import ArgumentParser
import Claims

struct RunClaims: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run the checks of selected claims and print their verdicts.")

  @Argument(help: "Claim ids, paper names or globs (e.g. mappo.reduces-*). Default: all analytic claims.")
  var selectors: [String] = []

  @OptionGroup var seed: SeedOptions

  @Flag(help: "Quick mode: reduced case counts, as in CI.")
  var quick = false

  @Flag(help: "Print JSON: one object per claim with id, verdict, evidence, seed, …")
  var json = false

  func run() throws {
    // A SelectionError prints as one line ("Error: claim selector 'x' matches no …").
    let selected = try ClaimRegistry.select(selectors)
    let claims = selectors.isEmpty ? selected.filter { !$0.isEmpirical } : selected
    let results = ClaimRunner.run(claims, seed: seed.seed, mode: quick ? .quick : .full)
    if json {
      print(try JSONOutput.string(results))
    } else {
      print(ResultTable.render(results))
      print("")
      print(ResultTable.summary(results))
    }
  }
}
