// Which dataset each objective of Sources/Objectives trains on in `verify train`, with the
// papers' default hyperparameters and where they are printed (shared/design/TRAINING.md
// steps 4–5: "using the papers' default hyperparameters scaled to this model, stated in the
// report"; the catalog files' empirical protocols: claims/mappo.md "Empirical rule",
// claims/alphapo.md §2.8, claims/mpo.md §0.14, claims/pro.md M8, claims/pipa.md "Empirical
// rule"). An objective used by several papers has one entry per paper. Objectives that only
// serve analytic claims (identities, finite response-set theory) map to `.none` with the
// reason. The values are the papers' own; scaling them to the small model is the pipeline's
// decision and is reported there. A test keeps this list complete.

/// The dataset kinds of TRAINING.md step 4, by the builder that makes them.
public enum FeedbackKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// ``BestVsWorstPairs``.
  case bestVsWorstPairs
  /// ``BestVsRandomPairs``.
  case bestVsRandomPairs
  /// ``CorrectIncorrectPairs`` (PIPA's paired data).
  case correctIncorrectPairs
  /// ``CrossPairs`` of the mean sets.
  case crossPairs
  /// ``AllOrderedPairs`` ("DPO×C(N,2)").
  case allOrderedPairs
  /// ``ThresholdPartitions`` (mean by default; median, trimmed mean).
  case thresholdSets
  /// ``RankCutSets/topOneVersusRest(_:)``.
  case topOneVersusRestSets
  /// ``RankCutSets/build(_:top:bottom:)`` (top 2 vs bottom 2 of 5).
  case rankCutSets
  /// ``Rankings/full(_:)``.
  case fullRankings
  /// ``Rankings/binned(_:bins:)``.
  case binnedRankings
  /// ``UnpairedBinary``.
  case unpairedBinary
  /// ``ScalarFeedback``.
  case scalar
  /// ``StepLevelData/unpaired(_:)``.
  case stepLabelledUnpaired
  /// ``StepLevelData/paired(_:)``.
  case stepLabelledPairs
  /// The SFT corpus of reference solutions (``SFTCorpus``).
  case sftCorpus
  /// Not trained: the objective serves analytic claims only.
  case none
}

/// A default hyperparameter and where the paper (or the catalog restating it) prints it.
public struct CatalogHyperparameter: Hashable, Sendable, Codable {
  /// The stored property name in Objectives (`beta`, `gamma`, `alpha`, `lambda`, …).
  public let name: String
  /// The value, nil when the papers give none (the pipeline then states its choice).
  public let value: Double?
  /// Paper file and section/table.
  public let source: String
}

/// One objective as one paper trains it.
public struct FeedbackCatalogEntry: Hashable, Sendable, Codable {
  /// The objective's type name in Sources/Objectives.
  public let objective: String
  /// The paper whose protocol this entry follows (file prefix and short name).
  public let paper: String
  /// The datasets it trains on (first = the default-grid one).
  public let feedback: [FeedbackKind]
  /// Default hyperparameters.
  public let hyperparameters: [CatalogHyperparameter]
  /// Part of the shared default grid (TRAINING.md "default grid of every objective").
  public let inDefaultGrid: Bool
  /// Extra facts: the reason for `.none`, a reward/label convention, a sweep.
  public let note: String
}

/// The objective → dataset → default-hyperparameter table.
public enum FeedbackCatalog {
  static let mappo = "000 MaPPO"
  static let mpo = "001 MPO"
  static let pro = "002 PRO"
  static let alphapo = "003 AlphaPO"
  static let pipa = "004 PIPA"

  static func hp(_ name: String, _ value: Double?, _ source: String) -> CatalogHyperparameter {
    CatalogHyperparameter(name: name, value: value, source: source)
  }

  static func entry(
    _ objective: String, _ paper: String, _ feedback: [FeedbackKind],
    _ hyperparameters: [CatalogHyperparameter], grid: Bool, _ note: String = ""
  ) -> FeedbackCatalogEntry {
    FeedbackCatalogEntry(
      objective: objective, paper: paper, feedback: feedback,
      hyperparameters: hyperparameters, inDefaultGrid: grid, note: note)
  }

  static func analytic(_ objective: String, _ paper: String, _ reason: String)
    -> FeedbackCatalogEntry
  {
    entry(objective, paper, [.none], [], grid: false, reason)
  }

