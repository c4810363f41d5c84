// The step-cost probe of mappo.no-extra-compute on the tiny pipeline configuration: it
// counts the sequences each objective scores per pair (DPO and MaPPO: 2 policy, 2 reference),
// times 30 alternating repeats, keeps the ratios out of results.json and writes them to
// stepcost.json; a set objective scoring all n responses per prompt gives a different count
// (the count can tell objectives apart). An extension of the serialized grid suite: the
// probe and the grid set OpenBLAS's (process-global) thread count, which changes float32
// rounding, so they must not run at the same time as the grid's byte-identity tests.
import Foundation
import Testing
import Training

extension PipelineGridTests {
  typealias R = MaPPOEmpiricalRuns

  @Test func probeCountsAndTimesDPOAndMaPPO() throws {
    let dir = try Self.tempDir("stepcost")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (r, timings) = try TrainingGrid.execute(
      specs: [R.dpo, R.mappo], settings: Self.settings, outDir: dir,
      stepCost: (R.dpo, R.mappo))
    let cost = try #require(r.stepCost)
    #expect(cost.baseline == R.dpo.label && cost.candidate == R.mappo.label)
    #expect(cost.policyPerPair == [2, 2] && cost.referencePerPair == [2, 2])
    #expect(cost.pairs >= 1)
    #expect(cost.ratios.count == StepCostProbe.repeats)
    #expect(cost.ratios.allSatisfy { $0.isFinite && $0 > 0 })
    // The probe's own time is broken out of the total, and nothing else is.
    #expect(Array(timings.stages.keys) == ["step-cost#0"] && timings.stages["step-cost#0"]! > 0)
    try TrainingOutput.write(r, timings: timings, to: dir)
    let json = try JSONDecoder().decode(
      TrainingResults.self, from: Data(contentsOf: dir.appendingPathComponent("results.json")))
    #expect(json.stepCost?.ratios == [] && json.stepCost?.policyPerPair == [2, 2])
    // Read back as a folder, the ratios of stepcost.json are restored.
    #expect(try TrainingOutput.readResults(from: dir).stepCost == cost)
    let saved = try JSONDecoder().decode(
      StepCostMeasurement.self,
      from: Data(contentsOf: dir.appendingPathComponent("stepcost.json")))
    #expect(saved == cost)
  }

  /// Negative control: MPO on above/below-mean sets scores every response of a prompt, more
  /// than the two of a pair.
  @Test func aSetObjectiveCountsMoreSequencesPerPrompt() throws {
    let set = try #require(
      AlignmentObjectives.defaultGrid().first { $0.feedback == .thresholdSets })
    let dir = try Self.tempDir("stepcost-set")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try TrainingGrid.run(
      specs: [R.dpo, set], settings: Self.settings, outDir: dir,
      stepCost: (R.dpo, set))
    let cost = try #require(r.stepCost)
    #expect(cost.policyPerPair[0] == 2 && cost.policyPerPair[1] > 2, "\(cost.policyPerPair)")
  }
}
