// pro.rlhf-sg-gradient — App. C: ∇_θ L_RLHF equals the θ-gradient of the stop-gradient
// surrogate (27) (sg factors frozen), and (29): ∇_θ βD_KL(π_θ‖π_ref) = βE_{π_θ}[log(π_θ/π_ref)
// ∇_θ log π_θ]. Both analytic forms (Objectives PRORLHF) against gsl_deriv_central of L_RLHF
// and of βD_KL (T-fd). Control: (27) differentiated through its sg on the log-ratio.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  static let rlhfSGGradient = Claim(
    id: "pro.rlhf-sg-gradient", paper: .pro, source: "App. C, Eqs. (27) and (29)",
    kind: .gradientIdentity,
    statement: "∇_θ L_RLHF equals the gradient of (27) with the sg(·) factors held fixed; "
      + "∇_θ βD_KL(π_θ‖π_ref) = βE_{π_θ}[log(π_θ/π_ref)∇_θ log π_θ].",
    provenance: .reconstructed("the form of (27) is uncertain; (29) reconstructed; PRO-formulas.md §7")
  ) { ctx in try rlhfOutcome(ctx) }

  /// The check with the surrogate gradient injectable (the control differentiates through sg).
  static func rlhfOutcome(
    _ ctx: CheckContext,
    surrogate: @escaping @Sendable (PRORLHF, PRORLHF.Input) throws -> [Double] = {
      try $0.surrogateGradient($1)
    }
  ) throws -> CheckOutcome {
    let id = "pro.rlhf-sg-gradient"
    let count = ctx.count(full: 1000, quick: 60)
    var tally = Tally()
    var controlFailures = 0
    for j in 0..<count {
      var r = ctx.stream(id, index: UInt64(j))
      let n = 2 + j % 9
      let beta = PROExInstances.beta(&r, case: j)
      let tau = [0.1, 1, 5, 20][j % 4]
      let sigmaR = j % 2 == 0 ? 1.0 : 10.0
      let x = PRORLHF.Input(
        logits: (0..<n).map { _ in tau * r.gaussian() },
        refLogits: PROExInstances.fullSupport(&r, n: n, a: PROExInstances.concentration(j))
          .map { log($0) },
        rewards: (0..<n).map { _ in sigmaR * r.gaussian() })
      let obj = PRORLHF(beta: beta)
      let g27 = try surrogate(obj, x)
      let g29 = try obj.klGradientEq29(x)
      let u = logSoftmax(x.logits)
      let v = logSoftmax(x.refLogits)
      // T-round(g): N = 2n terms, S = Σ π(|r| + β(|u| + |v|) + β), doubled for the logit
      // chain rule.
      var s = 0.0
      for y in 0..<n { s += exp(u[y]) * (abs(x.rewards[y]) + beta * (abs(u[y]) + abs(v[y]) + 1)) }
      let round = PROExTolerance.round(terms: 2 * n, sum: 2 * s)
      // T-round(f): the same terms at value level, C from u = θ − logSumExp(θ) (|θ| + |lse|).
      let lse = logSumExp(x.logits)
      var cf = 0.0
      for y in 0..<n {
        cf += exp(u[y]) * (abs(x.rewards[y]) + beta * (1 + abs(u[y] - v[y])))
          * (abs(x.logits[y]) + abs(lse))
      }
      let fRound = PROExTolerance.round(terms: 2 * n, sum: s, conditioning: cf).absolute
      let control: [Double] = u.indices.map { y in
        exp(u[y]) * (-x.rewards[y] + beta * (2 * u[y] - v[y]))
      }
      let total = control.reduce(0, +)
      let gControl = u.indices.map { control[$0] - exp(u[$0]) * total }
      var controlFailed = false
      for k in 0..<n {
        func fd(_ f: @escaping (PRORLHF.Input) throws -> Double) throws -> Estimate {
          var z = x.logits
          return try Derivative.derivative(
            of: { t in
              z[k] = t
              var y = x
              y.logits = z
              return (try? f(y)) ?? .nan
            }, at: x.logits[k], method: .central,
            step: CatalogTolerance.finiteDifferenceStep(x.logits[k]))
        }
        let eL = try fd { try obj.loss($0) }
        let eK = try fd { try obj.klTerm($0) }
        let inputs =
          [NamedValue("case", Double(j)), NamedValue("beta", beta), NamedValue("k", Double(k))]
          + x.logits.enumerated().map { NamedValue("theta[\($0)]", $1) }
          + x.refLogits.enumerated().map { NamedValue("thetaRef[\($0)]", $1) }
          + x.rewards.enumerated().map { NamedValue("r[\($0)]", $1) }
        let h = CatalogTolerance.finiteDifferenceStep(x.logits[k])
        let tL = PROExTolerance.finiteDifference(
          abserr: eL.error, gradientRound: round.absolute, valueRound: fRound, step: h)
        tally.record(
          "(27): sg-surrogate gradient = FD of L_RLHF", residual: abs(g27[k] - eL.value),
          tolerance: tL, inputs: inputs, detail: "(27) gives \(g27[k]), FD \(eL.value) ± \(eL.error)")
        let tK = PROExTolerance.finiteDifference(
          abserr: eK.error, gradientRound: round.absolute, valueRound: fRound, step: h)
        tally.record(
          "(29) = FD of βD_KL", residual: abs(g29[k] - eK.value), tolerance: tK, inputs: inputs,
          detail: "(29) gives \(g29[k]), FD \(eK.value) ± \(eK.error)")
        if abs(gControl[k] - eL.value) > tL.absolute { controlFailed = true }
      }
      if controlFailed { controlFailures += 1 }
    }
    var out = tally.outcome(
      claim: "(27) and (29) against finite differences, on the reconstructed forms "
        + "(PRO-formulas.md §7)",
      notes: [
        "reading: T-fd adds T-round(f)/h, the rounding of each loss evaluation over the step "
          + "(GSL's abserr sees only |f|, not the sums and u = θ − logSumExp(θ) behind f)",
        "control ((27) differentiated through sg on the log-ratio) fails on "
        + "\(controlFailures) of \(count) instances"])
    if controlFailures == 0 {
      out.verdict = .inconclusive
      out.summary = "control passed: insensitive; " + out.summary
    }
    return out
  }
}
