// The alignment runs MPO's empirical claims read (claims/mpo.md §0.14 EP-2–EP-7 and §5),
// built in one place so that a run two claims share has one label and one spec.
//
// Default-grid runs carry the default-grid labels (the objective's name, or `DPO@MPO` when
// several papers train the objective in the grid). A sweep run is its base label followed by
// its settings in brackets, e.g. `MPO[n=4]`, `DPO@MPO[noise=0.5]`,
// `BinnedPlackettLuce[bins=4,n=4]`. Settings that are not fields of ``RunSpec`` travel in
// ``RunSpec/hyperparameters`` under the keys of ``MPORuns/Key``; the pipeline reads them.

/// The run specs of MPO's empirical claims.
public enum MPORuns {
  /// The MPO paper as ``FeedbackCatalog`` names it.
  public static let paper = "001 MPO"
  /// The MaPPO paper, whose SimPO and DPO (β = 0.1) runs are the grid's.
  public static let mappoPaper = "000 MaPPO"

  /// Sweep settings carried in ``RunSpec/hyperparameters`` (not loss hyperparameters).
  public enum Key {
    /// 1: ``RunSpec/rewardNoise`` is in units of s̄, the median within-prompt standard
    /// deviation of S over the first seed's non-constant training prompts (EP-3).
    public static let rewardNoiseInSBar = "rewardNoiseInSBar"
    /// Bins b of ``FeedbackKind/binnedRankings`` (§0.12, b | n).
    public static let bins = "bins"
    /// Top t and bottom u of ``FeedbackKind/rankCutSets`` (§6: 2 and 2 of 5).
    public static let top = "top"
    public static let bottom = "bottom"
    /// Threshold statistic of ``FeedbackKind/thresholdSets``: 1 = the median
    /// (mpo.emp.partition-statistic); absent = the mean.
    public static let medianThreshold = "thresholdMedian"
    /// Threshold statistic: the trimmed mean dropping ⌊f·N⌋ scores at each end (value f).
    public static let trimmedMeanThreshold = "thresholdTrimmedMean"
    /// Fraction f of the training prompts (nested subsets fixed by the seed), one pass over
    /// them, i.e. f × the default step count (mpo.emp.limited-data).
    public static let dataFraction = "dataFraction"
    /// c: the run's step count is the smallest whose cumulative response tokens reach c × the
    /// total of the `DPO@MPO` run of the same seed (mpo.emp.fixed-compute).
    public static let tokenBudgetOfDPO = "tokenBudgetOfDPO"
    /// T: `testAccuracy` of this run is the exact-match rate at evaluation temperature T,
    /// averaged over ``evaluationSamples`` samples per test prompt (mpo.emp.decoding-temperature;
    /// the training is the base run's).
    public static let evaluationTemperature = "evaluationTemperature"
    public static let evaluationSamples = "evaluationSamples"
    /// j ∈ {2, 3, 4}: the score S_j of mpo.emp.reward-function-stability selects the sets
    /// (S2 `correct`, S3 right-aligned digit fraction, S4 −(v − v*)²/(|v*| + 1)²); absent = S1,
    /// the verifier's `reward`.
    public static let scoreFunction = "scoreFunction"
    /// 1: MPO's logit is (β/|y|) log π_θ(y|x), reference-free and length-normalised
    /// (mpo.emp.reference-free).
    public static let referenceFree = "referenceFree"
    /// a: W-MPO's α_w = a / s̄ (mpo.emp.alpha-intermediate measures α·s̄, EP-3).
    public static let alphaWTimesSBar = "alphaWTimesSBar"

    /// Every sweep key above.
    public static let all: Set<String> = [
      rewardNoiseInSBar, bins, top, bottom, medianThreshold, trimmedMeanThreshold, dataFraction,
      tokenBudgetOfDPO, evaluationTemperature, evaluationSamples, scoreFunction, referenceFree,
      alphaWTimesSBar,
    ]
  }

  /// The labels of the shared default grid that MPO's claims reuse (EP-7).
  public static let defaultGridLabels: Set<String> = [
    "MPO", "DPO@MPO", "WeightedMPOAbsolute", "PlackettLuce", "InfoNCA", "SimPO", "DPO@MaPPO",
  ]

  /// A run of `objective` as `paper` trains it; `tags` are the bracketed settings of the
  /// label that are not numeric, `settings` the numeric ones (label order as given).
  static func run(
    _ base: String, objective: String, paper: String = paper, feedback: FeedbackKind,
    n: Int = 8, noise: Double = 0, rounds: Int = 1, tags: [String] = [],
    settings: [(String, Double)] = []
  ) -> RunSpec {
    var parts = tags
    var hyperparameters: [String: Double] = [:]
    for (key, value) in settings {
      parts.append("\(key)=\(label(value))")
      hyperparameters[key] = value
    }
    if n != 8 { parts.append("n=\(n)") }
    if noise != 0 {
      parts.append("noise=\(label(noise))")
      hyperparameters[Key.rewardNoiseInSBar] = 1
    }
    if rounds != 1 { parts.append("rounds=\(rounds)") }
    let name = parts.isEmpty ? base : "\(base)[\(parts.joined(separator: ","))]"
    return RunSpec(
      label: name, objective: objective, paper: paper, feedback: feedback,
      hyperparameters: hyperparameters, responses: n, rewardNoise: noise, rounds: rounds)
  }

