// alphapo.thm31-zero-margin-identities and alphapo.thm31-component-limits
// (003_5c1a521bcc07b90e.txt A.1 Part 1, Cases 2(a)–2(c), footnote 3 of Theorem 3.1).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let thm31ZeroMarginIdentities = Claim(
    id: "alphapo.thm31-zero-margin-identities", paper: .alphapo,
    source: "A.1 Case 2(c); footnote 3 of Theorem 3.1", kind: .identity,
    statement: "If c_l = c_w = c: T₁(α) = β/(1 + e^{−γ}) for all α and T₂(α) = e^{αc}|Δ|; if also "
      + "Δ = 0, T₂ ≡ 0 and |∂ℓ/∂v| = 0."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("classes")
    let eps = Double.ulpOfOne
    let draws = AlphaPOMarginClasses.zero(&r, count: ctx.count(full: 2_000, quick: 100))
    let lin = (0...2_000).map { -10 + 20 * Double($0) / 2_000 }
    for c in draws {
      let d = c.draw
      var e = c.example
      // ∂π/∂v as printed: ∂π_l/∂v = π_l g_l; on the Δ = 0 half ∂π_w/∂v is constructed from
      // the printed definition of Δ.
      let piW = exp(d.logPiW)
      let piL = exp(d.logPiL)
      let dpl = piL * d.gL
      let dpw = c.cls == "Z (Δ = 0)"
        ? piW * Double(d.lenW) * dpl / (piL * Double(d.lenL)) : piW * d.gW
      e.aw = dpw / (piW * Double(d.lenW))
      e.al = dpl / (piL * Double(d.lenL))
      let cc = e.cw
      let delta = 1 / (piW * Double(d.lenW)) * dpw - 1 / (piL * Double(d.lenL)) * dpl
      let k = AlphaPOGradientLogSpace.tailExponent(e)
      let tails = (-10...k).flatMap { [pow(2, Double($0)), -pow(2, Double($0))] }
      // One case per draw and part: the worst residual/tolerance over the α grid (a per-α
      // record would cost 10⁷ tally entries in full mode).
      typealias Worst = (ratio: Double, residual: Double, tol: Double, alpha: Double, detail: String)
      var worst = [Worst](repeating: (-1, 0, 0, 0, ""), count: 4)
      func note(_ k: Int, _ res: Double, _ tol: Double, _ a: Double, _ detail: @autoclosure () -> String) {
        let ratio = res.isNaN ? Double.infinity : (tol > 0 ? res / tol : (res == 0 ? 0 : .infinity))
        if ratio > worst[k].ratio { worst[k] = (ratio, res, tol, a, detail()) }
      }
      let t1Limit = d.beta / (1 + exp(-d.gamma))
      // A from the printed (π, |y|, ∂π/∂v): (∂π/∂v)/(π|y|); then e^{αc}·A (the association
      // keeps e^{αc} ≤ e^{700} from being divided by π ≥ e^{−50} first).
      let aw = dpw / (piW * Double(d.lenW))
      let al = dpl / (piL * Double(d.lenL))
      for a in lin + tails where abs(a * cc) <= 700 {
        let t1 = AlphaPOGradientFactors.t1(e, alpha: a)
        note(0, abs(t1 - t1Limit), 16 * eps * t1Limit, a, "T₁ = \(t1), β/(1+e^{−γ}) = \(t1Limit)")
        let ea = exp(a * cc)
        let t2 = abs(ea * aw - ea * al)
        let bound = 16 * eps * ea * (abs(aw) + abs(al))
        if c.cls == "Z (Δ ≠ 0)" {
          note(1, abs(t2 - ea * abs(delta)), bound, a, "T₂ = \(t2), e^{αc}|Δ| = \(ea * abs(delta))")
        } else {
          note(2, t2, bound, a, "T₂ = \(t2)")
          let g = AlphaPOGradientFactors.gradientMagnitudeEq6(e, alpha: a)
          note(3, g, t1 * bound * (1 + 1e-12), a, "|∂ℓ/∂v| = \(g)")
        }
      }
      let names = ["(i) T₁ = β/(1+e^{−γ})", "(ii) T₂ = e^{αc}|Δ|", "(iii) Δ = 0: T₂ ≈ 0",
                   "(iii) Δ = 0: |∂ℓ/∂v| ≈ 0"]
      let reasons = ["relative 16ε", "16εe^{αc}(|A_w| + |A_l|)", "rounding of the constructed ∂π_w/∂v",
                     "T₁ × the T₂ rounding bound"]
      for k in 0..<4 where worst[k].ratio >= 0 {
        let w = worst[k]
        tally.record(
          names[k], passed: w.ratio <= 1, residual: w.residual, allowed: w.tol, reason: reasons[k],
          inputs: c.inputs + [NamedValue("α (worst)", w.alpha)], detail: w.detail)
      }
    }
    return tally.outcome(claim: "zero-margin identities of A.1 Case 2(c)")
  }

  static let thm31ComponentLimits = Claim(
    id: "alphapo.thm31-component-limits", paper: .alphapo,
    source: "A.1 Part 1, Case 2(b), Case 2(a) via (12)–(13)", kind: .limit,
    statement: "α → −∞: T₁ → β/(1+e^{−γ}), T₂ → 0. α → +∞, m < 0: T₁ → β, T₂ → +∞. α → +∞, "
      + "m > 0: T₁ → 0, T₂ → +∞."
  ) { ctx in
    var r = ctx.stream("classes")
    let p = AlphaPOMarginClasses.signed(&r, sign: 1, count: ctx.count(full: 5_000, quick: 500))
    let n = AlphaPOMarginClasses.signed(&r, sign: -1, count: ctx.count(full: 5_000, quick: 500))
    func logT1(_ g: AlphaPOLogGradient, _ e: AlphaPOExample) -> Double {
      if let l = g.logT1 { return l }
      return log(e.beta) - exp(g.mu1 ?? .infinity)
    }
    typealias Statement = (String, [AlphaPOClassDraw], Double, (AlphaPOExample, [AlphaPOLogGradient]) -> Bool)
    let t1To: (Double, @escaping (AlphaPOExample) -> Double) -> (AlphaPOExample, [AlphaPOLogGradient]) -> Bool = { _, limit in
      { e, tail in
        let lim = limit(e)
        let dist = tail.map { abs(exp(logT1($0, e)) - lim) }
        for k in 1..<dist.count where dist[k] > dist[k - 1] { return false }
        return dist[dist.count - 1] <= 1e-10 * e.beta
      }
    }
    let statements: [Statement] = [
      ("α → −∞: T₁ → β/(1+e^{−γ})", p + n, -1, t1To(-1) { $0.beta / (1 + exp(-$0.gamma)) }),
      ("α → −∞: T₂ → 0", p + n, -1, { _, t in AlphaPOLimitRule.limitZero(t.map(\.logT2)) }),
      ("α → +∞, m < 0: T₁ → β", n, 1, t1To(1) { $0.beta }),
      ("α → +∞, m < 0: T₂ → +∞", n, 1, { _, t in AlphaPOLimitRule.limitInfinity(t.map(\.logT2)) }),
      ("α → +∞, m > 0: T₁ → 0", p, 1, { e, t in
        let l = t.map { logT1($0, e) }
        for k in 1..<l.count where l[k] > l[k - 1] + 1e-12 * (1 + abs(l[k - 1])) { return false }
        return l[3] == -.infinity || l[3] <= l[0] - 20
      }),
      ("α → +∞, m > 0: T₂ → +∞", p, 1, { _, t in AlphaPOLimitRule.limitInfinity(t.map(\.logT2)) }),
    ]
    var notes: [String] = []
    var verdicts: [Verdict] = []
    var classes: [CaseClass] = []
    var conds: [ConditionReport] = []
    var cx: Counterexample? = nil
    for (name, draws, sign, rule) in statements {
      var tally = Tally()
      var judge = ConditionalJudge(conditions: alphaPOConditionNames)
      for c in draws {
        let grid = AlphaPOGradientLogSpace.tailGrid(c.example, sign: sign).suffix(4)
        let tail = grid.map { AlphaPOGradientLogSpace.evaluate(c.example, alpha: $0) }
        let ok = rule(c.example, tail)
        let detail = "\(name) not observed; log T₁ tail "
          + tail.map { format3(logT1($0, c.example)) }.joined(separator: ", ") + "; log T₂ tail "
          + tail.map { format3($0.logT2) }.joined(separator: ", ")
        tally.record(name, passed: ok, inputs: c.inputs, detail: detail)
        judge.record(holds: ok, satisfies: c.conditions, describe: c.describe + "; " + detail)
      }
      let o = judgedOutcome(tally: tally, judge: judge, counterexample: nil, claim: name)
      notes.append("\(o.verdict.rawValue): \(o.summary)")
      verdicts.append(o.verdict)
      classes += o.classes
      conds += o.conditions
      if cx == nil { cx = o.counterexample }
    }
    let v = Verdict.worst(verdicts)
    return CheckOutcome(
      verdict: v,
      summary: "six component limits: " + zip(statements, verdicts).map { "\($0.0.0) \($0.1.rawValue)" }
        .joined(separator: "; "),
      classes: classes, notes: notes, counterexample: v == .confirmed ? nil : cx,
      conditions: v == .conditional ? conds : [])
  }
}
