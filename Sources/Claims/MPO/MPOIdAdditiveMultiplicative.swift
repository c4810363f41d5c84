// mpo.wmpo.additive-multiplicative — App. D.2, the paragraph after eq. (16)
// (001_0ef3930bdbd6a134.txt): adding α_w ΔW to the logit (15) is multiplying the base
// strength exp(β r_θ) by w_exp = exp(α_w ΔW) in both sums. The additive form is
// Objectives.WeightedMPOSigned (log-sum-exp); the multiplicative form is evaluated literally in
// float64 (products, two sums, a ratio), on a domain where nothing overflows.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let additiveMultiplicative = Claim(
    id: "mpo.wmpo.additive-multiplicative", paper: .mpo, source: "App. D.2, after eq. (16)",
    kind: .equivalence,
    statement:
      "(16) equals −E log Σ_{𝒴⁺} w_exp(y) e^{βr_θ(y|x)} / Σ_{𝒴^all} w_exp(y') e^{βr_θ(y'|x)}, "
      + "w_exp(y) = exp(α_w ΔW(y))."
  ) { ctx in try additiveMultiplicativeCheck(ctx, multiplicative: multiplicativeRatio) }

  /// The multiplicative form, literally: w_exp(y)·e^{βr_θ(y)}, the two sums, the ratio.
  static func multiplicativeRatio(_ x: ScoredResponseSet, beta: Double, alphaW: Double) -> Double {
    let p = x.partition
    var num = 0.0
    var den = 0.0
    for i in 0..<x.count {
      let term = exp(alphaW * p.deviations[i]) * exp(beta * x.logRatios[i])
      den += term
      if p.positive[i] { num += term }
    }
    return num / den
  }

  /// The check with the multiplicative side injectable (mutation tests).
  static func additiveMultiplicativeCheck(
    _ ctx: CheckContext, multiplicative: (ScoredResponseSet, Double, Double) -> Double
  ) throws -> CheckOutcome {
    let betas = [0.01, 0.1, 1]
    let alphas = [-1, 0.01, 0.1, 1, 10]
    var r = ctx.stream("mpo.wmpo.additive-multiplicative")
    var tally = Tally()
    var smallest = MPOIdSmallest()
    var skipped = 0
    for i in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let n = r.uniformInt(in: 2...16)
      let kind: MPOId.ScoreKind = i % 2 == 0 ? .normal : .likert
      let (x, sk) = MPOId.scoredSet(&r, n: n, kind: kind, logProbRange: 100)
      skipped += sk
      let (beta, bi) = MPOId.pick(&r, betas)
      let (alpha, ai) = MPOId.pick(&r, alphas)
      let w = WeightedMPOSigned(beta: beta, alphaW: alpha)
      let additive = exp(try w.logSetProbability(x))
      let mult = multiplicative(x, beta, alpha)
      let maxLogit = try w.logits(x).logits.reduce(0) { max($0, abs($1)) }
      let allowed = 16 * MPOId.eps * (Double(n) + maxLogit)
      let rel = abs(mult - additive) / additive
      let inputs = MPOId.describe(x) + [NamedValue("β", beta), NamedValue("α_w", alpha)]
      let ok = rel <= allowed
      tally.record(
        "relative difference of the two ratios", passed: ok, residual: rel.isNaN ? .infinity : rel,
        allowed: allowed,
        reason: "16ε(N_x + max|βr + α_wΔW|): summation rounding plus e^{a+b} against e^a·e^b",
        inputs: inputs, detail: "additive (LSE) ratio = \(additive), multiplicative ratio = \(mult)"
      )
      if !ok {
        smallest.offer(
          key: [Double(n), Double(ai), Double(bi)],
          Counterexample(
            inputs: inputs,
            detail: "additive ratio = \(additive), multiplicative ratio = \(mult), "
              + "relative difference \(rel) > \(allowed)", residual: rel, tolerance: allowed))
      }
    }
    return tally.outcome(
      claim: "additive logits (15) = multiplicative weights", counterexample: smallest.example,
      notes: ["\(skipped) draws with 𝒴⁺ = ∅ were skipped (Algorithm 2)"])
  }
}
