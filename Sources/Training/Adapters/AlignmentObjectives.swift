// The factory from a ``RunSpec`` (an objective of ``FeedbackCatalog`` as one paper trains
// it) to an ``AlignmentObjective`` bound to its dataset, and the default grid of
// shared/design/TRAINING.md ("every objective × 5 seeds"): the loop and `verify train`
// name objectives only through here. Every (objective, paper, feedback) the catalog lists
// with a trainable feedback builds (a test keeps it so); any other combination throws
// ``UnsupportedSpec`` naming the label, the objective and the feedback.
import Objectives

/// Builds alignment objectives from run specs.
public enum AlignmentObjectives {
  /// A spec this factory cannot build, named by field, value and rule.
  public struct UnsupportedSpec: Error, CustomStringConvertible {
    public let field: String
    public let value: String
    public let rule: String
    public var description: String { "\(field) must \(rule), got \(value)" }
  }

  /// The settings the papers do not print, chosen once for this experiment and stated in
  /// the report through the specs that carry them (TRAINING.md step 5: "the papers' default
  /// hyperparameters scaled to this model, stated in the report"). A spec may override each.
  public static let pipelineChoices: [String: [CatalogHyperparameter]] = {
    // τ: 001 prints none for InfoNCA/NCA. The verifier rewards lie in [0, 1] and a correct
    // answer (1) beats any wrong one (≤ 0.5) by ≥ 0.5, so τ = 0.1 gives it ≥ e⁵ ≈ 150 times
    // the target mass while wrong answers that differ by one column digit still differ.
    let tau = CatalogHyperparameter(
      name: "tau", value: 0.1, source: "pipeline choice: not printed in 001 (rewards in [0, 1])")
    // PRO: r_θ(x, ℋ) = 0 "in all the reported experiments" (PRO-formulas.md §8, §11);
    // exactH = 1 selects the exact hyper-response reward for the extra run.
    let zeroH = CatalogHyperparameter(
      name: "exactH", value: 0, source: "PRO-formulas.md §11: r_θ(x, ℋ) = 0 in all runs")
    return [
      "InfoNCA": [tau],
      "NCA": [tau],
      "BinnedPlackettLuce": [
        CatalogHyperparameter(
          name: "bins", value: 2, source: "claims/mpo.md mpo.emp.two-bins-vs-finer (b ∈ {2, 4})")
      ],
      "PROS": [
        zeroH,
        CatalogHyperparameter(
          name: "N", value: 4, source: "claims/pro.md M8: the first 4 of the 8 responses"),
      ],
      "PROPImplemented": [zeroH],
      "PROBPrinted": [zeroH],
      "PROBBetaOnOptimizer": [zeroH],
    ]
  }()

  /// The catalog entry of `spec`'s (objective, paper).
  static func entry(of spec: RunSpec) -> FeedbackCatalogEntry? {
    FeedbackCatalog.entries.first { $0.objective == spec.objective && $0.paper == spec.paper }
  }

  /// The names of the hyperparameters `objective` as `paper` trains it reads: the catalog's,
  /// then the pipeline's choices.
  public static func hyperparameterNames(objective: String, paper: String) -> [String] {
    let catalog = FeedbackCatalog.entries.first { $0.objective == objective && $0.paper == paper }
    var names = catalog?.hyperparameters.map(\.name) ?? []
    for h in pipelineChoices[objective] ?? [] where !names.contains(h.name) { names.append(h.name) }
    return names
  }

  /// The value of hyperparameter `name` for `spec`: the spec's override, else the catalog
  /// default of the spec's (objective, paper) entry, else the pipeline's choice.
  public static func hyperparameter(_ name: String, of spec: RunSpec) throws -> Double {
    if let v = spec.hyperparameters[name] { return v }
    if let v = entry(of: spec)?.hyperparameters.first(where: { $0.name == name })?.value {
      return v
    }
    if let v = pipelineChoices[spec.objective]?.first(where: { $0.name == name })?.value {
      return v
    }
    throw UnsupportedSpec(
      field: "\(spec.label).hyperparameters[\(name)]", value: "nil",
      rule: "be given (the catalog prints no default)")
  }

