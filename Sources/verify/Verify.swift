// `verify`: the AlignCheck command line. Thin: it parses arguments and prints; the work
// lives in the libraries. Until the claims engine lands it reports its version and the
// modules this build contains.
import ArgumentParser
import Numerics

@main
struct Verify: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check the mathematics of LLM preference-optimization papers by computation.",
    version: version)

  mutating func run() throws {
    print("AlignCheck verify \(Self.version)")
    print("GSL \(GSL.version)")
    print("modules: Numerics, Objectives (claims, training and reports arrive with their issues)")
  }
}
