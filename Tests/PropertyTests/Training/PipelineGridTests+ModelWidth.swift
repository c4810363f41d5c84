// The model-width stage of mappo.empirical.scale-trend (ModelWidthStage) on the tiny grid
// configuration (width 16, 2 heads; the narrow width 8), seconds in a debug build: a run
// carrying modelWidth trains on its own SFT model of that width, trained for exactly the
// default-width SFT's step count of the seed (whether the default SFT stopped in the band at
// its first evaluation or ran out its budget), and the checkpointed narrow SFT model equals
// an SFT stage run by hand at width 8 from the width's stream for that many steps. Negative
// control: the default-width records are those of the grid without the width run, and a grid
// without one encodes no widthSFT. A run killed (twice) inside the width stage resumes to the
// same bytes. An extension of the serialized grid suite (the grid sets OpenBLAS's process-global
// thread count; see PipelineGridTests+StepCost).
import Foundation
import Numerics
import Testing

@testable import Training

extension PipelineGridTests {
  static let narrowWidth = 8
  static let widthSpecs = [
    specs[0],
    RunSpec(
      label: "DPO[d=8]", objective: "DPO", paper: "000 MaPPO", feedback: .bestVsWorstPairs,
      hyperparameters: ["modelWidth": Double(narrowWidth)]),
  ]

  /// `bandLower` 0.99 is never reached (the default SFT runs its 40-step budget); 0 is
  /// reached at the first evaluation (step 20). The narrow SFT takes the same steps either way.
  @Test(arguments: [(0.99, 40), (0.0, 20)])
  func widthRunTrainsOnItsOwnNarrowModel(bandLower: Double, defaultSteps: Int) throws {
    var settings = Self.settings
    settings.sftBandLower = bandLower
    let dir = try Self.tempDir("width-\(defaultSteps)")
    let plainDir = try Self.tempDir("width-plain-\(defaultSteps)")
    defer {
      try? FileManager.default.removeItem(at: dir)
      try? FileManager.default.removeItem(at: plainDir)
    }
    let r = try TrainingGrid.run(specs: Self.widthSpecs, settings: settings, outDir: dir)
    #expect(r.sft.map(\.steps) == [defaultSteps])
    let width = try #require(r.widthSFT)
    #expect(width.map(\.modelWidth) == [Self.narrowWidth])
    #expect(width.map(\.sft.steps) == [defaultSteps])
    #expect(width[0].sft.seedIndex == 0 && width[0].sft.band == [bandLower, settings.sftBandUpper])
    #expect(r.runs.map(\.spec.label) == Self.widthSpecs.map(\.label))
    #expect(r.settings[EmpiricalStatistics.honouredRunKeysSetting] == "modelWidth")

    // The checkpointed narrow model is width 8 and equals an SFT stage run by hand: fresh
    // width-8 parameters from the width's stream, trained for exactly `defaultSteps` steps
    // (band [1, 1], which this tiny budget never reaches, so only the budget stops it).
    let store = try CheckpointStore(outDir: dir, settings: settings)
    let saved = try #require(
      try store.load(SFTCheckpoint.self, kind: "sft", seed: 0, name: "sft-d8.ckpt"))
    var narrowSettings = settings
    narrowSettings.modelWidth = Self.narrowWidth
    let config = try narrowSettings.modelConfig()
    let wide = try Transformer<Float>(config: try settings.modelConfig())
    let narrow = try Transformer<Float>(config: config)
    #expect(saved.parameters.floats.count == narrow.parameters.values.count)
    #expect(saved.parameters.floats.count != wide.parameters.values.count)
    let seed = TrainingResults.seed(master: settings.masterSeed, index: 0)
    var stream = RandomStream(seed: seed, stream: PipelineStream.modelWidth(8, purpose: 1))
    let replica = try Transformer<Float>(config: config, initialization: &stream)
    var byHand = narrowSettings
    byHand.sftMaxSteps = defaultSteps
    byHand.sftBandLower = 1
    byHand.sftBandUpper = 1
    let splits = try PromptSplits(sizes: settings.splitSizes, seed: seed)
    // At the grid's pinned SFT thread count (float32 rounding depends on it).
    let previous = BLAS.threadCount
    BLAS.setThreadCount(TrainingGrid.sftBLASThreads)
    defer { BLAS.setThreadCount(previous) }
    let handRecord = try SFTStage(settings: byHand, splits: splits, seedIndex: 0).run(
      replica, resume: nil, checkpoint: { _ in }, report: { _ in })
    #expect(handRecord.steps == defaultSteps && !handRecord.inBand)
    #expect(FloatBits(replica.parameters.values).floats == saved.parameters.floats)
    #expect(handRecord.testAccuracy == width[0].sft.testAccuracy)
    #expect(handRecord.validationAccuracy == width[0].sft.validationAccuracy)

    // Negative control: without the width run the default-width pieces are the same, and
    // the narrow run is not a copy of the default one.
    let plain = try TrainingGrid.run(specs: [Self.specs[0]], settings: settings, outDir: plainDir)
    let det = TrainingOutput.deterministic(r)
    #expect(plain.sft == r.sft)
    #expect(TrainingOutput.deterministic(plain).runs == [det.runs[0]])
    #expect(plain.widthSFT == nil)
    #expect(plain.settings[EmpiricalStatistics.honouredRunKeysSetting] == nil)
    let plainText = String(decoding: try TrainingOutput.resultsJSON(plain), as: UTF8.self)
    #expect(!plainText.contains("widthSFT"))
    #expect(det.runs[1].points != det.runs[0].points)
  }

  /// Killed after the width stage's mid-SFT checkpoint (5: SFT progress, SFT, samples, the
  /// DPO run, then the narrow SFT's progress), resumed and killed again after its samples
  /// (2 more: the narrow SFT, its samples), the grid resumes to the bytes of an
  /// uninterrupted run.
  @Test func widthStageResumesToTheSameBytes() throws {
    let clean = try Self.tempDir("width-clean")
    let resumed = try Self.tempDir("width-resumed")
    defer {
      try? FileManager.default.removeItem(at: clean)
      try? FileManager.default.removeItem(at: resumed)
    }
    let expected = try Self.runBytes(clean, specs: Self.widthSpecs)
    let seedDir = resumed.appendingPathComponent("checkpoints/seed-0")
    for (k, name) in [(5, "sft-progress-d8.ckpt"), (2, "samples-d8.ckpt")] {
      #expect(throws: PipelineError.interrupted(afterCheckpoints: k)) {
        try Self.runBytes(
          resumed, specs: Self.widthSpecs, hooks: .init(interruptAfterCheckpoints: k))
      }
      #expect(FileManager.default.fileExists(atPath: seedDir.appendingPathComponent(name).path))
    }
    #expect(try Self.runBytes(resumed, specs: Self.widthSpecs) == expected)
  }

  /// A bad width is refused before any training: nothing is checkpointed.
  @Test func badWidthIsRefusedBeforeTraining() throws {
    let dir = try Self.tempDir("width-bad")
    defer { try? FileManager.default.removeItem(at: dir) }
    var spec = Self.widthSpecs[1]
    spec.hyperparameters["modelWidth"] = 7
    #expect(throws: PipelineError.self) {
      try TrainingGrid.run(specs: [Self.specs[0], spec], settings: Self.settings, outDir: dir)
    }
    let ckpt = dir.appendingPathComponent("checkpoints")
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: ckpt.path)) ?? []).isEmpty)
  }
}