  /// An integer hyperparameter ≥ `minimum`.
  static func count(_ name: String, of spec: RunSpec, minimum: Int) throws -> Int {
    let v = try hyperparameter(name, of: spec)
    guard v.isFinite, v == v.rounded(), v >= Double(minimum), v <= 1e6 else {
      throw UnsupportedSpec(
        field: "\(spec.label).hyperparameters[\(name)]", value: "\(v)",
        rule: "be an integer ≥ \(minimum)")
    }
    return Int(v)
  }

  /// PRO's hyper-response mode from `exactH` (0: zero-H, 1: exact-H).
  static func hyperReward(of spec: RunSpec) throws -> HyperRewardMode {
    let v = try hyperparameter("exactH", of: spec)
    switch v {
    case 0: return .zero
    case 1: return .exact
    default:
      throw UnsupportedSpec(
        field: "\(spec.label).hyperparameters[exactH]", value: "\(v)",
        rule: "be 0 (zero-H) or 1 (exact-H)")
    }
  }

  /// The error for a combination the catalog does not list.
  static func unsupported(_ spec: RunSpec, _ why: String) -> UnsupportedSpec {
    UnsupportedSpec(
      field: "\(spec.label): objective \(spec.objective) (paper \(spec.paper)) on feedback",
      value: spec.feedback.rawValue, rule: why)
  }

  /// Binds `spec` to its dataset built from `samples` (already cut to `spec.responses`
  /// responses and noised by the caller). `stepValues` are the seed's Monte Carlo step
  /// values of these samples, read only by a spec with ``SweepKey/stepThreshold``.
  /// - Throws: ``UnsupportedSpec`` for an (objective, paper, feedback) the catalog does not
  ///   list as trainable, or a bad hyperparameter; ``TaskError`` from a dataset builder
  ///   (also when a threshold spec's samples have incorrect answers without step values).
  public static func make(
    _ spec: RunSpec, samples: ScoredSampleSet, stepValues: StepValues? = nil
  ) throws -> any AlignmentObjective {
    guard let e = entry(of: spec) else {
      throw unsupported(spec, "name an (objective, paper) entry of FeedbackCatalog")
    }
    guard e.feedback.contains(spec.feedback) else {
      throw unsupported(
        spec,
        "be one the catalog lists for it (\(e.feedback.map(\.rawValue).joined(separator: ", ")))")
    }
    // A setting the objective does not read would otherwise be ignored silently, training the
    // plain objective under a sweep's label (claims' ablation settings the pipeline does not
    // implement, e.g. a fixed value head): refuse it by name.
    let known = Set(hyperparameterNames(objective: spec.objective, paper: spec.paper))
      .union(sweepKeys(of: spec))
    if let unknown = spec.hyperparameters.keys.sorted().first(where: { !known.contains($0) }) {
      throw UnsupportedSpec(
        field: "\(spec.label).hyperparameters[\(unknown)]",
        value: "\(spec.hyperparameters[unknown] ?? .nan)",
        rule: "be a setting \(spec.objective) reads (\(known.sorted().joined(separator: ", ")));"
          + " the pipeline does not implement this sweep setting")
    }
    // Honoured by the caller that noises the samples (``scoreNoise(_:samples:seed:)``);
    // checked here so a bad value fails before training.
    _ = try flag(SweepKey.rewardNoiseInSBar, of: spec)
    // Likewise the step-count keys (``trainingBatches(for:_:responseTokens:)``).
    try checkStepSweeps(spec)
    _ = try evaluationSampling(spec)
    _ = try stepThreshold(spec)
    _ = try shiftedSamples(spec)
    _ = try priorFineTune(spec)
    switch spec.feedback {
    case .none:
      throw unsupported(spec, "be trainable (the catalog maps this objective to analytic claims)")
    case .sftCorpus:
      throw unsupported(spec, "be an alignment dataset (SFT trains in the SFT stage, step 1)")
    default:
      break
    }
    if let built = try bind(spec, samples, stepValues: stepValues) { return built }
    throw unsupported(spec, "be bound by the factory (missing case: a bug)")
  }

