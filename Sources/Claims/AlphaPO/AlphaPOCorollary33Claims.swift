// alphapo.alpha0-is-boundary and alphapo.alpha0-threshold (003_5c1a521bcc07b90e.txt
// Corollary 3.3, eqs. 9, 10, 31; A.3), on M1 and abstract draws (claims/alphapo.md §2.7).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// Draws with ⟨∇π_w, ∇π_l⟩ > 0 and m ≠ 0: `m1` from model M1, the rest abstract.
  static func corollaryDraws(_ r: inout RandomStream, m1: Int, abstract: Int)
    -> [(x: AlphaPOGradientExample, source: String)]
  {
    var out: [(AlphaPOGradientExample, String)] = []
    while out.count < m1 {
      let d = AlphaPOM1Draw.draw(&r)
      let (lw, gw) = d.model.logProbability(d.theta, d.yw)
      let (ll, gl) = d.model.logProbability(d.theta, d.yl)
      let x = AlphaPOGradientExample(
        logPiW: lw, lenW: d.yw.count, logPiL: ll, lenL: d.yl.count,
        normSqW: gw.reduce(0) { $0 + $1 * $1 }, inner: zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 })
      if x.inner > 0 && x.margin != 0 { out.append((x, "M1")) }
    }
    while out.count < m1 + abstract {
      let d = AlphaPODraw.draw(&r)
      let k = Strata.integer(&r, 2...50)
      let gw = (0..<k).map { _ in r.gaussian() }
      let gl = (0..<k).map { _ in r.gaussian() }
      let x = AlphaPOGradientExample(
        logPiW: d.logPiW, lenW: d.lenW, logPiL: d.logPiL, lenL: d.lenL,
        normSqW: gw.reduce(0) { $0 + $1 * $1 }, inner: zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 })
      if x.inner > 0 && x.margin != 0 { out.append((x, "abstract")) }
    }
    return out
  }

  static func corollaryInputs(_ x: AlphaPOGradientExample) -> [NamedValue] {
    [
      NamedValue("log π_w", x.logPiW), NamedValue("|y_w|", Double(x.lenW)),
      NamedValue("log π_l", x.logPiL), NamedValue("|y_l|", Double(x.lenL)),
      NamedValue("‖∇log π_w‖²", x.normSqW), NamedValue("⟨∇log π_w, ∇log π_l⟩", x.inner),
    ]
  }

  /// h(α) = log(r′(π_w)/r′(π_l)) − log(⟨∇π_w,∇π_l⟩/‖∇π_w‖²), with r′ from (5).
  static func hCondition(_ x: AlphaPOGradientExample, _ a: Double) -> Double {
    AlphaPOCorollary33.logRatioFromEq5(x, alpha: a) - AlphaPOCorollary33.logRightSideEq9(x)
  }

  static func logTermSum(_ x: AlphaPOGradientExample) -> Double {
    abs(x.logPiW) + abs(x.logPiL) + log(Double(x.lenW)) + log(Double(x.lenL)) + abs(log(x.normSqW))
      + abs(log(x.inner))
  }

  static let alpha0IsBoundary = Claim(
    id: "alphapo.alpha0-is-boundary", paper: .alphapo, source: "Corollary 3.3, eq. (10); A.3, eq. (31)",
    kind: .threshold,
    statement: "α₀ of (10) (identical to (31)) is where condition (9) switches: at α = α₀ the two "
      + "sides of (9) are equal."
  ) { ctx in try alpha0BoundaryCheck(ctx, alpha0: AlphaPOCorollary33.alpha0Eq10) }

  /// The boundary check with α₀ injectable (mutation tests).
  static func alpha0BoundaryCheck(
    _ ctx: CheckContext, alpha0: (AlphaPOGradientExample) -> Double
  ) throws -> CheckOutcome {
    var r = ctx.stream("corollary")
    let draws = corollaryDraws(&r, m1: ctx.count(full: 10_000, quick: 300), abstract: ctx.count(full: 10_000, quick: 1_000))
    var tally = Tally()
    var offsets: [Double] = []
    let eps = Double.ulpOfOne
    for (x, src) in draws {
      let a10 = alpha0(x)
      let a31 = AlphaPOCorollary33.alpha0Eq31(x)
      let m = x.margin
      tally.record(
        "(i) (10) vs (31), \(src)", residual: abs(a10 - a31), tolerance: Tolerance(
          absolute: 8 * eps * abs(a31) * (1 + (x.cw + x.cl) / abs(m)), relative: 0,
          reason: "8ε|α₀|(1 + (c_w + c_l)/|m|): the denominators cancel when |m| ≪ c_w + c_l"),
        inputs: corollaryInputs(x), detail: "(10) = \(a10), (31) = \(a31)")
      let h = hCondition(x, a10)
      tally.record(
        "(ii) h(α₀) = 0, \(src)", residual: abs(h), tolerance: Tolerance(
          absolute: 1e-9 * (1 + abs(a10 * m) + logTermSum(x)), relative: 0,
          reason: "catalog: 1e-9(1 + |α₀m| + Σ|log terms|)"),
        inputs: corollaryInputs(x) + [NamedValue("α₀", a10)], detail: "h(α₀) = \(h)")
      // h is affine in α with slope −m (eq. 5): h(α) = h(α₀) − m(α − α₀), so its root is
      // α* = α₀ + h(α₀)/m and (α₀ − α*)·m = −h(α₀); reported.
      offsets.append(-h)
    }
    let sorted = offsets.map(abs).sorted()
    let notes = [
      "(α₀ − α*)·m = −h(α₀) (h is affine in α with slope −m): median |·| "
        + (sorted.isEmpty ? "–" : format3(sorted[sorted.count / 2])) + ", max " + format3(sorted.last ?? 0),
      "reading: α* from the affine h instead of GSL's Brent root solver (same root; h is exactly affine)",
    ]
    return tally.outcome(claim: "α₀ of (10) = (31) and is the root of (9)'s two sides", notes: notes)
  }

  /// The alpha0-threshold test of one draw: the sign of dπ_w/dt (from h, r′ of (5)) at α₀,
  /// α₀ ± δ(1 + |α₀|) for δ ∈ {1e-6, 1e-3, 0.1, 1, 10, 10³}; `ok` if no non-tied negative value
  /// lies on the claimed side (α ≥ α₀ for m < 0, α ≤ α₀ for m > 0).
  static func alpha0ThresholdTest(_ x: AlphaPOGradientExample, alpha0 a0: Double)
    -> (ok: Bool, bad: String, otherSideNegative: Int)
  {
    let m = x.margin
    let scale = 1 + abs(a0)
    var points: [Double] = [a0]
    for dlt in [1e-6, 1e-3, 1e-1, 1, 10, 1e3] { points += [a0 + dlt * scale, a0 - dlt * scale] }
    var ok = true
    var bad = ""
    var otherSideNegative = 0
    for a in points {
      let h = hCondition(x, a)
      let tie = 1e-10 * (logTermSum(x) + abs(a * x.cw) + abs(a * x.cl))
      let claimedSide = m < 0 ? a >= a0 : a <= a0
      if h < -tie {
        if claimedSide {
          ok = false
          if bad.isEmpty { bad = "dπ_w/dt < 0 at α = \(a) (α₀ = \(a0), m = \(m)): h = \(h)" }
        } else {
          otherSideNegative += 1
        }
      }
    }
    return (ok, bad, otherSideNegative)
  }

  static let alpha0Threshold = Claim(
    id: "alphapo.alpha0-threshold", paper: .alphapo, source: "Corollary 3.3 with eq. (10); A.3",
    kind: .threshold,
    statement: "With ⟨∇π_w, ∇π_l⟩ > 0: if m < 0, dπ_w/dt ≥ 0 for every α ≥ α₀; if m > 0, for every α ≤ α₀."
  ) { ctx in
    var r = ctx.stream("threshold")
    let draws = corollaryDraws(&r, m1: ctx.count(full: 10_000, quick: 300), abstract: ctx.count(full: 10_000, quick: 1_000))
    var tally = Tally()
    var judge = ConditionalJudge(conditions: [
      "(K1) ⟨∇π_w,∇π_l⟩ ≤ ‖∇π_w‖²", "(K2) π_w|y_w| ≤ π_l|y_l|", "(K3) log argument of (10) ≥ 0",
      "(K4) |α₀| ≤ 10",
    ])
    var otherSideNegative = 0
    var pos = 0
    var neg = 0
    for (x, src) in draws {
      let a0 = AlphaPOCorollary33.alpha0Eq10(x)
      let m = x.margin
      if m > 0 { pos += 1 } else { neg += 1 }
      let t = alpha0ThresholdTest(x, alpha0: a0)
      let ok = t.ok
      let bad = t.bad
      otherSideNegative += t.otherSideNegative
      tally.record("\(src), m \(m > 0 ? ">" : "<") 0", passed: ok, inputs: corollaryInputs(x), detail: bad)
      let lnw = x.logPiW + log(Double(x.lenW))
      let lnl = x.logPiL + log(Double(x.lenL))
      judge.record(
        holds: ok,
        satisfies: [x.logNormOverInner >= 0, lnw <= lnl, AlphaPOCorollary33.logArgumentEq10(x) >= 0, abs(a0) <= 10],
        describe: corollaryInputs(x).map(\.description).joined(separator: ", ") + (bad.isEmpty ? "" : ": " + bad))
    }
    let notes = [
      "coverage: \(pos) draws with m > 0, \(neg) with m < 0",
      "points on the other side with dπ_w/dt < 0 (the corollary says nothing there): \(otherSideNegative)",
      "sign of dπ_w/dt from h(α) = log r′(π_w) − log r′(π_l) − log(⟨∇π_w,∇π_l⟩/‖∇π_w‖²), r′ from (5)",
    ]
    if pos < 1_000 && ctx.mode == .full || neg < 1_000 && ctx.mode == .full {
      var o = tally.outcome(claim: "Corollary 3.3 threshold", notes: notes)
      o.verdict = .inconclusive
      return o
    }
    return judgedOutcome(tally: tally, judge: judge, counterexample: tally.firstFailure,
      claim: "Corollary 3.3: dπ_w/dt ≥ 0 on the claimed side of α₀", notes: notes)
  }
}
