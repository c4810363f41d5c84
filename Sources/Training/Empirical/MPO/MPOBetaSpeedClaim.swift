// mpo.emp.beta-speed (claims/mpo.md §5; App. A.6 Fig. 12): MPO at β ∈ {0.01, 0.05, 0.1, 0.5}
// on the shared samples. T_β = the first metric step at which accuracy reaches at least
// A* − 1 pp, A* = the best final accuracy, averaged over seeds, over the four β (+∞ if never).
//   (i)  Spearman ρ(β, T_β) over all (seed, β) runs, mid-ranks; one-sided permutation test,
//        10⁴ seeded permutations of β within each seed, at 5%;
//   (ii) TOST of final test accuracy between β = 0.01 and each other β, Bonferroni over 3.
// Confirmed if (i) is significantly positive and (ii) holds; refuted if the correlation is
// significantly negative; inconclusive otherwise.
//
// Reading: ``MetricPoint`` records greedy test accuracy at every metric step but no
// validation accuracy, so T_β and A* use the test accuracy trajectory.
import Claims
import Numerics

extension MPOEmpiricalClaims {
  static let betaSpeed: EmpiricalClaim = {
    let id = "mpo.emp.beta-speed"
    let betas = [0.01, 0.05, 0.1, 0.5]
    // β = 0.01 is the catalog's MPO default, so that arm is the default-grid MPO run.
    let defaultBeta = MPORuns.catalogDefault("beta", objective: "MPO", paper: MPORuns.paper)
    let arms = betas.map { b in
      b == defaultBeta ? MPORuns.mpo() : MPORuns.mpo(settings: [("beta", b)])
    }
    let permutations = 10_000
    return EmpiricalClaim(
      id: id, paper: .mpo,
      source: "App. A.6, \"Effect of β on Optimization Dynamics\", Fig. 12 (\"using a smaller β "
        + "(e.g., β = 0.01) enables the model to reach comparable performance … with "
        + "significantly fewer epochs\")",
      statement: "A smaller β reaches the target accuracy in fewer updates, and the final "
        + "accuracy is comparable.",
      runs: arms, inDefaultGrid: false,
      decide: { results in
        if let m = MPOEvidence.missing(results, arms) { return m }
        let finals = arms.map { MPOEvidence.perSeed(results, $0.label) }
        let target = (finals.map { MPOEvidence.meanAndSD($0).mean }.max() ?? .nan) - 0.01
        // T[s][i]: first metric step of arm i, seed s, with accuracy ≥ target (+∞ if none).
        let reach = arms.map { arm in
          MPOEvidence.perSeed(results, arm.label) { run in
            run.points.first { $0.testAccuracy >= target }.map { Double($0.step) } ?? .infinity
          }
        }
        let seeds = 0..<results.seedCount
        let correlation = MPORankCorrelation(
          x: seeds.map { _ in betas }, y: seeds.map { s in arms.indices.map { reach[$0][s] } },
          permutations: permutations,
          stream: RandomStream(seed: results.seed, stream: MPORankCorrelation.streamIndex(id)))
        let tost = try (1..<arms.count).map { i in
          try MPOEquivalence.accuracy(results, arms[0], arms[i], comparisons: arms.count - 1)
        }
        let positive = correlation.pAbove <= 0.05
        let negative = correlation.pBelow <= 0.05
        let verdict: Verdict =
          positive && tost.allSatisfy(\.equivalent)
          ? .confirmed : negative ? .refuted : .inconclusive
        let lines =
          [
            "Spearman ρ(β, T_β) = \(formatNumber(correlation.rho)), one-sided permutation "
              + "p(ρ* ≥ ρ) = \(formatNumber(correlation.pAbove)), p(ρ* ≤ ρ) = "
              + "\(formatNumber(correlation.pBelow)) (\(permutations) permutations within seeds; "
              + "claimed > 0 at 5%)",
            "target A* − 1 pp = \(formatNumber(target))",
          ]
          + arms.indices.map { i in
            "T(\(arms[i].label)) by seed: "
              + reach[i].map { formatNumber($0) }.joined(separator: ", ")
          }
        return MPOEvidence.outcome(
          verdict, parts: [], equivalences: tost, lines: lines,
          notes: [
            "reading: T_β and A* use the greedy test-accuracy trajectory (MetricPoint records "
              + "no validation accuracy)"
          ])
      })
  }()
}
