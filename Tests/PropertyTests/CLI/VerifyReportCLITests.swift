import Foundation
import Testing

// `verify report`, `verify baseline` and `verify vectors` end to end: same seed → byte-
// identical JSON report; every format writes an index plus one file per paper; a baseline
// round trip passes and a changed verdict fails with exit 1 naming the claim; vectors cover
// every objective. Two quick claims keep each run short.
@testable import Claims

@Suite(.enabled(if: VerifyBinary.isBuilt, "\(VerifyBinary.skipMessage)"))
struct VerifyReportCLITests {
  /// Two fast MaPPO claims and one AlphaPO claim (so the AlphaPO plots are drawn).
  static let selectors = [
    "mappo.reduces-to-dpo", "mappo.prior-in-unit-interval", "alphapo.illustration1-closed-form",
  ]

  static func tempDir() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("aligncheck-\(UUID().uuidString)")
  }

  static func files(_ dir: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
      out[f] = try Data(contentsOf: dir.appendingPathComponent(f))
    }
    return out
  }

  @Test("report --format json: two runs with one seed are byte-identical, with schemaVersion")
  func jsonByteIdentical() throws {
    let a = Self.tempDir()
    let b = Self.tempDir()
    defer {
      try? FileManager.default.removeItem(at: a)
      try? FileManager.default.removeItem(at: b)
    }
    for d in [a, b] {
      let out = try VerifyBinary.run(
        ["report", "--format", "json", "--out", d.path, "--quick", "--seed", "7", "--quiet"]
          + Self.selectors)
      #expect(out.status == 0, "stderr: \(out.stderr)")
    }
    let fa = try Self.files(a)
    let fb = try Self.files(b)
    #expect(Set(fa.keys) == ["index.json", "mappo.json", "alphapo.json"])
    #expect(fa == fb)
    let index = try JSONDecoder().decode(ReportIndex.self, from: try #require(fa["index.json"]))
    #expect(index.schemaVersion == claimReportSchemaVersion)
    #expect(index.run.seed == 7)
    let text = String(decoding: try #require(fa["mappo.json"]), as: UTF8.self)
    #expect(!text.contains("seconds"))
  }

  /// GSL's BLAS calls go to OpenBLAS, whose rounding depends on its thread count: before the
  /// runner pinned it (ClaimRunner.blasThreads), this claim's quick report differed between
  /// OPENBLAS_NUM_THREADS=1 and 2 (a Nelder–Mead argmax moved), so a report depended on the core count.
  @Test("report --format json: the OpenBLAS thread count of the environment does not change the bytes")
  func blasThreadsDoNotChangeReport() throws {
    var reports: [Data] = []
    for threads in ["1", "2"] {
      let d = Self.tempDir()
      defer { try? FileManager.default.removeItem(at: d) }
      let out = try VerifyBinary.run(
        ["report", "--format", "json", "--out", d.path, "--quick", "--quiet", "mappo.lipschitz.map-vs-dpo"],
        environment: ["OPENBLAS_NUM_THREADS": threads])
      #expect(out.status == 0, "stderr: \(out.stderr)")
      reports.append(try Data(contentsOf: d.appendingPathComponent("mappo.json")))
    }
    #expect(reports[0] == reports[1])
  }

  @Test("report --format html: index and paper pages, inline SVG plot, no partial leftovers")
  func html() throws {
    let d = Self.tempDir()
    defer { try? FileManager.default.removeItem(at: d) }
    // Write twice: the second run replaces the first as a whole.
    for _ in 0..<2 {
      let out = try VerifyBinary.run(
        ["report", "--out", d.path, "--quick", "--quiet"] + Self.selectors)
      #expect(out.status == 0, "stderr: \(out.stderr)")
    }
    let fs = try Self.files(d)
    #expect(Set(fs.keys) == ["index.html", "mappo.html", "alphapo.html"])
    let alphapo = String(decoding: try #require(fs["alphapo.html"]), as: UTF8.self)
    #expect(alphapo.contains("<svg"))
    #expect(alphapo.contains("Illustration 1"))
    let siblings = try FileManager.default.contentsOfDirectory(
      atPath: d.deletingLastPathComponent().path)
    #expect(!siblings.contains { $0.hasPrefix(".\(d.lastPathComponent).") })
  }

  @Test("report: a bad format is a usage error (exit 2)")
  func badFormat() throws {
    let out = try VerifyBinary.run(["report", "--format", "pdf", "--out", "/tmp/x"])
    #expect(out.status == 2)
  }

  @Test("baseline: --write then --check passes; a changed verdict exits 1 naming the claim")
  func baseline() throws {
    let d = Self.tempDir()
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: d) }
    let file = d.appendingPathComponent("baseline.json").path
    let w = try VerifyBinary.run(
      ["baseline", "--write", file, "--quick", "--quiet"] + Self.selectors)
    #expect(w.status == 0, "stderr: \(w.stderr)")
    let ok = try VerifyBinary.run(["baseline", "--check", file, "--quiet"] + Self.selectors)
    #expect(ok.status == 0, "stdout: \(ok.stdoutText) stderr: \(ok.stderr)")
    var b = try JSONDecoder().decode(
      VerdictBaseline.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
    let id = "mappo.reduces-to-dpo"
    let actual = try #require(b.verdicts[id])
    b.verdicts[id] = actual == .refuted ? .confirmed : .refuted
    try Data(try JSONOutput.string(b).utf8).write(to: URL(fileURLWithPath: file))
    let bad = try VerifyBinary.run(["baseline", "--check", file, "--quiet"] + Self.selectors)
    #expect(bad.status == 1)
    #expect(bad.stdoutText.contains(id))
    let missing = try VerifyBinary.run(["baseline", "--check", d.appendingPathComponent("no").path])
    #expect(missing.status == 2)
  }

  @Test("vectors: every objective gets at least one finite vector, README included")
  func vectors() throws {
    for o in OracleCatalog.all {
      let f = GoldenVectors.file(for: o)
      #expect(f.count >= 1, "\(o.id) has no vector in its domain")
      let obj = try JSONSerialization.jsonObject(with: Data(f.json.utf8)) as? [String: Any]
      let vs = try #require(obj?["vectors"] as? [[String: Any]])
      for v in vs {
        let value = try #require(v["value"] as? Double, "\(o.id): value not a number")
        #expect(value.isFinite)
      }
    }
    let d = Self.tempDir()
    defer { try? FileManager.default.removeItem(at: d) }
    let out = try VerifyBinary.run(["vectors", "--out", d.path, "--quiet"])
    #expect(out.status == 0)
    let fs = try Self.files(d)
    #expect(fs["README.md"] != nil)
    #expect(fs.count == OracleCatalog.all.count + 2)
  }
}
