// mpo.wmpo.outliers-dominate-gradient — §4.4 ("prioritizing informative outliers, which
// consequently dominate the gradient of the loss"; "The additive term … boosts the logit of
// outlier responses"); App. D.1 (001_0ef3930bdbd6a134.txt). Within 𝒴⁺ and within 𝒴⁻, a
// larger |S − S_mean| should give a gradient |∂L/∂r_θ(y)| at least as large; checked per
// variant (8), (16), G.1 and App. K, at r_θ ≡ 0 (base case) and at r_θ ~ N(0, c²).
//
// Reading: the formula variants' gradients are the Objectives' analytic gradients
// (∂ℓ/∂log π_θ(y) = ∂ℓ/∂r_θ(y); FD-verified in Tests/GradientChecks); the App. K code's
// gradient comes from dual numbers through its transcription (MPOIdCodeK).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let outliersDominateGradient = Claim(
    id: "mpo.wmpo.outliers-dominate-gradient", paper: .mpo, source: "§4.4; App. D.1",
    kind: .inequality,
    statement:
      "Within 𝒴⁺ and within 𝒴⁻, a response with a larger deviation |S(y) − S_mean(x)| receives "
        + "a gradient "
      + "of at least as large a magnitude |∂L/∂r_θ(y|x)|."
  ) { ctx in try outliersCheck(ctx, variants: outlierVariants) }

  /// A variant's gradient ∂L/∂r_θ(y_i) at (x, β, α_w).
  struct GradientVariant {
    var name: String
    var gradient: (ScoredResponseSet, Double, Double) throws -> [Double]
  }

  static var outlierVariants: [GradientVariant] {
    [
      GradientVariant(name: "(8) abs") { x, b, a in
        Array(try WeightedMPOAbsolute(beta: b, alphaW: a).gradient(x).prefix(x.count))
      },
      GradientVariant(name: "(16) signed") { x, b, a in
        Array(try WeightedMPOSigned(beta: b, alphaW: a).gradient(x).prefix(x.count))
      },
      GradientVariant(name: "G.1") { x, _, a in
        Array(try WeightedMPOG1(alpha: a).gradient(x).prefix(x.count))
      },
      GradientVariant(name: "App. K code") { x, b, a in
        MPOIdCodeK.rowGradient(
          piLogps: x.logProbs, refLogps: x.refLogProbs, rewards: x.scores, beta: b, alpha: a)
      },
    ]
  }

  /// Ordering violations within each set: pairs (y, y') of the same set with |ΔW(y)| > |ΔW(y')|
  /// and |g_y| < |g_y'|(1 − 1e-12); also whether each set's largest-deviation response has the
  /// largest |g|. Returns (pairs, violations, sets whose top-deviation response is not the top
  /// |g|, the first violating pair).
  static func orderingViolations(_ g: [Double], _ p: MeanPartition) -> (
    pairs: Int, violations: Int, topMisses: Int, worst: (Int, Int)?
  ) {
    var pairs = 0
    var viol = 0
    var misses = 0
    var worst: (Int, Int)?
    let dev = p.absoluteDeviations
    for side in [true, false] {
      let idx = dev.indices.filter { p.positive[$0] == side }
      for i in idx {
        for j in idx where dev[i] > dev[j] {
          pairs += 1
          if abs(g[i]) < abs(g[j]) * (1 - 1e-12) {
            viol += 1
            if worst == nil { worst = (i, j) }
          }
        }
      }
      if let top = idx.max(by: { dev[$0] < dev[$1] }), let topG = idx.map({ abs(g[$0]) }).max(),
        abs(g[top]) < topG * (1 - 1e-12)
      {
        misses += 1
      }
    }
    return (pairs, viol, misses, worst)
  }

  /// The check with the variants injectable (mutation tests).
  static func outliersCheck(_ ctx: CheckContext, variants: [GradientVariant]) throws -> CheckOutcome
  {
    let alphas = [0.1, 1, 10]
    let betas = [0.1, 1]
    let cs = [0.1, 1, 10]
    var r = ctx.stream("mpo.wmpo.outliers-dominate-gradient")
    let nVec = ctx.count(full: 10_000, quick: 300)
    // Per variant: base tally, per-c pair counts, a holding base case and a failing general case.
    var base = [Tally](repeating: Tally(), count: variants.count)
    var genPairs = [[Int]](repeating: [0, 0, 0], count: variants.count)
    var genViol = genPairs
    var genMiss = genPairs
    var genStates = genPairs
    var baseExample = [String?](repeating: nil, count: variants.count)
    var genFail = [String?](repeating: nil, count: variants.count)
    var genFailCx = [Counterexample?](repeating: nil, count: variants.count)
    var baseFailCx = [MPOIdSmallest](repeating: MPOIdSmallest(), count: variants.count)
    for _ in 0..<nVec {
      let n = r.uniformInt(in: 3...16)
      var s = MPOId.scores(&r, n: n, kind: .normal)
      while !MeanPartition(scores: s).positive.contains(true) {
        s = MPOId.scores(&r, n: n, kind: .normal)
      }
      let (alpha, ai) = MPOId.pick(&r, alphas)
      let (beta, bi) = MPOId.pick(&r, betas)
      let ref = (0..<n).map { _ in -100 * r.uniform() - 100 }
      let baseX = ScoredResponseSet(logProbs: ref, refLogProbs: ref, scores: s)
      let p = baseX.partition
      for (vi, v) in variants.enumerated() {
        let g = try v.gradient(baseX, beta, alpha)
        let o = orderingViolations(g, p)
        let describe = { "N = \(n), S = \(s), α_w = \(alpha), β = \(beta), r_θ ≡ 0, g = \(g)" }
        let inputs = { () -> [NamedValue] in
          [NamedValue("N", Double(n)), NamedValue("α_w", alpha), NamedValue("β", beta)]
            + s.enumerated().map { NamedValue("S[\($0)]", $1) }
        }
        base[vi].record(
          "base case r_θ ≡ 0", passed: o.violations == 0, residual: Double(o.violations),
          allowed: 0,
          reason: "ordering |g_y| ≥ |g_y'|(1 − 1e-12)", inputs: inputs(),
          detail: o.worst.map {
            "y\($0.0) (|ΔW| = \(p.absoluteDeviations[$0.0])) has |g| = \(abs(g[$0.0])) < "
              + "|g| = \(abs(g[$0.1])) of y\($0.1) (|ΔW| = \(p.absoluteDeviations[$0.1]))"
          } ?? "")
        if o.violations == 0, baseExample[vi] == nil { baseExample[vi] = describe() }
        if let w = o.worst {
          baseFailCx[vi].offer(
            key: [Double(n), Double(ai), Double(bi)],
            Counterexample(
              inputs: inputs(),
              detail: "r_θ ≡ 0: y\(w.0) (|ΔW| = \(p.absoluteDeviations[w.0])) has |g| = "
                + "\(abs(g[w.0])) < |g| = \(abs(g[w.1])) of y\(w.1) (|ΔW| = "
                + "\(p.absoluteDeviations[w.1]))"
            ))
        }
      }
      for (ci, c) in cs.enumerated() {
        let lp = ref.map { $0 + c * r.gaussian() }.map { min($0, 0) }
        let x = ScoredResponseSet(logProbs: lp, refLogProbs: ref, scores: s)
        for (vi, v) in variants.enumerated() {
          let g = try v.gradient(x, beta, alpha)
          let o = orderingViolations(g, p)
          genPairs[vi][ci] += o.pairs
          genViol[vi][ci] += o.violations
          genMiss[vi][ci] += o.topMisses
          genStates[vi][ci] += 1
          if let w = o.worst, genFail[vi] == nil {
            let rr = x.logRatios
            genFail[vi] =
              "N = \(n), S = \(s), α_w = \(alpha), β = \(beta), c = \(c), r_θ = \(rr): y\(w.0) "
              + "(|ΔW| = \(p.absoluteDeviations[w.0])) has |g| = \(abs(g[w.0])) < |g| = "
              + "\(abs(g[w.1])) of y\(w.1) "
              + "(|ΔW| = \(p.absoluteDeviations[w.1]))"
            genFailCx[vi] = Counterexample(
              inputs: [
                NamedValue("N", Double(n)), NamedValue("α_w", alpha), NamedValue("β", beta),
                NamedValue("c", c),
              ]
                + s.enumerated().map { NamedValue("S[\($0)]", $1) }
                + rr.enumerated().map { NamedValue("r_θ[\($0)]", $1) },
              detail:
                "y\(w.0) (|ΔW| = \(p.absoluteDeviations[w.0])) has |g| = \(abs(g[w.0])) < |g| = "
                  + "\(abs(g[w.1])) "
                + "of y\(w.1) (|ΔW| = \(p.absoluteDeviations[w.1]))")
          }
        }
      }
    }
    var parts: [(name: String, outcome: CheckOutcome)] = []
    for (vi, v) in variants.enumerated() {
      var notes: [String] = []
      for (ci, c) in cs.enumerated() {
        let frac = genPairs[vi][ci] > 0 ? Double(genViol[vi][ci]) / Double(genPairs[vi][ci]) : 0
        notes.append(
          "r_θ ~ N(0, \(formatNumber(c))²): \(genViol[vi][ci]) of \(genPairs[vi][ci]) pairs "
            + "violate the ordering "
            + "(fraction \(format3(frac))); in \(genMiss[vi][ci]) (set, state) cases of "
            + "\(2 * genStates[vi][ci]) the "
            + "largest-deviation response does not have the largest |g|")
      }
      let baseFails = base[vi].failures
      let genFails = genViol[vi].reduce(0, +)
      let outcome: CheckOutcome
      if baseFails > 0 {
        let cx = baseFailCx[vi].example
        outcome = CheckOutcome(
          verdict: .refuted,
          summary:
            "fails at the start of training (r_θ ≡ 0) in \(baseFails) of \(base[vi].cases) "
              + "states; e.g. \(cx?.line ?? "")",
          classes: base[vi].classes, notes: notes, counterexample: cx)
      } else if genFails > 0 {
        let cond = ConditionReport(
          condition: "\(v.name): r_θ ≡ 0 (policy equals reference, the start of training)",
          casesSatisfying: base[vi].cases, holdingCase: baseExample[vi] ?? "",
          failingCase: genFail[vi] ?? "")
        outcome = CheckOutcome(
          verdict: .conditional,
          summary:
            "holds at r_θ ≡ 0 (\(base[vi].cases) states) but fails in general states; e.g. "
              + "\(genFail[vi] ?? "")",
          classes: base[vi].classes, notes: notes, counterexample: genFailCx[vi], conditions: [cond]
        )
      } else {
        outcome = CheckOutcome(
          verdict: .confirmed, summary: "holds at r_θ ≡ 0 and in every general state",
          classes: base[vi].classes,
          notes: notes)
      }
      parts.append((v.name, outcome))
    }
    return combineParts(
      parts,
      notes: [
        "per-variant verdicts: "
          + parts.map { "\($0.name): \($0.outcome.verdict.rawValue)" }.joined(separator: "; ")
      ])
  }
}
