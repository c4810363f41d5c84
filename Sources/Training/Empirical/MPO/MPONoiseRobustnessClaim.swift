// mpo.emp.noise-robustness (claims/mpo.md §5; App. A.4 Table 8): MPO, DPO (best vs worst by
// S̃) and PL (full ranking by S̃) trained at σ ∈ {0, 0.5, 1} (units of s̄, EP-3). Per seed the
// drop D_meth(σ) = acc_meth(0) − acc_meth(σ). Comparisons D_DPO(σ) − D_MPO(σ) > 0 and
// D_PL(σ) − D_MPO(σ) > 0 at σ ∈ {0.5, 1}, Bonferroni over 4; confirmed if all four hold,
// refuted if any interval lies entirely below 0, inconclusive otherwise. The retention ratio
// (acc(σ) − acc_ref)/(acc(0) − acc_ref) (acc_ref: the step-0 point, π_ref) and
// acc_MPO(σ)/acc_MPO(0) next to Table 8's ratios are reported, never decisive.
import Claims

extension MPOEmpiricalClaims {
  static let noiseRobustness: EmpiricalClaim = {
    let sigmas: [Double] = [0.5, 1]
    let methods: [(name: String, arm: @Sendable (Double) -> RunSpec)] = [
      ("MPO", { MPORuns.mpo(noise: $0) }), ("DPO", { MPORuns.dpo(noise: $0) }),
      ("PL", { MPORuns.plackettLuce(noise: $0) }),
    ]
    let runs = ([0] + sigmas).flatMap { s in methods.map { $0.arm(s) } }
    // Table 8's LC-WR of MPO at σ = 0, 0.5, 1.0: 49.2, 48.1, 45.6 (reported ratios only).
    let table8: [Double: Double] = [0.5: 48.1 / 49.2, 1: 45.6 / 49.2]
    return EmpiricalClaim(
      id: "mpo.emp.noise-robustness", paper: .mpo,
      source: "App. A.4, Table 8 (noise σ ∈ {0, 0.5, 1.0, 2.0}: LC-WR 49.2, 48.1, 45.6, 42.3); "
        + "App. C (\"superior robustness to noise compared to full-ranking methods\"); §5 item 2",
      statement: "MPO keeps most of its performance when Gaussian noise is injected into the "
        + "rewards used for selection, \"where pairwise ranking methods typically collapse\".",
      runs: runs, inDefaultGrid: false,
      decide: { results in
        if let m = MPOEvidence.missing(results, runs) { return m }
        func drop(_ method: Int, _ sigma: Double) -> [Double] {
          zip(
            MPOEvidence.perSeed(results, methods[method].arm(0).label),
            MPOEvidence.perSeed(results, methods[method].arm(sigma).label)
          ).map { $0 - $1 }
        }
        var parts: [ClaimedComparison] = []
        for sigma in sigmas {
          for baseline in [1, 2] {
            parts.append(
              ClaimedComparison(
                try MPOEvidence.paired(
                  "σ = \(formatNumber(sigma)): D_\(methods[baseline].name) − D_MPO",
                  drop(baseline, sigma), minus: drop(0, sigma), comparisons: 4),
                .above))
          }
        }
        var lines: [String] = []
        for sigma in sigmas {
          let mpo0 = MPOEvidence.perSeed(results, methods[0].arm(0).label)
          let mpoS = MPOEvidence.perSeed(results, methods[0].arm(sigma).label)
          let ratio = zip(mpoS, mpo0).map { $0 / $1 }
          lines.append(
            "reported: "
              + MPOEvidence.describe("σ = \(formatNumber(sigma)): acc_MPO(σ)/acc_MPO(0)", ratio)
              + " (Table 8 LC-WR ratio \(formatNumber(table8[sigma] ?? .nan)))")
          for method in methods.indices {
            let ref = MPOEvidence.perSeed(results, methods[method].arm(0).label) {
              $0.initial?.testAccuracy ?? .nan
            }
            let at0 = MPOEvidence.perSeed(results, methods[method].arm(0).label)
            let atS = MPOEvidence.perSeed(results, methods[method].arm(sigma).label)
            let retention = (0..<results.seedCount).map { s in
              (atS[s] - ref[s]) / (at0[s] - ref[s])
            }
            lines.append(
              "reported: "
                + MPOEvidence.describe(
                  "σ = \(formatNumber(sigma)): retention of \(methods[method].name)", retention))
          }
        }
        let verdict: Verdict =
          parts.contains(where: \.onOppositeSide)
          ? .refuted : parts.allSatisfy(\.onClaimedSide) ? .confirmed : .inconclusive
        return MPOEvidence.outcome(
          verdict, parts: parts, lines: lines, notes: [MPOEvidence.sBarReading])
      })
  }()
}
