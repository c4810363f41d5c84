// PIPA-M's clip activity on the tiny pipeline configuration (claims/pipa.md
// pipa.no-additional-hyperparameters (c)): the PIPA-M runs, answer and token level, log a
// ClipActivity at every metric point after step 0 over the terms of the steps since the
// previous point; other objectives (PIPA-N, DPO) log none; metrics.csv carries the counts
// and the report the "PIPA-M clip activity" table. An extension of the serialized grid
// suite (the grid sets OpenBLAS's process-global thread count).
import Foundation
import Testing
import Training

extension PipelineGridTests {
  @Test func pipaMRunsLogClipActivityAtEveryMetricPoint() throws {
    let specs = [
      try AlignmentObjectives.spec(objective: "PIPAM", paper: "PIPA", feedback: .unpairedBinary),
      try AlignmentObjectives.spec(
        objective: "PIPAMTokenLevel", paper: "PIPA", feedback: .stepLabelledUnpaired),
      try AlignmentObjectives.spec(objective: "PIPAN", paper: "PIPA", feedback: .unpairedBinary),
    ]
    let dir = try Self.tempDir("clip")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (r, timings) = try TrainingGrid.execute(specs: specs, settings: Self.settings, outDir: dir)
    for run in r.runs {
      let clips = run.spec.objective != "PIPAN"
      #expect(run.points[0].clipActivity == nil, "\(run.spec.label): step 0 trains nothing")
      for p in run.points.dropFirst() {
        #expect((p.clipActivity != nil) == clips, "\(run.spec.label) step \(p.step)")
        if let c = p.clipActivity {
          // Two steps of a batch of 8 prompts with several sampled answers each.
          #expect(c.negativeTerms + c.positiveTerms > 0, "\(run.spec.label) step \(p.step)")
          #expect(c.negativeNearOne <= c.negativeTerms && c.positiveAboveOne <= c.positiveTerms)
        }
      }
    }
    // Token level counts tokens, answer level answers: more terms at token level.
    func terms(_ label: String) throws -> Int {
      let run = try #require(r.runs.first { $0.spec.label == label })
      return run.points.compactMap(\.clipActivity).reduce(0) {
        $0 + $1.negativeTerms + $1.positiveTerms
      }
    }
    #expect(try terms(specs[1].label) > terms(specs[0].label))
    try TrainingOutput.write(r, timings: timings, to: dir)
    let csv = try String(contentsOf: dir.appendingPathComponent("metrics.csv"), encoding: .utf8)
    let header = TrainingOutput.csvHeader
    let column = try #require(header.firstIndex(of: "clipNegativeTerms"))
    for row in csv.split(separator: "\n").dropFirst() {
      let cells = row.split(separator: ",", omittingEmptySubsequences: false)
      #expect(cells.count == header.count)
      let logged = !cells[column].isEmpty
      let pipaM = cells[1] == "PIPAM" || cells[1] == "PIPAMTokenLevel"
      #expect(logged == (pipaM && cells[5] != "0"), "\(row)")
    }
    try TrainingReport.write(results: r, decisions: [], to: dir)
    let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
    let start = try #require(md.range(of: "## PIPA-M clip activity"))
    let section = String(md[start.upperBound...]).components(separatedBy: "\n## ")[0]
    // Two PIPA-M labels × two metric steps (2 and 4), and no PIPA-N row.
    let rows = section.split(separator: "\n").filter { $0.hasPrefix("| PIPA") }
    #expect(rows.count == 4, "\(rows)")
    #expect(!section.contains("| \(specs[2].label) |"))
  }
}