  static func bind(
    _ spec: RunSpec, _ samples: ScoredSampleSet, stepValues: StepValues? = nil
  ) throws -> (any AlignmentObjective)? {
    let label = spec.label
    func hp(_ name: String) throws -> Double { try hyperparameter(name, of: spec) }
    switch spec.objective {
    // Pairwise (PreferencePair).
    case "DPO":
      return PairwiseAdapter(
        label: label, objective: DPO(beta: try hp("beta")), data: try pairs(spec, samples))
    case "SimPO":
      return PairwiseAdapter(
        label: label, objective: SimPO(beta: try hp("beta"), gamma: try hp("gamma")),
        data: try pairs(spec, samples))
    case "IPO":
      return PairwiseAdapter(
        label: label, objective: IPO(beta: try hp("beta")), data: try pairs(spec, samples))
    case "CPO":
      return PairwiseAdapter(
        label: label, objective: CPO(beta: try hp("beta"), lambda: try hp("lambda")),
        data: try pairs(spec, samples))
    case "AlphaPO":
      return PairwiseAdapter(
        label: label,
        objective: AlphaPO(alpha: try hp("alpha"), beta: try hp("beta"), gamma: try hp("gamma")),
        data: try pairs(spec, samples))
    case "PROPImplemented":
      return PairwiseAdapter(
        label: label,
        objective: PROPImplemented(beta: try hp("beta"), hyperReward: try hyperReward(of: spec)),
        data: try pairs(spec, samples))
    // Pairwise with prior rewards (RewardedPreferencePair).
    case "MaPPO":
      return RewardedPairwiseAdapter(
        label: label, objective: MaPPO(beta: try hp("beta")), data: try pairs(spec, samples))
    case "SimPOPlus":
      return RewardedPairwiseAdapter(
        label: label, objective: SimPOPlus(beta: try hp("beta"), gamma: try hp("gamma")),
        data: try pairs(spec, samples))
    case "IPOPlus":
      return RewardedPairwiseAdapter(
        label: label, objective: IPOPlus(beta: try hp("beta")), data: try pairs(spec, samples))
    case "CPOPlus":
      return RewardedPairwiseAdapter(
        label: label, objective: CPOPlus(beta: try hp("beta"), lambda: try hp("lambda")),
        data: try pairs(spec, samples))
    // Set level.
    case "MPO":
      return SetAdapter(
        label: label, objective: MPO(beta: try hp("beta")), data: try sets(spec, samples),
        referenceFree: try flag(SweepKey.referenceFree, of: spec))
    // Rankings.
    case "PlackettLuce":
      guard spec.feedback == .fullRankings else { return nil }
      return RankingAdapter(
        label: label, objective: PlackettLuce(beta: try hp("beta")), data: Rankings.full(samples))
    case "BinnedPlackettLuce":
      guard spec.feedback == .binnedRankings else { return nil }
      return RankingAdapter(
        label: label, objective: BinnedPlackettLuce(beta: try hp("beta")),
        data: try Rankings.binned(samples, bins: try count("bins", of: spec, minimum: 2)))
    // Scalar sets.
    case "WeightedMPOAbsolute":
      guard spec.feedback == .scalar else { return nil }
      return ScalarSetAdapter(
        label: label,
        objective: WeightedMPOAbsolute(beta: try hp("beta"), alphaW: try alphaW(spec, samples)),
        data: try ScalarFeedback.withPositiveSet(samples), scores: .raw)
    case "WeightedMPOSigned":
      guard spec.feedback == .scalar else { return nil }
      return ScalarSetAdapter(
        label: label,
        objective: WeightedMPOSigned(beta: try hp("beta"), alphaW: try alphaW(spec, samples)),
        data: try ScalarFeedback.withPositiveSet(samples), scores: .raw)
    case "WeightedMPOG1":
      guard spec.feedback == .scalar else { return nil }
      return ScalarSetAdapter(
        label: label, objective: WeightedMPOG1(alpha: try hp("alpha")),
        data: try ScalarFeedback.withPositiveSet(samples), scores: .raw)
    case "InfoNCA":
      guard spec.feedback == .scalar else { return nil }
      return ScalarSetAdapter(
        label: label, objective: InfoNCA(beta: try hp("beta"), tau: try hp("tau")),
        data: try ScalarFeedback.build(samples), scores: .raw)
    case "NCA":
      guard spec.feedback == .scalar else { return nil }
      return ScalarSetAdapter(
        label: label, objective: NCA(beta: try hp("beta"), tau: try hp("tau")),
        data: try ScalarFeedback.build(samples), scores: .raw)
    case "PROS":
      guard spec.feedback == .scalar else { return nil }
      return ScalarSetAdapter(
        label: label,
        objective: PROS(
          beta: try hp("beta"), alpha: try hp("alpha"), hyperReward: try hyperReward(of: spec)),
        data: try ScalarFeedback.build(
          samples, responsesPerPrompt: try count("N", of: spec, minimum: 2)),
        scores: .centred)
    // Unpaired binary.
    case "KTOPROForm":
      return UnpairedBinaryAdapter(
        label: label,
        form: KTOPROForm(
          beta: try hp("beta"), lambdaD: try hp("lambdaD"), lambdaU: try hp("lambdaU")),
        data: try binary(spec, samples))
    case "KTOPIPAForm":
      let data = try binary(spec, samples)
      let form = KTOPIPAForm(beta: try hp("beta"))
      return try withSFTTerm(spec, UnpairedBinaryAdapter(label: label, form: form, data: data), data)
    case "PROBPrinted":
      return UnpairedBinaryAdapter(
        label: label,
        form: PROBPrinted(
          beta: try hp("beta"), alpha: try hp("alpha"), hyperReward: try hyperReward(of: spec)),
        data: try binary(spec, samples))
    case "PROBBetaOnOptimizer":
      return UnpairedBinaryAdapter(
        label: label,
        form: PROBBetaOnOptimizer(
          beta: try hp("beta"), alpha: try hp("alpha"), hyperReward: try hyperReward(of: spec)),
        data: try binary(spec, samples))
    case "PIPAM":
      let data = try binary(spec, samples)
      let form = PIPAM(epsilon: try hp("epsilon"))
      return try withSFTTerm(spec, UnpairedBinaryAdapter(label: label, form: form, data: data), data)
    case "PIPAN":
      let data = try binary(spec, samples)
      return try withSFTTerm(
        spec, UnpairedBinaryAdapter(label: label, form: PIPAN(), data: data), data)
    // Step level, one answer.
    case "PIPAMTokenLevel":
      let form = PIPAMTokenLevel(epsilon: try hp("epsilon"))
      if let g = try fixedValue(spec) {
        return StepAnswerAdapter(
          label: label, form: try FixedValueTokenForm(form, value: g),
          data: try stepAnswers(spec, samples, stepValues))
      }
      return StepAnswerAdapter(
        label: label, form: form, data: try stepAnswers(spec, samples, stepValues))
    case "PIPANTokenLevel":
      if let g = try fixedValue(spec) {
        return StepAnswerAdapter(
          label: label, form: try FixedValueTokenForm(PIPANTokenLevel(), value: g),
          data: try stepAnswers(spec, samples, stepValues))
      }
      return StepAnswerAdapter(
        label: label, form: PIPANTokenLevel(), data: try stepAnswers(spec, samples, stepValues))
    case "StepKTO":
      return StepAnswerAdapter(
        label: label, form: StepKTO(beta: try hp("beta")),
        data: try stepAnswers(spec, samples, stepValues))
    case "StepKTOL1":
      return StepAnswerAdapter(
        label: label, form: StepKTOL1(beta: try hp("beta")),
        data: try stepAnswers(spec, samples, stepValues))
    // Step level, pairs.
    case "StepDPOL0":
      guard spec.feedback == .stepLabelledPairs else { return nil }
      return StepPairAdapter(
        label: label, form: StepDPOL0(beta: try hp("beta")), data: StepLevelData.paired(samples))
    case "StepDPOL1":
      guard spec.feedback == .stepLabelledPairs else { return nil }
      return StepPairAdapter(
        label: label, form: StepDPOL1(beta: try hp("beta")), data: StepLevelData.paired(samples))
    default:
      return nil
    }
  }

