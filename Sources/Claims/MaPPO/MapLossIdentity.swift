// mappo.map-loss-identity — §4.1 eq. (6): −log σ(a − b) − log p(r_φ) = −log σ(a − Δr·b),
// with p(r_φ) from eq. (5). Tested per example (a one-example dataset is a valid
// counterexample).
import Analytic
import Numerics

extension MaPPOClaims {
  static let mapLossIdentity = Claim(
    id: "mappo.map-loss-identity", paper: .mappo, source: "§4.1 eq. (6), second line = third line",
    kind: .identity,
    statement: "−log σ(r_φ(y_w) − r_φ(y_l)) − log p(r_φ) = −log σ(r_φ(y_w) − Δr·r_φ(y_l)), p(r_φ) from eq. (5)."
  ) { ctx in
    let strata = MaPPOClaims.priorStrata(count: 100_000)
    let sweep = IdentitySweep.run(
      ctx, claim: "eq. (6) line 2 = line 3", names: ["a", "b", "Δr"], strata: strata
    ) { x in
      let lhs = MaPPORewardLevel.mapLossSum(a: x[0], b: x[1], deltaR: x[2])
      let rhs = MaPPORewardLevel.mapLossClosed(a: x[0], b: x[1], deltaR: x[2])
      let terms = abs(MaPPORewardLevel.mleLoss(a: x[0], b: x[1])) + abs(logSumExp(x[0], x[2] * x[1]))
        + abs(logSumExp(x[0], x[1])) + abs(rhs)
      return IdentitySides(lhs: lhs, rhs: rhs, termSum: terms)
    }
    // The report gives max |LHS − RHS| on the endpoint sets Δr = 0, Δr = 1 and b = 0.
    var notes: [String] = []
    var r = ctx.stream("endpoint sets")
    for (label, fix) in [("Δr = 0", 0), ("Δr = 1", 1), ("b = 0", 2)] {
      var worst = 0.0
      for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
        var a = Strata.uniform(&r, -20, 20)
        var b = Strata.uniform(&r, -20, 20)
        var d = r.uniform()
        if fix == 0 { d = 0 } else if fix == 1 { d = 1 } else { b = 0 }
        if fix == 2 { a = Strata.uniform(&r, -20, 20) }
        worst = max(worst, abs(MaPPORewardLevel.mapLossSum(a: a, b: b, deltaR: d)
          - MaPPORewardLevel.mapLossClosed(a: a, b: b, deltaR: d)))
      }
      notes.append("max |LHS − RHS| on the endpoint set \(label): \(worst)")
    }
    var out = sweep
    out.notes += notes
    return out
  }

  /// Strata A (a, b ∈ [0, 1]) and B (a, b ∈ [−20, 20]) of mappo.prior-in-unit-interval:
  /// Δr uniform on [0, 1] with 5 % at 0 and 5 % at 1, and 5 % of cases with b = 0.
  static func priorStrata(count: Int) -> [SweepStratum] {
    func draw(_ lo: Double, _ hi: Double) -> (inout RandomStream) -> [Double] {
      { r in
        let a = Strata.uniform(&r, lo, hi)
        var b = Strata.uniform(&r, lo, hi)
        if r.uniform() < 0.05 { b = 0 }
        return [a, b, Strata.deltaR(&r)]
      }
    }
    return [
      SweepStratum("A: a, b ∈ [0, 1]", count: count, endpoints: [[0, 1], [0, 1], [0, 1]], draw: draw(0, 1)),
      SweepStratum("B: a, b ∈ [−20, 20]", count: count, endpoints: [[-20, 20], [-20, 20], [0, 1]], draw: draw(-20, 20)),
    ]
  }
}
