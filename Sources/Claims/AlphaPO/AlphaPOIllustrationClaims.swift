// alphapo.illustration1-closed-form, illustration1-values, illustration2-closed-form,
// illustration2-values, illustrations-nonmonotonic (003_5c1a521bcc07b90e.txt §3.3,
// Illustrations 1 and 2).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// The inputs of Illustrations 1 and 2: β = 1, γ = 0, |y| = 1, ∂π/∂v = 1, so c = −log π and
/// A = 1/π = e^{c}.
enum AlphaPOIllustration {
  static func example(logPiW: Double, logPiL: Double) -> AlphaPOExample {
    AlphaPOExample(cw: -logPiW, cl: -logPiL, aw: exp(-logPiW), al: exp(-logPiL), beta: 1, gamma: 0)
  }
  static let one = example(logPiW: -1, logPiL: -2)
  static let two = example(logPiW: -2, logPiL: -1)
  static let printedAlphas: [Double] = [-2, 0, 0.25, 1, 2]

  /// (e^{2α} − e^{α})/α = e^{α}·(e^{α} − 1)/α = e^{α}·exprel(α) (1 at α = 0).
  static func exprelProduct(_ a: Double) -> Double {
    a == 0 ? 1 : exp(a) * expm1(a) / a
  }

  /// The printed closed form of Illustration 1: (1 + exp((e^{2α} − e^{α})/α))⁻¹|e^{α+1} − e^{2α+2}|.
  static func closedForm1(_ a: Double) -> Double {
    1 / (1 + exp(exprelProduct(a))) * abs(exp(a + 1) - exp(2 * a + 2))
  }

  /// Illustration 2: (1 + exp((e^{α} − e^{2α})/α))⁻¹|e^{2+2α} − e^{1+α}|.
  static func closedForm2(_ a: Double) -> Double {
    1 / (1 + exp(-exprelProduct(a))) * abs(exp(2 + 2 * a) - exp(1 + a))
  }
}

extension AlphaPOClaims {
  static let illustration1ClosedForm = Claim(
    id: "alphapo.illustration1-closed-form", paper: .alphapo, source: "§3.3, Illustration 1",
    kind: .identity,
    statement: "β = 1, γ = 0, |y| = 1, ∂π/∂v = 1, log π_w = −1, log π_l = −2: |∂ℓ/∂v| = "
      + "(1 + exp((e^{2α} − e^{α})/α))⁻¹|e^{α+1} − e^{2α+2}|."
  ) { ctx in
    illustrationClosedFormCheck(ctx, example: AlphaPOIllustration.one, closedForm: AlphaPOIllustration.closedForm1)
  }

  static let illustration2ClosedForm = Claim(
    id: "alphapo.illustration2-closed-form", paper: .alphapo, source: "§3.3, Illustration 2",
    kind: .identity,
    statement: "As Illustration 1 with log π_w = −2, log π_l = −1: |∂ℓ/∂v| = "
      + "(1 + exp((e^{α} − e^{2α})/α))⁻¹|e^{2+2α} − e^{1+α}|."
  ) { ctx in
    illustrationClosedFormCheck(ctx, example: AlphaPOIllustration.two, closedForm: AlphaPOIllustration.closedForm2)
  }

  /// Closed form vs T₁T₂ and vs (6) (closed form injectable for mutation tests).
  static func illustrationClosedFormCheck(
    _ ctx: CheckContext, example e: AlphaPOExample, closedForm: (Double) -> Double
  ) -> CheckOutcome {
    var tally = Tally()
    let eps = Double.ulpOfOne
    // Quick mode: 401 points (same rule, coarser grid).
    let n = ctx.mode == .full ? 4_000 : 400
    let alphas = (0...n).map { -20 + 40 * Double($0) / Double(n) } + AlphaPOIllustration.printedAlphas
    for a in alphas {
      let v = closedForm(a)
      let t1 = AlphaPOGradientFactors.t1(e, alpha: a)
      let dr = AlphaPOGradientFactors.deltaR(e, alpha: a)
      let tol = 16 * eps * t1 * (exp(a * e.cw) * e.aw + exp(a * e.cl) * e.al)
        + 16 * eps * (1 + abs(dr)) * v
      let t = Tolerance(absolute: tol, relative: 0, reason: "catalog: 16εT₁(e^{α+1}+e^{2α+2}) + 16ε(1+|δr|)·value")
      let p = t1 * AlphaPOGradientFactors.t2(e, alpha: a)
      let q = AlphaPOGradientFactors.gradientMagnitudeEq6(e, alpha: a)
      tally.record("closed form vs T₁T₂ (7)–(8)", residual: abs(v - p), tolerance: t,
        inputs: [NamedValue("α", a)], detail: "closed form \(v), T₁T₂ \(p)")
      tally.record("closed form vs (6)", residual: abs(v - q), tolerance: t,
        inputs: [NamedValue("α", a)], detail: "closed form \(v), (6) \(q)")
    }
    return tally.outcome(claim: "printed closed form = T₁T₂ = (6)")
  }

