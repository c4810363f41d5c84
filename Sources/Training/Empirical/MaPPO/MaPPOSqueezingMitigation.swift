// mappo.empirical.squeezing-mitigation (claims/mappo.md; paper §1 Challenge, §3.3, Table 1,
// Figure 1, App. A.1): DPO lowers both log π(y_w) and log π(y_l); MaPPO mitigates the
// simultaneous decrease while still separating the pair. Decided on E1 alone (k = 1); E2,
// the premise P and a Table-1-style block are reported beside it.
import Claims

/// The squeezing-mitigation claim.
enum MaPPOSqueezingMitigation {
  typealias R = MaPPOEmpiricalRuns

  /// The simultaneous drop of one run (nats): max(0, min(−Δlog π(y_w), −Δlog π(y_l))) of the
  /// tracking-pair means, Δ from the SFT model (step 0) to the end of training. It is > 0
  /// exactly when both means fell, and then measures how far both fell together.
  static func squeeze(_ r: RunRecord) throws -> Double {
    let dw = try EmpiricalStatistics.change(\.logProbChosen, "logProbChosen")(r)
    let dl = try EmpiricalStatistics.change(\.logProbRejected, "logProbRejected")(r)
    return max(0, min(-dw, -dl))
  }

  static let claim = EmpiricalClaim(
    id: "mappo.empirical.squeezing-mitigation", paper: .mappo,
    source: "§1, Challenge; §3.3; Table 1; Figure 1; App. A.1 (squeezing effect)",
    statement: "DPO training lowers both log π(y_w) and log π(y_l). MaPPO mitigates this "
      + "simultaneous decrease, especially on near-tie pairs, while still separating the pair.",
    runs: [R.dpo, R.mappo], inDefaultGrid: true, decide: decide)

  @Sendable static func decide(_ results: TrainingResults) throws -> CheckOutcome {
    if let m = EmpiricalDecision.missing(results, labels: [R.dpo.label, R.mappo.label]) {
      return m
    }
    let dwChange = EmpiricalStatistics.change(\.logProbChosen, "logProbChosen")
    let dlChange = EmpiricalStatistics.change(\.logProbRejected, "logProbRejected")
    let e1 = try EmpiricalStatistics.paired(
      results, R.dpo, minus: R.mappo, "squeeze", comparisons: 1, squeeze)
    let e2 = try EmpiricalStatistics.paired(
      results, R.mappo, minus: R.dpo, "Δlog π(y_w)", comparisons: 1, dwChange)
    let pw = try EmpiricalStatistics.single(results, R.dpo, "Δlog π(y_w)", comparisons: 1, dwChange)
    let pl = try EmpiricalStatistics.single(results, R.dpo, "Δlog π(y_l)", comparisons: 1, dlChange)
    let e2c = ClaimedComparison(e2, .above)
    let premise = [ClaimedComparison(pw, .below), ClaimedComparison(pl, .below)]
    var notes = [
      "reading: MetricPoint holds means over the held-out tracking pairs (best-vs-worst of "
        + "n = 8 on held-out prompts), not per-pair values on the training pairs, so B_X (the "
        + "fraction of pairs where both log-probabilities fell) is read as the simultaneous "
        + "drop of the means, squeeze_X = max(0, min(−Δlog π_X(y_w), −Δlog π_X(y_l))) in nats "
        + "(> 0 exactly when both means fell); E1 = squeeze_DPO − squeeze_MaPPO, claimed > 0",
      "reading: the near-tie subset (Δr ≤ 0.25) is not measurable from the recorded means; "
        + "E1 and E2 on near ties are not reported",
      "reported: E2 " + EmpiricalStatistics.describe(e2, claimed: .above) + " → "
        + EmpiricalStatistics.verdict(e2c).rawValue,
      "reported: premise P "
        + premise.map {
          EmpiricalStatistics.describe($0.comparison, claimed: .below) + " → "
            + EmpiricalStatistics.verdict($0).rawValue
        }.joined(separator: "; "),
    ]
    for run in [R.dpo, R.mappo] {
      let both = try EmpiricalStatistics.perSeed(results, run.label, squeeze).filter { $0 > 0 }
      notes.append(
        "reported: seeds where both mean log-probabilities fell under \(run.label): "
          + "\(both.count) of \(results.seedCount)")
    }
    notes.append(
      "reported: Table-1 block (tracking pairs, mean over seeds) " + (try table(results)))
    return EmpiricalDecision.decide([ClaimedComparison(e1, .above)], notes: notes)
  }

  /// IT (step 0 of the DPO runs), DPO and MaPPO: log π(y_w), log π(y_l), their difference,
  /// and the per-token forms.
  static func table(_ results: TrainingResults) throws -> String {
    func row(_ name: String, _ label: String, initial: Bool) throws -> String {
      func m(_ k: KeyPath<MetricPoint, Double>) throws -> Double {
        EmpiricalStatistics.mean(
          try EmpiricalStatistics.perSeed(results, label) { r in
            guard let p = initial ? r.initial : r.final else { throw EmpiricalStatistics.empty(r) }
            return p[keyPath: k]
          })
      }
      let w = try m(\.logProbChosen)
      let l = try m(\.logProbRejected)
      return "\(name): log π(y_w) \(formatNumber(w)), log π(y_l) \(formatNumber(l)), "
        + "difference \(formatNumber(w - l)), per token \(formatNumber(try m(\.logProbChosenPerToken))) / "
        + "\(formatNumber(try m(\.logProbRejectedPerToken)))"
    }
    return [
      try row("IT", R.dpo.label, initial: true), try row("DPO", R.dpo.label, initial: false),
      try row("MaPPO", R.mappo.label, initial: false),
    ].joined(separator: "; ")
  }
}