  /// The pair datasets of TRAINING.md step 4.
  static func pairs(_ spec: RunSpec, _ s: ScoredSampleSet) throws -> FeedbackDataset<PairItem> {
    switch spec.feedback {
    case .bestVsWorstPairs: return BestVsWorstPairs.build(s)
    case .bestVsRandomPairs: return BestVsRandomPairs.build(s)
    case .correctIncorrectPairs: return CorrectIncorrectPairs.build(s)
    case .crossPairs: return CrossPairs.build(s, sets: try ThresholdPartitions.build(s))
    case .allOrderedPairs: return AllOrderedPairs.build(s)
    default: throw unsupported(spec, "be a pair dataset for a pairwise objective")
    }
  }

  /// MPO's set datasets: threshold sets (mean eq. (12)–(13) by default; median or trimmed
  /// mean, and the score S_j, by sweep key), top-1 vs rest (App. I), top t vs bottom u
  /// (§6: 2 and 2 of 5 by default).
  static func sets(_ spec: RunSpec, _ s: ScoredSampleSet) throws
    -> FeedbackDataset<SetPartitionItem>
  {
    switch spec.feedback {
    case .thresholdSets:
      return try ThresholdPartitions.build(
        try scoreFunction(spec).map { s.rescored(by: $0) } ?? s,
        statistic: try partitionStatistic(spec))
    case .topOneVersusRestSets: return RankCutSets.topOneVersusRest(s)
    case .rankCutSets:
      return try RankCutSets.build(
        s, top: try sweepCount(SweepKey.top, of: spec, default: 2),
        bottom: try sweepCount(SweepKey.bottom, of: spec, default: 2))
    default: throw unsupported(spec, "be a set dataset for a set-level objective")
    }
  }

