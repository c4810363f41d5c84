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
    if let bad = sftStepMismatch(results) { return bad }
    let notes = [
      "reading: the width d = 32 travels as RunSpec hyperparameter modelWidth = 32; the "
        + "pipeline (ModelWidthStage) trains a d = 32 model per seed (L and heads shared) by "
        + "the same SFT corpus, batch order and optimizer for exactly the step count of that "
        + "seed's d = \(baseWidth(results)) SFT, draws its own samples from it on its own "
        + "streams, and trains DPO and MaPPO from it on the seed's batches",
      "reported: part (a) → \(S.verdict(a).rawValue); part (b) → \(partB.rawValue)",
      "reported: (b) effect accuracy(MaPPO) − accuracy(DPO): d = 32 mean "
        + "\(formatNumber(b[0].comparison.mean)), d = \(baseWidth(results)) mean "
        + "\(formatNumber(b[1].comparison.mean))",
      "reported: SFT accuracy (test; validation), mean over seeds: "
        + sftAccuracies(results).map { w, test, val in
          "d = \(w) \(formatNumber(test)); \(formatNumber(val))"
        }.joined(separator: ", "),
    ]
    return EmpiricalDecision.decide([a] + b, notes: notes)
  }

  /// The shared model's width (settings `model.modelWidth`; 64, the entry's, when absent).
  static func baseWidth(_ results: TrainingResults) -> Int {
    Int(results.settings["model.modelWidth"] ?? "") ?? 64
  }

  /// (width, mean test accuracy, mean validation accuracy) of the SFT models over seeds:
  /// d = 64 from ``TrainingResults/sft``, the other widths from
  /// ``TrainingResults/widthSFT`` (absent when the results predate the width stage).
  static func sftAccuracies(_ results: TrainingResults) -> [(Int, Double, Double)] {
    var out = [
      (
        baseWidth(results), S.mean(results.sft.map(\.testAccuracy)),
        S.mean(results.sft.map(\.validationAccuracy))
      )
    ]
    let narrow = (results.widthSFT ?? []).filter { $0.modelWidth == 32 }.map(\.sft)
    if !narrow.isEmpty {
      out.append(
        (32, S.mean(narrow.map(\.testAccuracy)), S.mean(narrow.map(\.validationAccuracy))))
    }
    return out.sorted { $0.0 < $1.0 }
  }

  /// `inconclusive` when a d = 32 SFT record's step count differs from its seed's d = 64
  /// SFT (the entry shares the step count), or a seed lacks its d = 32 SFT record; nil when
  /// they agree or the results carry no width records (results of an older pipeline).
  static func sftStepMismatch(_ results: TrainingResults) -> CheckOutcome? {
    guard let width = results.widthSFT else { return nil }
    for base in results.sft {
      guard
        let narrow = width.first(where: {
          $0.modelWidth == 32 && $0.sft.seedIndex == base.seedIndex
        })
      else {
        return CheckOutcome(
          verdict: .inconclusive,
          summary: "widthSFT has no d = 32 SFT record for seed \(base.seedIndex)")
      }
      if narrow.sft.steps != base.steps {
        return CheckOutcome(
          verdict: .inconclusive,
          summary: "seed \(base.seedIndex): the d = 32 SFT took \(narrow.sft.steps) steps, the "
            + "d = 64 SFT \(base.steps); the entry shares the step count")
      }
    }
    return nil
  }
}
