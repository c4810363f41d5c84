// MaPPO's empirical claims (claims/mappo.md "Empirical rule" and the mappo.empirical.*
// entries) and the runs they read. Shared runs carry the default-grid labels (`DPO@MaPPO`,
// `MaPPO`, `SimPO`, …); sweep runs are labelled `base[setting]`: the iterative runs
// (K = 3 rounds, MaPPO Algorithm 1 / I-DPO) `DPO@MaPPO[K=3]`, `MaPPO[K=3]`, and the narrow
// model of mappo.empirical.scale-trend `DPO@MaPPO[d=32]`, `MaPPO[d=32]`.
import Claims

/// The empirical claims of MaPPO, in catalog order.
public enum MaPPOEmpiricalClaims {
  public static let all: [EmpiricalClaim] = [
    MaPPONoExtraCompute.claim, MaPPOSqueezingMitigation.claim, MaPPOAccuracyGainClaims.alignmentGain,
    MaPPOAccuracyGainClaims.onlineMaPPO, MaPPOAccuracyGainClaims.pluginGain,
    MaPPOScaleTrend.claim,
  ]
}

/// The runs of MaPPO's empirical claims (claims/mappo.md "Empirical rule": β = 0.1, SimPO
/// γ = 1, IPO β = 0.1, CPO λ = 0.2, all on the shared best-vs-worst pairs; the catalog
/// defaults of FeedbackCatalog).
public enum MaPPOEmpiricalRuns {
  static let paper = FeedbackCatalog.mappo
  static func grid(_ objective: String) -> RunSpec {
    EmpiricalRegistry.gridSpec(objective, paper: paper)
  }

  public static let dpo = grid("DPO")
  public static let mappo = grid("MaPPO")
  public static let simpo = grid("SimPO")
  public static let simpoPlus = grid("SimPOPlus")
  public static let ipo = grid("IPO")
  public static let ipoPlus = grid("IPOPlus")
  public static let cpo = grid("CPO")
  public static let cpoPlus = grid("CPOPlus")
  /// I-DPO: K = 3 rounds, round k samples from the current policy on the k-th third of the
  /// training prompts (same total pairs and steps as offline; "Empirical rule").
  public static let iterativeDPO = EmpiricalRegistry.variant(of: dpo, "K=3", rounds: 3)
  /// I-DPO+MaPPO = online MaPPO (Algorithm 1; Table 2's I-DPO+MaPPO row).
  public static let iterativeMaPPO = EmpiricalRegistry.variant(of: mappo, "K=3", rounds: 3)
  /// Model width d = 32 (mappo.empirical.scale-trend). RunSpec has no model field, so the
  /// width travels as the hyperparameter `modelWidth`, which no objective reads: the
  /// pipeline honours it (``ModelWidthStage``: same depth, heads, prompts and SFT step count
  /// as d = 64) and declares it in `settings[honouredRunKeys]`
  /// (``EmpiricalStatistics/unhonoured(_:keys:)``).
  public static let narrowDPO = EmpiricalRegistry.variant(
    of: dpo, "d=32", hyperparameters: ["modelWidth": 32])
  public static let narrowMaPPO = EmpiricalRegistry.variant(
    of: mappo, "d=32", hyperparameters: ["modelWidth": 32])

  /// Greedy exact-match accuracy on the test prompts at the end of training.
  static var accuracy: (RunRecord) throws -> Double {
    EmpiricalStatistics.final(\.testAccuracy, "testAccuracy")
  }
  /// Mean verifier reward of the greedy test responses at the end of training.
  static var reward: (RunRecord) throws -> Double {
    EmpiricalStatistics.final(\.testReward, "testReward")
  }
}
