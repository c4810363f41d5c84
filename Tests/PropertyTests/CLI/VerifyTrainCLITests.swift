// `verify train` end to end: bad flags exit 2 with one error line on stderr (then the usage,
// as every subcommand prints it) and nothing on stdout; a
// quick run with a tiny step count writes results.json, metrics.csv and timings.json, and a
// second run of the same command in the same folder resumes from the checkpoints and writes
// the same results.json bytes.
import Foundation
import Testing

@Suite(.enabled(if: VerifyBinary.isBuilt, "\(VerifyBinary.skipMessage)"))
struct VerifyTrainCLITests {
  @Test(arguments: [
    ["train", "--out", "/tmp/x", "--seeds", "0"],
    ["train", "--out", "/tmp/x", "--steps", "-3"],
    ["train", "--out", "/tmp/x", "--objectives", "NoSuchObjective"],
    ["train", "--quick"],
    ["train", "--out", "/tmp/x", "--bogus"],
    ["train", "--out", "/tmp/x", "--workers", "0"],
    ["train", "--out", "/tmp/x", "--claims", "nosuch.claim"],
    ["train", "--out", "/tmp/x", "--claims", "mpo", "--objectives", "DPO@MPO"],
  ])
  func badFlagsExitTwoWithOneLine(args: [String]) throws {
    let o = try VerifyBinary.run(args)
    #expect(o.status == 2, "\(args): status \(o.status), stderr \(o.stderr)")
    // One error line naming the problem; like every verify subcommand, argument-parser
    // follows it with the usage line and a pointer to --help.
    let errors = o.stderrLines.filter { $0.hasPrefix("Error:") }
    #expect(errors.count == 1, "\(args): \(o.stderrLines)")
    #expect(o.stderrLines.first?.hasPrefix("Error:") == true, "\(args): \(o.stderrLines)")
    #expect(o.stderrLines.dropFirst().allSatisfy { !$0.hasPrefix("Error") })
    #expect(o.stdout.isEmpty)
  }

  @Test func quickRunWritesTheOutputFolderAndResumes() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("aligncheck-train-cli-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let args = [
      "train", "--quick", "--steps", "2", "--objectives", "MaPPO,PIPAM", "--quiet", "--out",
      dir.path,
    ]
    let first = try VerifyBinary.run(args)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    #expect(first.stderr.isEmpty && first.stdout.isEmpty)
    for f in [
      "results.json", "metrics.csv", "timings.json", "checkpoints/seed-0/sft.ckpt", "report.md",
      "report.html", "claims.json",
    ] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path), "\(f)")
    }
    let bytes = try Data(contentsOf: dir.appendingPathComponent("results.json"))
    let second = try VerifyBinary.run(args)
    #expect(second.status == 0, "stderr: \(second.stderr)")
    #expect(try Data(contentsOf: dir.appendingPathComponent("results.json")) == bytes)
    // One seed: every empirical claim is decided, and inconclusive for want of a second seed.
    let claims = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: dir.appendingPathComponent("claims.json"))) as? [String: Any])
    let decided = (claims["claims"] as? [[String: Any]]) ?? []
    let ids = Set(decided.compactMap { $0["id"] as? String })
    for id in [
      "mappo.empirical.squeezing-mitigation", "mpo.emp.more-responses",
      "pro.empirical-dpo-likelihoods-fall", "alphapo.empirical.alpha-controls-displacement",
      "pipa.empirical.accuracy-gain",
    ] { #expect(ids.contains(id), "\(id) not decided") }
    #expect(decided.allSatisfy { $0["verdict"] as? String == "inconclusive" })
    let o = try #require(
      try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    let labels = ((o["runs"] as? [[String: Any]]) ?? []).compactMap {
      ($0["spec"] as? [String: Any])?["label"] as? String
    }
    #expect(labels == ["MaPPO", "PIPAM"])
  }
}
