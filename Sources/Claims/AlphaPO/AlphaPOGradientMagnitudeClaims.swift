// alphapo.gradient-magnitude-eq6 and alphapo.gradient-factorization-t1t2
// (003_5c1a521bcc07b90e.txt §3.3 eqs. 6–8), on model M1 (claims/alphapo.md §2.7) and on
// default draws.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// One M1 case: the loss along θ + v·u and the example of eqs. (6)–(8) at v = 0.
  struct M1Case {
    var loss: (Double) -> Double
    var example: AlphaPOExample
    var inputs: [NamedValue]
  }

  static func m1Case(_ m: AlphaPOM1Draw, alpha: Double, beta: Double, gamma: Double) -> M1Case {
    let (lw, gw) = m.model.logProbability(m.theta, m.yw)
    let (ll, gl) = m.model.logProbability(m.theta, m.yl)
    let dw = zip(gw, m.u).reduce(0) { $0 + $1.0 * $1.1 }
    let dl = zip(gl, m.u).reduce(0) { $0 + $1.0 * $1.1 }
    let nw = m.yw.count
    let nl = m.yl.count
    let fw = m.model.logProbabilityAlong(m.theta, m.u, m.yw)
    let fl = m.model.logProbabilityAlong(m.theta, m.u, m.yl)
    let loss: (Double) -> Double = { v in
      let pair = PreferencePair(
        logProbChosen: fw(v), logProbRejected: fl(v), refLogProbChosen: 0,
        refLogProbRejected: 0, lengthChosen: nw, lengthRejected: nl)
      if alpha == 0 { return (try? SimPO(beta: beta, gamma: gamma).loss(pair)) ?? .nan }
      return (try? AlphaPO(alpha: alpha, beta: beta, gamma: gamma).loss(pair)) ?? .nan
    }
    let e = AlphaPOExample(logPiW: lw, lenW: nw, gW: dw, logPiL: ll, lenL: nl, gL: dl, beta: beta, gamma: gamma)
    let inputs = [
      NamedValue("log π_w", lw), NamedValue("|y_w|", Double(nw)), NamedValue("log π_l", ll),
      NamedValue("|y_l|", Double(nl)), NamedValue("∂log π_w/∂v", dw), NamedValue("∂log π_l/∂v", dl),
      NamedValue("β", beta), NamedValue("γ", gamma), NamedValue("α", alpha),
    ]
    return M1Case(loss: loss, example: e, inputs: inputs)
  }

  /// The M1 comparison of |FD ∂ℓ/∂v| with `formula` (eq. 6 or T₁T₂), FD rule with retries.
  static func m1GradientTally(
    _ ctx: CheckContext, label: String, into tally: inout Tally,
    formula: (AlphaPOExample, Double) -> Double
  ) throws {
    var r = ctx.stream("m1")
    // Reading: 1,000 of the catalog's 3,000 M1 draws in full mode (10 α each), to keep the
    // full AlphaPO run within its one-minute budget in a debug build.
    for i in 0..<ctx.count(full: 1_000, quick: 100) {
      let m = AlphaPOM1Draw.draw(&r)
      let beta = Strata.logUniform(&r, 0.1, 10)
      let gamma = Strata.uniform(&r, 0, 5)
      let a0 = Strata.uniform(&r, -10, 10)
      for a in [a0] + alphaPOFixedAlphas {
        let c = m1Case(m, alpha: a, beta: beta, gamma: gamma)
        // Where the linear form underflows (|∂ℓ/∂v| < 1e-300, e.g. ℓ′ = −1/(1 + e^{722})), the
        // same equations are evaluated by the log-space recipe of §2.3.
        let lin = formula(c.example, a)
        let rhs = lin >= 1e-300 ? lin : exp(AlphaPOGradientLogSpace.evaluate(c.example, alpha: a).lambda)
        let res = try AlphaPOTolerance.fdRule(c.loss, at: 0, step: 1e-3) { e in
          (abs(abs(e.value) - rhs), AlphaPOTolerance.finiteDifference(abserr: e.error, value: rhs).absolute)
        }
        tally.record(
          label, passed: res.passed, residual: res.residual, allowed: res.tolerance,
          reason: "§2.4 FD rule (h = 1e-3, retried at h/10, h/100)", inputs: c.inputs,
          detail: "M1 draw \(i): |FD| vs \(rhs)")
      }
    }
  }

  static let gradientMagnitudeEq6 = Claim(
    id: "alphapo.gradient-magnitude-eq6", paper: .alphapo, source: "§3.3, eq. (6)",
    kind: .gradientIdentity,
    statement: "|∂ℓ/∂v| = |ℓ′(δr − γ)|·|r′_w ∂π_w/∂v − r′_l ∂π_l/∂v|."
  ) { ctx in
    var tally = Tally()
    try m1GradientTally(ctx, label: "M1: |FD| vs (6)", into: &tally) {
      AlphaPOGradientFactors.gradientMagnitudeEq6($0, alpha: $1)
    }
    return tally.outcome(
      claim: "eq. (6) = |FD ∂ℓ/∂v| on M1",
      notes: ["δr inside ℓ′ is evaluated as (β/α)e^{αc_w}expm1(α(c_l − c_w)), algebraically the "
        + "printed bracket, so α = ±1e-8 is not lost to cancellation"])
  }

  static let gradientFactorizationT1T2 = Claim(
    id: "alphapo.gradient-factorization-t1t2", paper: .alphapo, source: "§3.3, eqs. (7)–(8)",
    kind: .gradientIdentity,
    statement: "T₁(α)T₂(α) with (7), (8) equals (6); in particular T₁ = β|ℓ′(δr − γ)|."
  ) { ctx in
    var tally = Tally()
    let eps = Double.ulpOfOne
    var r = ctx.stream("draws")
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let d = AlphaPODraw.draw(&r)
      for a in [d.alpha] + alphaPOFixedAlphas {
        let e = d.example
        var dd = d
        dd.alpha = a
        if abs(a * e.cw) > 700 || abs(a * e.cl) > 700 { continue }
        let z = AlphaPOGradientFactors.deltaRStable(e, alpha: a) - e.gamma
        let lp = AlphaPOGradientFactors.lossDerivative(z)
        let t1 = AlphaPOGradientFactors.t1(e, alpha: a)
        let prod = t1 * AlphaPOGradientFactors.t2(e, alpha: a)
        let six = AlphaPOGradientFactors.gradientMagnitudeEq6(e, alpha: a)
        let tol = 32 * eps * abs(lp) * (e.beta * exp(a * e.cw) * abs(e.aw) + e.beta * exp(a * e.cl) * abs(e.al))
          + 32 * eps * (1 + abs(z)) * six
        if !tol.isFinite { continue }
        tally.record("(a) T₁T₂ vs (6)", residual: abs(prod - six), tolerance: Tolerance(
          absolute: tol, relative: 0, reason: "catalog (a): 32ε|ℓ′|(βe^{αc_w}|A_w| + βe^{αc_l}|A_l|) + 32ε(1+|z|)·(6)"),
          inputs: dd.inputs, detail: "T₁T₂ = \(prod), (6) = \(six)")
        let t1b = e.beta / (1 + exp(z))
        tally.record("(a) T₁ vs β/(1+e^z)", residual: abs(t1 - t1b), tolerance: Tolerance(
          absolute: 16 * eps * (1 + abs(z)) * t1b, relative: 0, reason: "relative 16ε(1+|z|)"),
          inputs: dd.inputs, detail: "T₁ = \(t1), β/(1+e^z) = \(t1b)")
      }
    }
    try m1GradientTally(ctx, label: "(b) M1: |FD| vs T₁T₂", into: &tally) {
      AlphaPOGradientFactors.t1($0, alpha: $1) * AlphaPOGradientFactors.t2($0, alpha: $1)
    }
    return tally.outcome(claim: "T₁T₂ = (6) (algebraic) and = |FD ∂ℓ/∂v| on M1")
  }
}
