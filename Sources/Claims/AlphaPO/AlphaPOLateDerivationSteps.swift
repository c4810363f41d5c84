// alphapo.cor33-derivation-steps (003_5c1a521bcc07b90e.txt A.3, eqs. (26)–(31)): for
// ⟨∇π_w, ∇π_l⟩ > 0 and m ≠ 0 the printed chain (9) ⇔ (26) ⇔ (27) ⇔ (28) ⇔ (29)/(30) with α₀ of
// (31) consists of equivalent statements; each step's truth value is evaluated as printed, in
// log space (left minus right), and adjacent steps are compared.
//
// Goals, in order: 1) each printed inequality as printed (the ratio of (26) from (25), the
// argument of (27)/(28) as printed, α₀ of (31)); 2) log space; 3) simplicity.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// One printed step: (example, α) ↦ (left, right) in log space; the step holds iff left ≥ right.
  struct DerivationStep: Sendable {
    var name: String
    var sides: @Sendable (AlphaPOGradientExample, Double) -> (left: Double, right: Double)
  }

  /// The printed chain (9), (26), (27), (28), (29)/(30).
  static let printedDerivationSteps: [DerivationStep] = [
    // (9): log(r′(π_w)/r′(π_l)) from (5) vs log(⟨∇π_w, ∇π_l⟩/‖∇π_w‖²).
    DerivationStep(name: "(9)") { x, a in
      (AlphaPOCorollary33.logRatioFromEq5(x, alpha: a), AlphaPOCorollary33.logRightSideEq9(x))
    },
    // (26): the left side of (25) vs the same right side.
    DerivationStep(name: "(26)") { x, a in
      (AlphaPOCorollary33.logRatioEq25(x, alpha: a), AlphaPOCorollary33.logRightSideEq9(x))
    },
    // (27): exp(−α(log π_w/|y_w| − log π_l/|y_l|)) vs
    // ‖∇π_w‖²/⟨∇π_w,∇π_l⟩ · π_w|y_w|/(π_l|y_l|), both as logs.
    DerivationStep(name: "(27)") { x, a in (-a * x.margin, AlphaPOCorollary33.logArgumentEq10(x)) },
    // (28): −α(log π_w/|y_w| − log π_l/|y_l|) vs log(…), as printed (already in log form).
    DerivationStep(name: "(28)") { x, a in
      (
        -a * (x.logPiW / Double(x.lenW) - x.logPiL / Double(x.lenL)),
        AlphaPOCorollary33.logArgumentEq10(x)
      )
    },
    // (29) α ≤ α₀ if m > 0, (30) α ≥ α₀ if m < 0, α₀ of (31); as "left ≥ right".
    DerivationStep(name: "(29)/(30)") { x, a in
      let a0 = AlphaPOCorollary33.alpha0Eq31(x)
      return x.margin > 0 ? (a0, a) : (a, a0)
    },
  ]

  static let cor33DerivationSteps = Claim(
    id: "alphapo.cor33-derivation-steps", paper: .alphapo, source: "A.3, eqs. (26)–(31)",
    kind: .equivalence,
    statement: "For ⟨∇π_w, ∇π_l⟩ > 0 and m ≠ 0, (9) ⇔ (26) ⇔ (27) ⇔ (28) ⇔ [(29) if m > 0, (30) if "
      + "m < 0, with α₀ of (31)] are equivalent statements."
  ) { ctx in derivationStepsCheck(ctx, steps: printedDerivationSteps) }

  static func derivationStepsCheck(_ ctx: CheckContext, steps: [DerivationStep]) -> CheckOutcome {
    var r = ctx.stream("derivation")
    let draws = corollaryDraws(
      &r, m1: ctx.count(full: 5_000, quick: 250), abstract: ctx.count(full: 20_000, quick: 1_000))
    var tally = Tally()
    var smallest = AlphaPOSmallest()
    var firstBadStep: Int? = nil
    var pos = 0
    var neg = 0
    var tiesSkipped = 0
    for (i, (x, src)) in draws.enumerated() {
      if x.margin > 0 { pos += 1 } else { neg += 1 }
      let a0 = AlphaPOCorollary33.alpha0Eq31(x)
      let alphas =
        [Strata.uniform(&r, -20, 20)] + [-1, -1e-3, 1e-3, 1].map { a0 + $0 * (1 + abs(a0)) }
      for a in alphas {
        // Truth value per step; nil when tied.
        let truth: [Bool?] = steps.map { s in
          let (l, rt) = s.sides(x, a)
          if !(l.isFinite && rt.isFinite) { return nil }
          if abs(l - rt) <= 1e-10 * (1 + abs(l) + abs(rt)) { return nil }
          return l > rt
        }
        for k in 1..<steps.count {
          let cls = "\(steps[k - 1].name) ⇔ \(steps[k].name)"
          guard let p = truth[k - 1], let q = truth[k] else {
            tiesSkipped += 1
            continue
          }
          let inputs = corollaryInputs(x) + [NamedValue("α", a), NamedValue("α₀ (31)", a0)]
          let detail = "\(src) draw \(i): \(steps[k - 1].name) is \(p), \(steps[k].name) is \(q)"
          tally.record(cls, passed: p == q, inputs: inputs, detail: detail)
          if p != q {
            firstBadStep = min(firstBadStep ?? k, k)
            smallest.offer(
              size: x.lenW + x.lenL, alpha: a, index: i,
              Counterexample(inputs: inputs, detail: detail))
          }
        }
      }
    }
    var notes = [
      "coverage: \(pos) draws with m > 0, \(neg) with m < 0; adjacent comparisons skipped "
        + "for a tie: \(tiesSkipped)"
    ]
    if let k = firstBadStep {
      notes.append(
        "first step at which the truth values differ: \(steps[k - 1].name) → \(steps[k].name)")
    }
    var out = tally.outcome(
      claim: "the printed chain (9) ⇔ (26) ⇔ (27) ⇔ (28) ⇔ (29)/(30)",
      counterexample: smallest.example, notes: notes)
    if let k = firstBadStep {
      out.summary = "first differing step \(steps[k - 1].name) → \(steps[k].name); " + out.summary
    }
    let need = ctx.count(full: 1_000, quick: 100)
    if out.verdict == .confirmed && (pos < need || neg < need) { out.verdict = .inconclusive }
    return out
  }
}
