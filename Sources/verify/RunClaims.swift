// `verify run <ids, papers or globs> [--seed N] [--quick] [--json] [--quiet]`: run selected
// checks (progress on stderr after a second unless --quiet; stdout holds only the data).
import ArgumentParser
import Claims

struct RunClaims: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run the checks of selected claims and print their verdicts.")

  @OptionGroup var options: RunOptions

  @Flag(help: "Print JSON: one object per claim with id, verdict, evidence, seed, …")
  var json = false

  func run() throws {
    // A SelectionError prints as one line ("Error: claim selector 'x' matches no …").
    let results = options.run(try options.claims())
    if json {
      print(try JSONOutput.string(results))
    } else {
      print(ResultTable.render(results))
      print("")
      print(ResultTable.summary(results))
    }
  }
}
