// mappo.gradient-formula — §4.2 eq. (13) (= App. A eqs. 21, 27): ∇L_MaP = E[−β(1 − σ(u))
// (∇log π_θ(y_w) − Δr ∇log π_θ(y_l))], and the weight 1 − σ(u) decreases as u increases.
// The printed formula (Analytic.MaPPOGradientAnalysis) is compared with finite differences
// of the loss (8) (the MaPPO objective lifted to the model), never with the objective's own
// analytic gradient.
import Analytic
import Numerics
import Objectives

extension MaPPOClaims {
  static let gradientFormula = Claim(
    id: "mappo.gradient-formula", paper: .mappo, source: "§4.2 eq. (13); App. A eqs. (21), (27)",
    kind: .gradientIdentity,
    statement: "∇L_MaP(θ) = E[−β(1 − σ(u))(∇log π_θ(y_w) − Δr ∇log π_θ(y_l))]; the weight 1 − σ(u) decreases as u increases."
  ) { ctx in
    // (a) T2.
    var t2 = Tally()
    var r = ctx.stream("mappo.gradient-formula/T2")
    for i in 0..<ctx.count(full: 1000, quick: 100) {
      let d = Strata.integer(&r, 2...16)
      let k = Strata.integer(&r, 4...64)
      let s = Strata.uniform(&r, 0.1, 3)
      let model = LinearSoftmax(responses: k, dimension: d, random: &r)
      let theta = (0..<d).map { _ in s * r.gaussian() }
      let thetaRef = (0..<d).map { _ in s * r.gaussian() }
      let beta = Strata.beta(&r)
      let ref = model.logProbabilities(thetaRef)
      let pairs = (0..<Strata.integer(&r, 1...16)).map { _ -> ModelPair<Int> in
        let w = Strata.integer(&r, 0...(k - 1))
        var l = Strata.integer(&r, 0...(k - 2))
        if l >= w { l += 1 }
        return ModelPair(chosen: w, rejected: l, refLogProbChosen: ref[w], refLogProbRejected: ref[l], deltaR: Strata.deltaR(&r))
      }
      try MaPPOClaims.compareEq13(
        &t2, "T2 (d ∈ 2..16, K ∈ 4..64)", instance: i, data: PairDataset(model: model, pairs: pairs), theta: theta, beta: beta, random: &r)
    }
    // (b) A1 with the FD rule's budget.
    var r2 = ctx.stream("mappo.gradient-formula/A1")
    for i in 0..<ctx.count(full: 200, quick: 10) {
      let v = Strata.integer(&r2, 4...32)
      let yw = (0..<Strata.length(&r2)).map { _ in Strata.integer(&r2, 0...(v - 1)) }
      let yl = (0..<Strata.length(&r2)).map { _ in Strata.integer(&r2, 0...(v - 1)) }
      let model = AutoregressiveTabular(vocabulary: v, sequences: [yw, yl])
      let theta = (0..<model.parameterCount).map { _ in r2.gaussian() }
      let thetaRef = (0..<model.parameterCount).map { _ in r2.gaussian() }
      let pair = ModelPair(
        chosen: yw, rejected: yl, refLogProbChosen: model.logProbability(thetaRef, yw),
        refLogProbRejected: model.logProbability(thetaRef, yl), deltaR: Strata.deltaR(&r2))
      try MaPPOClaims.compareEq13(
        &t2, "A1 (lengths 1–512, V ∈ 4..32)", instance: i, data: PairDataset(model: model, pairs: [pair]), theta: theta,
        beta: Strata.beta(&r2), random: &r2)
    }
    let ab = t2.outcome(claim: "eq. (13) against finite differences of eq. (8)")
    // (c) Weight monotonicity on 10⁵ equispaced u in [−700, 700].
    var mono = Tally()
    let n = 100_000
    var previous = MaPPOGradientAnalysis.weight(margin: -700)
    for j in 1..<n {
      let u = -700 + 1400 * Double(j) / Double(n - 1)
      let w = MaPPOGradientAnalysis.weight(margin: u)
      let inputs = [NamedValue("u", u)]
      mono.record("non-increasing on [−700, 700]", passed: w <= previous, inputs: inputs, detail: "σ(−u) rose from \(previous) to \(w)")
      if abs(u) <= 30 {
        mono.record("strictly decreasing on |u| ≤ 30", passed: w < previous, inputs: inputs, detail: "σ(−u) did not decrease: \(previous) → \(w)")
      }
      previous = w
    }
    return combineParts([("(a)–(b) gradient formula", ab), ("(c) weight monotonicity", mono.outcome(claim: "1 − σ(u) decreasing"))])
  }

  /// Compares eq. (13) averaged over the dataset with the FD rule applied to L(θ).
  static func compareEq13<M: PolicyModel>(
    _ tally: inout Tally, _ cls: String, instance: Int, data: PairDataset<M>, theta: [Double], beta: Double,
    random r: inout RandomStream
  ) throws {
    let lossFn: PairLossFunction<M.Response> = mappoPairLoss(beta: beta)
    var printed = [Double](repeating: 0, count: theta.count)
    for p in data.pairs {
      let lw = data.model.logProbability(theta, p.chosen)
      let ll = data.model.logProbability(theta, p.rejected)
      let u = MaPPOGradientAnalysis.margin(
        beta: beta, logRatioChosen: lw - p.refLogProbChosen, logRatioRejected: ll - p.refLogProbRejected, deltaR: p.deltaR)
      let g = MaPPOGradientAnalysis.perExampleGradient(
        beta: beta, margin: u, deltaR: p.deltaR, scoreChosen: data.model.score(theta, p.chosen),
        scoreRejected: data.model.score(theta, p.rejected))
      for j in printed.indices { printed[j] += g[j] / Double(data.pairs.count) }
    }
    // The FD rule with the rounding of the sequence log-probabilities (see recordFDComparison).
    try recordFDComparison(
      &tally, cls, instance: instance, beta: beta, data: data, theta: theta, loss: lossFn, claimed: printed,
      what: "eq. (13)",
      inputRounding: { p, lw, ll in
        beta * (1 + abs(p.deltaR)) * Double.ulpOfOne
          * (abs(lw) + abs(ll) + abs(p.refLogProbChosen) + abs(p.refLogProbRejected))
      }, random: &r)
  }
}
