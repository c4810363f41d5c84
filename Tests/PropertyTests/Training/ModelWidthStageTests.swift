// ModelWidthStage's plan without training (mappo.empirical.scale-trend): runs are split by
// the modelWidth key (runs without it stay in the shared pipeline, in order); a width that is
// not a whole number in 1...4096, equals the settings' width or is not divisible by the
// heads is refused naming the run's key; the factory accepts the key only on the entry's
// DPO and MaPPO pair runs; the width's random streams collide with no other pipeline stream;
// the fixed-step SFT record keeps the settings' band and says whether it was reached.
import Foundation
import Numerics
import Testing

@testable import Training

@Suite struct ModelWidthStageTests {
  static let settings = TrainingSettings.quick  // width 16, 2 heads
  static func dpo(_ label: String, width: Double? = nil) -> RunSpec {
    RunSpec(
      label: label, objective: "DPO", paper: "000 MaPPO", feedback: .bestVsWorstPairs,
      hyperparameters: width.map { ["modelWidth": $0] } ?? [:])
  }

  @Test func runsAreSplitByWidth() throws {
    let specs = [
      Self.dpo("a"), Self.dpo("b8", width: 8), Self.dpo("c"), Self.dpo("d32", width: 32),
      Self.dpo("e8", width: 8),
    ]
    let stage = try ModelWidthStage(specs: specs, settings: Self.settings)
    #expect(stage.defaultSpecs.map(\.label) == ["a", "c"])
    #expect(stage.widths.map(\.width) == [8, 32])
    #expect(stage.widths.map { $0.specs.map(\.label) } == [["b8", "e8"], ["d32"]])
    #expect(stage.settings(width: 8).modelWidth == 8 && stage.settings(width: 8).heads == 2)
    // Negative control: no width key, no stage.
    let plain = try ModelWidthStage(specs: [Self.dpo("a"), Self.dpo("c")], settings: Self.settings)
    #expect(plain.isEmpty && plain.defaultSpecs.map(\.label) == ["a", "c"])
  }

  /// 0, −8, 7.5, NaN, ∞ and 8192 break "a whole number in 1...4096"; 16 is the settings'
  /// width; 7 is not divisible by the 2 heads.
  @Test(arguments: [0, -8, 7.5, .nan, .infinity, 8192, 16, 7])
  func badWidthIsRefusedByName(_ w: Double) {
    do {
      _ = try ModelWidthStage(
        specs: [Self.dpo("a"), Self.dpo("x", width: w)], settings: Self.settings)
      Issue.record("width \(w) accepted")
    } catch let PipelineError.setting(field, value, rule) {
      #expect(field == "x.hyperparameters[modelWidth]")
      #expect(value == "\(w)")
      #expect(rule.hasPrefix("must"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  /// The factory binds modelWidth on DPO and MaPPO best-vs-worst runs (the entry's) and
  /// refuses it by name elsewhere, so a sweep label never trains the plain objective.
  @Test func factoryAcceptsTheKeyOnlyOnTheEntrysRuns() throws {
    let probe = try ScoredSampleSet(samples: [], seed: 1)
    _ = try AlignmentObjectives.make(MaPPOEmpiricalRuns.narrowDPO, samples: probe)
    _ = try AlignmentObjectives.make(MaPPOEmpiricalRuns.narrowMaPPO, samples: probe)
    var simpo = MaPPOEmpiricalRuns.simpo
    simpo.hyperparameters["modelWidth"] = 32
    #expect(throws: AlignmentObjectives.UnsupportedSpec.self) {
      try AlignmentObjectives.make(simpo, samples: probe)
    }
    #expect(
      AlignmentObjectives.honouredRunKeys([MaPPOEmpiricalRuns.dpo, MaPPOEmpiricalRuns.narrowMaPPO])
        == ["modelWidth"])
  }

  /// The width streams (three purposes at several widths) are distinct from each other and
  /// from every other pipeline stream id.
  @Test func widthStreamsCollideWithNoOtherStream() {
    let widths = [1, 8, 16, 32, 64, 128, 4096]
    let mine = widths.flatMap { w in
      (1...3).map { PipelineStream.modelWidth(w, purpose: UInt64($0)) }
    }
    #expect(Set(mine).count == mine.count)
    var others: [UInt64] = [
      PipelineStream.modelInit, PipelineStream.trainSamples, PipelineStream.heldOutSamples,
      PipelineStream.klSamples, PipelineStream.rewardSpacingSamples, PipelineStream.stepRollouts,
      PipelineStream.shiftedSamples, PipelineStream.priorFineTuneOrder,
    ]
    others += (0..<1000).map { PipelineStream.sftOrder(epoch: $0) }
    others += (0..<100).map { PipelineStream.iterativeRound($0) }
    for t in [0.1, 0.5, 0.7, 1.0, 1.3, 2.0] {
      others += (1...255).map { PipelineStream.dedicatedSamples(temperature: t, responses: $0) }
      others.append(PipelineStream.sampledEvaluation(temperature: t))
    }
    #expect(Set(mine).isDisjoint(with: others))
  }

  /// The stage's stop rule: only the budget stops it; the record gets the settings' band.
  @Test func fixedStepRecordKeepsTheBand() {
    let fixed = ModelWidthStage.fixedStepSettings(Self.settings, steps: 123)
    #expect(fixed.sftMaxSteps == 123 && fixed.sftBandLower > 1 && fixed.sftBandUpper > 1)
    let raw = SFTRecord(
      seedIndex: 2, steps: 123, validationAccuracy: 0.5, testAccuracy: 0.4,
      band: [.infinity, .infinity], inBand: false,
      stopRule: "x; evaluations step:accuracy 50:0.2,123:0.5")
    let r = ModelWidthStage.record(raw, settings: Self.settings, width: 8)
    #expect(r.band == [Self.settings.sftBandLower, Self.settings.sftBandUpper])
    #expect(r.inBand == (0.5 >= Self.settings.sftBandLower && 0.5 <= Self.settings.sftBandUpper))
    #expect(r.stopRule.hasSuffix("evaluations step:accuracy 50:0.2,123:0.5"))
    #expect(r.steps == 123 && r.testAccuracy == 0.4 && r.seedIndex == 2)
  }
}
