// PRO's empirical claims (claims/pro.md M8 and the pro.empirical-* entries) and the runs they
// read. PRO's part of the shared default grid (M8): DPO and PRO-P (implemented form,
// zero-H) on the best-vs-random pairs, PRO-B/print (zero-H, α_B = 2.5) on the unpaired binary
// data, PRO-S (N = 4, zero-H, α = 2.5) on the scalar data; labels by the default-grid scheme
// (`DPO@PRO`, `PROPImplemented`, `PROBPrinted`, `PROS`). Extra runs are labelled
// `base[setting]`.
import Claims

/// The empirical claims of PRO, in catalog order.
public enum PROEmpiricalClaims {
  public static let all: [EmpiricalClaim] = [
    PROLikelihoodClaims.dpoLikelihoodsFall, PROLikelihoodClaims.preferredRises,
    PRODriftClaim.claim, PROImbalancedAlpha.claim,
  ]
}

/// The runs of PRO's empirical claims.
public enum PROEmpiricalRuns {
  static let paper = FeedbackCatalog.pro
  static func grid(_ objective: String) -> RunSpec {
    EmpiricalRegistry.gridSpec(objective, paper: paper)
  }

  public static let dpo = grid("DPO")
  public static let propZero = grid("PROPImplemented")
  public static let probPrinted = grid("PROBPrinted")
  public static let pros = grid("PROS")
  /// PRO-P in its exact-H version (pro.empirical-pro-preferred-rises extra run). The
  /// objective's `hyperReward` is an enum, not a number, so the run asks for it with the
  /// hyperparameter `exactH = 1` (absent or 0: zero-H, the grid's setting), which the
  /// adapter must honour.
  public static let propExact = EmpiricalRegistry.variant(
    of: propZero, "exact-H", hyperparameters: ["exactH": 1])
  /// PRO-B with β on the optimizer (zero-H, α_B = 2.5), an extra run.
  public static let probBetaOpt = grid("PROBBetaOnOptimizer")

  /// β₀, the PRO-B β of the catalog (FeedbackCatalog: PRO-formulas.md §11).
  static var beta0: Double {
    guard let b = FeedbackCatalog.proBeta.value else {
      preconditionFailure("FeedbackCatalog.proBeta has no value")
    }
    return b
  }

  /// The reduced binary data of pro.empirical-imbalanced-alpha: a seeded 1 % of the desired
  /// samples kept, all undesired ones, minority loss reweighted by the count ratio (App. G).
  /// RunSpec has no data field, so the fraction travels as `desiredFraction = 0.01`, which
  /// the pipeline must honour and declare in `settings[honouredRunKeys]`.
  static let reduced: [String: Double] = ["desiredFraction": 0.01]
  public static let imbalancedAlpha17 = EmpiricalRegistry.variant(
    of: probPrinted, "desired=1%,alpha=17.5",
    hyperparameters: reduced.merging(["alpha": 17.5]) { $1 })
  public static let imbalancedBase = EmpiricalRegistry.variant(
    of: probPrinted, "desired=1%", hyperparameters: reduced)
  public static let imbalancedBeta10 = EmpiricalRegistry.variant(
    of: probPrinted, "desired=1%,beta=10b0",
    hyperparameters: reduced.merging(["beta": 10 * beta0]) { $1 })
  public static let imbalancedBeta100 = EmpiricalRegistry.variant(
    of: probPrinted, "desired=1%,beta=100b0",
    hyperparameters: reduced.merging(["beta": 100 * beta0]) { $1 })

  /// Greedy exact-match test accuracy at the end of training.
  static var accuracy: (RunRecord) throws -> Double {
    EmpiricalStatistics.final(\.testAccuracy, "testAccuracy")
  }

  /// Δ_w: mean log π(y_w) − log π_ref(y_w) at the end of training (π_ref = the step-0 SFT
  /// model, so this is the change of the tracking mean from step 0).
  static var deltaW: (RunRecord) throws -> Double {
    EmpiricalStatistics.change(\.logProbChosen, "logProbChosen")
  }

  /// Δ_l likewise.
  static var deltaL: (RunRecord) throws -> Double {
    EmpiricalStatistics.change(\.logProbRejected, "logProbRejected")
  }

  /// The mean implicit reward r_θ(y_w) = β·(log π(y_w) − log π_ref(y_w)) (N10), β the run's
  /// own (override or catalog default).
  static func implicitReward(_ r: RunRecord) throws -> Double {
    try AlignmentObjectives.hyperparameter("beta", of: r.spec) * (try deltaW(r))
  }
}
