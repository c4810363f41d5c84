// The regularizer-profile claims of PRO App. F (v1) / App. E (v2), Figure 3, on
// f_{α,β}(δ) = (α/(2β))K(βδ) (PRO-formulas.md §10):
// - pro.regularizer-gradient-cap: sup_δ|∇f| does not depend on β, is ∝ α, and the limits at
//   ±∞ are β-free;
// - pro.regularizer-beta-accelerates: |∇f_{α,β}(δ)| increases with β; ∇²f(0) = αβ/8;
// - pro.fig3-curve-overlap: ∇f_{1,3} ≈ ∇f_{3,1} on (−0.5, 0.5).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  static let profileProvenance = ClaimProvenance.reconstructed(
    "the normalisation of f_{α,β}, PRO-formulas.md §10; the qualitative statements are printed prose")

  /// The α and β grids: log grids plus the paper's values.
  static let profileAlphas: [Double] =
    (0...12).map { 0.1 * pow(2000.0, Double($0) / 12) } + [2.5, 7.5, 17.5, 22.5, 52.5, 157.5]
  static let profileBetas: [Double] =
    (0...10).map { 1e-4 * pow(1e5, Double($0) / 10) } + [3e-4, 1e-3, 3e-3, 0.03, 0.1, 0.3, 3]

  static let regularizerGradientCap = Claim(
    id: "pro.regularizer-gradient-cap", paper: .pro,
    source: "App. F (v1) / App. E (v2), Figure 3 discussion", kind: .bound,
    statement: "sup_δ|∇_δ f_{α,β}(δ)| does not depend on β, is proportional to α (α/4), and "
      + "∇f tends to a β-independent limit as δ → ±∞.",
    provenance: profileProvenance
  ) { ctx in gradientCapOutcome(ctx) }

  static func gradientCapOutcome(
    _ ctx: CheckContext,
    gradient: @escaping @Sendable (Double, Double, Double) -> Double = { a, b, d in
      PROExRegularizerProfile(alpha: a, beta: b).gradient(d)
    }
  ) -> CheckOutcome {
    var tally = Tally()
    let grid = [0.0] + (-300...600).flatMap { j -> [Double] in
      let d = pow(10, Double(j) / 100)
      return [d, -d]
    }
    var constants: [Double] = []
    var reach: [String] = []
    for a in profileAlphas {
      var sups: [Double] = []
      for b in profileBetas {
        var sup = 0.0
        for d in grid { sup = max(sup, abs(gradient(a, b, d))) }
        sups.append(sup)
        let lp = gradient(a, b, 1e6 / b)
        let lm = gradient(a, b, -1e6 / b)
        let l0p = gradient(a, profileBetas[0], 1e6 / profileBetas[0])
        let l0m = gradient(a, profileBetas[0], -1e6 / profileBetas[0])
        let t = PROExTolerance.round(terms: 2, sum: a)
        tally.record(
          "limits at ±10⁶/β agree across β", residual: max(abs(lp - l0p), abs(lm - l0m)),
          tolerance: t, inputs: [NamedValue("alpha", a), NamedValue("beta", b)],
          detail: "∇f(±10⁶/β) = \(lp), \(lm) vs \(l0p), \(l0m) at β = \(profileBetas[0])")
        if a == profileAlphas[0], b == profileBetas[0] || b == 3e-3 || b == profileBetas[10] {
          let first = grid.filter { $0 > 0 }.sorted().first { abs(gradient(a, b, $0)) >= sup - t.absolute }
          reach.append("β = \(formatNumber(b)): |∇f| within T-round of sup from δ = \(first ?? .nan)")
        }
      }
      let t = PROExTolerance.round(terms: 2, sum: a)
      let spread = (sups.max() ?? 0) - (sups.min() ?? 0)
      tally.record(
        "sup agrees across β", residual: spread, tolerance: t, inputs: [NamedValue("alpha", a)],
        detail: "sups over β in [\(sups.min() ?? .nan), \(sups.max() ?? .nan)]")
      constants.append((sups.first ?? 0) / a)
    }
    let c0 = constants.first ?? .nan
    for (i, c) in constants.enumerated() {
      tally.record(
        "sup/α is one constant", residual: abs(c - c0),
        tolerance: PROExTolerance.round(terms: 2, sum: c0),
        inputs: [NamedValue("alpha", profileAlphas[i])], detail: "sup/α = \(c) vs \(c0)")
    }
    return tally.outcome(
      claim: "sup|∇f_{α,β}| is β-free and ∝ α, on the reconstructed f_{α,β} (PRO-formulas.md §10)",
      notes: ["sup/α = \(c0) (α/4 under the α/2 normalisation: 0.25)"] + reach)
  }

  static let regularizerBetaAccelerates = Claim(
    id: "pro.regularizer-beta-accelerates", paper: .pro, source: "App. F (v1) / App. E (v2)",
    kind: .inequality,
    statement: "For fixed α and δ ≠ 0, |∇_δ f_{α,β}(δ)| increases with β; ∇²_δ f_{α,β}(0) = αβ/8.",
    provenance: profileProvenance
  ) { ctx in try betaAcceleratesOutcome(ctx) }

  static func betaAcceleratesOutcome(
    _ ctx: CheckContext,
    gradient: @escaping @Sendable (Double, Double, Double) -> Double = { a, b, d in
      PROExRegularizerProfile(alpha: a, beta: b).gradient(d)
    }
  ) throws -> CheckOutcome {
    let id = "pro.regularizer-beta-accelerates"
    var r = ctx.stream(id)
    var tally = Tally()
    var fIncreases = 0
    let count = ctx.count(full: 10_000, quick: 1000)
    for _ in 0..<count {
      let a = profileAlphas[r.uniformInt(in: 0...(profileAlphas.count - 1))]
      var b1 = profileBetas[r.uniformInt(in: 0...(profileBetas.count - 1))]
      var b2 = profileBetas[r.uniformInt(in: 0...(profileBetas.count - 1))]
      if b1 == b2 { continue }
      if b1 > b2 { swap(&b1, &b2) }
      let d = (r.uniform() < 0.5 ? -1.0 : 1.0) * pow(10, Strata.uniform(&r, -3, 3))
      let g1 = abs(gradient(a, b1, d))
      let g2 = abs(gradient(a, b2, d))
      let t = PROExTolerance.round(terms: 2, sum: g1 + g2)
      tally.record(
        "|∇f_{α,β₂}(δ)| ≥ |∇f_{α,β₁}(δ)|", passed: g2 >= g1 - t.absolute, residual: max(0, g1 - g2),
        allowed: t.absolute, reason: t.reason,
        inputs: [NamedValue("alpha", a), NamedValue("beta1", b1), NamedValue("beta2", b2), NamedValue("delta", d)],
        detail: "|∇f| = \(g1) at β₁, \(g2) at β₂")
      let p1 = PROExRegularizerProfile(alpha: a, beta: b1).value(d)
      let p2 = PROExRegularizerProfile(alpha: a, beta: b2).value(d)
      if p2 >= p1 { fIncreases += 1 }
    }
    var ratios: [Double] = []
    for a in profileAlphas {
      for b in profileBetas {
        let e = try Derivative.derivative(
          of: { gradient(a, b, $0) }, at: 0, method: .central,
          step: CatalogTolerance.finiteDifferenceStep(0))
        let claimed = a * b / 8
        ratios.append(e.value / claimed)
        let t = Tolerance(
          absolute: 2 * e.error + PROExTolerance.round(terms: 2, sum: claimed).absolute, relative: 0,
          reason: "T-fd = 2·abserr + T-round")
        tally.record(
          "∇²f(0) = αβ/8", residual: abs(e.value - claimed), tolerance: t,
          inputs: [NamedValue("alpha", a), NamedValue("beta", b)],
          detail: "FD slope \(e.value) ± \(e.error), αβ/8 = \(claimed)")
      }
    }
    return tally.outcome(
      claim: "|∇f| increases with β and ∇²f(0) = αβ/8, on the reconstructed f_{α,β} "
        + "(PRO-formulas.md §10)",
      notes: [
        "slope at 0 / (αβ/8) in [\(ratios.min() ?? .nan), \(ratios.max() ?? .nan)]",
        "f itself increases with β at fixed δ in \(fIncreases) of the sampled triples",
      ])
  }

  static let fig3CurveOverlap = Claim(
    id: "pro.fig3-curve-overlap", paper: .pro, source: "App. E (v2), Figure 3",
    kind: .numericValue,
    statement: "∇f_{1,3}(δ) ≈ ∇f_{3,1}(δ) for |δ| < 0.5.",
    provenance: .reconstructed(
      "the normalisation of f_{α,β}; the v2 wording as recorded in PRO-formulas.md §10")
  ) { ctx in try fig3Outcome(ctx) }

  static func fig3Outcome(
    _ ctx: CheckContext,
    gradient: @escaping @Sendable (Double, Double, Double) -> Double = { a, b, d in
      PROExRegularizerProfile(alpha: a, beta: b).gradient(d)
    }
  ) throws -> CheckOutcome {
    let points = 100_001
    var maxGap = 0.0
    var argMax = 0.0
    var maxAbs = 0.0
    var allWithin = true
    var gaps: [(d: Double, g: Double)] = []
    for i in 0..<points {
      let d = -0.5 + Double(i) / Double(points - 1)
      let a = gradient(1, 3, d)
      let b = gradient(3, 1, d)
      let g = abs(a - b)
      let t = PROExTolerance.round(terms: 2, sum: abs(a) + abs(b)).absolute
      if g > t { allWithin = false }
      if g > maxGap {
        maxGap = g
        argMax = d
      }
      maxAbs = max(maxAbs, abs(a), abs(b))
      gaps.append((d, g))
    }
    let rel = maxGap / maxAbs
    // Slopes at 0 (T-fd).
    let s13 = try Derivative.derivative(of: { gradient(1, 3, $0) }, at: 0, method: .central, step: 1e-4)
    let s31 = try Derivative.derivative(of: { gradient(3, 1, $0) }, at: 0, method: .central, step: 1e-4)
    let slopesEqual = abs(s13.value - s31.value) <= 2 * (s13.error + s31.error) + 8 * Double.ulpOfOne
    // Growth law: log gap against log|δ| over 1e-3 ≤ |δ| ≤ 0.1 (least squares).
    let fitPts = gaps.filter { abs($0.d) >= 1e-3 && abs($0.d) <= 0.1 && $0.g > 0 }
    let xs = fitPts.map { log(abs($0.d)) }
    let ys = fitPts.map { log($0.g) }
    let mx = xs.reduce(0, +) / Double(max(xs.count, 1))
    let my = ys.reduce(0, +) / Double(max(ys.count, 1))
    let sxy = zip(xs, ys).reduce(0.0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let sxx = xs.reduce(0.0) { $0 + ($1 - mx) * ($1 - mx) }
    let exponent = sxy / sxx
    let prefactor = exp(my - exponent * mx)
    // Largest symmetric interval with relative gap ≤ 1%, 5%, 10% (relative to max|∇f|).
    var intervals: [String] = []
    for level in [0.01, 0.05, 0.1] {
      let bad = gaps.filter { $0.g / maxAbs > level }.map { abs($0.d) }.min()
      intervals.append("≤ \(formatNumber(level * 100))%: |δ| < \(bad.map { formatNumber($0) } ?? "0.5 (whole grid)")")
    }
    let verdict: Verdict = allWithin ? .confirmed : slopesEqual ? .approximate : .refuted
    return CheckOutcome(
      verdict: verdict,
      summary: "∇f_{1,3} vs ∇f_{3,1} on [−0.5, 0.5] (reconstructed f_{α,β}): max gap \(format3(maxGap)) "
        + "at δ = \(argMax), relative gap \(format3(rel)); slopes at 0 \(s13.value) and \(s31.value) "
        + (slopesEqual ? "agree" : "differ") + "; gap ≈ \(format3(prefactor))|δ|^\(format3(exponent))",
      notes: ["relative-gap intervals: " + intervals.joined(separator: "; ")],
      counterexample: verdict == .refuted
        ? Counterexample(inputs: [NamedValue("delta", 0)], detail: "slopes \(s13.value) vs \(s31.value)")
        : nil)
  }
}
