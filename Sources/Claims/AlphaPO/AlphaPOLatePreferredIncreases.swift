// alphapo.thm32-preferred-increases (003_5c1a521bcc07b90e.txt Theorem 3.2; A.2): if (9)
// r′(π_w)/r′(π_l) ≥ ⟨∇π_w, ∇π_l⟩/‖∇π_w‖² then dπ_w/dt ≥ 0 under gradient flow, on model M1
// (claims/alphapo.md §2.7): (a) the exact sign of the bracket of (20), (b) a small gradient step.
//
// Goals, in order: 1) the entry exactly ((9) as printed, in log space when its right side is
// positive; the bracket's tie scale; the step's decisiveness rule); 2) log space for every
// e^{αc}; 3) simplicity.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// Whether (9) holds, as printed: nil when tied (sides agree to relative 1e-12).
  typealias Condition9 = @Sendable (AlphaPOGradientExample, Double) -> Bool?

  static let condition9AsPrinted: Condition9 = { x, a in
    // Left side r′(π_w)/r′(π_l) > 0 from (5); right side (π_l/π_w)⟨g_w, g_l⟩/‖g_w‖².
    if x.inner <= 0 { return true }
    let left = AlphaPOCorollary33.logRatioFromEq5(x, alpha: a)
    let right = AlphaPOCorollary33.logRightSideEq9(x)
    // Relative 1e-12 agreement of the two sides is 1e-12 in log space.
    if abs(left - right) <= 1e-12 { return nil }
    return left > right
  }

  /// The sign of the bracket B = e^{αc_w}‖g_w‖²/|y_w| − e^{αc_l}⟨g_w, g_l⟩/|y_l| (dπ_w/dt ∝ B),
  /// 0 when |B| ≤ τ = 64ε(|first| + |second|).
  static func bracketSignWithTau(_ x: AlphaPOGradientExample, alpha a: Double) -> (
    sign: Int, value: Double
  ) {
    let t = AlphaPOCorollary33.bracketTerms(x, alpha: a)
    let top = max(t.logFirst, t.logSecond)
    let f = exp(t.logFirst - top)
    let s = t.signSecond * exp(t.logSecond - top)
    let b = f - s
    let tau = 64 * Double.ulpOfOne * (f + abs(s))
    return (abs(b) <= tau ? 0 : (b > 0 ? 1 : -1), b)
  }

  static let thm32PreferredIncreases = Claim(
    id: "alphapo.thm32-preferred-increases", paper: .alphapo, source: "Theorem 3.2; A.2",
    kind: .inequality,
    statement: "For one example with ‖∇π_w‖ ≠ 0: if r′(π_w)/r′(π_l) ≥ ⟨∇π_w, ∇π_l⟩/‖∇π_w‖² (9), "
      + "then dπ_w/dt ≥ 0 under gradient flow."
  ) { ctx in try preferredIncreasesCheck(ctx, condition: condition9AsPrinted) }

  static func preferredIncreasesCheck(_ ctx: CheckContext, condition: Condition9) throws
    -> CheckOutcome
  {
    var tally = Tally()
    var r = ctx.stream("m1")
    var holds9 = 0
    var fails9 = 0
    var tied9 = 0
    var failsAndNegative = 0
    var decisive = 0
    var agree = 0
    var smallest = AlphaPOSmallest()
    let n = ctx.count(full: 20_000, quick: 500)
    let nStep = ctx.count(full: 5_000, quick: 150)
    for i in 0..<n {
      let m = AlphaPOM1Draw.draw(&r)
      let beta = Strata.logUniform(&r, 0.1, 10)
      let gamma = Strata.uniform(&r, 0, 5)
      let a0 = Strata.uniform(&r, -10, 10)
      let (lw, gw) = m.model.logProbability(m.theta, m.yw)
      let (ll, gl) = m.model.logProbability(m.theta, m.yl)
      let x = AlphaPOGradientExample(
        logPiW: lw, lenW: m.yw.count, logPiL: ll, lenL: m.yl.count,
        normSqW: gw.reduce(0) { $0 + $1 * $1 }, inner: zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 })
      if !(x.normSqW > 0) { continue }
      let size = m.yw.count + m.yl.count
      for (j, a) in ([a0] + alphaPOFixedAlphas).enumerated() {
        let inputs =
          corollaryInputs(x) + [NamedValue("α", a), NamedValue("β", beta), NamedValue("γ", gamma)]
        let c9 = condition(x, a)
        let (sgn, b) = bracketSignWithTau(x, alpha: a)
        switch c9 {
        case .some(true): holds9 += 1
        case .some(false):
          fails9 += 1
          if sgn < 0 { failsAndNegative += 1 }
        case .none: tied9 += 1
        }
        // (a) exact.
        let okA = !(c9 == true && sgn < 0)
        let detailA = "M1 draw \(i): (9) holds, bracket/max term = \(b) < −τ"
        tally.record("(a) exact sign of dπ_w/dt", passed: okA, inputs: inputs, detail: detailA)
        if !okA {
          smallest.offer(
            size: size, alpha: a, index: i, Counterexample(inputs: inputs, detail: detailA))
        }
        // (b) step on the first nStep draws, at the draw's first α (U[−10, 10]) and the fixed ones.
        guard i < nStep else { continue }
        // −∇ℓ = |ℓ′|β[e^{αc_w}g_w/|y_w| − e^{αc_l}g_l/|y_l|] (19); its direction, scaled by
        // e^{−top}.
        let top = max(a * x.cw, a * x.cl)
        let sw = exp(a * x.cw - top) / Double(x.lenW)
        let sl = exp(a * x.cl - top) / Double(x.lenL)
        let dir = zip(gw, gl).map { sw * $0 - sl * $1 }
        let norm = dir.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { continue }
        func change(_ h: Double) -> Double {
          m.model.logProbabilityValue(zip(m.theta, dir).map { $0 + h * $1 / norm }, m.yw) - lw
        }
        let d1 = change(1e-5)
        let d2 = change(5e-6)
        let isDecisive = abs(d1) > 4 * abs(d1 - 2 * d2) + 64 * Double.ulpOfOne * abs(lw)
        guard isDecisive else { continue }
        decisive += 1
        if sgn != 0 && (sgn > 0) == (d1 > 0) { agree += 1 }
        let okB = !(c9 == true && d1 < 0)
        let detailB =
          "M1 draw \(i), α index \(j): (9) holds, step Δ log π_w = \(d1) (half step \(d2))"
        tally.record("(b) step", passed: okB, inputs: inputs, detail: detailB)
        if !okB {
          smallest.offer(
            size: size, alpha: a, index: i, Counterexample(inputs: inputs, detail: detailB))
        }
      }
    }
    let notes = [
      "(9) holds \(holds9), fails \(fails9), tied \(tied9)",
      "step sign = exact sign on \(agree) of \(decisive) decisive steps"
        + (agree == decisive
          ? "" : " (a disagreement is an inconsistency between (18) and the discrete step)"),
      "information: (9) fails and dπ_w/dt < 0 in \(failsAndNegative) of \(fails9) cases "
        + "(the converse is not claimed)",
    ]
    let need = ctx.count(full: 1_000, quick: 100)
    var out = tally.outcome(
      claim: "(9) ⇒ dπ_w/dt ≥ 0 (exact and by a small step)", counterexample: smallest.example,
      notes: notes)
    if out.verdict == .confirmed && (holds9 < need || fails9 < need) {
      out.verdict = .inconclusive
      out.summary =
        "coverage short: (9) holds \(holds9), fails \(fails9) (need \(need) each) — " + out.summary
    }
    return out
  }
}
