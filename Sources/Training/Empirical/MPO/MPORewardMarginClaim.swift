// mpo.emp.reward-margin (claims/mpo.md §5; App. A.1 Fig. 8): M_meth = the mean over the last
// 10% of training of β[r_θ(y_top|x) − r_θ(y_bottom|x)], every arm at β = 0.1 (MPO, DPO,
// InfoNCA, PL on the shared samples). M_MPO − M_X > 0 for each baseline X, Bonferroni over 3;
// confirmed if all hold, refuted if any is negative, inconclusive otherwise.
//
// Reading: the pipeline measures the margin at metric points on the held-out tracking pairs
// (best vs worst by S of held-out prompts: the top and bottom responses), not on every
// training batch. M is the mean of β·margin over the metric points with step ≥ 0.9·steps
// (step > 0), or the final point when no other point lies in that window.
import Claims

extension MPOEmpiricalClaims {
  static let rewardMargin: EmpiricalClaim = {
    let beta = 0.1
    let mpo = MPORuns.mpo(settings: [("beta", beta)])
    let dpo = MPORuns.dpoBetaOneTenth()
    let infoNCA = MPORuns.infoNCA(settings: [("beta", beta)])
    let pl = MPORuns.plackettLuce(settings: [("beta", beta)])
    let runs = [mpo, dpo, infoNCA, pl]
    return EmpiricalClaim(
      id: "mpo.emp.reward-margin", paper: .mpo,
      source: "App. A.1 Fig. 8 (\"MPO's consistent reward margin advantage during training\"; "
        + "\"the distinction between the top chosen and rejected response is higher in MPO vs. "
        + "other baselines\")",
      statement: "During training, MPO reaches a larger margin between the implicit rewards of "
        + "the top chosen and the bottom rejected response than the baselines do.",
      runs: runs, inDefaultGrid: false,
      decide: { results in
        if let m = MPOEvidence.missing(results, runs) { return m }
        let margin = { (run: RunRecord) in beta * MPORewardMargin.lateMargin(run) }
        let parts = try [dpo, infoNCA, pl].map { x in
          ClaimedComparison(
            try MPOEvidence.paired(
              "M(\(mpo.label)) − M(\(x.label))", MPOEvidence.perSeed(results, mpo.label, margin),
              minus: MPOEvidence.perSeed(results, x.label, margin), comparisons: 3), .above)
        }
        return EmpiricalDecision.decide(
          parts,
          notes: [
            "reading: the margin is the pipeline's tracking-pair margin (held-out best vs worst) "
              + "averaged over the metric points in the last 10% of steps, not over every "
              + "training batch",
            "the DPO arm is the grid's DPO@MaPPO run (DPO, β = 0.1, best-vs-worst pairs: the "
              + "settings this entry asks for)",
          ])
      })
  }()
}

/// The late-training margin of mpo.emp.reward-margin.
enum MPORewardMargin {
  /// The mean implicit-reward margin over the metric points with 0 < step ≥ 0.9·steps (the
  /// final point when that window holds no point).
  static func lateMargin(_ run: RunRecord) -> Double {
    let late = run.points.filter { $0.step > 0 && Double($0.step) >= 0.9 * Double(run.steps) }
    let points = late.isEmpty ? Array(run.points.suffix(1)) : late
    return points.reduce(0) { $0 + $1.margin } / Double(points.count)
  }
}
