// alphapo.thm31-proof-asymptotics (003_5c1a521bcc07b90e.txt A.1 eqs. (11)–(15), Case 2(a), and
// Case 2(b) "T₁(α)T₂(α) ∼ β exp(αc_w)"): each printed f ∼ g on the positive tail grid of
// claims/alphapo.md §2.3, in two readings: (A) f/g → 1, (B) log f/log g → 1.
//
// Goals, in order: 1) the entry exactly (ρ = log f − log g and q = log f/log g from the §2.3
// recipe, terms that cancel exactly cancelled algebraically, log-of-log forms when log f or
// log g leaves the double range); 2) no overflow on the tail grid (|α| far beyond 10³);
// 3) simplicity.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// ρ = log f − log g and q = log f/log g of one statement at one α.
  struct AsymptoticPoint: Sendable {
    var rho: Double
    var q: Double
  }

  /// One printed statement f ∼ g: its name, margin class, and (example, recipe at α, α) ↦ (ρ, q).
  struct AsymptoticStatement: Sendable {
    var name: String
    var positiveMargin: Bool
    var point: @Sendable (AlphaPOExample, AlphaPOLogGradient, Double) -> AsymptoticPoint
  }

  /// log(β/α) + αc = log of (β/α)e^{αc}, α > 0.
  private static func logScaledExp(_ e: AlphaPOExample, _ a: Double, _ c: Double) -> Double {
    log(e.beta) - log(a) + a * c
  }

  /// The five statements of the entry.
  static let proofAsymptoticStatements: [AsymptoticStatement] = [
    // (11): (β/α)[e^{αc_l} − e^{αc_w}] ∼ (β/α)e^{αc_l}.
    AsymptoticStatement(name: "(11) δr ∼ (β/α)e^{αc_l}", positiveMargin: true) { e, g, a in
      let lf = g.logAbsDeltaR
      let lg = logScaledExp(e, a, e.cl)
      return AsymptoticPoint(rho: lf - lg, q: lf / lg)
    },
    // (12): exp(δr − γ) ∼ exp((β/α)e^{αc_l}); log f = δr − γ, log g = (β/α)e^{αc_l};
    // ρ = −(β/α)e^{αc_w} − γ after cancelling (β/α)e^{αc_l}.
    AsymptoticStatement(name: "(12) exp(δr − γ) ∼ exp((β/α)e^{αc_l})", positiveMargin: true) {
      e, g, a in
      let rho = -exp(logScaledExp(e, a, e.cw)) - e.gamma
      let lgg = logScaledExp(e, a, e.cl)
      let q: Double
      if g.logAbsDeltaR <= 700 && lgg <= 700 {
        q = (g.signDeltaR * exp(g.logAbsDeltaR) - e.gamma) / exp(lgg)
      } else {
        // log log f − log log g, log log f = log(δr − γ) = log δr + log1p(−γ/δr).
        q = exp(g.logAbsDeltaR + log1p(-e.gamma * exp(-g.logAbsDeltaR)) - lgg)
      }
      return AsymptoticPoint(rho: rho, q: q)
    },
    // (13): T₂ ∼ e^{αc_l}|A_l|.
    AsymptoticStatement(name: "(13) T₂ ∼ e^{αc_l}|∂π_l/∂v|/(π_l|y_l|)", positiveMargin: true) {
      e, g, a in
      let lg = e.al == 0 ? -Double.infinity : a * e.cl + log(abs(e.al))
      return AsymptoticPoint(rho: g.logT2 - lg, q: g.logT2 / lg)
    },
    // (14)–(15): T₁T₂ ∼ βe^{αc_l}|A_l|/exp((β/α)e^{αc_l}). With z = δr − γ > 0,
    // log T₁ − log β + (β/α)e^{αc_l} = (β/α)e^{αc_w} + γ − log1p(e^{−z}) (cancelled).
    AsymptoticStatement(
      name: "(14)–(15) T₁T₂ ∼ βe^{αc_l}|A_l|/exp((β/α)e^{αc_l})", positiveMargin: true
    ) {
      e, g, a in
      let lAl = e.al == 0 ? -Double.infinity : log(abs(e.al))
      let lgs = logScaledExp(e, a, e.cl)
      let t2part = g.logT2 - (a * e.cl + lAl)
      let z = g.logAbsDeltaR > 700 ? Double.infinity : g.signDeltaR * exp(g.logAbsDeltaR) - e.gamma
      let rho: Double
      if z > 0 {
        rho = exp(logScaledExp(e, a, e.cw)) + e.gamma - log1p(exp(-z)) + t2part
      } else {
        rho = g.lambda - (log(e.beta) + a * e.cl + lAl - exp(lgs))
      }
      // q: λ/log g when both are finite numbers, else log(−log f) − log(−log g).
      let logG = log(e.beta) + a * e.cl + lAl - exp(lgs)
      let q: Double
      if g.logT1 != nil && g.lambda.isFinite && logG.isFinite && lgs <= 700 {
        q = g.lambda / logG
      } else if let ld = g.logDecay {
        let lnegG = lgs + log1p(-(log(e.beta) + a * e.cl + lAl) * exp(-lgs))
        q = exp(ld - lnegG)
      } else {
        q = .nan
      }
      return AsymptoticPoint(rho: rho, q: q)
    },
    // Case 2(b), m < 0: T₁T₂ ∼ βe^{αc_w}.
    AsymptoticStatement(name: "2(b) T₁T₂ ∼ βe^{αc_w}", positiveMargin: false) { e, g, a in
      let lg = log(e.beta) + a * e.cw
      return AsymptoticPoint(rho: g.lambda - lg, q: g.lambda / lg)
    },
  ]

  /// Reading A on the last three grid points: |e^{ρ(α_K)} − 1| ≤ 1e-6 and |ρ| non-increasing
  /// (slack 1e-12(1 + |ρ|), the rounding slack of the §2.3 limit rule).
  static func readingA(_ pts: [AsymptoticPoint]) -> Bool {
    let t = pts.suffix(3).map { abs($0.rho) }
    guard t.count == 3, t.allSatisfy({ $0.isFinite }) else { return false }
    for k in 1..<3 where t[k] > t[k - 1] + 1e-12 * (1 + t[k - 1]) { return false }
    return abs(expm1(pts[pts.count - 1].rho)) <= 1e-6
  }

  /// Reading B: |q(α_K) − 1| ≤ 0.05 and |q − 1| shrinks by ≥ 1.5 per doubling over the last
  /// three points (or is below 1e-12).
  static func readingB(_ pts: [AsymptoticPoint]) -> Bool {
    let t = pts.suffix(3).map { abs($0.q - 1) }
    guard t.count == 3, t.allSatisfy({ $0.isFinite }) else { return false }
    for k in 1..<3 where !(t[k] < 1e-12 || t[k] <= t[k - 1] / 1.5) { return false }
    return t[2] <= 0.05
  }

  static let thm31ProofAsymptotics = Claim(
    id: "alphapo.thm31-proof-asymptotics", paper: .alphapo,
    source: "A.1 eqs. (11)–(15) (Case 2(a)); Case 2(b)", kind: .rate,
    statement: "As α → +∞, m > 0: (11) δr ∼ (β/α)e^{αc_l}; (12) exp(δr − γ) ∼ exp((β/α)e^{αc_l}); "
      + "(13) T₂ ∼ e^{αc_l}|∂π_l/∂v|/(π_l|y_l|); (14)–(15) T₁T₂ ∼ "
      + "βe^{αc_l}|∂π_l/∂v|/(exp((β/α)e^{αc_l})π_l|y_l|). m < 0: T₁T₂ ∼ βe^{αc_w}."
  ) { ctx in
    var r = ctx.stream("classes")
    let p = AlphaPOMarginClasses.signed(&r, sign: 1, count: ctx.count(full: 5_000, quick: 500))
    let n = AlphaPOMarginClasses.signed(&r, sign: -1, count: ctx.count(full: 5_000, quick: 500))
    return proofAsymptoticsCheck(p: p, n: n, statements: proofAsymptoticStatements)
  }

  /// The check on given class draws and statements (mutation tests pass a wrong statement).
  static func proofAsymptoticsCheck(
    p: [AlphaPOClassDraw], n: [AlphaPOClassDraw], statements: [AsymptoticStatement]
  ) -> CheckOutcome {
    var verdicts: [Verdict] = []
    var notes: [String] = []
    var classes: [CaseClass] = []
    var conds: [ConditionReport] = []
    var cx: Counterexample? = nil
    for s in statements {
      var tallyB = Tally()
      var failsA = 0
      var judge = ConditionalJudge(conditions: alphaPOConditionNames)
      var smallest = AlphaPOSmallest()
      var limitRho: [Double] = []
      var failsAWhereBHolds = 0
      for c in s.positiveMargin ? p : n {
        let grid = AlphaPOGradientLogSpace.tailGrid(c.example, sign: 1).suffix(3)
        let pts = grid.map {
          s.point(c.example, AlphaPOGradientLogSpace.evaluate(c.example, alpha: $0), $0)
        }
        let a = readingA(pts)
        let b = readingB(pts)
        if !a {
          failsA += 1
          if b { failsAWhereBHolds += 1 }
          if limitRho.count < 10_000 { limitRho.append(pts[pts.count - 1].rho) }
        }
        let detail =
          "\(s.name) on α = " + grid.map { formatNumber($0) }.joined(separator: ", ")
          + ": ρ = " + pts.map { format3($0.rho) }.joined(separator: ", ")
          + "; q = " + pts.map { format3($0.q) }.joined(separator: ", ")
        tallyB.record("\(s.name), class \(c.cls)", passed: b, inputs: c.inputs, detail: detail)
        judge.record(holds: b, satisfies: c.conditions, describe: c.describe + "; " + detail)
        if !b {
          smallest.offer(
            size: c.draw.lenW + c.draw.lenL, alpha: 0, index: c.index,
            Counterexample(inputs: c.inputs, detail: detail))
        }
      }
      let v: Verdict
      var o = judgedOutcome(
        tally: tallyB, judge: judge, counterexample: smallest.example, claim: s.name)
      if tallyB.failures > 0 {
        v = o.verdict
      } else {
        v = failsA == 0 ? .confirmed : .approximate
      }
      o.verdict = v
      let sorted = limitRho.filter { !$0.isNaN }.sorted()
      let rhoNote =
        failsA == 0
        ? ""
        : "; reading A fails on \(failsA) draws, ρ(α_K) there: min "
          + format3(sorted.first ?? .nan) + ", median "
          + format3(sorted.isEmpty ? .nan : sorted[sorted.count / 2])
          + ", max " + format3(sorted.last ?? .nan)
      notes.append(
        "\(v.rawValue): \(s.name): reading B fails on \(tallyB.failures) of \(tallyB.cases)"
          + rhoNote)
      if v == .conditional {
        notes.append("  " + o.summary)
        notes.append(
          "  where reading B holds, reading A fails on \(failsAWhereBHolds) draws"
            + (failsAWhereBHolds > 0
              ? " (under the condition the statement holds only as log f/log g → 1)" : ""))
      }
      verdicts.append(v)
      classes += o.classes
      if v == .conditional { conds += o.conditions }
      if cx == nil && (v == .refuted || v == .conditional) { cx = o.counterexample }
    }
    let v = Verdict.worst(verdicts)
    return CheckOutcome(
      verdict: v,
      summary: "five asymptotic statements of A.1: "
        + zip(statements, verdicts).map { "\($0.0.name) \($0.1.rawValue)" }.joined(separator: "; "),
      classes: classes, notes: notes, counterexample: v == .refuted || v == .conditional ? cx : nil,
      conditions: v == .conditional ? conds : [])
  }
}
