// The AlignmentObjectives factory and default grid (Sources/Training/Adapters): every
// trainable (objective, paper, feedback) of FeedbackCatalog builds on real samples; the
// default grid has one spec per grid entry (SFT aside: it is the SFT stage), in catalog
// order, with unique, readable labels and every hyperparameter written out; combinations
// the catalog does not list, SFT, analytic-only objectives and bad hyperparameters throw
// errors that name the label, the objective and the feedback (or the field and the rule).
import Testing
import Training

@Suite struct AdapterFactoryTests {
  static func samples() throws -> ScoredSampleSet { try DataFixtures.fixed(seed: 5) }

  @Test func everyCatalogCombinationBuilds() throws {
    let samples = try Self.samples()
    var built = 0
    for e in FeedbackCatalog.entries {
      for k in e.feedback where k != .none && k != .sftCorpus {
        let spec = try AlignmentObjectives.spec(objective: e.objective, paper: e.paper, feedback: k)
        let o = try AlignmentObjectives.make(spec, samples: samples)
        #expect(o.label == spec.label)
        #expect(!o.sequences(forBatch: samples.prompts.map(\.promptIndex)).isEmpty, "\(spec.label)")
        built += 1
      }
    }
    // 44 trainable (entry, feedback) pairs in the catalog as of this writing; the count only
    // guards against the loop silently skipping everything.
    #expect(built >= 40)
  }

  @Test func defaultGridIsOneReadableSpecPerGridEntry() throws {
    let grid = AlignmentObjectives.defaultGrid()
    let entries = FeedbackCatalog.entries.filter { $0.inDefaultGrid && $0.objective != "SFT" }
    #expect(grid.count == entries.count)
    #expect(Set(grid.map(\.label)).count == grid.count, "labels not unique: \(grid.map(\.label))")
    for (spec, e) in zip(grid, entries) {
      #expect(spec.objective == e.objective && spec.paper == e.paper)
      #expect(spec.feedback == e.feedback[0])
      let shared = entries.filter { $0.objective == e.objective }.count > 1
      let paper = String(e.paper.split(separator: " ").last ?? "")
      #expect(spec.label == (shared ? "\(e.objective)@\(paper)" : e.objective))
      for h in e.hyperparameters {
        #expect(spec.hyperparameters[h.name] != nil, "\(spec.label) lacks \(h.name)")
      }
    }
    let labels = Set(grid.map(\.label))
    for l in [
      "DPO@MaPPO", "DPO@MPO", "DPO@PRO", "DPO@PIPA", "IPO@MaPPO", "IPO@PIPA", "MaPPO", "MPO",
    ] {
      #expect(labels.contains(l), "grid lacks \(l)")
    }
    #expect(!labels.contains("SFT"))
    let samples = try Self.samples()
    for spec in grid {
      let o = try AlignmentObjectives.make(spec, samples: samples)
      let prompts = samples.prompts.prefix(8).map(\.promptIndex)
      #expect(o.label == spec.label)
      _ = o.sequences(forBatch: prompts)
    }
  }

  static func expectUnsupported(
    _ spec: RunSpec, mentions words: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let samples = try Self.samples()
    do {
      _ = try AlignmentObjectives.make(spec, samples: samples)
      Issue.record("\(spec.label) built", sourceLocation: sourceLocation)
    } catch let e as AlignmentObjectives.UnsupportedSpec {
      for w in words {
        #expect(e.description.contains(w), "\(e) lacks \(w)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func unknownCombinationsThrowNamingLabelObjectiveAndFeedback() throws {
    try Self.expectUnsupported(
      RunSpec(label: "odd", objective: "DPO", paper: "000 MaPPO", feedback: .scalar),
      mentions: ["odd", "DPO", "scalar"])
    try Self.expectUnsupported(
      RunSpec(label: "nope", objective: "Nope", paper: "000 MaPPO", feedback: .bestVsWorstPairs),
      mentions: ["nope", "Nope", "bestVsWorstPairs"])
    try Self.expectUnsupported(
      RunSpec(label: "sft", objective: "SFT", paper: "000 MaPPO", feedback: .sftCorpus),
      mentions: ["sft", "SFT", "sftCorpus", "SFT stage"])
    try Self.expectUnsupported(
      RunSpec(label: "pop", objective: "PopulationDPO", paper: "002 PRO", feedback: .none),
      mentions: ["pop", "PopulationDPO", "none"])
    // MPO's sets are not a pair dataset, even for an objective that trains on pairs.
    try Self.expectUnsupported(
      RunSpec(label: "mix", objective: "MPO", paper: "001 MPO", feedback: .bestVsWorstPairs),
      mentions: ["mix", "MPO", "bestVsWorstPairs"])
    #expect(throws: AlignmentObjectives.UnsupportedSpec.self) {
      try AlignmentObjectives.spec(objective: "DPO", paper: "MaPPO", feedback: .scalar)
    }
    #expect(throws: AlignmentObjectives.UnsupportedSpec.self) {
      try AlignmentObjectives.spec(objective: "DPO", paper: "Nowhere")
    }
  }

  @Test func badHyperparametersThrow() throws {
    let samples = try Self.samples()
    for (objective, paper, h) in [
      ("BinnedPlackettLuce", "MPO", ["bins": 2.5]), ("PROS", "PRO", ["N": 1]),
      ("PROPImplemented", "PRO", ["exactH": 2]),
    ] {
      let spec = try AlignmentObjectives.spec(
        objective: objective, paper: paper, hyperparameters: h)
      #expect(throws: AlignmentObjectives.UnsupportedSpec.self, "\(spec.label)") {
        try AlignmentObjectives.make(spec, samples: samples)
      }
    }
    // 3 bins do not divide 8 responses: the dataset builder's TaskError.
    let spec = try AlignmentObjectives.spec(
      objective: "BinnedPlackettLuce", paper: "MPO", hyperparameters: ["bins": 3])
    #expect(throws: TaskError.self) { try AlignmentObjectives.make(spec, samples: samples) }
    // Spec labels for sweeps are readable and distinct.
    let a = try AlignmentObjectives.spec(
      objective: "AlphaPO", paper: "AlphaPO", hyperparameters: ["alpha": -1])
    let b = try AlignmentObjectives.spec(objective: "MPO", paper: "MPO", feedback: .rankCutSets)
    #expect(a.label == "AlphaPO@AlphaPO[alpha=-1.0]")
    #expect(b.label == "MPO@MPO[rankCutSets]" && b.responses == 5)
    #expect(a.hyperparameters["beta"] == 2.5 && a.hyperparameters["gamma"] == 0.25)
  }

  /// A sweep setting no objective reads (a claim's ablation the pipeline does not implement)
  /// is refused by name instead of silently training the plain objective.
  @Test func unreadSettingsAreRefusedByName() throws {
    let samples = try Self.samples()
    var spec = try AlignmentObjectives.spec(objective: "DPO", paper: "MaPPO")
    _ = try AlignmentObjectives.make(spec, samples: samples)
    spec.hyperparameters["fixedValue"] = 0.5
    do {
      _ = try AlignmentObjectives.make(spec, samples: samples)
      Issue.record("an unread setting was accepted")
    } catch let e as AlignmentObjectives.UnsupportedSpec {
      #expect(e.field.contains("fixedValue") && e.value == "0.5")
    }
  }
}