  // MaPPO: claims/mappo.md "Empirical rule" (paper Tables 6–7).
  static let mappoBeta = hp("beta", 0.1, "000 Table 6; Table 7 keeps Table 6 for the variants")
  static let mappoEntries: [FeedbackCatalogEntry] = [
    entry("DPO", mappo, [.bestVsWorstPairs], [mappoBeta], grid: true),
    entry(
      "MaPPO", mappo, [.bestVsWorstPairs], [mappoBeta], grid: true,
      "Δ_r = r_w − r_l from the pair's scores (verifier reward, eq. 8)"),
    entry(
      "SimPO", mappo, [.bestVsWorstPairs],
      [mappoBeta, hp("gamma", 1, "000 Table 7")], grid: true),
    entry(
      "SimPOPlus", mappo, [.bestVsWorstPairs],
      [mappoBeta, hp("gamma", 1, "000 Table 7")], grid: true, "SimPO+ (eq. 15)"),
    entry("IPO", mappo, [.bestVsWorstPairs], [hp("beta", 0.1, "000 Table 7")], grid: true),
    entry(
      "IPOPlus", mappo, [.bestVsWorstPairs], [hp("beta", 0.1, "000 Table 7")], grid: true,
      "IPO+ (eq. 17)"),
    entry(
      "CPO", mappo, [.bestVsWorstPairs], [mappoBeta, hp("lambda", 0.2, "000 Table 7")],
      grid: true),
    entry(
      "CPOPlus", mappo, [.bestVsWorstPairs], [mappoBeta, hp("lambda", 0.2, "000 Table 7")],
      grid: true, "CPO+ (eq. 19)"),
    entry(
      "SFT", mappo, [.sftCorpus], [], grid: true,
      "the SFT stage (TRAINING.md pipeline step 1) on reference solutions; eq. (11)"),
    analytic("SFTSigmoid", mappo, "eq. (9), the Δ_r = 0 case: reduction claims only"),
    analytic("SFTLogRatio", mappo, "eq. (10): optimum/gradient claims only"),
    analytic("MaPPOMLE", mappo, "eq. (6) first term: identity claim only"),
    analytic("MaPPOPrior", mappo, "eq. (5)–(6) prior term: identity claim only"),
    analytic("MaPPOMLEPlusPrior", mappo, "eq. (6) second line: identity claim only"),
    analytic(
      "TokenAveragedIPO", mappo,
      "not printed in any paper; a labelled variant for comparison with eq. (16)"),
  ]

  // AlphaPO: claims/alphapo.md §2.8 (paper Table 3, Mistral-Instruct).
  static let alphapoBeta = hp("beta", 2.5, "003 App. A.6 Table 3 (claims/alphapo.md §2.8)")
  static let alphapoGamma = hp("gamma", 0.25, "003 App. A.6 Table 3: γ/β = 0.1")
  static let alphapoEntries: [FeedbackCatalogEntry] = [
    entry(
      "AlphaPO", alphapo, [.bestVsWorstPairs],
      [
        hp("alpha", 0.25, "003 App. A.6 Table 3; sweep {−2,−1,−0.5,0,0.25,0.5,1,2} (§2.8)"),
        alphapoBeta, alphapoGamma,
      ], grid: true),
    entry(
      "SimPO", alphapo, [.bestVsWorstPairs], [alphapoBeta, alphapoGamma], grid: false,
      "the α = 0 run of the α sweep"),
    entry(
      "DPO", alphapo, [.bestVsWorstPairs],
      [hp("beta", 0.01, "003 App. A.6 Table 3 (Mistral-Instruct DPO)")],
      grid: false, "the shared DPO run serves"),
    analytic("AlphaPOWithReference", alphapo, "App. A.4 reference variant: analytic claims"),
    analytic("SimPOWithReference", alphapo, "App. A.4 reference variant: analytic claims"),
  ]

  // MPO: claims/mpo.md §0.14 (paper App. J Table 10: β = 0.01 in every setting).
  static let mpoBeta = hp("beta", 0.01, "001 App. J Table 10")
  static let mpoAlpha = hp("alphaW", 10, "001 App. J (\"α to 10\"); Fig. 13 best α·s̄ = 0.1")
  static let mpoEntries: [FeedbackCatalogEntry] = [
    entry(
      "MPO", mpo, [.thresholdSets, .topOneVersusRestSets, .rankCutSets], [mpoBeta], grid: true,
      "mean partition eq. (12)–(13); 1-vs-k (App. I) and top-2 vs bottom-2 of 5 (§6) arms"),
    entry("DPO", mpo, [.bestVsWorstPairs, .crossPairs, .allOrderedPairs], [mpoBeta], grid: true),
    entry("WeightedMPOAbsolute", mpo, [.scalar], [mpoBeta, mpoAlpha], grid: true, "eq. (6)–(8)"),
    entry("WeightedMPOSigned", mpo, [.scalar], [mpoBeta, mpoAlpha], grid: false, "eq. (14)–(16)"),
    entry(
      "WeightedMPOG1", mpo, [.scalar], [hp("alpha", 10, "001 App. J (G.1's α as α_w)")],
      grid: false, "App. G.1 weighted contrastive loss (no β)"),
    entry("PlackettLuce", mpo, [.fullRankings], [mpoBeta], grid: true, "§3.2"),
    entry(
      "BinnedPlackettLuce", mpo, [.binnedRankings], [mpoBeta], grid: false,
      "bins b ∈ {2, 4} (claims/mpo.md mpo.emp.two-bins-vs-finer)"),
    entry(
      "InfoNCA", mpo, [.scalar],
      [mpoBeta, hp("tau", nil, "001 eq. (3)/App. G.1 print no value")], grid: true),
    entry(
      "NCA", mpo, [.scalar], [mpoBeta, hp("tau", nil, "not printed in 001")], grid: false,
      "companion of InfoNCA cited by 001"),
  ]

