// mappo.reduces-to-dpo — §4.2 "Connection with DPO", eq. (12) vs eq. (3): with r_w = 1 and
// r_l = 0 (Δr = 1), MaPPO's eq. (8) is the DPO loss. The DPO values and gradients come from
// the DPO objective's own implementation, which never calls MaPPO (nor the reverse).
import Analytic
import Numerics
import Objectives

extension MaPPOClaims {
  static let reducesToDPO = Claim(
    id: "mappo.reduces-to-dpo", paper: .mappo, source: "§4.2, \"Connection with DPO\", eq. (12) vs eq. (3)",
    kind: .equivalence,
    statement: "With r_w = 1 and r_l = 0 (Δr = 1), eq. (8) becomes the DPO loss (3)."
  ) { ctx in
    // (1) Per example, values and ∂/∂log π_θ(y_w), ∂/∂log π_θ(y_l); Δr = 1.0 − 0.0.
    let perExample = IdentitySweep.run(
      ctx, claim: "ℓ₈(Δr = 1) = ℓ₃ and their partials", names: ["log π_w", "log π_l", "log πref_w", "log πref_l", "β"],
      strata: [
        SweepStratum("moderate log-probabilities", count: 50_000, endpoints: Array(repeating: [0, -50], count: 4) + [[0.01, 10]]) { r in
          (0..<4).map { _ in Strata.logProbModerate(&r) } + [Strata.beta(&r)]
        },
        SweepStratum("extreme log-probabilities", count: 50_000, endpoints: Array(repeating: [0, -1e4], count: 4) + [[0.01, 10]]) { r in
          (0..<4).map { _ in Strata.logProbExtreme(&r) } + [Strata.beta(&r)]
        },
      ]
    ) { x in MaPPOClaims.dpoVersusMaPPO(x, deltaROne: true) }
    // (2) θ-gradients on T2 instances, each loss through its own implementation.
    var tally = Tally()
    var r = ctx.stream("mappo.reduces-to-dpo/T2")
    for _ in 0..<ctx.count(full: 100, quick: 20) {
      let d = Strata.integer(&r, 2...8)
      let k = Strata.integer(&r, 4...32)
      let model = LinearSoftmax(responses: k, dimension: d, random: &r)
      let thetaRef = (0..<d).map { _ in r.gaussian() }
      let theta = (0..<d).map { _ in r.gaussian() }
      let beta = Strata.beta(&r)
      let refLP = model.logProbabilities(thetaRef)
      let pairs = (0..<Strata.integer(&r, 1...16)).map { _ -> ModelPair<Int> in
        let w = Strata.integer(&r, 0...(k - 1))
        var l = Strata.integer(&r, 0...(k - 2))
        if l >= w { l += 1 }
        return ModelPair(chosen: w, rejected: l, refLogProbChosen: refLP[w], refLogProbRejected: refLP[l], deltaR: 1.0 - 0.0)
      }
      let data = PairDataset(model: model, pairs: pairs)
      let gm = try data.gradient(theta, MaPPOClaims.mappoPairLoss(beta: beta))
      let gd = try data.gradient(theta, MaPPOClaims.dpoPairLoss(beta: beta))
      let scoreScale = beta * model.featureDiameter
      for j in gm.indices {
        tally.record(
          "T2 θ-gradients", residual: abs(gm[j] - gd[j]),
          identityTermSum: (abs(gm[j]) + abs(gd[j]) + scoreScale),
          inputs: [NamedValue("d", Double(d)), NamedValue("K", Double(k)), NamedValue("β", beta), NamedValue("component", Double(j))],
          detail: "MaPPO ∂L/∂θ = \(gm[j]), DPO ∂L/∂θ = \(gd[j])")
      }
    }
    let t2 = tally.outcome(claim: "T2 θ-gradients agree")
    // (3) MaP consistency: the prior loss −log p(r_φ) at Δr = 1 is 0.
    let prior = IdentitySweep.run(
      ctx, claim: "−log p(r_φ) = 0 at Δr = 1", names: ["a", "b"],
      strata: [SweepStratum("a, b ∈ [−20, 20]", count: 10_000, endpoints: [[-20, 20], [-20, 20]]) { r in
        [Strata.uniform(&r, -20, 20), Strata.uniform(&r, -20, 20)]
      }]
    ) { x in
      let lp = MaPPORewardLevel.priorLoss(a: x[0], b: x[1], deltaR: 1)
      return IdentitySides(lhs: lp, rhs: 0, termSum: 2 * abs(logSumExp(x[0], x[1])))
    }
    return combineParts([("per example", perExample), ("T2 gradients", t2), ("prior loss at Δr = 1", prior)])
  }

  /// ℓ₈ with Δr = 1 (from rewards 1.0 and 0.0) versus ℓ₃, value and the two policy partials.
  /// Input: (log π_w, log π_l, log πref_w, log πref_l, β).
  static func dpoVersusMaPPO(_ x: [Double], deltaROne: Bool) -> IdentitySides? {
    let pair = PreferencePair(logProbChosen: x[0], logProbRejected: x[1], refLogProbChosen: x[2], refLogProbRejected: x[3])
    let rp = RewardedPreferencePair(pair, rewardChosen: 1.0, rewardRejected: 0.0)
    guard let l8 = try? MaPPO(beta: x[4]).loss(rp), let l3 = try? DPO(beta: x[4]).loss(pair),
      let g8 = try? MaPPO(beta: x[4]).gradient(rp), let g3 = try? DPO(beta: x[4]).gradient(pair)
    else { return nil }
    // Compare value and both partials at once: the largest of the three residuals, each
    // scaled into the value's T_id budget (S covers the margin's terms and the outputs).
    let s = x[4] * (abs(x[0]) + abs(x[1]) + abs(x[2]) + abs(x[3])) + abs(l8) + abs(l3)
    let worst = max(abs(l8 - l3), abs(g8[0] - g3[0]), abs(g8[1] - g3[1]))
    return IdentitySides(lhs: worst, rhs: 0, termSum: s)
  }

  /// MaPPO eq. (8) as a pair loss on a model (Δr from the pair), via the MaPPO objective.
  static func mappoPairLoss<R>(beta: Double) -> PairLossFunction<R> {
    { lw, ll, p in
      let x = RewardedPreferencePair(
        logProbChosen: lw, logProbRejected: ll, refLogProbChosen: p.refLogProbChosen,
        refLogProbRejected: p.refLogProbRejected, rewardChosen: p.deltaR, rewardRejected: 0)
      let m = MaPPO(beta: beta)
      // The objective's loss (which validates x, as gradient(x) would) and its weight
      // w = βσ(−u): gradient(x)[0, 1] = (−w, wΔr) with this same w, without the array.
      let value = try m.loss(x)
      let w = m.gradientWeight(x)
      return (value, -w, w * x.deltaR)
    }
  }

  /// DPO eq. (3) as a pair loss on a model, via the DPO objective.
  static func dpoPairLoss<R>(beta: Double) -> PairLossFunction<R> {
    { lw, ll, p in
      let x = PreferencePair(
        logProbChosen: lw, logProbRejected: ll, refLogProbChosen: p.refLogProbChosen,
        refLogProbRejected: p.refLogProbRejected)
      let m = DPO(beta: beta)
      let g = try m.gradient(x)
      return (try m.loss(x), g[0], g[1])
    }
  }
}
