// mpo.emp.more-responses (claims/mpo.md §5): MPO with the mean partition on the first k of
// the shared samples, k = 2…8. Primary test: the EP-6 trend rule (per-seed OLS slope of
// accuracy on k, t-interval of the slopes). Secondary test, for "consistent": the 6 adjacent
// differences acc(k+1) − acc(k), Bonferroni over 6. Confirmed if the slope interval lies
// above 0 and no adjacent interval lies entirely below 0; refuted if the slope interval lies
// below 0; inconclusive otherwise.
import Claims

extension MPOEmpiricalClaims {
  static let moreResponses: EmpiricalClaim = {
    let ks = Array(2...8)
    let arms = ks.map { MPORuns.mpo(n: $0) }
    return EmpiricalClaim(
      id: "mpo.emp.more-responses", paper: .mpo,
      source: "§7 \"Performance with increasing number of responses\", Fig. 4 (n = 2 to n = 8, "
        + "Llama-3-8B-Instruct, on-policy) and its Key Takeaway; §8 (links Fig. 4 with Theorem 1)",
      statement: "Under MPO, accuracy rises consistently as the number of responses per prompt "
        + "grows from 2 to 8.",
      runs: arms, inDefaultGrid: false,
      decide: { results in
        if let m = MPOEvidence.missing(results, arms) { return m }
        let slope = try MPOEvidence.trend(
          results, "per-seed OLS slope of acc on k (k = 2…8)", runs: arms,
          x: ks.map(Double.init), comparisons: 1, side: .above)
        let adjacent = try (0..<(arms.count - 1)).map { i in
          try MPOEvidence.accuracyDifference(
            results, arms[i + 1], minus: arms[i], comparisons: arms.count - 1)
        }
        let verdict: Verdict
        if slope.onClaimedSide && !adjacent.contains(where: \.onOppositeSide) {
          verdict = .confirmed
        } else if slope.onOppositeSide {
          verdict = .refuted
        } else {
          verdict = .inconclusive
        }
        return MPOEvidence.outcome(verdict, parts: [slope] + adjacent)
      })
  }()
}