  // PRO: claims/pro.md M8; PRO-formulas.md §11.
  static let proBeta = hp("beta", 0.003, "PRO-formulas.md §11 (best PRO-B β; pairs (2.5, 3e-3))")
  static let proAlpha = hp("alpha", 2.5, "PRO-formulas.md §11 (default for PRO-B and PRO-S)")
  static let proEntries: [FeedbackCatalogEntry] = [
    entry(
      "DPO", pro, [.bestVsRandomPairs], [hp("beta", 0.1, "PRO-formulas.md §11 (Fig. 2)")],
      grid: true),
    entry(
      "PROPImplemented", pro, [.bestVsRandomPairs], [proBeta], grid: true,
      "zero-H, η = 2/3 (PRO-formulas.md §11); exact-H is an extra run"),
    entry(
      "PROBPrinted", pro, [.unpairedBinary], [proBeta, proAlpha], grid: true,
      "zero-H; s = +½ correct, −½ incorrect (claims/pro.md M8)"),
    entry(
      "PROBBetaOnOptimizer", pro, [.unpairedBinary], [proBeta, proAlpha], grid: false,
      "zero-H; extra run of pro.empirical-pro-preferred-rises"),
    entry(
      "PROS", pro, [.scalar], [proBeta, proAlpha], grid: true,
      "N = 4 (first 4 of 8), scores centred within the prompt (claims/pro.md §1.10), zero-H"),
    entry(
      "KTOPROForm", pro, [.unpairedBinary],
      [
        hp("beta", 0.03, "PRO-formulas.md §11 (best KTO β)"),
        hp("lambdaD", 1, "not printed in 002 (PRO-formulas.md §9); KTOPROForm's default"),
        hp("lambdaU", 1, "not printed in 002 (PRO-formulas.md §9); KTOPROForm's default"),
      ], grid: false,
      "z₀ = the batch KL estimate"),
    analytic("PRO", pro, "§4.1 hyper-response loss on a finite response set"),
    analytic("PROPTheorem43", pro, "Theorem 4.3 form on a finite response set"),
    analytic("SampleEDPO", pro, "§3.2 on a finite response set"),
    analytic("EDPO", pro, "Theorem 3.1 on a finite response set"),
    analytic("PopulationDPO", pro, "§3.1 on a finite response set"),
    analytic("PRORLHF", pro, "App. C comparison on a finite response set"),
  ]

  // PIPA: claims/pipa.md "Empirical rule" (paper §3.1: β = 0.1 for DPO-type and KTO).
  static let pipaBeta = hp("beta", 0.1, "004 §3.1")
  static let pipaEntries: [FeedbackCatalogEntry] = [
    entry(
      "PIPAM", pipa, [.unpairedBinary, .correctIncorrectPairs],
      [hp("epsilon", 1e-10, "004 §2.6")], grid: true,
      "answer level; on paired data the pairs' samples are used unpaired (§3.1)"),
    entry(
      "PIPAN", pipa, [.unpairedBinary, .correctIncorrectPairs], [], grid: true,
      "answer level; as PIPA-M"),
    entry(
      "PIPAMTokenLevel", pipa, [.stepLabelledUnpaired, .stepLabelledPairs],
      [hp("epsilon", 1e-10, "004 §2.6")], grid: true, "step level"),
    entry(
      "PIPANTokenLevel", pipa, [.stepLabelledUnpaired, .stepLabelledPairs], [], grid: true,
      "step level"),
    entry("DPO", pipa, [.correctIncorrectPairs], [pipaBeta], grid: true),
    entry("IPO", pipa, [.correctIncorrectPairs], [pipaBeta], grid: true),
    entry(
      "KTOPIPAForm", pipa, [.unpairedBinary, .correctIncorrectPairs], [pipaBeta], grid: true,
      "z = the batch KL estimate"),
    entry("StepDPOL1", pipa, [.stepLabelledPairs], [pipaBeta], grid: true),
    entry("StepDPOL0", pipa, [.stepLabelledPairs], [pipaBeta], grid: false),
    entry(
      "StepKTOL1", pipa, [.stepLabelledUnpaired, .stepLabelledPairs], [pipaBeta], grid: true,
      "\"Step-KTO (L₁ variant)\" of the experiments"),
    entry(
      "StepKTO", pipa, [.stepLabelledUnpaired], [pipaBeta], grid: false,
      "004 §3.1: Step-KTO shares KTO's settings"),
    analytic(
      "KTOAppendixBForm", pipa, "printed without the minus sign: a claim about the print"),
    analytic("PIPAPairConditional", pipa, "Theorem A.1 identity with DPO (β = 1)"),
  ]

  /// Every entry, grouped by paper.
  public static let entries: [FeedbackCatalogEntry] =
    mappoEntries + alphapoEntries + mpoEntries + proEntries + pipaEntries

  /// The entries of one objective type (e.g. "DPO").
  public static func entries(for objective: String) -> [FeedbackCatalogEntry] {
    entries.filter { $0.objective == objective }
  }
}