  static let illustration1Values = Claim(
    id: "alphapo.illustration1-values", paper: .alphapo, source: "§3.3, Illustration 1",
    kind: .numericValue,
    statement: "At α = −2, 0, 0.25, 1, 2: |∂ℓ/∂v| = 0.11, 1.26, 1.63, 0.44, 2.15e-8; T₁ = 0.49, "
      + "0.27, 0.19, 0.01, 5.60e-11; T₂ = 0.23, 4.67, 8.69, 47.21, 383.34."
  ) { _ in
    illustrationValuesCheck(
      example: AlphaPOIllustration.one,
      grad: [(0.11, 0.01), (1.26, 0.01), (1.63, 0.01), (0.44, 0.01), (2.15e-8, 0.01e-8)],
      t1: [(0.49, 0.01), (0.27, 0.01), (0.19, 0.01), (0.01, 0.01), (5.60e-11, 0.01e-11)],
      t2: [(0.23, 0.01), (4.67, 0.01), (8.69, 0.01), (47.21, 0.01), (383.34, 0.01)])
  }

  static let illustration2Values = Claim(
    id: "alphapo.illustration2-values", paper: .alphapo, source: "§3.3, Illustration 2",
    kind: .numericValue,
    statement: "At α = −2, 0, 0.25, 1, 2: |∂ℓ/∂v| = 0.12, 3.41, 7.05, 46.77, 383.34; T₁ = 0.51, "
      + "0.73, 0.81, 0.99, 1.00; the T₂ values remain identical to those in Illustration 1."
  ) { _ in
    // "T₂ identical to Illustration 1": checked against Illustration 1's printed T₂ by §2.5
    // and against the computed T₂ of Illustration 1 (relative 4ε).
    var out = illustrationValuesCheck(
      example: AlphaPOIllustration.two,
      grad: [(0.12, 0.01), (3.41, 0.01), (7.05, 0.01), (46.77, 0.01), (383.34, 0.01)],
      t1: [(0.51, 0.01), (0.73, 0.01), (0.81, 0.01), (0.99, 0.01), (1.00, 0.01)],
      t2: [(0.23, 0.01), (4.67, 0.01), (8.69, 0.01), (47.21, 0.01), (383.34, 0.01)])
    var same = true
    for a in AlphaPOIllustration.printedAlphas {
      let t21 = AlphaPOGradientFactors.t2(AlphaPOIllustration.one, alpha: a)
      let t22 = AlphaPOGradientFactors.t2(AlphaPOIllustration.two, alpha: a)
      let ok = abs(t21 - t22) <= 4 * Double.ulpOfOne * max(t21, t22)
      out.notes.append("T₂ at α = \(formatNumber(a)): Illustration 2 \(t22) vs Illustration 1 \(t21): "
        + (ok ? "equal" : "differ"))
      same = same && ok
    }
    if !same {
      out.verdict = .refuted
      out.summary = "computed T₂ of Illustration 2 differs from Illustration 1; " + out.summary
    }
    return out
  }

