// The pipeline end to end on a tiny configuration (seconds in a debug build): the grid
// completes with every record and field; the same seed gives byte-identical results.json;
// a run interrupted after k checkpoints and resumed with the same output folder ends with
// the same bytes as an uninterrupted run (k = 1 stops inside SFT, after its first
// mid-stage checkpoint; larger k stop between later pieces); a corrupt checkpoint is an
// error naming the file.
import Foundation
import Numerics
import TestSupport
import Testing
import Training

@Suite("Pipeline: training grid", .serialized)
struct PipelineGridTests {
  /// The quick preset, smaller still, with an SFT budget that takes two evaluations (so a
  /// mid-SFT checkpoint exists) and a step count that splits into two iterative rounds.
  static var settings: TrainingSettings {
    var s = TrainingSettings.quick
    s.masterSeed = TestSeed.seed(for: "Pipeline.grid")
    s.maxDigits = 1  // one-digit sums: a tiny model learns the format in a few dozen steps
    s.context = 16
    s.sftCorpus = 400
    s.trainPrompts = 24
    s.validationPrompts = 8
    s.heldOutPrompts = 8
    s.testPrompts = 8
    s.klPrompts = 4
    s.sftLearningRate = 1e-2
    s.sftMaxSteps = 40
    s.sftEvalInterval = 20
    s.sftBandLower = 0.99  // not reached by this tiny budget: the stage runs to its end
    s.sftBandUpper = 1.0
    s.batchPrompts = 8
    s.alignmentSteps = 4
    s.metricInterval = 2
    return s
  }

  /// Offline DPO, DPO with another β, and iterative DPO in two rounds.
  static let specs = [
    RunSpec(label: "DPO", objective: "DPO", paper: "000 MaPPO", feedback: .bestVsWorstPairs),
    RunSpec(
      label: "DPO[beta=0.5]", objective: "DPO", paper: "000 MaPPO", feedback: .bestVsWorstPairs,
      hyperparameters: ["beta": 0.5]),
    RunSpec(
      label: "DPO[K=2]", objective: "DPO", paper: "000 MaPPO", feedback: .bestVsWorstPairs,
      rounds: 2),
  ]

  static func tempDir(_ name: String) throws -> URL {
    let u = FileManager.default.temporaryDirectory
      .appendingPathComponent("aligncheck-pipeline-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
  }

  static func runBytes(
    _ dir: URL, specs: [RunSpec] = specs, workers: Int = TrainingGrid.defaultWorkers,
    hooks: TrainingGrid.Hooks = .init()
  ) throws -> Data {
    let r = try TrainingGrid.run(
      specs: specs, settings: settings, outDir: dir, workers: workers, hooks: hooks)
    return try TrainingOutput.resultsJSON(r)
  }

  /// The runs of a seed on 1 or 2 worker threads give the same results.json bytes: each
  /// run owns what it changes and the records are assembled in spec order. The specs add one
  /// with samples of its own (T = 0.7, drawn once in SeedContext.prepare) to the offline,
  /// β-varied and iterative ones.
  @Test func workerCountDoesNotChangeTheBytes() throws {
    var specs = Self.specs
    specs.append(
      RunSpec(
        label: "DPO[T=0.7]", objective: "DPO", paper: "000 MaPPO",
        feedback: .bestVsWorstPairs, temperature: 0.7))
    var bytes: [Data] = []
    for workers in [1, 2] {
      let dir = try Self.tempDir("workers-\(workers)")
      defer { try? FileManager.default.removeItem(at: dir) }
      bytes.append(try Self.runBytes(dir, specs: specs, workers: workers))
    }
    #expect(bytes[0] == bytes[1])
    // Negative control: a changed spec list changes the bytes (the comparison can fail).
    let dir = try Self.tempDir("workers-control")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try Self.runBytes(dir, specs: Array(specs.dropLast()), workers: 2) != bytes[0])
  }

