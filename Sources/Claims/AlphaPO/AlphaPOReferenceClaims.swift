// alphapo.simpo-ref-per-pair-margin and alphapo.alphapo-ref-per-response-beta
// (003_5c1a521bcc07b90e.txt A.4): the reference-policy variants rewritten with a per-pair
// margin γ′ and per-response scales β′.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// One M1 case with a reference policy: (log π, ∇log π) of both responses under θ and θ_ref.
  struct M1RefCase {
    var lw, ll, rw, rl: Double
    var gw, gl: [Double]
    var nw, nl: Int
    var theta: [Double]
    var model: AutoregressiveLinearSoftmax
    var yw, yl: [Int]
  }

  static func m1RefCase(_ r: inout RandomStream) -> M1RefCase {
    let m = AlphaPOM1Draw.draw(&r)
    let s = [0.3, 1, 3][r.uniformInt(in: 0...2)]
    let thetaRef = (0..<m.model.parameterCount).map { _ in s * r.gaussian() }
    let (lw, gw) = m.model.logProbability(m.theta, m.yw)
    let (ll, gl) = m.model.logProbability(m.theta, m.yl)
    return M1RefCase(
      lw: lw, ll: ll, rw: m.model.logProbabilityValue(thetaRef, m.yw),
      rl: m.model.logProbabilityValue(thetaRef, m.yl), gw: gw, gl: gl, nw: m.yw.count,
      nl: m.yl.count, theta: m.theta, model: m.model, yw: m.yw, yl: m.yl)
  }

  /// θ-gradients of two losses of (log π_w, log π_l) — each by its chain rule (`dw`, `dl` =
  /// ∂ℓ/∂log π) and by central differences on all 48 coordinates — compared pairwise. Each loss
  /// also returns the sum of |terms| of its BT argument z (`zTerms`) and σ(−z) (`slope`): the
  /// rounding of z (≈ ε·zTerms) moves σ(−z) by a relative ε·zTerms, which enters the
  /// analytic-vs-analytic S, and moves the loss by ≈ ε·σ(−z)·zTerms, which GSL's abserr does not
  /// see and is added to the FD tolerance as 10·4ε·σ(−z)·zTerms/h (with the subnormal floor).
  typealias RefLoss = (Double, Double) -> (
    loss: Double, dw: Double, dl: Double, zTerms: Double, slope: Double
  )

  static func m1RefGradients(
    _ c: M1RefCase, into tally: inout Tally, label: String, exponentScale: Double = 0,
    first: RefLoss, second: RefLoss
  ) throws {
    let eps = Double.ulpOfOne
    let a = first(c.lw, c.ll)
    let b = second(c.lw, c.ll)
    for i in 0..<c.theta.count {
      let ga = a.dw * c.gw[i] + a.dl * c.gl[i]
      let gb = b.dw * c.gw[i] + b.dl * c.gl[i]
      let s = abs(a.dw * c.gw[i]) + abs(a.dl * c.gl[i]) + abs(b.dw * c.gw[i]) + abs(b.dl * c.gl[i])
      tally.record("(b) \(label): analytic vs analytic", residual: abs(ga - gb),
        tolerance: AlphaPOTolerance.closed(4 * s * (1 + exponentScale + a.zTerms + b.zTerms)),
        inputs: [NamedValue("θ index", Double(i))],
        detail: "first \(ga), second \(gb)")
      // log π along coordinate i (θ + s·e_i; the logits are linear in s), each point evaluated
      // once and shared by the two forms.
      var u = [Double](repeating: 0, count: c.theta.count)
      u[i] = 1
      let fw = c.model.logProbabilityAlong(c.theta, u, c.yw)
      let fl = c.model.logProbabilityAlong(c.theta, u, c.yl)
      var cache: [Double: (Double, Double)] = [:]
      for k in 0..<2 {
        let name = k == 0 ? "first" : "second"
        let g = k == 0 ? ga : gb
        let hiddenTerm = k == 0 ? a.slope * a.zTerms : b.slope * b.zTerms
        let res = try AlphaPOTolerance.fdRuleStepped({ t in
          let (x, y): (Double, Double)
          if let v = cache[t] {
            (x, y) = v
          } else {
            (x, y) = (fw(t), fl(t))
            cache[t] = (x, y)
          }
          return k == 0 ? first(x, y).loss : second(x, y).loss
        }, at: 0, step: 1e-4) { e, hk in
          (abs(e.value - g), AlphaPOTolerance.finiteDifference(abserr: e.error, value: g).absolute
            + 16 * eps * s + 10 * 4 * eps * hiddenTerm / hk + AlphaPOTolerance.subnormalFloor(step: hk))
        }
        tally.record("(b) \(label): FD vs analytic (\(name))", passed: res.passed, residual: res.residual,
          allowed: res.tolerance, reason: "§2.4 FD rule", inputs: [NamedValue("θ index", Double(i))],
          detail: "analytic \(g)")
      }
    }
  }

  static let simpoRefPerPairMargin = Claim(
    id: "alphapo.simpo-ref-per-pair-margin", paper: .alphapo, source: "A.4", kind: .equivalence,
    statement: "SimPO with a reference policy equals SimPO (2) with the per-pair margin "
      + "γ′ = γ + (β/|y_w|) log π_ref(y_w) − (β/|y_l|) log π_ref(y_l)."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("draws")
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let d = AlphaPODraw.draw(&r)
      let pair = PreferencePair(
        logProbChosen: d.logPiW, logProbRejected: d.logPiL, refLogProbChosen: d.logRefW,
        refLogProbRejected: d.logRefL, lengthChosen: d.lenW, lengthRejected: d.lenL)
      let first = SimPOWithReference(beta: d.beta, gamma: d.gamma)
      let gp = d.gamma + d.beta / Double(d.lenW) * d.logRefW - d.beta / Double(d.lenL) * d.logRefL
      let za = first.margin(pair)
      let zb = d.beta / Double(d.lenW) * d.logPiW - d.beta / Double(d.lenL) * d.logPiL - gp
      let s = d.gamma + d.beta * (abs(d.lw) + abs(d.ll) + abs(d.logRefW / Double(d.lenW))
        + abs(d.logRefL / Double(d.lenL)))
      tally.record("(a) arguments", residual: abs(za - zb), tolerance: AlphaPOTolerance.closed(2 * s),
        inputs: d.inputs, detail: "first line \(za), with γ′ \(zb)")
      let la = try first.loss(pair)
      tally.record("(a) losses", residual: abs(la - softplus(-zb)), tolerance: AlphaPOTolerance.closed(2 * s + 2 * la),
        inputs: d.inputs, detail: "first line \(la), with γ′ \(softplus(-zb))")
    }
    var rm = ctx.stream("m1")
    for _ in 0..<ctx.count(full: 2_000, quick: 25) {
      let c = m1RefCase(&rm)
      let beta = Strata.logUniform(&rm, 0.1, 10)
      let gamma = Strata.uniform(&rm, 0, 5)
      let gp = gamma + beta / Double(c.nw) * c.rw - beta / Double(c.nl) * c.rl
      try m1RefGradients(c, into: &tally, label: "SimPO w ref",
        first: { lw, ll in
          let z = beta / Double(c.nw) * (lw - c.rw) - beta / Double(c.nl) * (ll - c.rl) - gamma
          let s = sigmoid(-z)
          let zt = beta / Double(c.nw) * (abs(lw) + abs(c.rw)) + beta / Double(c.nl) * (abs(ll) + abs(c.rl)) + gamma
          return (softplus(-z), -s * beta / Double(c.nw), s * beta / Double(c.nl), zt, s)
        },
        second: { lw, ll in
          let z = beta / Double(c.nw) * lw - beta / Double(c.nl) * ll - gp
          let s = sigmoid(-z)
          let zt = beta / Double(c.nw) * (abs(lw) + abs(c.rw)) + beta / Double(c.nl) * (abs(ll) + abs(c.rl)) + gamma + abs(gp)
          return (softplus(-z), -s * beta / Double(c.nw), s * beta / Double(c.nl), zt, s)
        })
    }
    return tally.outcome(
      claim: "SimPO w ref = SimPO with γ′", notes: ["(b) on 2,000 M1 draws (48 FD coordinates × 2 forms each)", "reading: (b)'s tolerances add the rounding of the BT argument z (terms of size Z): relative ε·Z on σ(−z) in the analytic comparison's S, and 10·4ε·σ(−z)·Z/h (unseen by GSL's abserr) plus a subnormal floor 16·2⁻¹⁰⁷⁴/h in the FD comparison"])
  }

  static let alphapoRefPerResponseBeta = Claim(
    id: "alphapo.alphapo-ref-per-response-beta", paper: .alphapo, source: "A.4", kind: .equivalence,
    statement: "AlphaPO with a reference policy equals AlphaPO with per-response weights "
      + "β′(y, x) = β π_ref(y|x)^{α/|y|}."
  ) { ctx in
    var r1 = Tally()
    var r2 = Tally()
    var r = ctx.stream("draws")
    var worstR2 = 0.0
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      var d = AlphaPODraw.draw(&r)
      while abs(d.alpha) < 1e-6 { d.alpha = Strata.uniform(&r, -10, 10) }
      let a = d.alpha
      let nw = Double(d.lenW)
      let nl = Double(d.lenL)
      let pair = PreferencePair(
        logProbChosen: d.logPiW, logProbRejected: d.logPiL, refLogProbChosen: d.logRefW,
        refLogProbRejected: d.logRefL, lengthChosen: d.lenW, lengthRejected: d.lenL)
      let first = AlphaPOWithReference(alpha: a, beta: d.beta, gamma: d.gamma)
      let z0 = first.margin(pair)
      // First printed line, as printed: −(β/α)(π_w/π_ref,w)^{−α/|y_w|} + (β/α)(…)_l − γ.
      let pw = exp(-a * (d.logPiW - d.logRefW) / nw)
      let pl = exp(-a * (d.logPiL - d.logRefL) / nl)
      let zPrinted = -d.beta / a * pw + d.beta / a * pl - d.gamma
      let bw = d.beta * exp(a * d.logRefW / nw)
      let bl = d.beta * exp(a * d.logRefL / nl)
      let ew = exp(-a * d.logPiW / nw)
      let el = exp(-a * d.logPiL / nl)
      let zR1 = -bw / a * ew + bl / a * el - d.gamma
      let zR2 = bw * (1 - ew) / a - bl * (1 - el) / a - d.gamma
      // exp(x) has condition number |x|: the exponents' sizes scale the rounding of each term.
      let xs = abs(a * (d.logPiW - d.logRefW) / nw) + abs(a * (d.logPiL - d.logRefL) / nl)
        + abs(a * d.logRefW / nw) + abs(a * d.logRefL / nl) + abs(a * d.logPiW / nw) + abs(a * d.logPiL / nl)
      let s = (abs(d.beta / a) * (pw + pl) + abs(bw / a) * (ew + 1) + abs(bl / a) * (el + 1) + d.gamma
        + abs(z0)) * (1 + xs)
      r1.record("(a) first line vs R1", residual: abs(zPrinted - zR1), tolerance: AlphaPOTolerance.closed(s),
        inputs: d.inputs, detail: "first line \(zPrinted), R1 \(zR1)")
      r1.record("(a) Objectives first line vs R1", residual: abs(z0 - zR1), tolerance: AlphaPOTolerance.closed(s),
        inputs: d.inputs, detail: "first line \(z0), R1 \(zR1)")
      r2.record("(a) first line vs R2", residual: abs(zPrinted - zR2), tolerance: AlphaPOTolerance.closed(s),
        inputs: d.inputs, detail: "first line \(zPrinted), R2 \(zR2) (difference (β′_w − β′_l)/α = \((bw - bl) / a))")
      worstR2 = max(worstR2, abs(zPrinted - zR2))
    }
    var rm = ctx.stream("m1")
    for _ in 0..<ctx.count(full: 2_000, quick: 25) {
      let c = m1RefCase(&rm)
      let beta = Strata.logUniform(&rm, 0.1, 10)
      let gamma = Strata.uniform(&rm, 0, 5)
      var a = Strata.uniform(&rm, -10, 10)
      while abs(a) < 1e-6 { a = Strata.uniform(&rm, -10, 10) }
      let nw = Double(c.nw)
      let nl = Double(c.nl)
      let bw = beta * exp(a * c.rw / nw)
      let bl = beta * exp(a * c.rl / nl)
      // exp(x) carries relative rounding ε|x|: the exponents enter S (§2.4, all terms).
      let xs = abs(a * (c.lw - c.rw) / nw) + abs(a * (c.ll - c.rl) / nl) + abs(a * c.rw / nw)
        + abs(a * c.rl / nl) + abs(a * c.lw / nw) + abs(a * c.ll / nl)
      try m1RefGradients(c, into: &r1, label: "first line vs R1", exponentScale: xs,
        first: { lw, ll in
          let ew = exp(-a * (lw - c.rw) / nw)
          let el = exp(-a * (ll - c.rl) / nl)
          let z = -beta / a * ew + beta / a * el - gamma
          let s = sigmoid(-z)
          let zt = abs(beta / a) * (ew * (1 + abs(a * (lw - c.rw) / nw)) + el * (1 + abs(a * (ll - c.rl) / nl)))
            + gamma
          return (softplus(-z), -s * beta * ew / nw, s * beta * el / nl, zt, s)
        },
        second: { lw, ll in
          let ew = exp(-a * lw / nw)
          let el = exp(-a * ll / nl)
          let z = -bw / a * ew + bl / a * el - gamma
          let s = sigmoid(-z)
          let zt = abs(bw / a) * ew * (1 + abs(a * lw / nw) + abs(a * c.rw / nw))
            + abs(bl / a) * el * (1 + abs(a * ll / nl) + abs(a * c.rl / nl)) + gamma
          return (softplus(-z), -s * bw * ew / nw, s * bl * el / nl, zt, s)
        })
    }
    let notes = [
      "R1 (second printed line): \(r1.failures) of \(r1.cases) comparisons fail",
      "R2 (reward (3) with β′ per response): \(r2.failures) of \(r2.cases) fail; largest |difference| "
        + "\(format3(worstR2)) = |β′_w − β′_l|/|α| (the constant terms β′/α no longer cancel)",
      "(b) on 2,000 M1 draws (48 FD coordinates × 2 forms each)", "reading: (b)'s tolerances add the rounding of the BT argument z (terms of size Z): relative ε·Z on σ(−z) in the analytic comparison's S, and 10·4ε·σ(−z)·Z/h (unseen by GSL's abserr) plus a subnormal floor 16·2⁻¹⁰⁷⁴/h in the FD comparison",
    ]
    let classes = r1.classes + r2.classes
    if r1.failures == 0 && r2.failures == 0 {
      return CheckOutcome(verdict: .confirmed, summary: "both readings agree with the first line", classes: classes, notes: notes)
    }
    if r1.failures == 0 || r2.failures == 0 {
      let (good, bad) = r1.failures == 0 ? ("R1", r2) : ("R2", r1)
      return CheckOutcome(
        verdict: .conditional,
        summary: "only \(good) agrees with the first line; the other fails, e.g. \(bad.firstFailure?.line ?? "")",
        classes: classes, notes: notes, counterexample: bad.firstFailure,
        conditions: [ConditionReport(
          condition: good == "R1" ? "reading R1 (the second printed line)" : "reading R2",
          casesSatisfying: (good == "R1" ? r1 : r2).cases, holdingCase: "\(good) agrees on every case",
          failingCase: bad.firstFailure?.line ?? "")])
    }
    return CheckOutcome(verdict: .refuted, summary: "neither reading agrees; e.g. \(r1.firstFailure?.line ?? "")",
      classes: classes, notes: notes, counterexample: r1.firstFailure)
  }
}
