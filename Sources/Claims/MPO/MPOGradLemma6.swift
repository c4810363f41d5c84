// mpo.lemma6.weighted-gradient — 001_0ef3930bdbd6a134.txt App. G.2 Lemma 6, eqs. (40)–(51):
// ∂L_weighted/∂s_i = p_i^weighted − p_i^pos; (51) p_i^weighted on Y⁻; (48)
// w_i e^{s_i}(1/Z − 𝕀/A); the derived form for eq. (8), ∂ℒ/∂r = β(p^weighted − p^pos) with
// w = e^{α_w ΔW_abs}; and the two signs of the proof (> 0 on Y⁻, < 0 on Y⁺ "since Z ≥ A"),
// judged on dual-number values with §0.13's tie rule.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  typealias WeightedFormula = @Sendable ([Double], [Double], [Bool]) -> [Double]

  static let lemma6WeightedGradient = Claim(
    id: "mpo.lemma6.weighted-gradient", paper: .mpo, source: "App. G.2 Lemma 6, eq. (40)–(51)",
    kind: .gradientIdentity,
    statement: "∂L_weighted/∂s_θ(y_i|x) = p_i^weighted − p_i^pos; = p_i^weighted on Y⁻ (51); "
      + "= w_i e^{s_i}(1/Z − 𝕀_{Y⁺}/A) (48); for (8) ∂ℒ/∂r_θ(y_i) = β(p_i^weighted − p_i^pos); "
      + "positive on Y⁻, negative on Y⁺ since Z ≥ A."
  ) { ctx in
    try lemma6Check(ctx, eq40: { MPOGradLemmas.weightedGradient(scores: $0, weights: $1, positive: $2) })
  }

  static func lemma6Check(_ ctx: CheckContext, eq40: WeightedFormula) throws -> CheckOutcome {
    var tally = Tally()
    var ties = (neg: 0, pos: 0)
    var signCases = (neg: 0, pos: 0)
    let n = ctx.count(full: 10_000, quick: 150)
    func maxDiff(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { abs($0 - $1) }.max() ?? 0 }
    for i in 0..<n {
      let x = MPOGradInputs.instance(ctx, i)
      let s = x.scores
      let g = MPOGradReference.weightedGradient(s, logWeights: x.logWeights, positive: x.positive)
      let scale = 1 + (g.map { abs($0) }.max() ?? 0)
      let tol = Tolerance(absolute: 1e-12 * scale, relative: 0, reason: "1e-12(1 + max|g|), catalog")
      let f40 = eq40(s, x.weights, x.positive)
      tally.record("(40) vs dual numbers", residual: maxDiff(f40, g), tolerance: tol,
        inputs: x.inputs, detail: "(40) \(f40) vs dual \(g)")
      let f48 = MPOGradLemmas.weightedGradientEq48(scores: s, weights: x.weights, positive: x.positive)
      tally.record("(48) vs dual numbers", residual: maxDiff(f48, g), tolerance: tol,
        inputs: x.inputs, detail: "(48) \(f48) vs dual \(g)")
      let f51 = MPOGradLemmas.weightedGradientEq51(scores: s, weights: x.weights, positive: x.positive)
      let d51 = zip(f51, g).compactMap { a, b in a.map { abs($0 - b) } }.max() ?? 0
      tally.record("(51) vs dual numbers (Y⁻)", residual: d51, tolerance: tol, inputs: x.inputs,
        detail: "(51) off by \(d51)")
      let obj = WeightedMPOG1(alpha: x.alpha)
      let set = MPOGradInputs.scoredSet(scores: s, quality: x.quality)
      let og = Array(try obj.gradient(set).prefix(x.k))
      tally.record("(40) vs Objectives.WeightedMPOG1 gradient", residual: maxDiff(f40, og),
        tolerance: tol, inputs: x.inputs, detail: "(40) \(f40) vs objective \(og)")
      // Central differences of the objective's loss, h = 1e-6 (§0.13).
      let lv = try obj.loss(set)
      var worst = (res: 0.0, allowed: 1.0)
      for j in s.indices {
        var sp = s
        var sm = s
        sp[j] += 1e-6
        sm[j] -= 1e-6
        let fd = (try obj.loss(MPOGradInputs.scoredSet(scores: sp, quality: x.quality))
          - (try obj.loss(MPOGradInputs.scoredSet(scores: sm, quality: x.quality)))) / 2e-6
        let allowed = 1e-6 * (1 + abs(f40[j])) + 1e-9 * abs(lv)
        if abs(fd - f40[j]) / allowed > worst.res / worst.allowed { worst = (abs(fd - f40[j]), allowed) }
      }
      tally.record("(40) vs central differences", passed: worst.res <= worst.allowed,
        residual: worst.res, allowed: worst.allowed, reason: "1e-6(1 + |g|) + 1e-9|L| (§0.13)",
        inputs: x.inputs, detail: "central difference off by \(worst.res)")
      // Derived form for (8): W-MPO abs with β and α_w = α > 0 (§4.4 requires α_w > 0).
      if x.alpha > 0 {
        let beta = i % 2 == 0 ? 1.0 : 0.1
        let wabs = WeightedMPOAbsolute(beta: beta, alphaW: x.alpha)
        let part = MeanPartition(scores: x.quality)
        let w = part.absoluteDeviations.map { exp(x.alpha * $0) }
        let derived = MPOGradLemmas.wmpoAbsRewardGradient(
          rewards: s, beta: beta, weights: w, positive: part.positive)
        let dual = MPOGradReference.weightedGradient(
          s.map { beta * $0 }, logWeights: w.map { log($0) }, positive: part.positive).map { beta * $0 }
        let wg = Array(try wabs.gradient(set).prefix(x.k))
        let t8 = Tolerance(
          absolute: 1e-12 * (1 + (dual.map { abs($0) }.max() ?? 0)), relative: 0,
          reason: "1e-12(1 + max|g|), catalog")
        tally.record("derived form for (8) vs dual numbers", residual: maxDiff(derived, dual),
          tolerance: t8, inputs: x.inputs + [NamedValue("beta", beta)], detail: "derived \(derived) vs dual \(dual)")
        tally.record("derived form for (8) vs Objectives.WeightedMPOAbsolute", residual: maxDiff(derived, wg),
          tolerance: t8, inputs: x.inputs + [NamedValue("beta", beta)], detail: "derived \(derived) vs objective \(wg)")
      }
      // The two signs, on the dual-number values, ties within the tolerance (§0.13).
      for j in s.indices {
        if x.positive[j] {
          if abs(g[j]) <= tol.absolute { ties.pos += 1; continue }
          signCases.pos += 1
          tally.record("sign < 0 on Y⁺", passed: g[j] < 0, residual: max(0, g[j]),
            allowed: tol.absolute, reason: "tie rule §0.13",
            inputs: x.inputs + [NamedValue("i", Double(j))], detail: "∂L/∂s_i = \(g[j]) > 0 for a positive")
        } else {
          if abs(g[j]) <= tol.absolute { ties.neg += 1; continue }
          signCases.neg += 1
          tally.record("sign > 0 on Y⁻", passed: g[j] > 0, residual: max(0, -g[j]),
            allowed: tol.absolute, reason: "tie rule §0.13",
            inputs: x.inputs + [NamedValue("i", Double(j))], detail: "∂L/∂s_i = \(g[j]) < 0 for a negative")
        }
      }
    }
    return tally.outcome(
      claim: "Lemma 6 (40), (48), (51), derived (8), signs on GRAD-IN",
      notes: ["sign ties (|g| ≤ tolerance, not counterexamples): \(ties.pos) positives, \(ties.neg) "
        + "negatives; strict sign cases: \(signCases.pos) positives, \(signCases.neg) negatives",
        "the derived (8) form is checked on the instances with α > 0 (§4.4: α_w > 0), β ∈ {1, 0.1} alternating"])
  }
}
