// alphapo.thm31-limit-alpha-to-minus-inf, thm31-limit-positive-margin,
// thm31-limit-nonpositive-margin (003_5c1a521bcc07b90e.txt Theorem 3.1, A.1), on the tail
// grids of claims/alphapo.md §2.3 with the log-space recipe.
import Analytic
import Numerics

extension AlphaPOClaims {
  static let thm31LimitAlphaToMinusInf = Claim(
    id: "alphapo.thm31-limit-alpha-to-minus-inf", paper: .alphapo,
    source: "Theorem 3.1, item 1; A.1 Part 1", kind: .limit,
    statement: "For β > 0, γ ≥ 0: lim_{α→−∞} |∂ℓ/∂v| = 0."
  ) { ctx in
    var r = ctx.stream("classes")
    let draws = AlphaPOMarginClasses.signed(&r, sign: 1, count: ctx.count(full: 5_000, quick: 500))
      + AlphaPOMarginClasses.signed(&r, sign: -1, count: ctx.count(full: 5_000, quick: 500))
      + AlphaPOMarginClasses.zero(&r, count: ctx.count(full: 2_000, quick: 200))
    return thm31LimitCheck(draws, sign: -1, expectInfinity: false, claim: "|∂ℓ/∂v| → 0 as α → −∞")
  }

  static let thm31LimitPositiveMargin = Claim(
    id: "alphapo.thm31-limit-positive-margin", paper: .alphapo,
    source: "Theorem 3.1, item 2 (first bullet); A.1 Case 2(a)", kind: .limit,
    statement: "If m > 0, lim_{α→+∞} |∂ℓ/∂v| = 0."
  ) { ctx in
    var r = ctx.stream("classes")
    let draws = AlphaPOMarginClasses.signed(&r, sign: 1, count: ctx.count(full: 5_000, quick: 500))
    return thm31LimitCheck(draws, sign: 1, expectInfinity: false, claim: "m > 0: |∂ℓ/∂v| → 0 as α → +∞")
  }

  static let thm31LimitNonpositiveMargin = Claim(
    id: "alphapo.thm31-limit-nonpositive-margin", paper: .alphapo,
    source: "Theorem 3.1, item 2 (second bullet); A.1 Cases 2(b), 2(c)", kind: .limit,
    statement: "If m ≤ 0, lim_{α→+∞} |∂ℓ/∂v| = +∞, except when m = 0 and Δ = 0."
  ) { ctx in
    var r = ctx.stream("classes")
    let n = AlphaPOMarginClasses.signed(&r, sign: -1, count: ctx.count(full: 5_000, quick: 500))
    let z = AlphaPOMarginClasses.zero(&r, count: 2 * ctx.count(full: 1_000, quick: 100))
      .filter { $0.cls == "Z (Δ ≠ 0)" }
    return thm31LimitCheck(n + z, sign: 1, expectInfinity: true, claim: "m ≤ 0: |∂ℓ/∂v| → +∞ as α → +∞")
  }

  /// The shared limit check (the λ function injectable for mutation tests).
  static func thm31LimitCheck(
    _ draws: [AlphaPOClassDraw], sign: Double, expectInfinity: Bool, claim: String,
    lambda: (AlphaPOExample, Double) -> Double = { AlphaPOGradientLogSpace.evaluate($0, alpha: $1).lambda }
  ) -> CheckOutcome {
    var tally = Tally()
    var judge = ConditionalJudge(conditions: alphaPOConditionNames)
    var smallest = AlphaPOSmallest()
    for c in draws {
      let grid = AlphaPOGradientLogSpace.tailGrid(c.example, sign: sign)
      let tail = grid.suffix(4).map { lambda(c.example, $0) }
      let ok = expectInfinity ? AlphaPOLimitRule.limitInfinity(tail) : AlphaPOLimitRule.limitZero(tail)
      let detail = "λ on the last four grid points α = "
        + grid.suffix(4).map { formatNumber($0) }.joined(separator: ", ") + ": "
        + tail.map { format3($0) }.joined(separator: ", ")
      tally.record("class \(c.cls)", passed: ok, inputs: c.inputs, detail: detail)
      judge.record(holds: ok, satisfies: c.conditions, describe: c.describe + "; " + detail)
      if !ok {
        smallest.offer(size: c.draw.lenW + c.draw.lenL, alpha: 0, index: c.index,
          Counterexample(inputs: c.inputs, detail: detail))
      }
    }
    return judgedOutcome(tally: tally, judge: judge, counterexample: smallest.example, claim: claim)
  }

  /// Confirmed / conditional / refuted per §2.6 from a tally and a ConditionalJudge.
  static func judgedOutcome(
    tally: Tally, judge: ConditionalJudge, counterexample: Counterexample?, claim: String,
    notes: [String] = []
  ) -> CheckOutcome {
    var out = tally.outcome(claim: claim, counterexample: counterexample, notes: notes)
    if tally.failures == 0 { return out }
    let (v, conds) = judge.verdict()
    out.verdict = v
    out.conditions = conds
    if v == .conditional {
      out.summary = "conditional on " + conds.map(\.condition).joined(separator: "; or ") + " — "
        + out.summary
    }
    return out
  }
}
