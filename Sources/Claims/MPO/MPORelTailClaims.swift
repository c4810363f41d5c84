// mpo.thm4.lemma4-gaussian-tail, mpo.thm4.mills-step, mpo.thm4.sum-to-integral,
// mpo.thm4.integral-closed-form (claims/mpo.md §3; paper 001_0ef3930bdbd6a134.txt App. F
// Lemma 4 eq. 23 and the chain of eq. 25), every side in log space.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MPOReliabilityClaims {
  static let halfLogPi = 0.5 * log(Double.pi)
  static let halfLogTwoPi = 0.5 * log(2 * Double.pi)

  // MARK: lemma4-gaussian-tail

  static let lemma4GaussianTail = Claim(
    id: "mpo.thm4.lemma4-gaussian-tail", paper: .mpo, source: "App. F Lemma 4, eq. (23)",
    kind: .inequality,
    statement: "For Z ~ N(0,1) and t > 0, Pr(Z ≥ t) ≤ φ(t)/t = e^{−t²/2}/(t√(2π))."
  ) { ctx in try lemma4Check(ctx) }

  /// The Lemma 4 check; `logRHS(t)` is the log of the claimed bound (mutations inject one).
  static func lemma4Check(
    _ ctx: CheckContext,
    logRHS: @Sendable (Double) -> Double = { t in -t * t / 2 - (log(t) + halfLogTwoPi) }
  ) throws -> CheckOutcome {
    var tally = Tally()
    let count = ctx.count(full: 10_000, quick: 1_000)
    var tightest = (gap: Double.infinity, t: 0.0)
    for t in MPORelGrid.logSpaced(1e-6, 1e3, count) {
      let lq = try SpecialFunctions.logErfc(t / 2.0.squareRoot()).value - log(2.0)
      let r = logRHS(t)
      let allowed = 1e-13 * (1 + abs(lq))
      if r - lq < tightest.gap { tightest = (r - lq, t) }
      tally.record(
        "t ∈ [1e-6, 1e3], log-spaced", passed: lq - r <= allowed, residual: max(0, lq - r),
        allowed: allowed, reason: "10⁻¹³(1 + |log Q|): rounding of log erfc and of t²/2 (catalog)",
        inputs: [NamedValue("t", t)], detail: "log Q(t) = \(lq) > log(φ(t)/t) = \(r)")
    }
    return tally.outcome(
      claim: "log Q(t) ≤ −t²/2 − log(t√(2π))",
      notes: ["smallest log-gap \(tightest.gap) at t = \(tightest.t) (the ratio → 1 as t → ∞)"])
  }

  // MARK: mills-step

  static let millsStep = Claim(
    id: "mpo.thm4.mills-step", paper: .mpo,
    source: "App. F.2 (after \"By Lemma 4 with t = m/(√2β)\") and the first inequality of (25)",
    kind: .inequality,
    statement: "mΦ(−m/(√2β)) ≤ m·φ(m/(√2β))/(m/(√2β)) = (β/√π)exp(−m²/(4β²)), the middle equality "
      + "exact; summed, C(β) ≤ (β/√π)Σ_{m≥1} e^{−m²/(4β²)}."
  ) { ctx in try millsStepCheck(ctx) }

  /// The Mills-step check; `logClosed(m, β)` is the log of the printed closed form
  /// (β/√π)e^{−m²/(4β²)} (mutations inject a wrong one).
  static func millsStepCheck(
    _ ctx: CheckContext,
    logClosed: @Sendable (Double, Double) -> Double = { m, b in
      log(b) - halfLogPi - m * m / (4 * b * b)
    }
  ) throws -> CheckOutcome {
    var tally = Tally()
    let betas = MPORelGrid.logSpaced(1e-2, 1e2, ctx.count(full: 200, quick: 20))
    let maxM = ctx.count(full: 10_000, quick: 1_000)
    for b in betas {
      // One record per β and class (the worst m), so 2·10⁶ terms do not cost 4·10⁶ records.
      var eqWorst = (ratio: -1.0, residual: 0.0, allowed: 0.0, m: 0.0, detail: "")
      var inWorst = (ratio: -1.0, residual: 0.0, allowed: 0.0, m: 0.0, detail: "")
      for mi in 1...maxM {
        let m = Double(mi)
        let t = m / (2.0.squareRoot() * b)
        let lhs = log(m) + (try StandardNormal.logCDF(-t)).value
        let mid = log(m) - t * t / 2 - halfLogTwoPi - log(t)
        let rhs = logClosed(m, b)
        let eqTol = 1e-14 * (1 + abs(rhs))
        let eqRatio = abs(mid - rhs) / eqTol
        if eqRatio > eqWorst.ratio {
          eqWorst = (eqRatio, abs(mid - rhs), eqTol, m, "log(mφ(t)/t) = \(mid), log RHS = \(rhs)")
        }
        let inTol = 1e-13 * (1 + abs(rhs))
        let inRatio = (lhs - rhs) / inTol
        if inRatio > inWorst.ratio {
          inWorst = (inRatio, max(0, lhs - rhs), inTol, m, "log mΦ(−t) = \(lhs) > log RHS = \(rhs)")
        }
      }
      tally.record(
        "equality m·φ(t)/t = (β/√π)e^{−m²/(4β²)} (worst m per β)", passed: eqWorst.ratio <= 1,
        residual: eqWorst.residual, allowed: eqWorst.allowed,
        reason: "10⁻¹⁴(1 + |log RHS|) (catalog)",
        inputs: [NamedValue("m", eqWorst.m), NamedValue("β", b)], detail: eqWorst.detail)
      tally.record(
        "termwise mΦ(−t) ≤ (β/√π)e^{−m²/(4β²)} (worst m per β)", passed: inWorst.ratio <= 1,
        residual: inWorst.residual, allowed: inWorst.allowed,
        reason: "10⁻¹³(1 + |log RHS|): rounding dominates the true 1/t² gap at large t",
        inputs: [NamedValue("m", inWorst.m), NamedValue("β", b)], detail: inWorst.detail)
      let logC = try MPOReliability.logC(beta: b).logSum.value
      let logSum = log(b) - halfLogPi
        + (try MPOReliability.logGaussianSeries(beta: b)).logSum.value
      let tol = 1e-13 * (1 + abs(logSum))
      tally.record(
        "summed: C(β) ≤ (β/√π)Σ e^{−m²/(4β²)}", passed: logC - logSum <= tol,
        residual: max(0, logC - logSum), allowed: tol, reason: "10⁻¹³(1 + |log RHS|) (catalog)",
        inputs: [NamedValue("β", b)], detail: "log C = \(logC) > log RHS = \(logSum)")
    }
    return tally.outcome(
      claim: "Mills step of (25), termwise and summed",
      notes: ["\(betas.count) β × \(maxM) m terms evaluated; one record per β and class (worst m)"])
  }

  // MARK: sum-to-integral

  static let sumToIntegral = Claim(
    id: "mpo.thm4.sum-to-integral", paper: .mpo, source: "App. F.2, eq. (25), second inequality",
    kind: .inequality,
    statement: "(β/√π)Σ_{m≥1} e^{−m²/(4β²)} ≤ (β/√π)e^{−1/(4β²)} + (β/√π)∫₁^∞ e^{−x²/(4β²)} dx."
  ) { ctx in try sumToIntegralCheck(ctx) }

  /// log ∫₁^∞ e^{(1−x²)/(4β²)} dx by qagiu (epsabs 10⁻¹⁵, epsrel 10⁻¹³): the scaled integral of
  /// the catalog, the factor e^{−1/(4β²)} added in log space by the caller.
  static func logScaledIntegral(beta b: Double) throws -> Estimate {
    let e = try Integrate.qagiu(
      { x in exp((1 - x * x) / (4 * b * b)) }, from: 1, absoluteTolerance: 1e-15,
      relativeTolerance: 1e-13)
    return Estimate(value: log(e.value), error: e.error / e.value)
  }

  /// The sum-to-integral check; `logIntegral(β)` is log ∫₁^∞ e^{−x²/(4β²)}dx (mutations
  /// shrink it).
  static func sumToIntegralCheck(
    _ ctx: CheckContext,
    logIntegral: @Sendable (Double) throws -> Double = { b in
      -1 / (4 * b * b) + (try logScaledIntegral(beta: b)).value
    }
  ) throws -> CheckOutcome {
    var tally = Tally()
    for b in MPORelGrid.logSpaced(1e-2, 1e2, ctx.count(full: 200, quick: 50)) {
      let pre = log(b) - halfLogPi
      let lhs = pre + (try MPOReliability.logGaussianSeries(beta: b)).logSum.value
      let rhs = pre + logSumExp(-1 / (4 * b * b), try logIntegral(b))
      let tol = 1e-12 * (1 + abs(rhs))
      tally.record(
        "β ∈ [1e-2, 1e2], log-spaced", passed: lhs - rhs <= tol, residual: max(0, lhs - rhs),
        allowed: tol, reason: "10⁻¹²(1 + |log RHS|): qagiu epsrel 10⁻¹³ and series rounding",
        inputs: [NamedValue("β", b)], detail: "log LHS = \(lhs) > log RHS = \(rhs)")
    }
    return tally.outcome(claim: "Σ ≤ first term + ∫₁^∞")
  }

  // MARK: integral-closed-form

  static let integralClosedForm = Claim(
    id: "mpo.thm4.integral-closed-form", paper: .mpo,
    source: "App. F.2, eq. (25), the equality after the integral", kind: .identity,
    statement: "(β/√π)∫₁^∞ e^{−x²/(4β²)} dx = β erfc(1/(2β))."
  ) { ctx in try integralClosedFormCheck(ctx) }

  /// The closed-form check; `logPrinted(β)` is the log of the printed right side
  /// β erfc(1/(2β)) (the test feeds the corrected β² erfc(1/(2β)) to show the check passes it).
  static func integralClosedFormCheck(
    _ ctx: CheckContext,
    logPrinted: @Sendable (Double) throws -> Double = { b in
      log(b) + (try SpecialFunctions.logErfc(1 / (2 * b))).value
    }
  ) throws -> CheckOutcome {
    var tally = Tally()
    let grid = MPORelGrid.logSpaced(1e-2, 1e2, ctx.count(full: 200, quick: 50))
      + [0.25, 0.5, 1, 2, 4]
    var corrected = 0.0
    for b in grid.sorted() {
      let s = try logScaledIntegral(beta: b)
      let lhs = log(b) - halfLogPi - 1 / (4 * b * b) + s.value
      let rhs = try logPrinted(b)
      let fixed = 2 * log(b) + (try SpecialFunctions.logErfc(1 / (2 * b))).value
      corrected = max(corrected, abs(lhs - fixed))
      tally.record(
        "β grid of mills-step + {0.25, 0.5, 1, 2, 4}", passed: abs(lhs - rhs) <= 1e-10,
        residual: abs(lhs - rhs), allowed: 1e-10,
        reason: "|Δ log| ≤ 10⁻¹⁰ (catalog; qagiu epsrel 10⁻¹³)", inputs: [NamedValue("β", b)],
        detail: "log[(β/√π)∫₁^∞ e^{−x²/(4β²)}dx] = \(lhs), log[β erfc(1/(2β))] = \(rhs); "
          + "difference \(lhs - rhs) = log β (the integral is β√π erfc(1/(2β)))")
    }
    return tally.outcome(
      claim: "(β/√π)∫₁^∞ e^{−x²/(4β²)}dx = β erfc(1/(2β))",
      notes: [
        "the left side equals β² erfc(1/(2β)) (∫₁^∞ e^{−x²/(4β²)}dx = β√π erfc(1/(2β))): largest "
          + "|Δ log| against β² erfc(1/(2β)) over the grid = \(corrected); the printed form holds "
          + "only at β = 1"
      ])
  }
}
