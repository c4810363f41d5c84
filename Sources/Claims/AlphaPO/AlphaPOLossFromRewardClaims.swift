// alphapo.loss-from-reward, alphapo.dpo-reward-partition-cancels, alphapo.dpo-as-variable-margin
// (003_5c1a521bcc07b90e.txt §2.1–§3.2, eqs. 1–4): the printed losses are the Bradley–Terry
// model composed with the printed rewards.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let lossFromReward = Claim(
    id: "alphapo.loss-from-reward", paper: .alphapo, source: "§2.2, §3.2, eqs. (2)–(4)",
    kind: .identity,
    statement: "σ(r(y_w) − r(y_l) − γ) with r_SimPO gives (2); with r_α of (3) gives (4)."
  ) { ctx in try lossFromRewardCheck(ctx, reward: AlphaPORewardShape.rewardLiteral) }

  /// The check with the reward function injectable (mutation tests).
  static func lossFromRewardCheck(
    _ ctx: CheckContext,
    reward: @escaping (_ logProb: Double, _ length: Int, _ alpha: Double, _ beta: Double) -> Double
  ) throws -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("draws")
    let n = ctx.count(full: 10_000, quick: 1_000)
    for _ in 0..<n {
      var d = AlphaPODraw.draw(&r)
      while abs(d.alpha) < 1e-6 || abs(d.alpha * d.lw) > 700 || abs(d.alpha * d.ll) > 700 {
        d.alpha = Strata.uniform(&r, -10, 10)
      }
      let pair = PreferencePair(
        logProbChosen: d.logPiW, logProbRejected: d.logPiL, refLogProbChosen: 0,
        refLogProbRejected: 0, lengthChosen: d.lenW, lengthRejected: d.lenL)
      // SimPO (2): reward side β log π/|y| (α = 0 limit of the reward function).
      let rw0 = reward(d.logPiW, d.lenW, 0, d.beta)
      let rl0 = reward(d.logPiL, d.lenL, 0, d.beta)
      let zR0 = rw0 - rl0 - d.gamma
      let simpo = SimPO(beta: d.beta, gamma: d.gamma)
      let zP0 = simpo.margin(pair)
      let s0 = abs(rw0) + abs(rl0) + d.gamma
      tally.record(
        "(2) SimPO argument", residual: abs(zR0 - zP0), tolerance: AlphaPOTolerance.closed(2 * s0),
        inputs: d.inputs, detail: "reward side \(zR0) vs (2) \(zP0)")
      let l0 = try simpo.loss(pair)
      tally.record(
        "(2) SimPO loss", residual: abs(softplus(-zR0) - l0),
        tolerance: AlphaPOTolerance.closed(2 * s0 + 2 * l0), inputs: d.inputs,
        detail: "softplus(−z) \(softplus(-zR0)) vs loss (2) \(l0)")
      // AlphaPO (4), at the drawn α and the fixed α of §2.2 except those with |α| < 10⁻⁶
      // (0 and ±10⁻⁸: α divides in (4); (2) covers the α → 0 limit).
      for a in [d.alpha] + alphaPOFixedAlphas.filter({ abs($0) >= 1e-6 }) {
        var dd = d
        dd.alpha = a
        let rw = reward(d.logPiW, d.lenW, a, d.beta)
        let rl = reward(d.logPiL, d.lenL, a, d.beta)
        let zR = rw - rl - d.gamma
        let obj = AlphaPO(alpha: a, beta: d.beta, gamma: d.gamma)
        let zP = obj.margin(pair)
        let pw = exp(-a * d.lw)
        let pl = exp(-a * d.ll)
        let zPrinted = -d.beta / a * pw + d.beta / a * pl - d.gamma
        let s = abs(rw) + abs(rl) + d.gamma + abs(d.beta / a) * (pw + pl + 2)
        tally.record(
          "(4) AlphaPO argument (Objectives)", residual: abs(zR - zP),
          tolerance: AlphaPOTolerance.closed(s), inputs: dd.inputs,
          detail: "reward side \(zR) vs Objectives (4) \(zP)")
        tally.record(
          "(4) AlphaPO argument (as printed)", residual: abs(zR - zPrinted),
          tolerance: AlphaPOTolerance.closed(s), inputs: dd.inputs,
          detail: "reward side \(zR) vs printed (4) \(zPrinted)")
        let l = try obj.loss(pair)
        tally.record(
          "(4) AlphaPO loss", residual: abs(softplus(-zR) - l),
          tolerance: AlphaPOTolerance.closed(s + 2 * l), inputs: dd.inputs,
          detail: "softplus(−z) \(softplus(-zR)) vs loss (4) \(l)")
      }
    }
    return tally.outcome(
      claim: "BT ∘ reward = printed loss (2) and (4)",
      notes: ["(4) at the drawn α and at α ∈ {±0.25, ±1, ±2} (§2.2 fixed values; 0 and ±10⁻⁸ "
        + "excluded as |α| < 10⁻⁶, where α divides)"])
  }

  static let dpoRewardPartitionCancels = Claim(
    id: "alphapo.dpo-reward-partition-cancels", paper: .alphapo, source: "§2.1, r_DPO and eq. (1)",
    kind: .identity,
    statement: "With r_DPO = β log(π_θ/π_ref) + β log Z(x) in Bradley–Terry, Z(x) cancels and the "
      + "argument is that of (1)."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("draws")
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let d = AlphaPODraw.draw(&r)
      let logZ = Strata.uniform(&r, -100, 100)
      let rw = d.beta * (d.logPiW - d.logRefW) + d.beta * logZ
      let rl = d.beta * (d.logPiL - d.logRefL) + d.beta * logZ
      let pair = PreferencePair(
        logProbChosen: d.logPiW, logProbRejected: d.logPiL, refLogProbChosen: d.logRefW,
        refLogProbRejected: d.logRefL, lengthChosen: 1, lengthRejected: 1)
      let arg = DPO(beta: d.beta).margin(pair)
      let s = abs(rw) + abs(rl) + 2 * d.beta * abs(logZ) + abs(arg)
        + d.beta * (abs(d.logPiW) + abs(d.logPiL) + abs(d.logRefW) + abs(d.logRefL))
      tally.record(
        "draws", residual: abs((rw - rl) - arg), tolerance: AlphaPOTolerance.closed(s),
        inputs: d.inputs + [NamedValue("log Z", logZ)], detail: "r_w − r_l = \(rw - rl), (1): \(arg)")
    }
    return tally.outcome(claim: "log Z cancels in r_DPO(y_w) − r_DPO(y_l)")
  }

  static let dpoAsVariableMargin = Claim(
    id: "alphapo.dpo-as-variable-margin", paper: .alphapo, source: "§2.2, last paragraph",
    kind: .equivalence,
    statement: "(1) is a SimPO-type objective without length normalisation in which "
      + "−β log(π_ref(y_w)/π_ref(y_l)) plays the role of the constant γ."
  ) { ctx in
    var lit = Tally()
    var arg = Tally()
    var r = ctx.stream("draws")
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let d = AlphaPODraw.draw(&r)
      let pair = PreferencePair(
        logProbChosen: d.logPiW, logProbRejected: d.logPiL, refLogProbChosen: d.logRefW,
        refLogProbRejected: d.logRefL, lengthChosen: 1, lengthRejected: 1)
      let a1 = DPO(beta: d.beta).margin(pair)
      let gDPO = d.beta * d.logPiW - d.beta * d.logPiL - a1
      let rLit = -d.beta * (d.logRefW - d.logRefL)
      let rArg = d.beta * (d.logRefW - d.logRefL)
      let s = abs(a1) + d.beta * (abs(d.logPiW) + abs(d.logPiL) + abs(d.logRefW) + abs(d.logRefL))
      lit.record(
        "R-lit: γ_DPO = −β log(π_ref,w/π_ref,l)", residual: abs(gDPO - rLit),
        tolerance: AlphaPOTolerance.closed(s), inputs: d.inputs,
        detail: "γ_DPO = \(gDPO), R-lit = \(rLit)")
      arg.record(
        "R-arg: γ_DPO = +β log(π_ref,w/π_ref,l)", residual: abs(gDPO - rArg),
        tolerance: AlphaPOTolerance.closed(s), inputs: d.inputs,
        detail: "γ_DPO = \(gDPO), R-arg = \(rArg)")
    }
    let notes = [
      "R-lit: \(lit.failures) of \(lit.cases) draws disagree",
      "R-arg: \(arg.failures) of \(arg.cases) draws disagree",
    ]
    let classes = lit.classes + arg.classes
    if lit.failures == 0 {
      return CheckOutcome(
        verdict: .confirmed, summary: "γ_DPO = −β log(π_ref,w/π_ref,l) on all \(lit.cases) draws (R-lit)",
        classes: classes, notes: notes)
    }
    if arg.failures == 0 {
      let cx = lit.firstFailure
      return CheckOutcome(
        verdict: .conditional,
        summary: "the printed −β log(π_ref,w/π_ref,l) holds only with the sign convention of R-arg: "
          + "γ_DPO = +β log(π_ref,w/π_ref,l) on all \(arg.cases) draws; e.g. \(cx?.line ?? "")",
        classes: classes, notes: notes, counterexample: cx,
        conditions: [
          ConditionReport(
            condition: "the sign convention of R-arg (the term as it stands inside (1), replaced by −γ)",
            casesSatisfying: arg.cases, holdingCase: "R-arg holds on every draw",
            failingCase: cx?.line ?? "")
        ])
    }
    return CheckOutcome(
      verdict: .refuted, summary: "neither reading holds; e.g. \(lit.firstFailure?.line ?? "")",
      classes: classes, notes: notes, counterexample: lit.firstFailure)
  }

  static let simpoBetaHinge = Claim(
    id: "alphapo.simpo-beta-hinge", paper: .alphapo, source: "§2.2", kind: .limit,
    statement: "h_β(z) = −log σ(βz)/β approaches max{−z, 0} as β grows."
  ) { ctx in
    // Quick mode: 20,001 z points instead of 200,001 (same grid rule, contains 0).
    let nz = ctx.mode == .full ? 100_000 : 10_000
    var es: [Double] = []
    var argmax: [Double] = []
    let betas = (0...40).map { pow(10, -2 + 6 * Double($0) / 40) }
    for b in betas {
      var e = 0.0
      var at = 0.0
      for i in -nz...nz {
        let z = 50 * Double(i) / Double(nz)
        let h = softplus(-b * z) / b
        let v = abs(h - max(-z, 0))
        if v > e {
          e = v
          at = z
        }
      }
      es.append(e)
      argmax.append(at)
    }
    var firstBad: Int? = nil
    for k in 1..<es.count where !(es[k] < es[k - 1]) {
      firstBad = k
      break
    }
    let notes = zip(betas, zip(es, argmax)).map {
      "β = \(format3($0.0)): E = \(format3($0.1.0)) at z = \(formatNumber($0.1.1)), βE = \(format3($0.0 * $0.1.0))"
    }
    let last = es[es.count - 1]
    if firstBad == nil && last < 1e-3 {
      return CheckOutcome(
        verdict: .confirmed,
        summary: "E(β) strictly decreasing on 41 β in [1e-2, 1e4]; E(1e4) = \(format3(last)) "
          + "(= log 2/β at z = 0)", notes: notes)
    }
    let detail = firstBad.map { "E not decreasing at β = \(betas[$0]): \(es[$0]) ≥ \(es[$0 - 1])" }
      ?? "E(1e4) = \(last) ≥ 1e-3"
    return CheckOutcome(
      verdict: .refuted, summary: detail, notes: notes,
      counterexample: Counterexample(
        inputs: [NamedValue("β", firstBad.map { betas[$0] } ?? 1e4)], detail: detail))
  }
}
