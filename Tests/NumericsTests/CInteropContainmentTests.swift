// Only Sources/Numerics (and the system-library shims) may name gsl_* or cblas_* symbols:
// every other module reaches GSL and BLAS through Numerics' Swift APIs.
import Foundation
import Testing

@Suite struct CInteropContainmentTests {
  @Test func noGSLOrCBLASSymbolOutsideNumerics() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let sources = root.appendingPathComponent("Sources")
    let allowed = ["Numerics", "CGSL", "COpenBLAS"]
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    #expect(!files.isEmpty, "no Swift sources found under \(sources.path)")
    let pattern = try NSRegularExpression(pattern: #"\b(gsl|cblas)_[a-z_]+\s*\("#)
    for f in files {
      let module = f.pathComponents[f.pathComponents.firstIndex(of: "Sources")! + 1]
      if allowed.contains(module) { continue }
      // Comments may name the GSL routine a Numerics API wraps; only code counts.
      let text = try String(contentsOf: f, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
        .joined(separator: "\n")
      let hits = pattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
      #expect(hits == 0, "\(f.path) calls a gsl_/cblas_ function outside Sources/Numerics")
    }
  }
}
