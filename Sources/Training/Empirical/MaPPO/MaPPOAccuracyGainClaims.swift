// The accuracy claims of MaPPO (claims/mappo.md): mappo.empirical.alignment-gain (abstract,
// §1, §5.2), mappo.empirical.online-mappo (§4.3, Algorithm 1, Figure 3, §5.4) and
// mappo.empirical.plugin-gain (§4.4, §5.3, Table 3). Each effect is a paired per-seed
// difference of final greedy test accuracy with a Bonferroni t-interval over the effects
// the entry lists; confirmed if every effect is confirmed, refuted if any is refuted.
import Claims

/// The accuracy-gain claims of MaPPO.
enum MaPPOAccuracyGainClaims {
  typealias R = MaPPOEmpiricalRuns
  typealias S = EmpiricalStatistics

  static let iterativeReading =
    "reading: the iterative runs (K = 3) are sweep runs of `verify train --claims`: the "
    + "factory's default grid holds offline runs only, although the catalog counts them as shared"

  static let alignmentGain = EmpiricalClaim(
    id: "mappo.empirical.alignment-gain", paper: .mappo,
    source: "abstract; §1; §5.2 (consistent improvements over DPO and I-DPO)",
    statement: "Adding MaPPO to DPO (offline) and to I-DPO (online) improves alignment quality.",
    runs: [R.dpo, R.mappo, R.iterativeDPO, R.iterativeMaPPO], inDefaultGrid: false,
    decide: { results in
      let labels = [R.dpo, R.mappo, R.iterativeDPO, R.iterativeMaPPO].map(\.label)
      if let m = EmpiricalDecision.missing(results, labels: labels) { return m }
      let required = [
        ClaimedComparison(
          try S.paired(results, R.mappo, minus: R.dpo, "accuracy", comparisons: 2, R.accuracy),
          .above),
        ClaimedComparison(
          try S.paired(
            results, R.iterativeMaPPO, minus: R.iterativeDPO, "accuracy", comparisons: 2,
            R.accuracy), .above),
      ]
      let rewards = [
        try S.paired(results, R.mappo, minus: R.dpo, "reward", comparisons: 2, R.reward),
        try S.paired(
          results, R.iterativeMaPPO, minus: R.iterativeDPO, "reward", comparisons: 2, R.reward),
      ]
      return EmpiricalDecision.decide(
        required,
        notes: [iterativeReading]
          + rewards.map { "reported: mean reward " + S.describe($0, claimed: .above) })
    })

  static let onlineMaPPO = EmpiricalClaim(
    id: "mappo.empirical.online-mappo", paper: .mappo,
    source: "§4.3, Algorithm 1, Figure 3; §5.4 (\"Overall, the performances of online methods "
      + "are better than offline methods\")",
    statement: "Online (iterative) MaPPO outperforms offline MaPPO. It is trained by Algorithm "
      + "1, with responses sampled from the current policy and scored each round. Online "
      + "methods in general outperform offline ones.",
    runs: [R.mappo, R.iterativeMaPPO, R.dpo, R.iterativeDPO], inDefaultGrid: false,
    decide: { results in
      let labels = [R.mappo, R.iterativeMaPPO, R.dpo, R.iterativeDPO].map(\.label)
      if let m = EmpiricalDecision.missing(results, labels: labels) { return m }
      let required = [
        ClaimedComparison(
          try S.paired(
            results, R.iterativeMaPPO, minus: R.mappo, "accuracy", comparisons: 2, R.accuracy),
          .above),
        ClaimedComparison(
          try S.paired(
            results, R.iterativeDPO, minus: R.dpo, "accuracy", comparisons: 2, R.accuracy),
          .above),
      ]
      var notes = [
        iterativeReading,
        "reading: per-round log π(y_w), log π(y_l) on each round's own pairs are not recorded "
          + "(MetricPoint tracks the held-out pairs); their end-of-training means are reported",
      ]
      for run in [R.iterativeMaPPO, R.iterativeDPO] {
        let w = S.mean(try S.perSeed(results, run.label, S.final(\.logProbChosen, "logProbChosen")))
        let l = S.mean(
          try S.perSeed(results, run.label, S.final(\.logProbRejected, "logProbRejected")))
        notes.append(
          "reported: \(run.label) final tracking log π(y_w) \(formatNumber(w)), "
            + "log π(y_l) \(formatNumber(l)) (mean over seeds)")
      }
      return EmpiricalDecision.decide(required, notes: notes)
    })

  /// The plugin pairs (X, X+) of Table 3, in the entry's order.
  static let pluginPairs: [(name: String, base: RunSpec, plus: RunSpec)] = [
    ("I-DPO", R.iterativeDPO, R.iterativeMaPPO), ("SimPO", R.simpo, R.simpoPlus),
    ("IPO", R.ipo, R.ipoPlus), ("CPO", R.cpo, R.cpoPlus),
  ]

  static let pluginGain = EmpiricalClaim(
    id: "mappo.empirical.plugin-gain", paper: .mappo,
    source: "§4.4; §5.3, Table 3 (\"MaPPO consistently improves all DPO variants\")",
    statement: "The MaPPO plugin improves SimPO, IPO and CPO, and I-DPO.",
    runs: pluginPairs.flatMap { [$0.base, $0.plus] }, inDefaultGrid: false,
    decide: { results in
      let labels = pluginPairs.flatMap { [$0.base.label, $0.plus.label] }
      if let m = EmpiricalDecision.missing(results, labels: labels) { return m }
      let required = try pluginPairs.map { p in
        ClaimedComparison(
          try S.paired(results, p.plus, minus: p.base, "accuracy", comparisons: 4, R.accuracy),
          .above)
      }
      let perVariant = zip(pluginPairs, required).map { p, c in
        "reported: \(p.name) → \(S.verdict(c).rawValue)"
      }
      return EmpiricalDecision.decide(required, notes: [iterativeReading] + perVariant)
    })
}
