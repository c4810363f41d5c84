// pro.regularizer-gradient-eq30 — App. C, Eq. (30): ∇_θ (α/2)E_{y₁,y₂ ∼̇ µ}[K(r₁ − r₂)] =
// αβ E_{y₁,y₂ ∼̇ µ}[(σ(r₁ − r₂) − ½) ∇_θ log π_θ(y₁)]. The right side is coded from the display
// (σ − ½, ∇ log π(ℋ) through Eq. (6)); the left side is the Objectives PRO regularizer,
// differentiated by gsl_deriv_central, in the logits of 𝒴 and in free log-probabilities on
// 𝒴_ℋ (T-fd). Control: αβ/2 in place of αβ.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  static let regularizerGradientEq30 = Claim(
    id: "pro.regularizer-gradient-eq30", paper: .pro, source: "App. C, Eq. (30)",
    kind: .gradientIdentity,
    statement: "∇_θ (α/2)E_{y₁,y₂ ∼̇ µ}[K(r_θ(y₁) − r_θ(y₂))] = αβE_{y₁,y₂ ∼̇ µ}[(σ(r_θ(y₁) − "
      + "r_θ(y₂)) − ½)∇_θ log π_θ(y₁)].",
    provenance: .reconstructed("Eq. (30), PRO-formulas.md §7")
  ) { ctx in try eq30Outcome(ctx) }

  /// The right side of (30) in the logits of 𝒴 and in free log-probabilities on 𝒴_ℋ, with the
  /// coefficient `c` (αβ as printed).
  static func eq30RightSide(
    _ x: PROInput, alpha: Double, beta: Double, coefficient c: Double
  ) -> (logits: [Double], free: [Double]) {
    let space = x.space
    let u = logSoftmax(x.logits)
    let p = u.map { exp($0) }
    let ua = space.aggregateLog(u)
    let va = space.aggregateLog(logSoftmax(x.refLogits))
    let mu = space.aggregate(x.mu)
    let m = ua.count
    let r = (0..<m).map { beta * (ua[$0] - va[$0]) }
    var free = [Double](repeating: 0, count: m)
    for e in 0..<m {
      for f in 0..<m { free[e] += c * mu[e] * mu[f] * (sigmoid(r[e] - r[f]) - 0.5) }
    }
    // ∇_θ log π(e) = 1[k ∈ e] π_k/π(e) − π_k.
    var g = [Double](repeating: 0, count: x.logits.count)
    for (e, members) in space.elements.enumerated() {
      for k in 0..<g.count {
        let inside = members.contains(k) ? exp(u[k] - ua[e]) : 0
        g[k] += free[e] * (inside - p[k])
      }
    }
    return (g, free)
  }

  static func eq30Outcome(_ ctx: CheckContext, coefficientFactor: Double = 1) throws -> CheckOutcome {
    let id = "pro.regularizer-gradient-eq30"
    let count = ctx.count(full: 1000, quick: 60)
    var tally = Tally()
    var controlFailures = 0
    for j in 0..<count {
      var r = ctx.stream(id, index: UInt64(j))
      let n = 3 + j % 8
      let x0 = PROExPairwiseInstances.draw(&r, case: j, n: n)
      // µ: a full-support Dirichlet on 𝒴 (the regularizer's own distribution).
      let mu = PROExInstances.fullSupport(&r, n: n, a: PROExInstances.concentration(j))
      let x = PROInput(
        logits: x0.logits, refLogits: x0.refLogits, mu: mu, muHat: x0.muHat, scores: x0.scores,
        hyperResponse: j % 2 == 0 ? [x0.hyper[0]] : x0.hyper)
      let alpha = exp(Strata.uniform(&r, log(0.1), log(100)))
      let beta = x0.beta
      let pro = PRO(beta: beta, alpha: alpha)
      let rhs = eq30RightSide(x, alpha: alpha, beta: beta, coefficient: coefficientFactor * alpha * beta)
      let control = eq30RightSide(x, alpha: alpha, beta: beta, coefficient: alpha * beta / 2)
      // T-round(g): N = m² pair terms, each ≤ αβµµ/2 in size, doubled for the chain rule.
      let m = x.space.elements.count
      let round = PROExTolerance.round(terms: m * m + n, sum: alpha * beta)
      // T-round(f) of the regularizer value: m² terms ≥ 0 summing to R; C = Σ αβµµ|K′|·M with
      // M the stored log-probabilities and logits entering each gap.
      let uA = x.space.aggregateLog(logSoftmax(x.logits))
      let vA = x.space.aggregateLog(logSoftmax(x.refLogits))
      let muAgg = x.space.aggregate(mu)
      let lse = logSumExp(x.logits)
      var cf = 0.0
      for e in 0..<m {
        for f in 0..<m {
          cf += 0.5 * alpha * beta * muAgg[e] * muAgg[f]
            * (abs(uA[e]) + abs(vA[e]) + abs(uA[f]) + abs(vA[f]) + 2 * abs(lse))
        }
      }
      let fRound = PROExTolerance.round(
        terms: m * m, sum: try pro.regularizerTerm(x), conditioning: cf).absolute
      let inputs =
        x0.inputs + [NamedValue("alpha", alpha)] + mu.enumerated().map { NamedValue("mu[\($0)]", $1) }
      var failedControl = false
      for k in 0..<n {
        var z = x.logits
        let e = try Derivative.derivative(
          of: { t in
            z[k] = t
            var y = x
            y.logits = z
            return (try? pro.regularizerTerm(y)) ?? .nan
          }, at: x.logits[k], method: .central,
          step: CatalogTolerance.finiteDifferenceStep(x.logits[k]))
        let tol = PROExTolerance.finiteDifference(
          abserr: e.error, gradientRound: round.absolute, valueRound: fRound,
          step: CatalogTolerance.finiteDifferenceStep(x.logits[k]))
        tally.record(
          "logits of 𝒴, |ℋ| \(x.hyperResponse.count == 1 ? "= 1" : "≥ 1")",
          residual: abs(rhs.logits[k] - e.value), tolerance: tol,
          inputs: inputs + [NamedValue("k", Double(k))],
          detail: "(30) right side \(rhs.logits[k]), FD of the left \(e.value) ± \(e.error)")
        if abs(control.logits[k] - e.value) > tol.absolute { failedControl = true }
      }
      // Free log-probabilities on 𝒴_ℋ.
      let space = x.space
      let ua = space.aggregateLog(logSoftmax(x.logits))
      let va = space.aggregateLog(logSoftmax(x.refLogits))
      let muA = space.aggregate(mu)
      let zeros = [Double](repeating: 0, count: m)
      for e0 in 0..<m {
        var w = ua
        let est = try Derivative.derivative(
          of: { t in
            w[e0] = t
            return (try? pro.hyperSpaceTerms(
              logProbs: w, refLogProbs: va, mu: muA, optimizerWeights: zeros).regularizer) ?? .nan
          }, at: ua[e0], method: .central, step: CatalogTolerance.finiteDifferenceStep(ua[e0]))
        let tol = PROExTolerance.finiteDifference(
          abserr: est.error, gradientRound: round.absolute, valueRound: fRound,
          step: CatalogTolerance.finiteDifferenceStep(ua[e0]))
        tally.record(
          "free log-probabilities on 𝒴_ℋ", residual: abs(rhs.free[e0] - est.value), tolerance: tol,
          inputs: inputs + [NamedValue("e", Double(e0))],
          detail: "(30) right side \(rhs.free[e0]), FD \(est.value) ± \(est.error)")
        if abs(control.free[e0] - est.value) > tol.absolute { failedControl = true }
      }
      if failedControl { controlFailures += 1 }
    }
    var out = tally.outcome(
      claim: "Eq. (30) against finite differences of the regularizer, on the reconstructed form "
        + "(PRO-formulas.md §7)",
      notes: [
        "reading: T-fd adds T-round(f)/h, the rounding of each loss evaluation over the step "
          + "(GSL's abserr sees only |f|, not the sums and u = θ − logSumExp(θ) behind f)",
        "control (αβ/2): fails on \(controlFailures) of \(count) instances"])
    if coefficientFactor == 1, controlFailures == 0 {
      out.verdict = .inconclusive
      out.summary = "control passed: insensitive; " + out.summary
    }
    return out
  }
}
