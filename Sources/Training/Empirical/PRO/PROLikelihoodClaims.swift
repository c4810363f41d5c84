// PRO's likelihood claims (claims/pro.md): pro.empirical-dpo-likelihoods-fall (§1, App. A,
// App. H Figures 4–5) — under DPO both mean log-likelihoods fall below the reference — and
// pro.empirical-pro-preferred-rises (§5.1, App. H) — under PRO-P, PRO-B and PRO-S the mean
// implicit reward of preferred responses is positive at the end of training.
import Claims

/// The likelihood claims of PRO.
enum PROLikelihoodClaims {
  typealias R = PROEmpiricalRuns
  typealias S = EmpiricalStatistics

  static let trackingReading =
    "reading: MetricPoint holds means over the held-out tracking pairs (best-vs-worst of "
    + "n = 8 on held-out prompts, scored by the step-0 SFT model = π_ref); they stand in for "
    + "the training pairs' responses"

  static let dpoLikelihoodsFall = EmpiricalClaim(
    id: "pro.empirical-dpo-likelihoods-fall", paper: .pro,
    source: "§1 and App. A (DPO lowers the likelihoods of preferred and dispreferred "
      + "responses); App. H, Figures 4–5 (v1) / 5–6 (v2)",
    statement: "Under DPO training, the mean log π_θ(y_w) and the mean log π_θ(y_l) over the "
      + "training pairs both fall below their reference values.",
    runs: [R.dpo], inDefaultGrid: true,
    decide: { results in
      if let m = EmpiricalDecision.missing(results, labels: [R.dpo.label]) { return m }
      let required = [
        ClaimedComparison(try S.single(results, R.dpo, "Δ_w", comparisons: 2, R.deltaW), .below),
        ClaimedComparison(try S.single(results, R.dpo, "Δ_l", comparisons: 2, R.deltaL), .below),
      ]
      return EmpiricalDecision.decide(required, notes: [trackingReading])
    })

  /// An arm of pro.empirical-pro-preferred-rises with its levels of the three factors the
  /// entry names.
  struct Arm: Sendable {
    var name: String
    var spec: RunSpec
    var feedbackType: String
    var probVariant: String
    var hVersion: String
  }

  static let arms: [Arm] = [
    Arm(
      name: "PRO-P zero-H", spec: R.propZero, feedbackType: "pairwise", probVariant: "not PRO-B",
      hVersion: "zero-H"),
    Arm(
      name: "PRO-B/print", spec: R.probPrinted, feedbackType: "binary", probVariant: "print",
      hVersion: "zero-H"),
    Arm(
      name: "PRO-S", spec: R.pros, feedbackType: "scalar", probVariant: "not PRO-B",
      hVersion: "zero-H"),
    Arm(
      name: "PRO-P exact-H", spec: R.propExact, feedbackType: "pairwise", probVariant: "not PRO-B",
      hVersion: "exact-H"),
    Arm(
      name: "PRO-B/βopt", spec: R.probBetaOpt, feedbackType: "binary", probVariant: "βopt",
      hVersion: "zero-H"),
  ]

  static let factors: [(name: String, level: @Sendable (Arm) -> String)] = [
    ("feedback type", { $0.feedbackType }), ("PRO-B variant", { $0.probVariant }),
    ("H-version", { $0.hVersion }),
  ]

  static let preferredRises = EmpiricalClaim(
    id: "pro.empirical-pro-preferred-rises", paper: .pro,
    source: "§5.1 and App. H, Figures 4–5 (v1): PRO raises the probabilities of preferred or "
      + "desired responses for every feedback type",
    statement: "Under PRO-P, PRO-B and PRO-S, the mean implicit reward of preferred or desired "
      + "responses, r_θ(y_w), is positive at the end of training.",
    runs: arms.map(\.spec) + [R.dpo], inDefaultGrid: false, decide: decidePreferredRises)

  @Sendable static func decidePreferredRises(_ results: TrainingResults) throws -> CheckOutcome {
    let labels = (arms.map(\.spec) + [R.dpo]).map(\.label)
    if let m = EmpiricalDecision.missing(results, labels: labels) { return m }
    let compared = try arms.map { a in
      ClaimedComparison(
        try S.single(results, a.spec, "r_θ(y_w)", comparisons: 5, R.implicitReward), .above)
    }
    let verdicts = compared.map(S.verdict)
    let base = EmpiricalDecision.decide(compared)
    let confirming = arms.indices.filter { verdicts[$0] == .confirmed }
    let refuting = arms.indices.filter { verdicts[$0] == .refuted }
    var conditions: [ConditionReport] = []
    if !confirming.isEmpty && !refuting.isEmpty {
      for f in factors {
        let yes = Set(confirming.map { f.level(arms[$0]) })
        let no = Set(refuting.map { f.level(arms[$0]) })
        if yes.isDisjoint(with: no) {
          conditions.append(
            ConditionReport(
              condition: "\(f.name) ∈ {\(yes.sorted().joined(separator: ", "))}",
              casesSatisfying: confirming.count, holdingCase: arms[confirming[0]].name,
              failingCase: arms[refuting[0]].name))
        }
      }
    }
    let verdict: Verdict
    if verdicts.allSatisfy({ $0 == .confirmed }) {
      verdict = .confirmed
    } else if verdicts.allSatisfy({ $0 == .refuted }) {
      verdict = .refuted
    } else if !conditions.isEmpty {
      verdict = .conditional
    } else {
      verdict = .inconclusive
    }
    let pVsDPO = try S.paired(results, R.propZero, minus: R.dpo, "Δ_w", comparisons: 1, R.deltaW)
    var notes = [
      trackingReading + " (the preferred responses of PRO-P, the desired samples of PRO-B and "
        + "the top-scored responses of PRO-S are all read as the tracking pairs' y_w)",
      "reading: the exact-H arm is the spec hyperparameter exactH = 1 (see PROEmpiricalRuns)",
    ]
    notes += zip(arms, verdicts).map { "reported: arm \($0.name) → \($1.rawValue)" }
    notes.append("reported: " + S.describe(pVsDPO))
    return CheckOutcome(
      verdict: verdict, summary: base.summary, classes: base.classes, notes: notes,
      conditions: conditions)
  }
}