  /// The 15 printed values against (7), (8) and their product (printed values injectable).
  static func illustrationValuesCheck(
    example e: AlphaPOExample, grad: [(Double, Double)], t1 t1p: [(Double, Double)],
    t2 t2p: [(Double, Double)]
  ) -> CheckOutcome {
    var notes: [String] = []
    var verdicts: [Verdict] = []
    var failing: [String] = []
    for (i, a) in AlphaPOIllustration.printedAlphas.enumerated() {
      let t1 = AlphaPOGradientFactors.t1(e, alpha: a)
      let t2 = AlphaPOGradientFactors.t2(e, alpha: a)
      let g = t1 * t2
      let ls = AlphaPOGradientLogSpace.evaluate(e, alpha: a)
      let lt1 = ls.logT1 ?? -.infinity
      for (name, x, logX) in [("T₁", t1, lt1), ("T₂", t2, ls.logT2), ("|∂ℓ/∂v|", g, ls.lambda)] {
        if abs(exp(logX) - x) > 1e-12 * abs(x) {
          notes.append("\(name) at α = \(formatNumber(a)) numerically unstable: linear \(x), log-space \(exp(logX))")
        }
      }
      for (name, x, p) in [("|∂ℓ/∂v|", g, grad[i]), ("T₁", t1, t1p[i]), ("T₂", t2, t2p[i])] {
        let v = AlphaPOPrinted.compare(x, printed: p.0, unit: p.1)
        verdicts.append(v)
        let line = "α = \(formatNumber(a)): \(name) = \(x) vs printed \(formatNumber(p.0)) → \(v.rawValue)"
        notes.append(line)
        if v != .confirmed { failing.append(line) }
      }
      notes.append("α = \(formatNumber(a)): printed T₁·T₂ = \(t1p[i].0 * t2p[i].0) vs printed |∂ℓ/∂v| "
        + "\(formatNumber(grad[i].0)) (diagnosis)")
    }
    let v = Verdict.worst(verdicts)
    let summary = failing.isEmpty
      ? "all 15 values match their printed numbers (§2.5)"
      : "\(failing.count) of 15 values outside ±½ unit: " + failing.joined(separator: "; ")
    return CheckOutcome(
      verdict: v, summary: summary, notes: notes,
      counterexample: v == .refuted ? Counterexample(inputs: [], detail: failing.joined(separator: "; ")) : nil)
  }

  static let illustrationsNonmonotonic = Claim(
    id: "alphapo.illustrations-nonmonotonic", paper: .alphapo, source: "§3.3, after Illustration 2",
    kind: .existence,
    statement: "In Illustrations 1 and 2, α ↦ |∂ℓ/∂v| is not monotone."
  ) { ctx in
    var notes: [String] = []
    var perIll: [(Bool, Bool)] = []
    let n = ctx.mode == .full ? 40_000 : 4_000
    for (name, e) in [("Illustration 1", AlphaPOIllustration.one), ("Illustration 2", AlphaPOIllustration.two)] {
      let r1 = AlphaPOIllustration.printedAlphas.map { AlphaPOGradientLogSpace.evaluate(e, alpha: $0).lambda }
      var grid = (0...n).map { -20 + 40 * Double($0) / Double(n) }
      let neg = (5...10).map { -pow(2, Double($0)) }.reversed()
      let pos = (5...10).map { pow(2, Double($0)) }
      grid = Array(neg) + grid + pos
      let r2 = grid.map { AlphaPOGradientLogSpace.evaluate(e, alpha: $0).lambda }
      let nm1 = AlphaPOMonotonicity.isNonMonotone(r1)
      let nm2 = AlphaPOMonotonicity.isNonMonotone(r2)
      notes.append("\(name): R1 (five printed α) \(nm1 ? "non-monotone" : "monotone"); R2 (grid) "
        + (nm2 ? "non-monotone" : "monotone") + "; λ at printed α: "
        + r1.map { format3($0) }.joined(separator: ", "))
      perIll.append((nm1, nm2))
    }
    if perIll.allSatisfy({ $0.0 && $0.1 }) {
      return CheckOutcome(verdict: .confirmed,
        summary: "both illustrations non-monotone in both readings (five printed α; 40,001-point grid with tails)",
        notes: notes)
    }
    if perIll.allSatisfy({ $0.0 || $0.1 }) {
      return CheckOutcome(verdict: .conditional,
        summary: "some illustration is non-monotone in only one reading: " + notes.joined(separator: " | "),
        notes: notes,
        conditions: [ConditionReport(condition: "reading named in the notes", casesSatisfying: 1,
          holdingCase: notes.joined(separator: " | "), failingCase: "")])
    }
    return CheckOutcome(verdict: .refuted, summary: "an illustration is monotone in both readings",
      notes: notes, counterexample: Counterexample(inputs: [], detail: notes.joined(separator: " | ")))
  }
}

/// The non-monotonicity rule of `alphapo.illustrations-nonmonotonic` on λ sequences.
enum AlphaPOMonotonicity {
  /// Consecutive differences exceeding 1e-12 × the larger magnitude take both signs; −∞
  /// steps count as decisive, −∞ → −∞ as no change.
  static func isNonMonotone(_ xs: [Double]) -> Bool {
    var up = false
    var down = false
    for k in 1..<xs.count {
      let a = xs[k - 1]
      let b = xs[k]
      if a == -.infinity && b == -.infinity { continue }
      if a == -.infinity { up = true; continue }
      if b == -.infinity { down = true; continue }
      let d = b - a
      if abs(d) > 1e-12 * max(abs(a), abs(b)) {
        if d > 0 { up = true } else { down = true }
      }
      if up && down { return true }
    }
    return up && down
  }
}
