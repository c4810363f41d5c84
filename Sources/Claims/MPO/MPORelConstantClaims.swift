// mpo.thm4.c-le-u, mpo.thm4.u1-value, mpo.thm4.u-monotone, mpo.thm4.positivity-all-beta,
// mpo.thm4.positivity-beta-le-1 (claims/mpo.md §3; paper 001_0ef3930bdbd6a134.txt App. F.2
// eq. 25 and its closing paragraph, §5 Theorem 2 eq. 10): C(β) and U(β) as printed, in log
// space, with Brent for the β where a bound stops holding or being meaningful.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MPOReliabilityClaims {
  /// A log-space function of β (log C, log U, …) that never throws (NaN on error, which
  /// Brent reports as a bad function).
  static func safe(_ f: @escaping @Sendable (Double) throws -> Double) -> @Sendable (Double) -> Double
  {
    { b in (try? f(b)) ?? .nan }
  }

  static let logCOf: @Sendable (Double) throws -> Double = { b in
    try MPOReliability.logC(beta: b).logSum.value
  }
  static let logUOf: @Sendable (Double) throws -> Double = { b in
    try MPOReliability.logU(beta: b).value
  }

  // MARK: c-le-u

  static let cLeU = Claim(
    id: "mpo.thm4.c-le-u", paper: .mpo,
    source: "App. F.2, eq. (25) (\"Hence C(β) is finite … =: U(β) < ∞\")", kind: .inequality,
    statement: "C(β) ≤ U(β) for every β > 0."
  ) { ctx in try cLeUCheck(ctx) }

  /// The C ≤ U check on `logU` (mutations pass a larger or smaller U).
  static func cLeUCheck(
    _ ctx: CheckContext, logU: @escaping @Sendable (Double) throws -> Double = logUOf
  ) throws -> CheckOutcome {
    let grid = MPORelGrid.logSpaced(1e-2, 1e2, ctx.count(full: 2000, quick: 200))
    let d: @Sendable (Double) -> Double = safe { b in try logCOf(b) - logU(b) }
    var judge = ConditionalJudge(conditions: ["β ≤ 1"])
    var values: [Double] = []
    var firstFail: Counterexample?
    var holding = ""
    for b in grid {
      let v = d(b)
      values.append(v)
      let holds = v <= 1e-12
      let line = "β = \(b): log C − log U = \(v)"
      if !holds && firstFail == nil {
        firstFail = Counterexample(
          inputs: [NamedValue("β", b)], detail: "log C − log U = \(v) > 10⁻¹²", residual: v,
          tolerance: 1e-12)
      }
      if holds && b <= 1 { holding = line }
      judge.record(holds: holds, satisfies: [b <= 1], describe: line)
    }
    var crossings: [Double] = []
    for i in 1..<grid.count where (values[i - 1] > 0) != (values[i] > 0) {
      crossings.append(
        try Roots.brent(d, in: grid[i - 1]...grid[i], absoluteTolerance: 1e-12, relativeTolerance: 0)
          .value)
    }
    let notes = [
      "sign changes of log C − log U at β = \(crossings.map { formatNumber($0) })",
      "C(β) = β²/2 − 1/24 + (exponentially small) for β ≳ 1, while U(β) ~ β(1 + 1/√π): "
        + "C exceeds U for large β",
    ]
    let baseFails = zip(grid, values).contains { $0 <= 1 && $1 > 1e-12 }
    if judge.failures == 0 {
      return CheckOutcome(
        verdict: .confirmed, summary: "C(β) ≤ U(β) on \(grid.count) points of [1e-2, 1e2]",
        notes: notes)
    }
    if baseFails {
      return CheckOutcome(
        verdict: .refuted, summary: "C > U inside the base case β ≤ 1: \(firstFail?.line ?? "")",
        notes: notes, counterexample: firstFail)
    }
    let cross = crossings.first ?? .nan
    return CheckOutcome(
      verdict: .conditional,
      summary: "C ≤ U for β < β× = \(cross) (includes the base case β ≤ 1); C > U beyond",
      notes: notes, counterexample: firstFail,
      conditions: [
        ConditionReport(
          condition: "β ≤ β× = \(cross)",
          casesSatisfying: values.filter { $0 <= 1e-12 }.count, holdingCase: holding,
          failingCase: firstFail?.line ?? "")
      ])
  }

  // MARK: u1-value

  static let u1Value = Claim(
    id: "mpo.thm4.u1-value", paper: .mpo,
    source: "App. F.2 (\"U(1) < 1 (numerically, U(1) ≈ 0.919)\")", kind: .numericValue,
    statement: "U(1) ≈ 0.919 and U(1) < 1."
  ) { _ in try u1ValueCheck() }

  /// U(1) from mpmath (mp.dps = 50):
  /// `b = mpf(1); b/sqrt(pi)*exp(-1/(4*b*b)) + b*erfc(1/(2*b))` → 0.9188914116546758593641.
  static let u1Reference = 0.918_891_411_654_675_859_364_1

  /// The U(1) check against `printed` (mutations pass another printed value).
  static func u1ValueCheck(printed: Double = 0.919) throws -> CheckOutcome {
    let u = try MPOReliability.u(beta: 1)
    let refOK = abs(u.value - u1Reference) <= 1e-14
    guard refOK else {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "implementation error: float64 U(1) = \(u.value) differs from the mpmath "
          + "reference \(u1Reference) by more than 10⁻¹⁴")
    }
    var tally = Tally()
    tally.record(
      "printed value 0.919", passed: abs(u.value - printed) <= 5e-4,
      residual: abs(u.value - printed), allowed: 5e-4,
      reason: "half a unit of the printed third decimal", inputs: [NamedValue("β", 1)],
      detail: "U(1) = \(u.value), printed \(printed)")
    tally.record(
      "U(1) < 1", passed: u.value < 1, residual: max(0, u.value - 1),
      inputs: [NamedValue("β", 1)], detail: "U(1) = \(u.value) ≥ 1")
    return tally.outcome(
      claim: "U(1) = \(u.value) (mpmath \(u1Reference))",
      notes: ["|float64 − mpmath| = \(abs(u.value - u1Reference))"])
  }

  // MARK: u-monotone

  static let uMonotone = Claim(
    id: "mpo.thm4.u-monotone", paper: .mpo,
    source: "App. F.2 (\"Since U(β) is monotone increasing in β\")", kind: .inequality,
    statement: "U is strictly increasing on β > 0."
  ) { ctx in try uMonotoneCheck(ctx) }

  /// The monotonicity check on `logU` and its derivative `dLogU` (mutations inject others).
  static func uMonotoneCheck(
    _ ctx: CheckContext, logU: @Sendable (Double) throws -> Double = logUOf,
    dLogU: @Sendable (Double) throws -> Double = { try MPOReliability.dLogU(beta: $0) }
  ) throws -> CheckOutcome {
    var tally = Tally()
    let grid = MPORelGrid.logSpaced(1e-3, 1e3, ctx.count(full: 4000, quick: 400))
    var previous = try logU(grid[0])
    var minStep = Double.infinity
    for i in 0..<grid.count {
      let b = grid[i]
      let d = try dLogU(b)
      tally.record(
        "d log U/dβ > 0 (dual numbers)", passed: d > 0, residual: max(0, -d),
        inputs: [NamedValue("β", b)], detail: "d log U/dβ = \(d)")
      guard i > 0 else { continue }
      let v = try logU(b)
      minStep = min(minStep, v - previous)
      tally.record(
        "log U(β_{i+1}) > log U(β_i)", passed: v > previous, residual: max(0, previous - v),
        inputs: [NamedValue("β_i", grid[i - 1]), NamedValue("β_{i+1}", b)],
        detail: "log U = \(previous) then \(v)")
      previous = v
    }
    return tally.outcome(
      claim: "U strictly increasing on [1e-3, 1e3]",
      notes: ["smallest step of log U between neighbours: \(minStep)"])
  }

  // MARK: positivity-all-beta

  static let positivityAllBeta = Claim(
    id: "mpo.thm4.positivity-all-beta", paper: .mpo,
    source: "§5 Theorem 2, eq. (10); App. F Theorem 4(i)", kind: .threshold,
    statement: "1 − C(β) > 0 for every fixed β > 0."
  ) { ctx in try positivityAllBetaCheck(ctx) }

  /// The positivity check on `logC` (mutations pass a smaller C).
  static func positivityAllBetaCheck(
    _ ctx: CheckContext, logC: @escaping @Sendable (Double) throws -> Double = logCOf
  ) throws -> CheckOutcome {
    let grid = MPORelGrid.logSpaced(1e-2, 1e2, ctx.count(full: 2000, quick: 200)) + [1e3]
    let f: @Sendable (Double) -> Double = safe { try logC($0) }  // log C; C < 1 ⇔ log C < 0
    var values: [Double] = []
    for b in grid { values.append(f(b)) }
    if values.allSatisfy({ $0 < 0 }) {
      return CheckOutcome(
        verdict: .confirmed, summary: "C(β) < 1 at all \(grid.count) points up to β = 1000")
    }
    guard let i = values.firstIndex(where: { $0 >= 0 }) else {
      throw GSLError.invalidArgument
    }
    if grid[i] <= 1 {
      let cx = Counterexample(inputs: [NamedValue("β", grid[i])], detail: "log C(β) = \(values[i]) ≥ 0")
      return CheckOutcome(
        verdict: .refuted, summary: "C(β) ≥ 1 at β = \(grid[i]) ≤ 1", counterexample: cx)
    }
    let root = try Roots.brent(f, in: grid[i - 1]...grid[i], absoluteTolerance: 1e-10, relativeTolerance: 0)
    let below = zip(grid, values).allSatisfy { $0 < root.value ? $1 < 0 : true }
    let above = zip(grid, values).allSatisfy { $0 > root.value ? $1 >= 0 : true }
    let holding = "β = \(grid[i - 1]): C = \(exp(values[i - 1]))"
    let failing = "β = \(grid[i]): C = \(exp(values[i]))"
    let notes = [
      "β_C = \(root.value) ± \(root.error) (C(β) ≈ β²/2 − 1/24 there, so β_C ≈ √(25/12) = "
        + "\((25.0 / 12).squareRoot()))",
      "C(1000) = \(exp(values.last ?? .nan))",
    ]
    guard below && above else {
      return CheckOutcome(
        verdict: .refuted, summary: "C − 1 changes sign more than once", notes: notes,
        counterexample: Counterexample(inputs: [NamedValue("β", grid[i])], detail: failing))
    }
    return CheckOutcome(
      verdict: .conditional,
      summary: "1 − C(β) > 0 exactly for β < β_C = \(formatNumber(root.value)) (> 1); "
        + "C(β) ≥ 1 beyond, e.g. \(failing)",
      notes: notes,
      counterexample: Counterexample(inputs: [NamedValue("β", grid[i])], detail: failing),
      conditions: [
        ConditionReport(
          condition: "β < β_C = \(root.value)", casesSatisfying: values.filter { $0 < 0 }.count,
          holdingCase: holding, failingCase: failing)
      ])
  }

  // MARK: positivity-beta-le-1

  static let positivityBetaLe1 = Claim(
    id: "mpo.thm4.positivity-beta-le-1", paper: .mpo, source: "App. F.2 closing paragraph",
    kind: .bound,
    statement: "For every β ≤ 1, C(β) ≤ U(β) < 1, and Pr(MPO_corr) ≥ 1 − U(β) > 0 for all even k."
  ) { ctx in try positivityBetaLe1Check(ctx) }

  /// The β ≤ 1 check on `u` and `logU` (mutations pass a smaller U).
  static func positivityBetaLe1Check(
    _ ctx: CheckContext,
    u: @escaping @Sendable (Double) throws -> Double = { try MPOReliability.u(beta: $0).value },
    logU: @escaping @Sendable (Double) throws -> Double = logUOf
  ) throws -> CheckOutcome {
    var tally = Tally()
    let rootF: @Sendable (Double) -> Double = safe { try u($0) - 1 }
    let betaU = try Roots.brent(rootF, in: 0.5...10, absoluteTolerance: 1e-12, relativeTolerance: 0)
    tally.record(
      "β_U (U(β_U) = 1) > 1", passed: betaU.value - betaU.error > 1,
      residual: max(0, 1 - betaU.value), inputs: [NamedValue("β_U", betaU.value)],
      detail: "U = 1 at β_U = \(betaU.value) ≤ 1")
    for b in MPORelGrid.logSpaced(1e-2, 1, ctx.count(full: 1000, quick: 100)) {
      let v = try logCOf(b) - logU(b)
      tally.record(
        "C ≤ U on [1e-2, 1]", passed: v <= 1e-12, residual: max(0, v), allowed: 1e-12,
        reason: "10⁻¹² on log C − log U (as c-le-u)", inputs: [NamedValue("β", b)],
        detail: "log C − log U = \(v)")
    }
    let ks = ctx.mode == .full ? MPORelGrid.ks : [2, 4, 8, 16, 32]
    let betas = MPORelGrid.betas.filter { $0 <= 1 }
    var cells: [MPORelGrid.Cell] = []
    for k in ks { for b in betas { for c in [1.0, 0.5] { cells.append(.init(k: k, tau: c * b)) } } }
    MPORelGrid.prefetchCorrect(cells)
    for k in ks {
      for b in betas {
        let ub = try u(b)
        for c in [1.0, 0.5] {
          let p = try MPOReliability.mpoCorrect(k: k, tau: c * b)
          let allowed = 10 * p.error + 1e-14
          tally.record(
            "exact Pr(MPO_corr) ≥ 1 − U(β), β ≤ 1", passed: (1 - ub) - p.value <= allowed,
            residual: max(0, (1 - ub) - p.value), allowed: allowed,
            reason: "10 × quadrature error estimate + 10⁻¹⁴ (catalog)",
            inputs: [NamedValue("k", Double(k)), NamedValue("β", b), NamedValue("c", c)],
            detail: "Pr(MPO_corr) = \(p.value) < 1 − U(β) = \(1 - ub)")
        }
      }
    }
    return tally.outcome(
      claim: "β_U = \(formatNumber(betaU.value)) > 1, C ≤ U on β ≤ 1, Pr ≥ 1 − U",
      notes: ["β_U = \(betaU.value) ± \(betaU.error)"])
  }
}
