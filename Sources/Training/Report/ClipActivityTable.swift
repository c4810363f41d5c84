// The report's PIPA-M clip table (claims/pipa.md pipa.no-additional-hyperparameters (c):
// "Reported, not part of the verdict": in the PIPA-M runs, at every metric step, the fraction
// of negative tokens with F ≥ 1 − 10⁻⁸ and the fraction of positive tokens with F > 1). One
// row per run label and metric step, from the ``ClipActivity`` of its points: the counts
// summed over seeds, the pooled fraction and the largest single-seed fraction (so one seed
// that reaches the clip is not averaged away).

/// Rows of the PIPA-M clip table.
enum ClipActivityTable {
  static let header = [
    "run", "step", "seeds", "negative terms", "F ≥ 1−1e-8 (pooled)", "F ≥ 1−1e-8 (max seed)",
    "positive terms", "F > 1 (pooled)", "F > 1 (max seed)",
  ]

  /// The rows, runs in report order, steps ascending; empty when no run logged clip activity.
  static func rows(_ results: TrainingResults) -> [[String]] {
    var order: [String] = []
    var byLabel: [String: [RunRecord]] = [:]
    for r in TrainingReport.sortedRuns(results)
    where r.points.contains(where: { $0.clipActivity != nil }) {
      if byLabel[r.spec.label] == nil { order.append(r.spec.label) }
      byLabel[r.spec.label, default: []].append(r)
    }
    var out: [[String]] = []
    for label in order {
      let runs = byLabel[label] ?? []
      let steps = Set(runs.flatMap { $0.points.compactMap { $0.clipActivity == nil ? nil : $0.step } })
      for step in steps.sorted() {
        let perSeed = runs.compactMap { r in r.points.first { $0.step == step }?.clipActivity }
        let pooled = perSeed.reduce(ClipActivity()) { $0.merged(with: $1) }
        func f(_ x: Double?) -> String { x.map(TrainingReport.short) ?? "—" }
        out.append([
          label, "\(step)", "\(perSeed.count)", "\(pooled.negativeTerms)",
          f(pooled.negativeNearOneFraction),
          f(perSeed.compactMap(\.negativeNearOneFraction).max()), "\(pooled.positiveTerms)",
          f(pooled.positiveAboveOneFraction),
          f(perSeed.compactMap(\.positiveAboveOneFraction).max()),
        ])
      }
    }
    return out
  }

  /// The paragraph above the table.
  static let description =
    "pipa.no-additional-hyperparameters (c), reported and not part of any verdict: over the "
    + "training terms of the steps since the previous metric point (tokens for token-level "
    + "PIPA-M, answers at answer level; F = f·g/p^prior at the policy before each update), the "
    + "fraction of negative terms with F ≥ 1 − 10⁻⁸ (where §2.6's clip is active for some ε in "
    + "10⁻¹²..10⁻⁸) and of positive terms with F > 1 (unclipped, as Algorithm 1 prints it)"
}
