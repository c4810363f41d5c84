// The sweep settings the loop honours, end to end on the tiny configuration of
// PipelineGridTests (seconds in a debug build): `dataFraction` trains on the first f of the
// seed's batches, `tokenBudgetOfDPO` stops early, reward noise in units of s̄ changes the
// training data, PIPA's fixed g leaves the value head untrained, and the results declare
// the honoured keys — while the plain run is the same as in a grid without sweeps.
import Foundation
import Testing
import Training

// An extension of the serialized grid suite: the grid sets OpenBLAS's process-global thread
// count, so a concurrent grid test would change this one's float32 rounding (its plain-run
// comparisons are bit for bit).
extension PipelineGridTests {
  static func sweepSpec(
    _ objective: String, _ paper: String, _ settings: [String: Double] = [:],
    noise: Double = 0
  ) throws -> RunSpec {
    try AlignmentObjectives.spec(
      objective: objective, paper: paper, hyperparameters: settings, rewardNoise: noise)
  }

  @Test func loopHonoursTheStepAndNoiseKeys() throws {
    let plain = try Self.sweepSpec("MPO", "MPO")
    let half = try Self.sweepSpec("MPO", "MPO", ["dataFraction": 0.5])
    let budget = try Self.sweepSpec("MPO", "MPO", ["tokenBudgetOfDPO": 1])
    let noisy = try Self.sweepSpec("MPO", "MPO", ["rewardNoiseInSBar": 1], noise: 2)
    let fixedG = try Self.sweepSpec("PIPAMTokenLevel", "PIPA", ["fixedValue": 0.5])
    let sampled = try Self.sweepSpec(
      "MPO", "MPO", ["evaluationTemperature": 1, "evaluationSamples": 2])
    let specs = [plain, half, budget, noisy, fixedG, sampled]
    let dir = try PipelineGridTests.tempDir("sweeps")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try TrainingGrid.run(
      specs: specs, settings: PipelineGridTests.settings, outDir: dir)
    func run(_ s: RunSpec) throws -> RunRecord { try #require(r.runs(label: s.label).first) }
    // 4 steps by default (PipelineGridTests.settings), metrics every 2.
    #expect(try run(plain).steps == 4)
    #expect(try run(half).steps == 2)
    #expect(try run(half).points.map(\.step) == [0, 2])
    // MPO scores all 8 responses of a prompt, DPO 2: the DPO total is reached early.
    let b = try run(budget)
    #expect(b.steps >= 1 && b.steps < 4)
    #expect(b.points.last?.step == b.steps)
    // σ = 2 s̄ reorders the sets: the run's training differs from the clean one.
    #expect(try run(noisy).points.last != (try run(plain)).points.last)
    // g ≡ ½: the value head is not trained, so its metrics are absent.
    #expect(try run(fixedG).points.allSatisfy { $0.valueCorrect == nil })
    // Sampled evaluation: the training is the plain run's (same losses, tracking metrics and
    // KL at every point), the test metrics come from 2 samples per test prompt at T = 1.
    let a = try run(sampled).points
    let p = try run(plain).points
    #expect(a.map(\.step) == p.map(\.step))
    #expect(a.map(\.trainLoss) == p.map(\.trainLoss) && a.map(\.margin) == p.map(\.margin))
    #expect(a.map(\.kl) == p.map(\.kl))
    let tests = Double(PipelineGridTests.settings.testPrompts * 2)
    #expect(a.allSatisfy { ($0.testAccuracy * tests).rounded() == $0.testAccuracy * tests })
    #expect(a.map(\.meanLength) != p.map(\.meanLength))  // sampled, not greedy, responses
    let declared = Set(
      (r.settings[EmpiricalStatistics.honouredRunKeysSetting] ?? "").split(separator: ",")
        .map(String.init))
    #expect(
      declared == [
        "dataFraction", "tokenBudgetOfDPO", "rewardNoiseInSBar", "fixedValue",
        "evaluationTemperature", "evaluationSamples",
      ])
    // Negative control: the plain run equals its run in a grid without sweep specs, and
    // that grid declares no sweep key.
    let dir2 = try PipelineGridTests.tempDir("sweeps-plain")
    defer { try? FileManager.default.removeItem(at: dir2) }
    let r2 = try TrainingGrid.run(
      specs: [plain], settings: PipelineGridTests.settings, outDir: dir2)
    #expect(r2.runs(label: plain.label).first?.points == (try run(plain)).points)
    #expect(r2.settings[EmpiricalStatistics.honouredRunKeysSetting] == nil)
  }
}
