// mappo.dpo-gap-invariance — §3.2/§3.3/§1/Figure 1: DPO's per-pair loss depends on the two
// policy log-probabilities only through their difference; MaPPO with Δr < 1 also depends on
// their common level, and a common decrease raises its loss.
import Numerics
import Objectives

extension MaPPOClaims {
  static let dpoGapInvariance = Claim(
    id: "mappo.dpo-gap-invariance", paper: .mappo, source: "§3.2; §3.3; §1 Challenge; Figure 1",
    kind: .identity,
    statement: "DPO's per-pair loss depends on (log π_θ(y_w), log π_θ(y_l)) only through their difference; "
      + "MaPPO with Δr < 1 adds dependence on the common level: a common decrease raises its loss."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("mappo.dpo-gap-invariance")
    var unresolvable = 0
    var outside = 0
    let names = ["log π_w", "log π_l", "log πref_w", "log πref_l", "β", "Δr", "a"]
    var firstDPOFailure: [Double]?
    for _ in 0..<ctx.count(full: 100_000, quick: 10_000) {
      let x = (0..<4).map { _ in Strata.logProb(&r) } + [Strata.beta(&r), Strata.deltaR(&r), Strata.uniform(&r, -20, 20)]
      guard let d = MaPPOClaims.shiftDifferences(x) else {
        outside += 1
        continue
      }
      let inputs = zip(names, x).map { NamedValue($0, $1) }
      // (i) |D_DPO| ≤ T_id, S = the terms of both margins and both losses.
      let s = x[4] * (abs(x[0]) + abs(x[1]) + abs(x[2]) + abs(x[3]) + 2 * abs(x[6])) + d.dpoBase + d.dpoShifted
      let ok = tally.record(
        "(i) DPO shift invariance", residual: abs(d.dpo), identityTermSum: (s),
        inputs: inputs, detail: "D_DPO = \(d.dpo)")
      if !ok && firstDPOFailure == nil { firstDPOFailure = x }
      // (ii) MaPPO with Δr < 1 − 1e-12 and a < 0: D_MaPPO > 0 where resolvable.
      if x[5] < 1 - 1e-12 && x[6] < 0 {
        let firstOrder = x[4] * (1 - x[5]) * abs(x[6]) * d.mappoWeight
        if firstOrder > 64 * Double.ulpOfOne * (1 + d.mappoBase) {
          tally.record(
            "(ii) MaPPO common decrease raises the loss", passed: d.mappo > 0, residual: d.mappo,
            inputs: inputs, detail: "D_MaPPO = \(d.mappo) ≤ 0")
        } else {
          unresolvable += 1
        }
      }
    }
    var cx: Counterexample?
    if let f = firstDPOFailure {
      let small = CounterexampleShrinker.shrink(
        f, targets: Array(repeating: [0, -50], count: 4) + [[0.01, 10], [0, 1], [-20, 20]]
      ) { v in
        guard let d = MaPPOClaims.shiftDifferences(v) else { return false }
        let s = v[4] * (abs(v[0]) + abs(v[1]) + abs(v[2]) + abs(v[3]) + 2 * abs(v[6])) + d.dpoBase + d.dpoShifted
        return abs(d.dpo) > CatalogTolerance.identityAbsolute(termSum: s)
      }
      cx = Counterexample(inputs: zip(names, small).map { NamedValue($0, $1) },
        detail: "D_DPO = \(MaPPOClaims.shiftDifferences(small)?.dpo ?? .nan)")
    }
    return tally.outcome(
      claim: "DPO gap invariance and MaPPO level dependence", counterexample: cx,
      notes: ["(ii): \(unresolvable) cases unresolvable in float64 (first-order change below 64ε(1 + ℓ)), not judged",
              "\(outside) cases skipped: the shift a > 0 took a log-probability above 0"])
  }

  /// D_X(a) = ℓ_X(log π_w + a, log π_l + a) − ℓ_X(log π_w, log π_l) for DPO and MaPPO, with the
  /// base losses and MaPPO's weight σ(−u); nil when a shifted log-probability exceeds 0.
  static func shiftDifferences(_ x: [Double]) -> (dpo: Double, mappo: Double, dpoBase: Double, dpoShifted: Double, mappoBase: Double, mappoWeight: Double)? {
    let a = x[6]
    guard x[0] + a <= 0, x[1] + a <= 0 else { return nil }
    let base = PreferencePair(logProbChosen: x[0], logProbRejected: x[1], refLogProbChosen: x[2], refLogProbRejected: x[3])
    let shifted = PreferencePair(logProbChosen: x[0] + a, logProbRejected: x[1] + a, refLogProbChosen: x[2], refLogProbRejected: x[3])
    let dpo = DPO(beta: x[4])
    let mappo = MaPPO(beta: x[4])
    let rb = RewardedPreferencePair(base, rewardChosen: x[5], rewardRejected: 0)
    let rs = RewardedPreferencePair(shifted, rewardChosen: x[5], rewardRejected: 0)
    guard let d0 = try? dpo.loss(base), let d1 = try? dpo.loss(shifted),
      let m0 = try? mappo.loss(rb), let m1 = try? mappo.loss(rs)
    else { return nil }
    return (d1 - d0, m1 - m0, d0, d1, m0, sigmoid(-mappo.margin(rb)))
  }
}
