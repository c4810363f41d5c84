// alphapo.ratio-eq25, lemma-a1-monotone-derivative, lemma-a1-eq33, figure4-log-reward-differences
// (003_5c1a521bcc07b90e.txt A.3 eq. 25, A.5 Lemma A.1 and eqs. 32–33, Figure 4).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let ratioEq25 = Claim(
    id: "alphapo.ratio-eq25", paper: .alphapo, source: "A.3, eq. (25)", kind: .identity,
    statement: "r′(π_w)/r′(π_l) = (π_l|y_l|)/(π_w|y_w|) · exp(−α(log π_w/|y_w| − log π_l/|y_l|))."
  ) { ctx in try ratioEq25Check(ctx, logEq25: AlphaPOCorollary33.logRatioEq25) }

  /// The (25) check with log (25) injectable (mutation tests). The FD comparison follows §2.4:
  /// both derivatives at h (h = 10⁻³(1 + |log π|), as in alphapo.reward-derivative), a failing
  /// case recomputed with both at h/10 and at h/100, a counterexample only if all three fail.
  static func ratioEq25Check(
    _ ctx: CheckContext, logEq25: (AlphaPOGradientExample, Double) -> Double
  ) throws -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("draws")
    var retried = 0
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let d = AlphaPODraw.draw(&r)
      for a in [d.alpha] + alphaPOFixedAlphas {
        var dd = d
        dd.alpha = a
        let x = AlphaPOGradientExample(
          logPiW: d.logPiW, lenW: d.lenW, logPiL: d.logPiL, lenL: d.lenL, normSqW: 1, inner: 1)
        let l5 = AlphaPOCorollary33.logRatioFromEq5(x, alpha: a)
        let l25 = logEq25(x, a)
        let s = 2 * (abs(d.logPiW) + abs(d.logPiL) + log(Double(d.lenW)) + log(Double(d.lenL))
          + abs(a * d.lw) + abs(a * d.ll))
        tally.record(
          "closed forms (5)/(5) vs (25)", residual: abs(l5 - l25), tolerance: AlphaPOTolerance.closed(s),
          inputs: dd.inputs, detail: "log ratio from (5): \(l5), (25): \(l25)")
        // Against the ratio of FD derivatives of (3) in u = log π (r′ = (dr/du)/π).
        let obj = AlphaPO(alpha: a, beta: d.beta, gamma: 0)
        let hw = 1e-3 * (1 + abs(d.logPiW))
        let hl = 1e-3 * (1 + abs(d.logPiL))
        var first: (residual: Double, tol: Double, lfd: Double)? = nil
        var passed = false
        for k in 0..<3 {
          let scale = pow(10, Double(k))
          let ew = try Derivative.derivative(
            of: { obj.reward(logProb: $0, length: d.lenW) }, at: d.logPiW, method: .central,
            step: hw / scale)
          let el = try Derivative.derivative(
            of: { obj.reward(logProb: $0, length: d.lenL) }, at: d.logPiL, method: .central,
            step: hl / scale)
          // The ratio of the two FD derivatives must be positive like (25); then compare logs.
          let sameSign = (ew.value > 0) == (el.value > 0) && ew.value != 0 && el.value != 0
          let lfd = (log(abs(ew.value)) - d.logPiW) - (log(abs(el.value)) - d.logPiL)
          let tol = 10 * (ew.error / abs(ew.value) + el.error / abs(el.value))
            + 16 * Double.ulpOfOne * s
          let residual = sameSign ? abs(lfd - l25) : .infinity
          if first == nil { first = (residual, tol, lfd) }
          if residual <= tol {
            passed = true
            if k > 0 { retried += 1 }
            break
          }
        }
        tally.record(
          "FD ratio vs (25)", passed: passed, residual: first?.residual ?? .nan,
          allowed: first?.tol ?? .nan,
          reason: "§2.4 FD rule on each derivative (relative errors add in log space), retried "
            + "at h/10 and h/100",
          inputs: dd.inputs, detail: "log FD ratio at h \(first?.lfd ?? .nan), (25) \(l25)")
      }
    }
    return tally.outcome(
      claim: "eq. (25) = ratio of (5) = ratio of FD derivatives of (3)",
      notes: ["FD comparisons passing only after the §2.4 retry (h/10 or h/100): \(retried)"])
  }

  static let lemmaA1MonotoneDerivative = Claim(
    id: "alphapo.lemma-a1-monotone-derivative", paper: .alphapo, source: "A.5, Lemma A.1; A.5.1",
    kind: .inequality,
    statement: "For π ∈ (0, 1], β > 0, |y| ≥ 1: r′_α(π) is monotonically decreasing in π iff α ≥ −|y|."
  ) { ctx in
    var tally = Tally()
    var strictAgree = 0
    var strictDisagree = 0
    var strictExample = ""
    var smallest: (Int, Double, Counterexample)? = nil
    var r = ctx.stream("draws")
    let n = ctx.count(full: 6_000, quick: 600)
    let grid = (0...256).map { -50 + 50 * Double($0) / 256 }
    let eps = Double.ulpOfOne
    for i in 0..<n {
      let len = Strata.integer(&r, 1...512)
      let ny = Double(len)
      let beta = Strata.logUniform(&r, 0.1, 10)
      let alpha: Double
      switch i % 3 {
      case 0: alpha = Strata.uniform(&r, -3 * ny, -ny)
      case 1: alpha = Strata.uniform(&r, -ny, 10)
      default: alpha = -ny + [-1, -1e-6, 0, 1e-6, 1][Strata.integer(&r, 0...4)]
      }
      let logs = grid.map {
        AlphaPORewardShape.logDerivativeEq32(logProb: $0, length: len, alpha: alpha, beta: beta)
      }
      var nonIncreasing = true
      var strict = true
      for k in 0..<(logs.count - 1) {
        let inc = logs[k + 1] - logs[k]
        let tau = 8 * eps * (abs(logs[k]) + abs(logs[k + 1]))
        if inc > tau { nonIncreasing = false }
        if !(inc < -tau) { strict = false }
      }
      let predicted = alpha >= -ny
      let inputs = [NamedValue("|y|", ny), NamedValue("β", beta), NamedValue("α", alpha)]
      let ok = nonIncreasing == predicted
      tally.record(
        ok ? "agrees" : "disagrees", passed: ok, inputs: inputs,
        detail: "α + |y| = \(alpha + ny): observed non-increasing \(nonIncreasing), predicted \(predicted)")
      if !ok {
        let key = (len, abs(alpha + ny))
        if smallest == nil || key < (smallest!.0, smallest!.1) {
          smallest = (len, abs(alpha + ny), Counterexample(
            inputs: inputs,
            detail: "α + |y| = \(alpha + ny): observed non-increasing \(nonIncreasing), predicted \(predicted)"))
        }
      }
      if strict == (alpha > -ny) {
        strictAgree += 1
      } else {
        strictDisagree += 1
        if strictExample.isEmpty { strictExample = "|y| = \(len), α = \(alpha), strict \(strict)" }
      }
    }
    let notes = [
      "strict reading (α > −|y| ⇔ strictly decreasing): \(strictAgree) agree, \(strictDisagree) "
        + "disagree\(strictExample.isEmpty ? "" : "; e.g. " + strictExample)"
    ]
    return tally.outcome(
      claim: "r′ non-increasing ⇔ α ≥ −|y| (proof's reading)", counterexample: smallest?.2, notes: notes)
  }

  static let lemmaA1Eq33 = Claim(
    id: "alphapo.lemma-a1-eq33", paper: .alphapo, source: "A.5.1, eq. (33)", kind: .gradientIdentity,
    statement: "dr′_α(π)/dπ = −(β/|y|)(α/|y| + 1)π^{−(α/|y|+2)}, whose sign is that of −(α/|y| + 1)."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("draws")
    var i = 0
    let n = ctx.count(full: 5_000, quick: 500)
    while i < n {
      let len = Strata.integer(&r, 1...512)
      let ny = Double(len)
      let beta = Strata.logUniform(&r, 0.1, 10)
      let alpha: Double
      switch i % 3 {
      case 0: alpha = Strata.uniform(&r, -3 * ny, -ny)
      case 1: alpha = Strata.uniform(&r, -ny, 10)
      default: alpha = -ny + [-1, -1e-6, 0, 1e-6, 1][Strata.integer(&r, 0...4)]
      }
      let lp = Strata.uniform(&r, -50, 0)
      // Keep the exponents within ±700.
      if abs((alpha / ny + 2) * lp) > 700 { continue }
      i += 1
      let pi = exp(lp)
      let f: (Double) -> Double = {
        AlphaPORewardShape.derivativeEq32(pi: $0, length: len, alpha: alpha, beta: beta)
      }
      let v33 = AlphaPORewardShape.derivativeEq33(pi: pi, length: len, alpha: alpha, beta: beta)
      let inputs = [NamedValue("log π", lp), NamedValue("|y|", ny), NamedValue("β", beta), NamedValue("α", alpha)]
      let res = try AlphaPOTolerance.fdRule(f, at: pi, step: 1e-5 * pi) { e in
        (abs(e.value - v33), AlphaPOTolerance.finiteDifference(abserr: e.error, value: v33).absolute)
      }
      tally.record(
        "FD vs (33)", passed: res.passed, residual: res.residual, allowed: res.tolerance,
        reason: "§2.4 FD rule", inputs: inputs, detail: "(33) = \(v33)")
      let k = -(alpha / ny + 1)
      let signOK = (v33 > 0 && k > 0) || (v33 < 0 && k < 0) || (v33 == 0 && k == 0)
      tally.record("sign of (33) = sign of −(α/|y| + 1)", passed: signOK, inputs: inputs,
        detail: "(33) = \(v33), −(α/|y|+1) = \(k)")
    }
    return tally.outcome(claim: "eq. (33) = d(32)/dπ, sign −(α/|y|+1)")
  }

  static let figure4LogRewardDifferences = Claim(
    id: "alphapo.figure4-log-reward-differences", paper: .alphapo, source: "A.5, Figure 4",
    kind: .numericValue,
    statement: "log reward: difference 0.1→0.15 about 0.40, 0.6→0.65 about 0.08; larger at lower "
      + "likelihood."
  ) { ctx in
    figure4Check(ctx, printed: (0.40, 0.08))
  }

  /// Figure 4 with the printed numbers injectable (mutation tests).
  static func figure4Check(_ ctx: CheckContext, printed: (Double, Double)) -> CheckOutcome {
    let simpo = SimPO(beta: 1, gamma: 0)
    let d1 = simpo.reward(logProb: log(0.15), length: 1) - simpo.reward(logProb: log(0.1), length: 1)
    let d2 = simpo.reward(logProb: log(0.65), length: 1) - simpo.reward(logProb: log(0.6), length: 1)
    let v1 = AlphaPOPrinted.compare(d1, printed: printed.0, unit: 0.01)
    let v2 = AlphaPOPrinted.compare(d2, printed: printed.1, unit: 0.01)
    var tally = Tally()
    var r = ctx.stream("triples")
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let a = r.uniformPositive()
      let b = r.uniformPositive()
      let p1 = min(a, b)
      let p2 = max(a, b)
      if p1 == p2 || p2 >= 1 { continue }
      let h = r.uniformPositive() * (1 - p2)
      let l1 = log(p1 + h) - log(p1)
      let l2 = log(p2 + h) - log(p2)
      if abs(l1 - l2) <= 16 * Double.ulpOfOne * (abs(log(p1)) + abs(log(p2)) + abs(log(p1 + h)) + abs(log(p2 + h))) {
        continue
      }
      tally.record(
        "random triples", passed: l1 > l2,
        inputs: [NamedValue("π₁", p1), NamedValue("π₂", p2), NamedValue("h", h)],
        detail: "Δ at π₁ = \(l1) ≤ Δ at π₂ = \(l2)")
    }
    let notes = [
      "0.1→0.15: log 1.5 = \(d1) vs printed \(printed.0): \(v1.rawValue)",
      "0.6→0.65: log(13/12) = \(d2) vs printed \(printed.1): \(v2.rawValue)",
      "ratio of the two differences (β-free) = \(d1 / d2)",
    ]
    if !(d1 > d2) || tally.failures > 0 {
      var o = tally.outcome(claim: "larger reward difference at lower likelihood", notes: notes)
      o.verdict = .refuted
      return o
    }
    let v = Verdict.worst([v1, v2])
    return CheckOutcome(
      verdict: v,
      summary: "log 1.5 = \(format3(d1)) vs 0.40 (\(v1.rawValue)), log(13/12) = \(format3(d2)) vs "
        + "0.08 (\(v2.rawValue)); ordering holds on \(tally.cases) random triples",
      classes: tally.classes, notes: notes)
  }
}

/// The printed-number rule of claims/alphapo.md §2.5.
enum AlphaPOPrinted {
  /// Confirmed if |x − p| ≤ u/2 + 1e-12|p|; approximate if ≤ u; refuted otherwise.
  static func compare(_ x: Double, printed p: Double, unit u: Double) -> Verdict {
    let d = abs(x - p)
    if d <= u / 2 + 1e-12 * abs(p) { return .confirmed }
    if d <= u { return .approximate }
    return .refuted
  }

  /// The rule for a printed range [a, b]: the distance from the range.
  static func compare(_ x: Double, range a: Double, _ b: Double, unit u: Double) -> Verdict {
    if x >= a && x <= b { return .confirmed }
    return compare(x, printed: x < a ? a : b, unit: u)
  }
}
