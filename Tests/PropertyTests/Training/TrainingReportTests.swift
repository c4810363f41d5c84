// The training report (Sources/Training/Report): a synthetic results value renders a
// complete report.md / report.html / claims.json with the curves, byte-identical twice, and
// the band of a curve spans the seeds.
import Claims
import Foundation
import Testing
import Training

@Suite struct TrainingReportTests {
  static func synthetic() -> (TrainingResults, [ClaimResult]) {
    let runs = EmpiricalRegistry.runs(for: EmpiricalRegistry.all)
    let results = EmpCoreFixtures.results(runs, jitter: 0.05) { label in
      label.hasPrefix("MaPPO") ? EmpShift(logW: 1, acc: 0.1) : EmpShift(logW: -1, logL: -2)
    }
    return (results, EmpiricalRegistry.decideAll(results))
  }

  @Test func reportIsCompleteAndByteIdentical() throws {
    let (results, decisions) = Self.synthetic()
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent(
        "aligncheck-training-report-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try TrainingReport.write(results: results, decisions: decisions, to: dir)
    func read(_ name: String) throws -> Data {
      try Data(contentsOf: dir.appendingPathComponent(name))
    }
    let first = try ["report.md", "report.html", "claims.json"].map(read)
    try TrainingReport.write(results: results, decisions: decisions, to: dir)
    let second = try ["report.md", "report.html", "claims.json"].map(read)
    #expect(first == second)

    let md = String(decoding: first[0], as: UTF8.self)
    let html = String(decoding: first[1], as: UTF8.self)
    for d in decisions {
      #expect(md.contains("### \(d.id)") && md.contains("**\(d.verdict.rawValue)**"))
      #expect(html.contains(d.id))
    }
    for r in results.runs { #expect(md.contains("| \(r.spec.label) | \(r.seedIndex) |")) }
    #expect(md.contains("## Settings") && md.contains("| model | L=2 d=64 |"))
    #expect(md.contains("first evaluation inside the band"))
    #expect(md.contains("reading:"))
    #expect(html.contains("<svg") && html.contains("<polygon") && !html.contains("<script"))
    for m in CurveMetric.overview {
      for paper in ["MaPPO", "PRO"] {
        let path = dir.appendingPathComponent("plots/\(m.rawValue)-\(paper).svg").path
        #expect(FileManager.default.fileExists(atPath: path), "\(path)")
      }
    }

    let json = try #require(JSONSerialization.jsonObject(with: first[2]) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == TrainingReport.schemaVersion)
    #expect((json["claims"] as? [Any])?.count == decisions.count)
    #expect((json["runs"] as? [Any])?.count == results.runs.count)
    #expect(!String(decoding: first[2], as: UTF8.self).contains("seconds"))
  }

  @Test func curveIsTheSeedMeanWithAMinMaxBand() {
    let (results, _) = Self.synthetic()
    let label = MaPPOEmpiricalRuns.mappo.label
    let pts = TrainingCurves.points(results, label, .testAccuracy)
    #expect(pts.map(\.x) == [0, 50, 100])
    let finals = results.runs(label: label).compactMap { $0.final?.testAccuracy }
    let last = pts[2]
    // Exact arithmetic on the same values: the mean is computed the same way.
    #expect(last.y == finals.reduce(0, +) / Double(finals.count))
    #expect(last.low == finals.min() && last.high == finals.max())
  }

  @Test func reportDoesNotDependOnRunOrder() throws {
    let (results, decisions) = Self.synthetic()
    var shuffled = results
    shuffled.runs.reverse()
    #expect(
      try TrainingReport.json(results: results, decisions: decisions)
        == TrainingReport.json(results: shuffled, decisions: decisions))
    #expect(
      TrainingReport.markdown(results: results, decisions: decisions)
        == TrainingReport.markdown(results: shuffled, decisions: decisions))
  }
}
