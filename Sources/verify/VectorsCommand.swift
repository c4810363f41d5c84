// `verify vectors --out DIR`: golden test vectors for every objective (work in Claims/Oracle).
import ArgumentParser
import Claims
import Foundation

struct VectorsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vectors",
    abstract: "Write golden test vectors (inputs → value, gradient, error bound) per objective.",
    discussion: """
      One JSON file per objective plus index.json and a README.md on testing a PyTorch or \
      JAX implementation. Written to a temporary directory and moved into place when complete.
      """)

  @Option(help: "The output directory (replaced as a whole).")
  var out: String

  @Flag(help: "No summary line on stderr.")
  var quiet = false

  func run() throws {
    let files = GoldenVectors.files()
    try ReportWriter.write(files, to: URL(fileURLWithPath: out))
    if !quiet { Stderr.line("wrote \(files.count) files to \(out)") }
  }
}
