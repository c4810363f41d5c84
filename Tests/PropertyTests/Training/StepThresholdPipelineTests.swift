// pipa.empirical.threshold end to end on the tiny configuration of PipelineGridTests
// (seconds in a debug build): the three τ runs of the entry train, the seed's Monte Carlo
// step values are computed once and checkpointed, the results declare `stepThreshold`
// honoured, a run killed right after the values' checkpoint resumes to the same bytes, and
// thresholds that label some step differently train differently. An extension of the
// serialized grid suite (OpenBLAS's thread count is process-global; PipelineGridTests+StepCost).
import Foundation
import Testing

@testable import Training

extension PipelineGridTests {
  static let thresholdSpecs = PIPARuns.thresholds.map(PIPARuns.threshold)

  @Test func stepThresholdRunsTrainAndResume() throws {
    let clean = try PipelineGridTests.tempDir("threshold-clean")
    let resumed = try PipelineGridTests.tempDir("threshold-resumed")
    defer {
      try? FileManager.default.removeItem(at: clean)
      try? FileManager.default.removeItem(at: resumed)
    }
    let settings = PipelineGridTests.settings
    let r = try TrainingGrid.run(specs: Self.thresholdSpecs, settings: settings, outDir: clean)
    #expect(r.runs.count == 3 && r.runs.allSatisfy { $0.steps == 4 })
    #expect(r.settings[EmpiricalStatistics.honouredRunKeysSetting] == "stepThreshold")
    let file = clean.appendingPathComponent("checkpoints/seed-0/step-values.ckpt")
    let store = try CheckpointStore(outDir: clean, settings: settings)
    let values = try #require(
      try store.load(StepValues.self, kind: "step-values", seed: 0, name: "step-values.ckpt"))
    #expect(FileManager.default.fileExists(atPath: file.path))
    #expect(!values.responses.isEmpty && values.rollouts == 8)
    let qs = values.responses.flatMap { $0.correctRollouts.map(values.q) }
    print("step values: \(qs.count) steps, Q histogram",
      Dictionary(grouping: qs, by: { $0 }).mapValues(\.count).sorted { $0.key < $1.key })
    // τ = −0.5 and τ = 1 label a step differently iff some Q lies in [−0.5, 1).
    let differ = qs.contains { $0 >= -0.5 && $0 < 1 }
    let low = try #require(r.runs(label: PIPARuns.threshold(-0.5).label).first)
    let high = try #require(r.runs(label: PIPARuns.threshold(1).label).first)
    #expect((low.points.last != high.points.last) == differ)
    // Checkpoints: SFT progress, SFT, samples, step values (4), then the runs.
    let expected = try TrainingOutput.resultsJSON(r)
    #expect(throws: PipelineError.interrupted(afterCheckpoints: 4)) {
      try TrainingGrid.run(
        specs: Self.thresholdSpecs, settings: settings, outDir: resumed,
        hooks: .init(interruptAfterCheckpoints: 4))
    }
    let again = try TrainingGrid.run(specs: Self.thresholdSpecs, settings: settings, outDir: resumed)
    #expect(try TrainingOutput.resultsJSON(again) == expected)
  }
}
