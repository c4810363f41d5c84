// MPO's empirical claims that are lists of "A beats B" comparisons of final test accuracy
// (claims/mpo.md §5: mpo.emp.mpo-vs-dpo, mpo.emp.iso-information, mpo.emp.one-vs-k,
// mpo.emp.wmpo-vs-mpo, mpo.emp.reference-free, mpo.emp.limited-data,
// mpo.emp.alpha-intermediate). Each is decided by EP-6's rule: paired per-seed differences,
// t-intervals with Bonferroni over the comparisons the entry lists, confirmed if every
// interval lies on the claimed side, refuted if one lies on the opposite side.
import Claims

/// A comparison a − b claimed to lie on `side` of 0.
struct MPOAccuracyComparison: Sendable {
  var a: RunSpec
  var b: RunSpec
  var side: ClaimedSide = .above
}

extension MPOEmpiricalClaims {
  /// A claim decided by EP-6's rule over `comparisons` (J = their count); `reported` runs are
  /// read only for the report lines `report` writes.
  static func accuracyComparisons(
    id: String, source: String, statement: String, comparisons: [MPOAccuracyComparison],
    reported: [RunSpec] = [], notes: [String] = [],
    report: @escaping @Sendable (TrainingResults) -> [String] = { _ in [] }
  ) -> EmpiricalClaim {
    var runs: [RunSpec] = []
    for spec in comparisons.flatMap({ [$0.a, $0.b] }) + reported where !runs.contains(spec) {
      runs.append(spec)
    }
    let all = runs
    return EmpiricalClaim(
      id: id, paper: .mpo, source: source, statement: statement, runs: all,
      inDefaultGrid: all.allSatisfy { MPORuns.defaultGridLabels.contains($0.label) },
      decide: { results in
        if let m = MPOEvidence.missing(results, all) { return m }
        let parts = try comparisons.map {
          try MPOEvidence.accuracyDifference(
            results, $0.a, minus: $0.b, comparisons: comparisons.count, side: $0.side)
        }
        var outcome = EmpiricalDecision.decide(parts, notes: notes)
        let lines = report(results)
        if !lines.isEmpty { outcome.summary += "; " + lines.joined(separator: "; ") }
        return outcome
      })
  }

  /// mpo.emp.mpo-vs-dpo: (A) MPO vs DPO on the shared samples (k = 8); (B) the §6 on-policy
  /// protocol on the first 5 samples, top 2 vs bottom 2 against DPO on best/worst of 5.
  static let mpoVsDPO = accuracyComparisons(
    id: "mpo.emp.mpo-vs-dpo",
    source: "Tables 1, 2, 9; Fig. 3 caption; §7 \"SOTA Performance\"; §6 on-policy setting "
      + "(5 samples, top-2 vs bottom-2, median discarded)",
    statement: "MPO beats DPO, both off-policy and on-policy.",
    comparisons: [
      MPOAccuracyComparison(a: MPORuns.mpo(), b: MPORuns.dpo()),
      MPOAccuracyComparison(a: MPORuns.mpoTopTwoBottomTwo(), b: MPORuns.dpo(n: 5)),
    ],
    notes: [
      "reading: the off-policy setting (UltraFeedback responses) has no counterpart here; (A) "
        + "uses the shared samples (claims/mpo.md EP-2)"
    ])

  /// mpo.emp.iso-information: MPO against cross-pairs DPO, PL and InfoNCA, and cross-pairs
  /// DPO against best-vs-worst DPO (claimed below 0), Bonferroni over 4.
  static let isoInformation = accuracyComparisons(
    id: "mpo.emp.iso-information", source: "§7.1, Table 5 and its Key Takeaway",
    statement: "With the same N responses and rewards: MPO beats Cross-Pairs DPO (every pair "
      + "in S+ × S− used as an independent DPO example), Plackett–Luce, and InfoNCA; "
      + "Cross-Pairs DPO is worse than standard best-vs-worst DPO.",
    comparisons: [
      MPOAccuracyComparison(a: MPORuns.mpo(), b: MPORuns.dpoCrossPairs()),
      MPOAccuracyComparison(a: MPORuns.mpo(), b: MPORuns.plackettLuce()),
      MPOAccuracyComparison(a: MPORuns.mpo(), b: MPORuns.infoNCA()),
      MPOAccuracyComparison(a: MPORuns.dpoCrossPairs(), b: MPORuns.dpo(), side: .below),
    ])

  /// mpo.emp.one-vs-k: MPO − MPO-1vsk at k = 8 and k = 4, Bonferroni over 2.
  static let oneVsK = accuracyComparisons(
    id: "mpo.emp.one-vs-k",
    source: "Table 1 (\"MPO 1vsk\" against \"MPO\" rows); App. I (definition of MPO-1vsk)",
    statement: "MPO with the mean partition beats MPO-1vsk, which uses the best response "
      + "against all the others.",
    comparisons: [
      MPOAccuracyComparison(a: MPORuns.mpo(), b: MPORuns.mpoOneVsK()),
      MPOAccuracyComparison(a: MPORuns.mpo(n: 4), b: MPORuns.mpoOneVsK(n: 4)),
    ])

