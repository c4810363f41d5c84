// The claims' sweep settings the factory honours (issue 10: "the sweeps run on request"):
// settings that are not loss hyperparameters but change a run's dataset or loss, carried in
// ``RunSpec/hyperparameters`` under the keys of the claims' run builders (``MPORuns/Key``,
// PIPARuns, PROEmpiricalRuns). Each key applies to the objectives and feedback kinds its
// catalog entry names; ``AlignmentObjectives/make(_:samples:)`` accepts a key only there
// and refuses any other by name, so a sweep label never trains the plain objective. A
// default-grid spec carries none of these keys, so the grid's runs are unchanged.

extension AlignmentObjectives {
  /// The sweep keys, by the claim entry that defines each.
  public enum SweepKey {
    /// claims/mpo.md mpo.emp.partition-statistic: 1 = the median threshold.
    public static let thresholdMedian = "thresholdMedian"
    /// mpo.emp.partition-statistic: f = the trimmed mean dropping ⌊f·N⌋ scores at each end.
    public static let thresholdTrimmedMean = "thresholdTrimmedMean"
    /// mpo.emp.mpo-vs-dpo (B) / mpo.emp.iterative-rounds: top t vs bottom u of the rank.
    public static let top = "top"
    public static let bottom = "bottom"
    /// claims/pro.md pro.empirical-imbalanced-alpha: the fraction of desired samples kept.
    public static let desiredFraction = "desiredFraction"
    /// claims/pipa.md pipa.empirical.value-head-ablation: g fixed at this value.
    public static let fixedValue = "fixedValue"
    /// pipa.empirical.threshold: a step of an incorrect answer is correct iff its Monte Carlo
    /// value Q ≥ τ (``ThresholdStepLabels``).
    public static let stepThreshold = "stepThreshold"
    /// pipa.empirical.sft-loss: coefficient of the correct samples' mean token NLL.
    public static let sftCoefficient = "sftCoefficient"
    /// mpo.emp.reference-free: 1 = MPO's logit is (β/|y|) log π_θ(y|x).
    public static let referenceFree = "referenceFree"
    /// mpo.emp.reward-function-stability: j ∈ {2, 3, 4} selects the score S_j.
    public static let scoreFunction = "scoreFunction"
    /// mpo.emp.alpha-intermediate: W-MPO's α_w = a / s̄.
    public static let alphaWTimesSBar = "alphaWTimesSBar"
    /// mpo.emp.limited-data: train on the first f of the seed's batches (``trainingBatches``).
    public static let dataFraction = "dataFraction"
    /// mpo.emp.fixed-compute: stop when the response tokens reach c × DPO@MPO's total.
    public static let tokenBudgetOfDPO = "tokenBudgetOfDPO"
    /// mpo.emp.decoding-temperature: test metrics from samples at temperature T (> 0).
    public static let evaluationTemperature = "evaluationTemperature"
    /// mpo.emp.decoding-temperature: samples per test prompt at T (default 3, App. J).
    public static let evaluationSamples = "evaluationSamples"
    /// EP-3 (mpo.emp.noise-robustness, two-bins-vs-finer): 1 = ``RunSpec/rewardNoise`` is in
    /// units of s̄. Honoured where the samples are noised (``scoreNoise(_:samples:seed:)``).
    public static let rewardNoiseInSBar = "rewardNoiseInSBar"
    /// claims/mappo.md mappo.empirical.scale-trend: the model width d of the run's own
    /// pipeline (SFT for the d = default SFT's step count, samples, run; ``ModelWidthStage``).
    public static let modelWidth = "modelWidth"
  }

  /// The sweep keys `spec` may carry: those whose setting applies to its objective and
  /// feedback kind (empty for any other combination).
  public static func sweepKeys(of spec: RunSpec) -> Set<String> {
    typealias K = SweepKey
    var keys: Set<String> = [K.rewardNoiseInSBar, K.evaluationTemperature, K.evaluationSamples]
    // mappo.empirical.scale-trend trains DPO and MaPPO on best-vs-worst pairs at d = 32.
    if spec.feedback == .bestVsWorstPairs && ["DPO", "MaPPO"].contains(spec.objective) {
      keys.insert(K.modelWidth)
    }
    switch (spec.objective, spec.feedback) {
    case ("MPO", .thresholdSets):
      keys.formUnion([
        K.thresholdMedian, K.thresholdTrimmedMean, K.referenceFree, K.scoreFunction,
        K.dataFraction, K.tokenBudgetOfDPO,
      ])
    case ("DPO", .bestVsWorstPairs):
      keys.insert(K.dataFraction)
    case ("MPO", .rankCutSets):
      keys.formUnion([K.top, K.bottom])
    case ("PROBPrinted", .unpairedBinary), ("PROBBetaOnOptimizer", .unpairedBinary),
      ("KTOPROForm", .unpairedBinary):
      keys.insert(K.desiredFraction)
    case ("PIPAMTokenLevel", .stepLabelledUnpaired):
      keys.formUnion([K.fixedValue, K.stepThreshold])
    case ("PIPAMTokenLevel", _), ("PIPANTokenLevel", _):
      keys.insert(K.fixedValue)
    case ("PIPAM", _), ("PIPAN", _), ("KTOPIPAForm", _):
      keys.insert(K.sftCoefficient)
    case ("WeightedMPOAbsolute", .scalar), ("WeightedMPOSigned", .scalar):
      keys.insert(K.alphaWTimesSBar)
    default:
      break
    }
    keys.formUnion(pipaDataSweepKeys(of: spec))
    return keys
  }

  /// The sweep keys `specs` carry, sorted: what a pipeline that trains them honours beyond
  /// the objectives' hyperparameters (``EmpiricalStatistics/honouredRunKeysSetting``).
  /// Empty for the default grid.
  public static func honouredRunKeys(_ specs: [RunSpec]) -> [String] {
    var out = Set<String>()
    for s in specs {
      out.formUnion(s.hyperparameters.keys.filter { sweepKeys(of: s).contains($0) })
    }
    return out.sorted()
  }

  /// The value of sweep key `key` in `spec`, nil when absent.
  static func sweep(_ key: String, of spec: RunSpec) -> Double? { spec.hyperparameters[key] }

  /// A refusal of sweep key `key`'s value.
  static func badSweep(_ spec: RunSpec, _ key: String, _ rule: String) -> UnsupportedSpec {
    UnsupportedSpec(
      field: "\(spec.label).hyperparameters[\(key)]",
      value: "\(spec.hyperparameters[key] ?? .nan)", rule: rule)
  }

  /// A flag key: absent or 0 → false, 1 → true.
  static func flag(_ key: String, of spec: RunSpec) throws -> Bool {
    switch sweep(key, of: spec) {
    case nil, 0: return false
    case 1: return true
    default: throw badSweep(spec, key, "be 0 or 1")
    }
  }
}
