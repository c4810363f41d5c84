// AlphaPO's time axis (claims/alphapo.md §2.8: checkpoints at t ∈ {0, 0.05, 0.1, 0.25, 0.5,
// 0.75, 1}): every AlphaPO run measures extra metric points at t = 0.05 and 0.1, the other
// papers' runs keep the shared schedule, and measuring more often does not change training.
// An extension of the serialized grid suite (the grid sets OpenBLAS's process-global thread
// count).
import Foundation
import Testing
import Training

extension PipelineGridTests {
  @Test func extraMetricStepsRoundTheFractions() throws {
    let alpha = try Self.gridSpec("AlphaPO")
    #expect(alpha.extraMetricFractions == FeedbackCatalog.alphaPOExtraMetricFractions)
    #expect(alpha.extraMetricSteps(of: 128) == [6, 13])  // 6.4 → 6, 12.8 → 13
    #expect(alpha.extraMetricSteps(of: 20) == [1, 2])
    #expect(alpha.extraMetricSteps(of: 4).isEmpty)  // 0.2 and 0.4 round to step 0
    let dpo = try Self.gridSpec("DPO@MaPPO")
    #expect(dpo.extraMetricFractions == nil && dpo.extraMetricSteps(of: 128).isEmpty)
  }

  /// Nil is not encoded: the other papers' specs (and the records holding them) encode as
  /// before the field existed, and an AlphaPO spec decoded from such bytes differs from the
  /// current one, so its stale checkpoint is refused instead of reused.
  @Test func specsWithoutExtraPointsEncodeAsBefore() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let dpo = String(decoding: try encoder.encode(try Self.gridSpec("DPO@MaPPO")), as: UTF8.self)
    #expect(!dpo.contains("extraMetricFractions"))
    var stale = try Self.gridSpec("AlphaPO")
    stale.extraMetricFractions = nil
    let decoded = try JSONDecoder().decode(RunSpec.self, from: try encoder.encode(stale))
    #expect(decoded.extraMetricFractions == nil)
    #expect(decoded != (try Self.gridSpec("AlphaPO")))
  }

  /// Trained with and without the extra points (20 steps, a point every 8): the AlphaPO run
  /// adds steps 1 and 2, DPO does not, and every point both schedules share is equal — the
  /// training loss at step 8 aside, which averages the steps since the previous point.
  @Test func alphaPOAddsItsTimeAxisWithoutChangingTraining() throws {
    var s = Self.settings
    s.alignmentSteps = 20
    s.metricInterval = 8
    let alpha = try Self.gridSpec("AlphaPO")
    var plain = alpha
    plain.extraMetricFractions = nil
    let dpo = try Self.gridSpec("DPO@MaPPO")
    func trained(_ specs: [RunSpec], _ name: String) throws -> [RunRecord] {
      let dir = try Self.tempDir(name)
      defer { try? FileManager.default.removeItem(at: dir) }
      return try TrainingGrid.run(specs: specs, settings: s, outDir: dir).runs
    }
    let withAxis = try trained([alpha, dpo], "alpha-axis")
    let without = try #require(try trained([plain], "alpha-plain").first)
    let a = try #require(withAxis.first { $0.spec.label == alpha.label })
    let d = try #require(withAxis.first { $0.spec.label == dpo.label })
    #expect(a.points.map(\.step) == [0, 1, 2, 8, 16, 20])
    #expect(d.points.map(\.step) == [0, 8, 16, 20])
    #expect(without.points.map(\.step) == [0, 8, 16, 20])
    #expect(a.tokens == without.tokens && a.steps == without.steps)
    for p in without.points {
      var q = try #require(a.points.first { $0.step == p.step })
      if p.step == 8 {
        #expect(q.trainLoss != p.trainLoss)  // steps 3…8 instead of 1…8
        q.trainLoss = p.trainLoss
      }
      #expect(q == p, "step \(p.step)")
    }
  }
}
