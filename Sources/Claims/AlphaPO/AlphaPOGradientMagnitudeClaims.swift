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

  /// The α-independent part of an M1 case: log π, ∂log π/∂v and v ↦ log π(θ + v·u).
  struct M1Base {
    var lw: Double
    var ll: Double
    var dw: Double
    var dl: Double
    var nw: Int
    var nl: Int
    var fw: @Sendable (Double) -> Double
    var fl: @Sendable (Double) -> Double
  }

  static func m1Base(_ m: AlphaPOM1Draw) -> M1Base {
    let (lw, gw) = m.model.logProbability(m.theta, m.yw)
    let (ll, gl) = m.model.logProbability(m.theta, m.yl)
    return M1Base(
      lw: lw, ll: ll, dw: zip(gw, m.u).reduce(0) { $0 + $1.0 * $1.1 },
      dl: zip(gl, m.u).reduce(0) { $0 + $1.0 * $1.1 }, nw: m.yw.count, nl: m.yl.count,
      fw: m.model.logProbabilityAlong(m.theta, m.u, m.yw),
      fl: m.model.logProbabilityAlong(m.theta, m.u, m.yl))
  }

  /// (log π_w, log π_l) at the FD points already evaluated for a draw (they do not depend on
  /// α, so the 10 α of a draw share them).
  final class M1PointCache {
    var values: [Double: (Double, Double)] = [:]
  }

  static func m1Case(
    _ b: M1Base, cache: M1PointCache = M1PointCache(), alpha: Double, beta: Double, gamma: Double
  ) -> M1Case {
    let (lw, ll, dw, dl, nw, nl, fw, fl) = (b.lw, b.ll, b.dw, b.dl, b.nw, b.nl, b.fw, b.fl)
    let loss: (Double) -> Double = { v in
      let p: (Double, Double)
      if let c = cache.values[v] {
        p = c
      } else {
        p = (fw(v), fl(v))
        cache.values[v] = p
      }
      let pair = PreferencePair(
        logProbChosen: p.0, logProbRejected: p.1, refLogProbChosen: 0,
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
    // The catalog's 3,000 M1 draws (10 α each); quick mode 10× fewer.
    for i in 0..<ctx.count(full: 3_000, quick: 300) {
      let m = AlphaPOM1Draw.draw(&r)
      let beta = Strata.logUniform(&r, 0.1, 10)
      let gamma = Strata.uniform(&r, 0, 5)
      let a0 = Strata.uniform(&r, -10, 10)
      let base = m1Base(m)
      let cache = M1PointCache()
      for a in [a0] + alphaPOFixedAlphas {
        let c = m1Case(base, cache: cache, alpha: a, beta: beta, gamma: gamma)
        // Where the linear form underflows (|∂ℓ/∂v| < 1e-300, e.g. ℓ′ = −1/(1 + e^{722})), the
        // same equations are evaluated by the log-space recipe of §2.3.
        let lin = formula(c.example, a)
        let rhs = lin >= 1e-300 ? lin : exp(AlphaPOGradientLogSpace.evaluate(c.example, alpha: a).lambda)
        // Beyond §2.4: the rounding of z unseen by abserr and the subnormal floor (see
        // AlphaPOTolerance.hiddenLossRounding, .subnormalFloor), at the step in use.
        let hidden = AlphaPOTolerance.hiddenLossRounding(c.example, alpha: a)
        let res = try AlphaPOTolerance.fdRuleStepped(c.loss, at: 0, step: 1e-3) { e, hk in
          (
            abs(abs(e.value) - rhs),
            AlphaPOTolerance.finiteDifference(abserr: e.error, value: rhs).absolute
              + 10 * hidden / hk + AlphaPOTolerance.subnormalFloor(step: hk)
          )
        }
        tally.record(
          label, passed: res.passed, residual: res.residual, allowed: res.tolerance,
          reason: "§2.4 FD rule (h = 1e-3, retried at h/10, h/100) + rounding of z unseen by "
            + "abserr + subnormal floor", inputs: c.inputs,
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
      notes: ["reading: the FD tolerance adds 10·(4ε|ℓ′(z)|Z)/h, the rounding of z's terms (size Z) that "
        + "GSL's abserr does not see, and a subnormal floor 16·2⁻¹⁰⁷⁴/h (a subnormal |∂ℓ/∂v| "
        + "such as 8e-323 otherwise fails with tolerance 0)", "δr inside ℓ′ is evaluated as (β/α)e^{αc_w}expm1(α(c_l − c_w)), algebraically the "
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
    return tally.outcome(
      claim: "T₁T₂ = (6) (algebraic) and = |FD ∂ℓ/∂v| on M1",
      notes: ["reading: the FD tolerance adds 10·(4ε|ℓ′(z)|Z)/h, the rounding of z's terms (size Z) that "
        + "GSL's abserr does not see, and a subnormal floor 16·2⁻¹⁰⁷⁴/h (a subnormal |∂ℓ/∂v| "
        + "such as 8e-323 otherwise fails with tolerance 0)"])
  }
}