  @Test func gridCompletesWithEveryRecordAndField() throws {
    let dir = try Self.tempDir("complete")
    defer { try? FileManager.default.removeItem(at: dir) }
    let s = Self.settings
    let (r, timings) = try TrainingGrid.execute(specs: Self.specs, settings: s, outDir: dir)
    #expect(r.seedCount == 1 && r.sft.count == 1 && r.runs.count == Self.specs.count)
    // No sweep or probe stage ran, so none is timed (the step-cost test times one).
    #expect(timings.stages.isEmpty, "\(timings.stages)")
    #expect(r.settings["model.context"] == "\(s.context)")
    #expect(r.sft[0].steps == s.sftMaxSteps && !r.sft[0].inBand)
    #expect(r.sft[0].stopRule.contains("budget"))
    for run in r.runs {
      #expect(run.steps == 4)
      #expect(run.points.map(\.step) == [0, 2, 4], "\(run.spec.label)")
      #expect(run.tokens > 0)
      for p in run.points {
        let xs = [
          p.logProbChosen, p.logProbRejected, p.logProbChosenPerToken, p.logProbRejectedPerToken,
          p.margin, p.pairAccuracy, p.kl, p.testAccuracy, p.testReward, p.meanLength,
        ]
        let finite = xs.allSatisfy { $0.isFinite }
        #expect(finite, "\(run.spec.label) step \(p.step): \(xs)")
        #expect(p.logProbChosen < 0 && p.logProbRejected < 0)
        #expect((0...1).contains(p.testAccuracy) && (0...1).contains(p.pairAccuracy))
        #expect(p.step == 0 ? p.trainLoss == nil : p.trainLoss?.isFinite == true)
        // DPO does not train the value head.
        #expect(p.valueCorrect == nil && p.valueIncorrect == nil)
      }
      // At step 0 the policy is π_ref: zero margin and a KL estimate of exactly 0.
      #expect(run.points[0].margin == 0 && run.points[0].kl == 0)
      // Training moved the policy away from π_ref.
      #expect(run.points.last?.margin != 0)
    }
    // The runs of a seed share step 0 (one SFT model).
    #expect(Set(r.runs.map { $0.points[0] }).count == 1)
    #expect(timings.runs.count == Self.specs.count)
    // The output folder.
    try TrainingOutput.write(r, timings: timings, to: dir)
    let csv = try String(contentsOf: dir.appendingPathComponent("metrics.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\n")
    #expect(rows.count == 1 + Self.specs.count * 3)
    #expect(rows[0] == Substring(TrainingOutput.csvHeader.joined(separator: ",")))
    let back = try TrainingOutput.readResults(from: dir)
    #expect(back == TrainingOutput.deterministic(r))
  }

  @Test func sameSeedGivesIdenticalBytes() throws {
    let a = try Self.tempDir("same-a")
    let b = try Self.tempDir("same-b")
    defer {
      try? FileManager.default.removeItem(at: a)
      try? FileManager.default.removeItem(at: b)
    }
    let x = try Self.runBytes(a)
    let y = try Self.runBytes(b)
    #expect(x == y)
    // And a second run in the same folder loads every piece and still gives the same bytes.
    #expect(try Self.runBytes(a) == x)
  }

  /// k = 1: inside SFT (mid-stage state); 3: after the samples; 4: after the first run.
  @Test(arguments: [1, 3, 4])
  func killAndResumeGivesIdenticalBytes(k: Int) throws {
    let clean = try Self.tempDir("clean")
    let resumed = try Self.tempDir("resumed-\(k)")
    defer {
      try? FileManager.default.removeItem(at: clean)
      try? FileManager.default.removeItem(at: resumed)
    }
    let expected = try Self.runBytes(clean)
    #expect(throws: PipelineError.interrupted(afterCheckpoints: k)) {
      try Self.runBytes(resumed, hooks: .init(interruptAfterCheckpoints: k))
    }
    let seedDir = resumed.appendingPathComponent("checkpoints/seed-0")
    let files = try FileManager.default.contentsOfDirectory(atPath: seedDir.path)
    #expect(files.filter { $0.hasSuffix(".ckpt") }.count >= 1)
    #expect(try Self.runBytes(resumed) == expected)
  }

  @Test func corruptCheckpointIsAnErrorNamingTheFile() throws {
    let dir = try Self.tempDir("corrupt")
    defer { try? FileManager.default.removeItem(at: dir) }
    // Stop right after the samples are written (SFT progress, SFT, samples).
    _ = try? Self.runBytes(dir, hooks: .init(interruptAfterCheckpoints: 3))
    let file = dir.appendingPathComponent("checkpoints/seed-0/samples.ckpt")
    var bytes = try Data(contentsOf: file)
    let i = bytes.count - 10
    bytes[i] = bytes[i] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
    try bytes.write(to: file)
    do {
      _ = try Self.runBytes(dir)
      Issue.record("a corrupt checkpoint must be an error")
    } catch let e as PipelineError {
      guard case .corruptCheckpoint(let path, let reason) = e else {
        Issue.record("expected corruptCheckpoint, got \(e)")
        return
      }
      #expect(path == file.path)
      #expect(reason.contains("checksum"))
      #expect(e.description.contains(file.path))
    }
  }

  @Test func badSettingIsNamed() throws {
    var s = Self.settings
    s.context = 8
    #expect(throws: PipelineError.self) {
      try s.validate()
    }
    do { try s.validate() } catch let e as PipelineError {
      #expect(e.description.hasPrefix("context must hold"))
    }
  }
}
