// alphapo.alpha-controls-ratio (003_5c1a521bcc07b90e.txt §3.3 after Corollary 3.3: likelihood
// displacement "can be mitigated by ensuring a sufficiently large ratio of r′(π_w)/r′(π_l),
// controlled by selecting appropriate values of α"): on model M1 (claims/alphapo.md §2.7),
// (i) log(r′(π_w)/r′(π_l)) is linear in α with slope −m, (ii) along α → +∞ (m < 0) or α → −∞
// (m > 0) the sign of dπ_w/dt, once non-negative, stays non-negative.
//
// Goals, in order: 1) the entry exactly (grid to 2^K ≥ max(1024, 10³/|m|), least-squares fit
// and its tolerances, the sign pattern with the relative 1e-10 tie); 2) log space throughout
// (e^{αc} leaves the double range on the far grid); 3) simplicity.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// log r′(π_w) − log r′(π_l) at α; a test substitutes a wrong one.
  typealias LogRatio = @Sendable (AlphaPOGradientExample, Double) -> Double

  static let alphaControlsRatio = Claim(
    id: "alphapo.alpha-controls-ratio", paper: .alphapo, source: "§3.3 after Corollary 3.3",
    kind: .existence,
    statement: "For m ≠ 0, r′(π_w)/r′(π_l) can be made as large as desired by the choice of α; for "
      + "m < 0 there is α_c with dπ_w/dt ≥ 0 for all α ≥ α_c (for m > 0 the same toward α → −∞)."
  ) { ctx in alphaControlsRatioCheck(ctx) { AlphaPOCorollary33.logRatioFromEq5($0, alpha: $1) } }

  /// Least-squares line through (x_i, y_i): (slope, intercept, largest |residual|).
  static func leastSquaresLine(_ x: [Double], _ y: [Double]) -> (
    slope: Double, intercept: Double, maxResidual: Double
  ) {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
    }
    let s = sxy / sxx
    let c = my - s * mx
    let res = zip(x, y).map { abs($1 - (s * $0 + c)) }.max() ?? 0
    return (s, c, res)
  }

  static func alphaControlsRatioCheck(_ ctx: CheckContext, logRatio: LogRatio) -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("m1")
    let eps = Double.ulpOfOne
    var pos = 0
    var neg = 0
    var innerSigns = [0, 0, 0]
    var smallest = AlphaPOSmallest()
    let n = ctx.count(full: 10_000, quick: 600)
    var i = 0
    while pos + neg < n {
      let d = AlphaPOM1Draw.draw(&r)
      let (lw, gw) = d.model.logProbability(d.theta, d.yw)
      let (ll, gl) = d.model.logProbability(d.theta, d.yl)
      let x = AlphaPOGradientExample(
        logPiW: lw, lenW: d.yw.count, logPiL: ll, lenL: d.yl.count,
        normSqW: gw.reduce(0) { $0 + $1 * $1 }, inner: zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 })
      let m = x.margin
      guard m != 0, x.normSqW > 0 else { continue }
      i += 1
      if m > 0 { pos += 1 } else { neg += 1 }
      innerSigns[x.inner > 0 ? 0 : (x.inner < 0 ? 1 : 2)] += 1
      let k = max(10, Int(ceil(log2(1e3 / abs(m)))))
      let powers = (-4...k).map { pow(2, Double($0)) }
      let grid = powers.reversed().map { -$0 } + [0] + powers
      let inputs = corollaryInputs(x)
      let size = x.lenW + x.lenL
      // (i) linearity with slope −m.
      let y = grid.map { logRatio(x, $0) }
      let fit = leastSquaresLine(grid, y)
      let maxAlpha = pow(2, Double(k))
      let resTol = 1e-9 * maxAlpha * abs(m) + 64 * eps * maxAlpha * (x.cw + x.cl)
      let okLine = fit.maxResidual <= resTol
      tally.record(
        "(i) log ratio linear in α", passed: okLine, residual: fit.maxResidual, allowed: resTol,
        reason: "1e-9 max|αm| + 64ε max|α|(c_w + c_l)", inputs: inputs,
        detail: "M1 draw \(i): largest least-squares residual \(fit.maxResidual)")
      let slopeTol = 1e-9 * abs(m) + 64 * eps * (x.cw + x.cl)
      let okSlope = abs(fit.slope + m) <= slopeTol
      tally.record(
        "(i) slope = −m", passed: okSlope, residual: abs(fit.slope + m), allowed: slopeTol,
        reason: "1e-9|m| + 64ε(c_w + c_l)", inputs: inputs,
        detail: "M1 draw \(i): fitted slope \(fit.slope), −m = \(-m)")
      // (ii) sign pattern of dπ_w/dt toward α → +∞ (m < 0) or α → −∞ (m > 0).
      let path = m < 0 ? grid : grid.reversed()
      let signs = path.map { AlphaPOCorollary33.bracketSign(x, alpha: $0, tie: 1e-10) }
      var seenPositive = false
      var okSigns = true
      var where_ = ""
      for (a, s) in zip(path, signs) {
        if s > 0 { seenPositive = true }
        if s < 0 && seenPositive {
          okSigns = false
          where_ = "dπ_w/dt < 0 at α = \(a) after a non-negative value"
          break
        }
      }
      if okSigns && signs.last == -1 {
        okSigns = false
        where_ = "dπ_w/dt < 0 at the end of the grid, α = \(path.last ?? .nan)"
      }
      tally.record(
        "(ii) sign pattern, m \(m > 0 ? ">" : "<") 0", passed: okSigns, inputs: inputs,
        detail: "M1 draw \(i): \(where_)")
      if !(okLine && okSlope && okSigns) {
        smallest.offer(
          size: size, alpha: 0, index: i, Counterexample(inputs: inputs, detail: where_))
      }
    }
    // Contrast (information): m = 0 draws built as class Z, abstract gradients; the fitted
    // slope of the log ratio over α = ±1024.
    var zr = ctx.stream("zero-margin")
    var zeroSlope = 0.0
    let zeros = AlphaPOMarginClasses.zero(&zr, count: ctx.count(full: 200, quick: 20))
    for z in zeros {
      let x = AlphaPOGradientExample(
        logPiW: z.draw.logPiW, lenW: z.draw.lenW, logPiL: z.draw.logPiL, lenL: z.draw.lenL,
        normSqW: 1, inner: 1)
      zeroSlope = max(zeroSlope, abs((logRatio(x, 1024) - logRatio(x, -1024)) / 2048))
    }
    let need = ctx.count(full: 2_000, quick: 200)
    let notes = [
      "coverage: m > 0 \(pos), m < 0 \(neg); ⟨∇π_w, ∇π_l⟩ > 0 \(innerSigns[0]), "
        + "< 0 \(innerSigns[1]), = 0 \(innerSigns[2])",
      "contrast (information): on \(zeros.count) m = 0 draws (class Z construction) the log "
        + "ratio's slope in α is at most \(format3(zeroSlope)) — no α changes the ratio "
        + "(alphapo.alpha0-degenerate-cases)",
    ]
    var out = tally.outcome(
      claim: "log(r′(π_w)/r′(π_l)) = const − mα and dπ_w/dt ≥ 0 eventually, on M1",
      counterexample: smallest.example, notes: notes)
    if out.verdict == .confirmed && (pos < need || neg < need) {
      out.verdict = .inconclusive
      out.summary =
        "coverage short (m > 0 \(pos), m < 0 \(neg), need \(need) each) — " + out.summary
    }
    return out
  }
}
