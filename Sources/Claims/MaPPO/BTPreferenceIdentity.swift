// mappo.bt-preference-identity — §4.1 eq. (4): e^{r_w}/(e^{r_w} + e^{r_l}) = 1/(1 + e^{r_l − r_w}).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MaPPOClaims {
  static let btPreferenceIdentity = Claim(
    id: "mappo.bt-preference-identity", paper: .mappo, source: "§4.1, eq. (4)", kind: .identity,
    statement: "p(y_w ≻ y_l | x) = exp(r_w)/(exp(r_w) + exp(r_l)) = 1/(1 + exp(r_l − r_w))."
  ) { ctx in
    func square(_ lo: Double, _ hi: Double) -> (inout RandomStream) -> [Double] {
      { r in [Strata.uniform(&r, lo, hi), Strata.uniform(&r, lo, hi)] }
    }
    let strata = [
      SweepStratum("[0,1]²", count: 45_000, endpoints: [[0, 1], [0, 1]], draw: square(0, 1)),
      SweepStratum("[−20,20]²", count: 50_000, endpoints: [[-20, 20], [-20, 20]], draw: square(-20, 20)),
      SweepStratum("[−800,800]² (naive exp overflows)", count: 5_000, endpoints: [[-800, 800], [-800, 800]],
        draw: square(-800, 800)),
    ]
    // Stable forms against each other, on all strata.
    let stable = IdentitySweep.run(ctx, claim: "stable forms of eq. (4) agree", names: ["r_w", "r_l"], strata: strata) { x in
      let a = MaPPORewardLevel.logPreferenceSoftmaxForm(rewardChosen: x[0], rewardRejected: x[1])
      let b = MaPPORewardLevel.logPreferenceLogisticForm(rewardChosen: x[0], rewardRejected: x[1])
      return IdentitySides(lhs: a, rhs: b, termSum: abs(x[0]) + abs(x[1]) + abs(a) + abs(b))
    }
    // The printed forms evaluated literally with exp (no overflow in the first two strata),
    // compared with the stable log-probability in log space (S = the two log-probabilities).
    let literalStrata = Array(strata.prefix(2))
    let literalFirst = IdentitySweep.run(ctx, claim: "literal first form = stable", names: ["r_w", "r_l"], strata: literalStrata) { x in
      let lit = log(exp(x[0]) / (exp(x[0]) + exp(x[1])))
      let s = MaPPORewardLevel.logPreferenceLogisticForm(rewardChosen: x[0], rewardRejected: x[1])
      return IdentitySides(lhs: lit, rhs: s, termSum: abs(lit) + abs(s))
    }
    let literalSecond = IdentitySweep.run(ctx, claim: "literal second form = stable", names: ["r_w", "r_l"], strata: literalStrata) { x in
      let lit = log(1 / (1 + exp(x[1] - x[0])))
      let s = MaPPORewardLevel.logPreferenceSoftmaxForm(rewardChosen: x[0], rewardRejected: x[1])
      return IdentitySides(lhs: lit, rhs: s, termSum: abs(lit) + abs(s))
    }
    return combineParts([("stable forms", stable), ("literal first form", literalFirst), ("literal second form", literalSecond)])
  }
}
