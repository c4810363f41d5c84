// pro.empirical-length-and-accuracy-drift (claims/pro.md; paper §5.1, Figure 2): under DPO
// the response length rises and performance falls; PRO-P and PRO-B keep both closer to
// their first evaluation. Δℓ and Δa are relative changes from the first evaluation (step 0,
// the SFT model) to the last of mean greedy length and exact-match test accuracy; six
// effects, Bonferroni over 6.
import Claims

/// The length-and-accuracy drift claim.
enum PRODriftClaim {
  typealias R = PROEmpiricalRuns
  typealias S = EmpiricalStatistics

  static let claim = EmpiricalClaim(
    id: "pro.empirical-length-and-accuracy-drift", paper: .pro,
    source: "§5.1, Figure 2 (under DPO, response length rises sharply and win rate falls; "
      + "PRO-P and PRO-B keep length and win rate near their first evaluation)",
    statement: "Four effects: (a) DPO's mean response length increases over training; (b) "
      + "DPO's task performance decreases; (c) PRO-P's and PRO-B's length changes are smaller "
      + "than DPO's; (d) PRO-P's and PRO-B's performance changes are larger (less negative) "
      + "than DPO's.",
    runs: [R.dpo, R.propZero, R.probPrinted], inDefaultGrid: true, decide: decide)

  @Sendable static func decide(_ results: TrainingResults) throws -> CheckOutcome {
    let labels = [R.dpo, R.propZero, R.probPrinted].map(\.label)
    if let m = EmpiricalDecision.missing(results, labels: labels) { return m }
    let dl = S.relativeChange(\.meanLength, "meanLength")
    let da = S.relativeChange(\.testAccuracy, "testAccuracy")
    let absDl: (RunRecord) throws -> Double = { abs(try dl($0)) }
    var required = [
      ClaimedComparison(try S.single(results, R.dpo, "Δℓ", comparisons: 6, dl), .above),
      ClaimedComparison(try S.single(results, R.dpo, "Δa", comparisons: 6, da), .below),
    ]
    for x in [R.propZero, R.probPrinted] {
      required.append(
        ClaimedComparison(
          try S.paired(results, R.dpo, minus: x, "|Δℓ|", comparisons: 6, absDl), .above))
    }
    for x in [R.propZero, R.probPrinted] {
      required.append(
        ClaimedComparison(try S.paired(results, x, minus: R.dpo, "Δa", comparisons: 6, da), .above))
    }
    return EmpiricalDecision.decide(
      required,
      notes: [
        "reading: the task's verifier (greedy exact-match accuracy) stands in for the LLM "
          + "judge's win rate; the first evaluation is the step-0 point (the SFT model)"
      ])
  }
}
