// pipa.pipan.bayes-closed-form (§2.4; Algorithm 1, PIPA-N line 3) and
// pipa.kto.pipan-special-case (App. A.2.1) — PIPA-N's posterior τ(f·g/(p^prior(1 − g))),
// τ(x) = x/(x + 1), against Bayes' rule on the joint, and KTO's σ(h − z) as its special case
// g = 1/(1 + e^z) (paper 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// The bayes-closed-form check with τ as a parameter (a test feeds a wrong τ).
  public static func bayesClosedForm(_ ctx: CheckContext, tau: (Double) -> Double) -> CheckOutcome {
    var tally = Tally()
    let n = ctx.count(full: 100_000, quick: 10_000)
    var r = ctx.stream("pipan.bayes-closed-form")
    var literal = 0
    var log1pForm = 0
    for i in 0..<n {
      let seq = i % 2 == 0
      let lf = seq ? PIPAInputs.sequenceLogProb(&r) : PIPAInputs.tokenLogProb(&r)
      let lp = seq ? PIPAInputs.sequenceLogProb(&r) : PIPAInputs.tokenLogProb(&r)
      let w = PIPAInputs.logitG(&r)
      let lg = logSigmoid(w)
      let lg1 = logSigmoid(-w)
      // Bayes side, from the joint in log space.
      let a = lf + lg
      let b = lp + lg1
      let den = logSumExp(a, b)
      let bayes1 = a - den
      let bayes0 = b - den
      let s = abs(lf) + abs(lp) + abs(lg) + abs(lg1) + abs(den)
      let inputs = [NamedValue("log f", lf), NamedValue("log p_prior", lp), NamedValue("logit g", w)]
      let logX = lf + lg - lp - lg1
      guard abs(logX) <= 700 else { continue }
      // τ side, literally: x = f·g/(p^prior(1 − g)), τ(x) = x/(x + 1).
      let x = exp(lf) * sigmoid(w) / (exp(lp) * sigmoid(-w))
      let t = tau(x)
      let tol1 = CatalogTolerance.identity(termSum: s)
      tally.record(
        "log p(c=1|x,y): log τ(x) vs Bayes", residual: abs(log(t) - bayes1), tolerance: tol1,
        inputs: inputs, detail: "log τ(x) = \(log(t)), Bayes = \(bayes1)")
      if x <= 1e6 {
        literal += 1
        let tol0 = tol1 + Tolerance(absolute: 4 * CatalogTolerance.machineEpsilon * x, relative: 0,
          reason: "conditioning of 1 − τ(x): 4·ε·x")
        tally.record(
          "log p(c=0|x,y): log(1 − τ(x)) literal, x ≤ 1e6", residual: abs(log(1 - t) - bayes0),
          tolerance: tol0, inputs: inputs, detail: "log(1 − τ(x)) = \(log(1 - t)), Bayes = \(bayes0)")
      } else {
        log1pForm += 1
        tally.record(
          "log p(c=0|x,y): −log1p(x), x > 1e6", residual: abs(-log1p(x) - bayes0), tolerance: tol1,
          inputs: inputs, detail: "−log1p(x) = \(-log1p(x)), Bayes = \(bayes0)")
      }
      tally.record(
        "both probabilities in [0, 1]", passed: t >= 0 && t <= 1 && 1 - t >= 0 && 1 - t <= 1,
        inputs: inputs, detail: "τ(x) = \(t)")
    }
    return tally.outcome(
      claim: "τ(f·g/(p^prior(1 − g))) is the Bayes posterior",
      notes: ["1 − τ compared literally on \(literal) cases (x ≤ 1e6) and as −log1p(x) on \(log1pForm)"])
  }

  static let pipanBayesClosedForm = Claim(
    id: "pipa.pipan.bayes-closed-form", paper: .pipa, source: "§2.4; Algorithm 1, PIPA-N line 3",
    kind: .identity,
    statement: "With p(y|x,c=1) = f, p(c=1|x) = g, p(y|x,c=0) = p^prior, Bayes' rule gives "
      + "p(c=1|x,y) = τ(f·g/(p^prior(1 − g))), τ(x) = x/(x + 1), and p(c=0|x,y) = 1 − p(c=1|x,y)."
  ) { ctx in bayesClosedForm(ctx, tau: PIPAN.tau) }

  /// The kto.pipan-special-case check with KTO's class prior as a parameter: `logitPrior(z)`
  /// is the logit of g that the check plugs into PIPA-N (KTO's is −z).
  public static func ktoPipanSpecialCase(_ ctx: CheckContext, logitPrior: (Double) -> Double) -> CheckOutcome {
    let strata = [
      SweepStratum("h, z ∈ token strata", count: 50_000, endpoints: [[-20, 0], [-20, 0], [0, 20], [0, 1]]) { r in
        [PIPAInputs.tokenLogProb(&r), PIPAInputs.tokenLogProb(&r), PIPAInputs.z(&r), r.uniform() < 0.5 ? 0 : 1]
      },
      SweepStratum("h, z ∈ sequence strata", count: 50_000, endpoints: [[-50, 0], [-50, 0], [0, 20], [0, 1]]) { r in
        [PIPAInputs.sequenceLogProb(&r), PIPAInputs.sequenceLogProb(&r), PIPAInputs.z(&r), r.uniform() < 0.5 ? 0 : 1]
      },
    ]
    return IdentitySweep.run(
      ctx, claim: "PIPA-N with g = 1/(1 + e^z) equals KTO's σ(±(h − z))",
      names: ["log f", "log p_prior", "z", "c"], strata: strata
    ) { v in
      let (lf, lp, z) = (v[0], v[1], v[2])
      let c = v[3] >= 0.5 ? 1 : 0
      let w = logitPrior(z)
      // PIPA-N side: log τ(f·g/(p^prior(1 − g))) through the posterior logit, g = σ(w).
      let u = PIPAN.posteriorLogit(logF: lf, logG: logSigmoid(w), logOneMinusG: logSigmoid(-w), logPrior: lp)
      let pipaN = PIPAN.logPosterior(logit: u, label: c)
      // KTO side: the eq. (10) integrand σ(±(h − z)), as a log.
      guard let kto = try? KTOPIPAForm().loss(KTOPIPAInput(logF: lf, logPrior: lp, z: z, label: c)) else {
        return nil
      }
      return IdentitySides(lhs: pipaN, rhs: log(-kto), termSum: abs(lf) + abs(lp) + 2 * abs(z) + abs(pipaN))
    }
  }

  static let ktoPipanSpecialCase = Claim(
    id: "pipa.kto.pipan-special-case", paper: .pipa, source: "App. A.2.1; §2.4", kind: .identity,
    statement: "With g fixed to KTO's class prior 1/(1 + e^z), PIPA-N's τ(f·g/(p^prior(1 − g))) "
      + "equals KTO's σ(h − z)."
  ) { ctx in ktoPipanSpecialCase(ctx, logitPrior: { -$0 }) }
}
