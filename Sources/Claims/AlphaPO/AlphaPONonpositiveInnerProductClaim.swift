// alphapo.nonpositive-inner-product (003_5c1a521bcc07b90e.txt §3.3 after Theorem 3.2): with
// ⟨∇π_w, ∇π_l⟩ ≤ 0, condition (9) holds for every α and π_w increases.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let nonpositiveInnerProduct = Claim(
    id: "alphapo.nonpositive-inner-product", paper: .alphapo, source: "§3.3 after Theorem 3.2",
    kind: .inequality,
    statement: "⟨∇π_w, ∇π_l⟩ ≤ 0 implies (9) for every α and dπ_w/dt ≥ 0."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("draws")
    var cases: [(AlphaPOGradientExample, String)] = []
    // Reading: 1,000 of the catalog's 5,000 M1 draws in full mode (one-minute budget).
    while cases.count < ctx.count(full: 1_000, quick: 100) {
      let d = AlphaPOM1Draw.draw(&r)
      let (lw, gw) = d.model.logProbability(d.theta, d.yw)
      let (ll, gl) = d.model.logProbability(d.theta, d.yl)
      let x = AlphaPOGradientExample(
        logPiW: lw, lenW: d.yw.count, logPiL: ll, lenL: d.yl.count,
        normSqW: gw.reduce(0) { $0 + $1 * $1 }, inner: zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 })
      if x.inner < 0 && x.normSqW > 0 { cases.append((x, "M1, ⟨·,·⟩ < 0")) }
    }
    for _ in 0..<ctx.count(full: 500, quick: 50) {
      let d = AlphaPODraw.draw(&r)
      let k = Strata.integer(&r, 2...50)
      var gw = (0..<k).map { _ in r.gaussian() }
      var gl = (0..<k).map { _ in r.gaussian() }
      for i in 0..<k { if i < k / 2 { gl[i] = 0 } else { gw[i] = 0 } }
      let x = AlphaPOGradientExample(
        logPiW: d.logPiW, lenW: d.lenW, logPiL: d.logPiL, lenL: d.lenL,
        normSqW: gw.reduce(0) { $0 + $1 * $1 }, inner: zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 })
      cases.append((x, "abstract, ⟨·,·⟩ = 0"))
    }
    let alphas = [0.0] + (-4...10).flatMap { [pow(2, Double($0)), -pow(2, Double($0))] }
    for (x, cls) in cases {
      var ok = true
      var bad = ""
      for a in alphas {
        // (9) as printed: r′(π_w)/r′(π_l) (> 0, log from (5)) ≥ ⟨∇π_w,∇π_l⟩/‖∇π_w‖²; the right
        // side is (π_l/π_w)⟨g_w,g_l⟩/‖g_w‖² ≤ 0 here, compared by sign.
        let leftLog = AlphaPOCorollary33.logRatioFromEq5(x, alpha: a)
        let right = x.inner / x.normSqW
        let holds9 = leftLog.isFinite && right <= 0
        // dπ_w/dt ∝ e^{αc_w}‖g_w‖²/|y_w| − e^{αc_l}⟨g_w,g_l⟩/|y_l| in log space (sign, log|·|).
        let t = AlphaPOCorollary33.bracketTerms(x, alpha: a)
        let nonNegative: Bool
        if t.signSecond <= 0 {
          nonNegative = t.logFirst.isFinite || t.logFirst == -.infinity
        } else {
          let tau = 64 * Double.ulpOfOne * (exp(t.logFirst - max(t.logFirst, t.logSecond))
            + exp(t.logSecond - max(t.logFirst, t.logSecond)))
          nonNegative = exp(t.logFirst - max(t.logFirst, t.logSecond))
            - exp(t.logSecond - max(t.logFirst, t.logSecond)) >= -tau
        }
        if !(holds9 && nonNegative) {
          ok = false
          if bad.isEmpty { bad = "α = \(a): (9) holds \(holds9), dπ_w/dt ≥ −τ \(nonNegative)" }
        }
      }
      tally.record(cls, passed: ok, inputs: corollaryInputs(x), detail: bad)
    }
    return tally.outcome(claim: "⟨∇π_w,∇π_l⟩ ≤ 0 ⇒ (9) and dπ_w/dt ≥ 0 on α ∈ {0, ±2^k}")
  }
}