  /// Unpaired answers: every sample, or the samples of PIPA's pairs (§3.1).
  static func binary(_ spec: RunSpec, _ s: ScoredSampleSet) throws -> FeedbackDataset<BinaryItem> {
    switch spec.feedback {
    case .unpairedBinary:
      if let f = sweep(SweepKey.desiredFraction, of: spec) {
        guard f > 0, f <= 1 else { throw badSweep(spec, SweepKey.desiredFraction, "lie in (0, 1]") }
        return try UnpairedBinary.keepingDesired(s, fraction: f)
      }
      return UnpairedBinary.build(s)
    case .correctIncorrectPairs:
      return UnpairedBinary.fromPairs(s, pairs: CorrectIncorrectPairs.build(s))
    default: throw unsupported(spec, "be unpaired binary data or PIPA's pairs")
    }
  }

  /// Token-labelled answers: every sample, or the samples of PIPA's pairs.
  static func stepAnswers(_ spec: RunSpec, _ s: ScoredSampleSet, _ values: StepValues? = nil)
    throws -> FeedbackDataset<StepItem>
  {
    if let tau = try stepThreshold(spec) {
      return try ThresholdStepLabels.unpaired(s, values: values, threshold: tau)
    }
    switch spec.feedback {
    case .stepLabelledUnpaired: return StepLevelData.unpaired(s)
    case .stepLabelledPairs: return StepLevelData.unpairedFromPairs(s)
    default: throw unsupported(spec, "be step-labelled data")
    }
  }
}
