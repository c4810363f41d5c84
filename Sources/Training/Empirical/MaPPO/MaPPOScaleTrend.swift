// mappo.empirical.scale-trend (claims/mappo.md; paper §6.1 item 1, §5.2): (a) with MaPPO the
// wider model (d = 64) beats the narrow one (d = 32); (b) MaPPO beats DPO at each width.
// Three intervals, Bonferroni over 3; verdict by the multi-part rule (the worst part), which
// for these three comparisons is the shared rule applied to all of them.
import Claims

/// The scale-trend claim.
enum MaPPOScaleTrend {
  typealias R = MaPPOEmpiricalRuns
  typealias S = EmpiricalStatistics

  static let claim = EmpiricalClaim(
    id: "mappo.empirical.scale-trend", paper: .mappo,
    source: "§6.1, item 1 (\"larger models consistently perform better with the MaPPO "
      + "method\"); §5.2 (improvement across sizes)",
    statement: "Two readings of the text: (a) with MaPPO, larger models reach higher "
      + "performance; (b) MaPPO's improvement over DPO holds at every model size.",
    runs: [R.dpo, R.mappo, R.narrowDPO, R.narrowMaPPO], inDefaultGrid: false, decide: decide)

  @Sendable static func decide(_ results: TrainingResults) throws -> CheckOutcome {
    let labels = [R.dpo, R.mappo, R.narrowDPO, R.narrowMaPPO].map(\.label)
    if let m = EmpiricalDecision.missing(results, labels: labels) { return m }
    if let u = S.unhonoured(results, keys: ["modelWidth"]) { return u }
    let a = ClaimedComparison(
      try S.paired(results, R.mappo, minus: R.narrowMaPPO, "accuracy", comparisons: 3, R.accuracy),
      .above)
    let b = [
      ClaimedComparison(
        try S.paired(
          results, R.narrowMaPPO, minus: R.narrowDPO, "accuracy", comparisons: 3, R.accuracy),
        .above),
      ClaimedComparison(
        try S.paired(results, R.mappo, minus: R.dpo, "accuracy", comparisons: 3, R.accuracy),
        .above),
    ]
    let partB = EmpiricalDecision.decide(b).verdict
    let sft = S.mean(results.sft.map(\.testAccuracy))
    let notes = [
      "reading: the width d = 32 travels as RunSpec hyperparameter modelWidth = 32 (RunSpec "
        + "has no model field); TrainingResults keeps one SFT record per seed (d = 64), so the "
        + "d = 32 SFT accuracy is not reported",
      "reported: part (a) → \(S.verdict(a).rawValue); part (b) → \(partB.rawValue)",
      "reported: SFT test accuracy at d = 64, mean over seeds \(formatNumber(sft))",
    ]
    return EmpiricalDecision.decide([a] + b, notes: notes)
  }
}
