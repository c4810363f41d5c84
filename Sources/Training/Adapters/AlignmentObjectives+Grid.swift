// The default grid of shared/design/TRAINING.md ("the default grid of every objective × 5
// seeds") and a spec helper for the claims' sweeps. The grid is one spec per
// ``FeedbackCatalog`` entry marked `inDefaultGrid`, on its first feedback kind, in catalog
// order — except SFT, whose run is the SFT stage itself (pipeline step 1, the shared starting
// point of every alignment run), not an alignment objective. Labels are the objective's name
// when one paper trains it in the grid, else `Objective@Paper` (`DPO@MaPPO`, `DPO@MPO`, …).

extension AlignmentObjectives {
  /// The paper's short name: "000 MaPPO" → "MaPPO".
  public static func paperName(_ paper: String) -> String {
    paper.split(separator: " ", maxSplits: 1).last.map(String.init) ?? paper
  }

  /// The catalog entries the default grid trains (SFT excluded: it is the SFT stage).
  static var gridEntries: [FeedbackCatalogEntry] {
    FeedbackCatalog.entries.filter { $0.inDefaultGrid && $0.feedback.first != .sftCorpus }
  }

  /// One spec per grid entry, on its first feedback kind, with every hyperparameter it reads
  /// written out (catalog defaults and the pipeline's choices), so the report states them.
  public static func defaultGrid() -> [RunSpec] {
    let entries = gridEntries
    var papersPerObjective: [String: Int] = [:]
    for e in entries { papersPerObjective[e.objective, default: 0] += 1 }
    return entries.map { e in
      let label =
        papersPerObjective[e.objective] == 1
        ? e.objective : "\(e.objective)@\(paperName(e.paper))"
      let spec = RunSpec(
        label: label, objective: e.objective, paper: e.paper, feedback: e.feedback[0])
      do {
        return try resolved(spec)
      } catch {
        // Every grid hyperparameter has a catalog value or a pipeline choice (tested).
        preconditionFailure("AlignmentObjectives.defaultGrid: \(error)")
      }
    }
  }

  /// `spec` with every hyperparameter its objective reads filled in.
  /// - Throws: ``UnsupportedSpec`` when one has no value anywhere.
  public static func resolved(_ spec: RunSpec) throws -> RunSpec {
    var s = spec
    for name in hyperparameterNames(objective: spec.objective, paper: spec.paper) {
      s.hyperparameters[name] = try hyperparameter(name, of: spec)
    }
    return s
  }

  /// A spec for `objective` as `paper` trains it (paper by short name, e.g. "MPO", or full
  /// catalog name), on `feedback` (default: the entry's first), with `overrides`; labelled
  /// `label`, or by default `Objective@Paper` plus `[feedback]` when not the first kind and
  /// `[name=value,…]` for the overrides, e.g. `MPO@MPO[topOneVersusRestSets]`,
  /// `AlphaPO@AlphaPO[alpha=-1.0]`. `responses` defaults to TRAINING.md's n = 8, and to 5 for
  /// MPO's top-2 vs bottom-2 rank cuts (claims/mpo.md mpo.emp.mpo-vs-dpo (B): "of 5").
  /// - Throws: ``UnsupportedSpec`` for an unknown (objective, paper) or a feedback kind the
  ///   catalog does not list for it.
  public static func spec(
    objective: String, paper: String, feedback: FeedbackKind? = nil,
    hyperparameters overrides: [String: Double] = [:], label: String? = nil,
    responses: Int? = nil, rewardNoise: Double = 0, rounds: Int = 1, temperature: Double = 1
  ) throws -> RunSpec {
    guard
      let e = FeedbackCatalog.entries.first(where: {
        $0.objective == objective && ($0.paper == paper || paperName($0.paper) == paper)
      })
    else {
      throw UnsupportedSpec(
        field: "spec(objective: \(objective), paper: \(paper))", value: "no catalog entry",
        rule: "name an (objective, paper) entry of FeedbackCatalog")
    }
    let kind = feedback ?? e.feedback[0]
    guard e.feedback.contains(kind), kind != .none, kind != .sftCorpus else {
      throw UnsupportedSpec(
        field: "spec(objective: \(objective), paper: \(paper)).feedback", value: kind.rawValue,
        rule:
          "be a trainable kind the catalog lists (\(e.feedback.map(\.rawValue).joined(separator: ", ")))"
      )
    }
    var name = "\(objective)@\(paperName(e.paper))"
    if kind != e.feedback[0] { name += "[\(kind.rawValue)]" }
    if !overrides.isEmpty {
      let pairs = overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      name += "[" + pairs.joined(separator: ",") + "]"
    }
    let n = responses ?? (kind == .rankCutSets ? 5 : 8)
    return try resolved(
      RunSpec(
        label: label ?? name, objective: objective, paper: e.paper, feedback: kind,
        hyperparameters: overrides, responses: n, rewardNoise: rewardNoise, rounds: rounds,
        temperature: temperature))
  }
}