  /// mpo.emp.wmpo-vs-mpo: `wmpo.abs` − MPO at k = 8 and k = 4, Bonferroni over 2; the
  /// `wmpo.signed` comparison at k = 8 is reported.
  static let wmpoVsMPO = accuracyComparisons(
    id: "mpo.emp.wmpo-vs-mpo",
    source: "§7 Table 4 and its Key Takeaway; Table 1 (W-MPO rows); App. I Table 9; §4.4 "
      + "(curriculum argument)",
    statement: "W-MPO (deviation-weighted) achieves higher accuracy than MPO.",
    comparisons: [
      MPOAccuracyComparison(a: MPORuns.wmpoAbs(), b: MPORuns.mpo()),
      MPOAccuracyComparison(a: MPORuns.wmpoAbs(n: 4), b: MPORuns.mpo(n: 4)),
    ],
    reported: [MPORuns.wmpoSigned()],
    report: { results in
      let d = zip(
        MPOEvidence.perSeed(results, MPORuns.wmpoSigned().label),
        MPOEvidence.perSeed(results, MPORuns.mpo().label)
      ).map { $0 - $1 }
      return ["reported: " + MPOEvidence.describe("acc(WeightedMPOSigned) − acc(MPO)", d)]
    })

  /// mpo.emp.reference-free: MPO-RF − SimPO at SimPO's β, single comparison.
  static let referenceFree: EmpiricalClaim = {
    let simpo = MPORuns.simPO()
    // "Both use the pipeline's SimPO β": the β of the grid's SimPO run (its catalog entry).
    let beta = MPORuns.catalogDefault("beta", objective: simpo.objective, paper: simpo.paper)
    let rf = MPORuns.mpo(
      settings: [(MPORuns.Key.referenceFree, 1)] + (beta.map { [("beta", $0)] } ?? []))
    return accuracyComparisons(
      id: "mpo.emp.reference-free",
      source: "App. A.2 Fig. 9 (\"MPO (Reference-Free) … leverages responses more "
        + "effectively than SimPO\")",
      statement: "MPO built on SimPO's reference-free, length-normalised reward beats SimPO.",
      comparisons: [MPOAccuracyComparison(a: rf, b: simpo)])
  }()

  /// mpo.emp.limited-data: MPO(f) − DPO(f) for f ∈ {0.125, 0.25, 0.5, 1} and
  /// MPO(0.25) − DPO(0.5), Bonferroni over 5.
  static let limitedData: EmpiricalClaim = {
    func mpo(_ f: Double) -> RunSpec {
      f == 1 ? MPORuns.mpo() : MPORuns.mpo(settings: [(MPORuns.Key.dataFraction, f)])
    }
    func dpo(_ f: Double) -> RunSpec {
      f == 1 ? MPORuns.dpo() : MPORuns.dpo(settings: [(MPORuns.Key.dataFraction, f)])
    }
    let fractions = [0.125, 0.25, 0.5, 1]
    return accuracyComparisons(
      id: "mpo.emp.limited-data",
      source: "§7 Fig. 5 (\"MPO outperforms DPO at varying percentages of training data … "
        + "MPO at 25% training data outperforms DPO at 50%\") and its Key Takeaway",
      statement: "MPO beats DPO at every fraction of the training prompts tested, and MPO with "
        + "25% of the prompts beats DPO with 50%.",
      comparisons: fractions.map { MPOAccuracyComparison(a: mpo($0), b: dpo($0)) }
        + [MPOAccuracyComparison(a: mpo(0.25), b: dpo(0.5))],
      notes: [
        "reading: the fraction-f subset is the prompts of the first round(f·B) of the seed's "
          + "B batches (a prefix of the seed's prompt permutation, so the subsets are nested), "
          + "trained once each: f × the default steps, the schedule laid over the shorter run"
      ])
  }()

  /// mpo.emp.alpha-intermediate: `wmpo.abs` at α·s̄ ∈ {0.01, 0.1, 1, 10}; acc(0.1) − acc(0.01)
  /// and acc(0.1) − acc(1), Bonferroni over 2; acc(10) and each α's seed variance reported.
  static let alphaIntermediate: EmpiricalClaim = {
    @Sendable func arm(_ a: Double) -> RunSpec {
      MPORuns.wmpoAbs(settings: [(MPORuns.Key.alphaWTimesSBar, a)])
    }
    let grid = [0.01, 0.1, 1, 10]
    return accuracyComparisons(
      id: "mpo.emp.alpha-intermediate",
      source: "App. A.6, \"Effect of α\", Fig. 13 (α = 0.1 best; \"a very small α (e.g., "
        + "α = 0.01) … drop in LC-WR from 20.3 to 14.43\"; α = 1 gives high-variance updates); "
        + "App. J (\"α to 10 consistently yields strong performance\")",
      statement: "An intermediate α gives the best W-MPO accuracy, and a very small α is "
        + "clearly worse.",
      comparisons: [
        MPOAccuracyComparison(a: arm(0.1), b: arm(0.01)),
        MPOAccuracyComparison(a: arm(0.1), b: arm(1)),
      ],
      reported: [arm(10)],
      notes: [
        "reading: α_w = (α·s̄)/s̄ with the seed's s̄ (spec key alphaWTimesSBar)",
        MPOEvidence.sBarReading,
      ],
      report: { results in
        grid.map { a in
          "reported: "
            + MPOEvidence.describe(
              "acc(\(arm(a).label))", MPOEvidence.perSeed(results, arm(a).label))
        }
      })
  }()
}
