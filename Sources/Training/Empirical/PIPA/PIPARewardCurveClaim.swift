// pipa.empirical.dpo-positive-reward (claims/pipa.md; paper §3.3.2 "Reward curve",
// Figure 4): the implicit reward log(p^θ(y|x,c=1)/p^prior(y|x)) of correct samples falls
// under DPO and rises under Step-DPO.
import Claims

enum PIPARewardCurve {
  /// pipa.empirical.dpo-positive-reward.
  static let dpoPositiveReward: EmpiricalClaim = {
    let runs = [PIPARuns.dpo, PIPARuns.stepDPO]
    return EmpiricalClaim(
      id: "pipa.empirical.dpo-positive-reward", paper: .pipa,
      source:
        "§3.3.2, \"Reward curve\", Figure 4 (\"While the term for correct samples decreases "
        + "as observed in previous studies, it increases in Step-DPO\")",
      statement:
        "During DPO training, the implicit reward of correct samples, "
        + "log(p^θ(y|x,c=1)/p^prior(y|x)), decreases. Under Step-DPO it increases.",
      runs: runs, inDefaultGrid: true
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      var notes = [
        "reading: the results log mean log π(y_w) and log π(y_l) on the tracking pairs "
          + "(best-vs-worst of held-out prompts), not on the correct samples of the paired "
          + "training data; since p^prior is the step-0 model, the change of the mean "
          + "implicit reward from start to end is logProbChosen(end) − logProbChosen(0) "
          + "(y_w stands for the correct samples, y_l for the incorrect ones)"
      ]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        func change(_ spec: RunSpec, _ field: (MetricPoint) -> Double) throws -> [Double] {
          try AlphaPIPAStatistics.perSeed(results, spec.label) {
            let end = field(try AlphaPIPAStatistics.point($0, at: 1))
            return end - field(try AlphaPIPAStatistics.point($0, at: 0))
          }
        }
        let a = try AlphaPIPAStatistics.oneSample(
          "A: Δ log π/π_prior(y_w) under \(PIPARuns.dpo.label)",
          try change(PIPARuns.dpo, \.logProbChosen), comparisons: 2)
        let b = try AlphaPIPAStatistics.oneSample(
          "B: Δ log π/π_prior(y_w) under \(PIPARuns.stepDPO.label)",
          try change(PIPARuns.stepDPO, \.logProbChosen), comparisons: 2)
        for spec in runs {
          notes.append(
            "incorrect samples, reported: "
              + AlphaPIPAStatistics.line(
                try AlphaPIPAStatistics.oneSample(
                  "Δ log π/π_prior(y_l) under \(spec.label)",
                  try change(spec, \.logProbRejected), comparisons: 2)))
        }
        return EmpiricalDecision.decide(
          [ClaimedComparison(a, .below), ClaimedComparison(b, .above)], notes: notes)
      }
    }
  }()
}
