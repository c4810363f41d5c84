// mpo.emp.two-bins-vs-finer (claims/mpo.md §5; the b-bin sequential set choice 𝓛_b of
// §0.12): b ∈ {2, 4, 8} at k = 8 and b ∈ {2, 4} at k = 4 (b = k is Plackett–Luce), at noise
// σ ∈ {0, 1} (units of s̄, EP-3). At each σ, Bonferroni over 5 intervals:
//   (i)  acc(2) − acc(b) > 0 for b ∈ {4, 8} at k = 8 and b = 4 at k = 4;
//   (ii) the per-seed slope of accuracy on log₂ b at k = 8 is < 0;
//   (iii) G(8) − G(4) > 0 with G(k) = acc(b = 2) − acc(b = k), paired by seed.
// Per σ: confirmed if (i)–(iii) hold; refuted if some part is significant in the opposite
// direction; inconclusive otherwise. Overall: confirmed at both σ → confirmed; confirmed at
// one and not refuted at the other → conditional (naming it); refuted at some σ and
// confirmed at neither → refuted; otherwise inconclusive. Mean-partition MPO is reported.
import Claims

extension MPOEmpiricalClaims {
  static let twoBinsVsFiner: EmpiricalClaim = {
    let sigmas: [Double] = [0, 1]
    // The arms at one σ: (k = 8: b = 2, 4, 8), (k = 4: b = 2, 4), mean-partition MPO.
    @Sendable func arms(_ sigma: Double) -> (k8: [RunSpec], k4: [RunSpec], mpo: RunSpec) {
      (
        [
          MPORuns.binned(bins: 2, noise: sigma), MPORuns.binned(bins: 4, noise: sigma),
          MPORuns.plackettLuce(noise: sigma),
        ],
        [MPORuns.binned(bins: 2, n: 4, noise: sigma), MPORuns.plackettLuce(n: 4, noise: sigma)],
        MPORuns.mpo(noise: sigma)
      )
    }
    let runs = sigmas.flatMap { s in
      let a = arms(s)
      return a.k8 + a.k4 + [a.mpo]
    }
    return EmpiricalClaim(
      id: "mpo.emp.two-bins-vs-finer", paper: .mpo,
      source: "§7, Fig. 7 paragraph (\"MPO's 2-bin partition consistently outperforms all other "
        + "configurations. The performance gap widens as k increases\") and its Key Takeaway "
        + "(\"with increasing number of partitions, performance decreases\"); §8; App. C",
      statement: "For k responses per prompt: the 2-bin partition beats PL (k bins) and every "
        + "intermediate bin count; the gap to PL widens with k; accuracy falls as the number of "
        + "bins grows.",
      runs: runs, inDefaultGrid: false,
      decide: { results in
        if let m = MPOEvidence.missing(results, runs) { return m }
        var verdicts: [Verdict] = []
        var summaries: [String] = []
        var classes: [CaseClass] = []
        for sigma in sigmas {
          let a = arms(sigma)
          let j = 5
          let part1 = [
            try MPOEvidence.accuracyDifference(results, a.k8[0], minus: a.k8[1], comparisons: j),
            try MPOEvidence.accuracyDifference(results, a.k8[0], minus: a.k8[2], comparisons: j),
            try MPOEvidence.accuracyDifference(results, a.k4[0], minus: a.k4[1], comparisons: j),
          ]
          let part2 = try MPOEvidence.trend(
            results, "σ = \(formatNumber(sigma)): per-seed slope of acc on log2 b at k = 8",
            runs: a.k8, x: [1, 2, 3], comparisons: j, side: .below)
          let g8 = zip(
            MPOEvidence.perSeed(results, a.k8[0].label), MPOEvidence.perSeed(results, a.k8[2].label)
          ).map { $0 - $1 }
          let g4 = zip(
            MPOEvidence.perSeed(results, a.k4[0].label), MPOEvidence.perSeed(results, a.k4[1].label)
          ).map { $0 - $1 }
          let part3 = ClaimedComparison(
            try MPOEvidence.paired(
              "σ = \(formatNumber(sigma)): G(8) − G(4)", g8, minus: g4, comparisons: j),
            .above)
          let parts = part1 + [part2, part3]
          let verdict: Verdict =
            parts.contains(where: \.onOppositeSide)
            ? .refuted : parts.allSatisfy(\.onClaimedSide) ? .confirmed : .inconclusive
          verdicts.append(verdict)
          let evidence = MPOEvidence.outcome(verdict, parts: parts)
          let mpo = MPOEvidence.describe(
            "reported acc(\(a.mpo.label))", MPOEvidence.perSeed(results, a.mpo.label))
          summaries.append(
            "σ = \(formatNumber(sigma)): \(verdict.rawValue) (\(evidence.summary); \(mpo))")
          classes += evidence.classes
        }
        let confirmedAt = sigmas.indices.filter { verdicts[$0] == .confirmed }
        let refutedAt = sigmas.indices.filter { verdicts[$0] == .refuted }
        let overall: Verdict
        var notes: [String] = []
        if confirmedAt.count == sigmas.count {
          overall = .confirmed
        } else if confirmedAt.count == 1 && refutedAt.isEmpty {
          overall = .conditional
          notes.append(
            "condition: confirmed only at noise σ = \(formatNumber(sigmas[confirmedAt[0]])) s̄")
        } else if !refutedAt.isEmpty && confirmedAt.isEmpty {
          overall = .refuted
        } else {
          overall = .inconclusive
        }
        return CheckOutcome(
          verdict: overall, summary: summaries.joined(separator: " | "), classes: classes,
          notes: notes + [
            "k ∈ {4, 8} as the catalog restates the claim (k = 16 is beyond EP-7's budget)",
            MPOEvidence.sBarReading,
          ])
      })
  }()
}