  /// A number as a label writes it (0.5, 2, 0.125).
  static func label(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
  }

  // MARK: MPO-family arms

  /// MPO with the mean partition eq. (12)–(13) (the default-grid run at n = 8, σ = 0).
  public static func mpo(
    n: Int = 8, noise: Double = 0, settings: [(String, Double)] = []
  ) -> RunSpec {
    run("MPO", objective: "MPO", feedback: .thresholdSets, n: n, noise: noise, settings: settings)
  }

  /// MPO-1vsk (App. I): the best response against all the others.
  public static func mpoOneVsK(n: Int = 8) -> RunSpec {
    run("MPO-1vsk", objective: "MPO", feedback: .topOneVersusRestSets, n: n)
  }

  /// MPO on top-2 vs bottom-2 of the first 5 responses (§6 on-policy protocol), optionally
  /// in K iterative rounds.
  public static func mpoTopTwoBottomTwo(rounds: Int = 1) -> RunSpec {
    run(
      "MPO", objective: "MPO", feedback: .rankCutSets, n: 5, rounds: rounds,
      settings: [(Key.top, 2), (Key.bottom, 2)])
  }

  /// W-MPO eq. (6)–(8) (`wmpo.abs`), the default-grid run unless settings are given.
  public static func wmpoAbs(n: Int = 8, settings: [(String, Double)] = []) -> RunSpec {
    run(
      "WeightedMPOAbsolute", objective: "WeightedMPOAbsolute", feedback: .scalar, n: n,
      settings: settings)
  }

  /// W-MPO eq. (14)–(16) (`wmpo.signed`).
  public static func wmpoSigned() -> RunSpec {
    run("WeightedMPOSigned", objective: "WeightedMPOSigned", feedback: .scalar)
  }

  /// The b-bin sequential set choice 𝓛_b of §0.12.
  public static func binned(bins: Int, n: Int = 8, noise: Double = 0) -> RunSpec {
    run(
      "BinnedPlackettLuce", objective: "BinnedPlackettLuce", feedback: .binnedRankings, n: n,
      noise: noise, settings: [(Key.bins, Double(bins))])
  }

  // MARK: baselines

  /// DPO on best-vs-worst pairs as MPO trains it (β = 0.01; the default-grid `DPO@MPO`).
  public static func dpo(
    n: Int = 8, noise: Double = 0, settings: [(String, Double)] = []
  ) -> RunSpec {
    run(
      "DPO@MPO", objective: "DPO", feedback: .bestVsWorstPairs, n: n, noise: noise,
      settings: settings)
  }

  /// Cross-pairs DPO: every (y⁺, y⁻) of the mean partition, equal weights (§7.1).
  public static func dpoCrossPairs() -> RunSpec {
    run("DPO@MPO", objective: "DPO", feedback: .crossPairs, tags: ["crossPairs"])
  }

  /// DPO at β = 0.1 on best-vs-worst pairs: MaPPO's default-grid DPO run has exactly these
  /// settings (FeedbackCatalog: DPO, 000 MaPPO, β = 0.1), so it is reused (EP-7).
  public static func dpoBetaOneTenth() -> RunSpec {
    RunSpec(label: "DPO@MaPPO", objective: "DPO", paper: mappoPaper, feedback: .bestVsWorstPairs)
  }

  /// Plackett–Luce on full rankings (§3.2).
  public static func plackettLuce(
    n: Int = 8, noise: Double = 0, settings: [(String, Double)] = []
  ) -> RunSpec {
    run(
      "PlackettLuce", objective: "PlackettLuce", feedback: .fullRankings, n: n, noise: noise,
      settings: settings)
  }

  /// InfoNCA eq. (3) on the scalar scores.
  public static func infoNCA(settings: [(String, Double)] = []) -> RunSpec {
    run("InfoNCA", objective: "InfoNCA", feedback: .scalar, settings: settings)
  }

  /// SimPO as the grid trains it (MaPPO's default-grid run, β and γ of that paper).
  public static func simPO() -> RunSpec {
    RunSpec(label: "SimPO", objective: "SimPO", paper: mappoPaper, feedback: .bestVsWorstPairs)
  }

  /// The catalog default of `name` for (`objective`, `paper`), nil when none is printed.
  public static func catalogDefault(_ name: String, objective: String, paper: String) -> Double? {
    FeedbackCatalog.entries.first { $0.objective == objective && $0.paper == paper }?
      .hyperparameters.first { $0.name == name }?.value
  }
}
