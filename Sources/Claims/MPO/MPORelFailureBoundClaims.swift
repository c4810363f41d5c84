// mpo.thm4.truncated-sum-bound and mpo.thm4.failure-bound (claims/mpo.md §3; paper
// 001_0ef3930bdbd6a134.txt App. F.2 union bound, Theorem 4(i) eq. 21, §5 Theorem 2 eq. 10):
// the exact MPO failure probability of §0.11 against B_n(β) and C(β).
import Analytic
import Numerics

extension MPOReliabilityClaims {
  /// One Monte Carlo cross-check of an exact MPO failure probability.
  struct MPORelCrossCheck: Sendable {
    var k: Int
    var tau: Double
    var exact: Double
    var hits: Int
    var trials: Int
    var interval: BinomialInterval
    var passes: Bool { interval.contains(exact) }
    var line: String {
      "k = \(k), τ = \(formatNumber(tau)): exact \(exact), MC \(hits)/\(trials), \(interval)"
    }
  }

  /// Monte Carlo cross-checks of Pr(MPO_corr^c) on `cells` with N(k) trials (÷`divisor` in
  /// quick mode), each at the consistency level 1 − 10⁻⁴/J (§0.13).
  static func crossCheckFailure(
    _ ctx: CheckContext, label: String, cells: [MPORelGrid.Cell],
    exact: (MPORelGrid.Cell) throws -> Double
  ) throws -> [MPORelCrossCheck] {
    let level = 1 - 1e-4 / Double(cells.count)
    return try cells.enumerated().map { index, cell in
      let trials = ctx.count(
        full: MPORelSimulation.trials(k: cell.k), quick: MPORelSimulation.trials(k: cell.k) / 100)
      let tau = cell.tau
      let seed = MPORelSimulation.seed(ctx, "\(label) \(index)")
      let hits = MPORelSimulation.count(trials: trials, k: cell.k, seed: seed) { z in
        !MPORelSimulation.mpoCorrect(z, tau: tau)
      }
      let w = try MPORelSimulation.wilson(hits, trials, level: level)
      return MPORelCrossCheck(
        k: cell.k, tau: tau, exact: try exact(cell), hits: hits, trials: trials, interval: w)
    }
  }

  /// The outcome when a Monte Carlo cross-check rejects an exact value: inconclusive with the
  /// implementation error named (§3 preamble).
  static func implementationError(_ checks: [MPORelCrossCheck]) -> CheckOutcome? {
    guard let bad = checks.first(where: { !$0.passes }) else { return nil }
    return CheckOutcome(
      verdict: .inconclusive,
      summary: "implementation error: the exact failure probability lies outside its Monte Carlo "
        + "interval (\(bad.line))",
      notes: checks.map(\.line))
  }

  // MARK: truncated-sum-bound

  static let truncatedSumBound = Claim(
    id: "mpo.thm4.truncated-sum-bound", paper: .mpo,
    source: "App. F.2, second line of the union-bound display", kind: .inequality,
    statement: "Pr(MPO_corr^c) ≤ Σ_{m=1}^{n} m Φ(−m/(√2β)); the sum stops at m = n."
  ) { ctx in try truncatedSumBoundCheck(ctx) }

  /// The truncated-sum check; `bound(n, β)` is B_n(β) (mutations inject a smaller one).
  static func truncatedSumBoundCheck(
    _ ctx: CheckContext,
    bound: @Sendable (Int, Double) throws -> Double = { n, b in
      try MPOReliability.truncatedSum(n: n, beta: b)
    }
  ) throws -> CheckOutcome {
    let ks = ctx.mode == .full ? Array(MPORelGrid.ks.dropFirst()) : [4, 8, 16, 32]
    let betas = ctx.mode == .full ? MPORelGrid.betas : [0.1, 0.3, 1, 2, 5]
    let cs = [1.0, 0.5]
    var cells: [MPORelGrid.Cell] = []
    for k in ks { for b in betas { for c in cs { cells.append(.init(k: k, tau: c * b)) } } }
    MPORelGrid.prefetchFailure(cells)
    var tally = Tally()
    var closest = (gap: Double.infinity, line: "")
    for k in ks {
      for b in betas {
        for c in cs {
          let p = try MPOReliability.mpoFailure(k: k, tau: c * b)
          let bn = try bound(k / 2, b)
          let allowed = 10 * p.error + 1e-14
          if bn - p.value < closest.gap {
            closest = (bn - p.value, "k = \(k), β = \(formatNumber(b)), c = \(formatNumber(c)): Pr = \(p.value), B_n = \(bn)")
          }
          tally.record(
            "k ≥ 4, c ∈ {1, 0.5}", passed: p.value - bn <= allowed, residual: max(0, p.value - bn),
            allowed: allowed, reason: "10 × quadrature error estimate + 10⁻¹⁴ (catalog)",
            inputs: [NamedValue("k", Double(k)), NamedValue("β", b), NamedValue("c", c)],
            detail: "exact Pr(MPO_corr^c) = \(p.value) ± \(p.error) > B_n(β) = \(bn)")
        }
      }
    }
    let mcCells = [4, 8, 16].flatMap { k in [0.3, 1.0].map { MPORelGrid.Cell(k: k, tau: $0) } }
    let checks = try crossCheckFailure(ctx, label: "truncated", cells: mcCells) {
      try MPOReliability.mpoFailure(k: $0.k, tau: $0.tau).value
    }
    if let bad = implementationError(checks) { return bad }
    return tally.outcome(
      claim: "Pr(MPO_corr^c) ≤ B_n(β)",
      notes: ["closest cell: \(closest.line)"] + checks.map { "MC cross-check: " + $0.line })
  }

  // MARK: failure-bound

  static let failureBound = Claim(
    id: "mpo.thm4.failure-bound", paper: .mpo,
    source: "App. F Theorem 4(i), eq. (21); §5 Theorem 2, eq. (10), first part", kind: .bound,
    statement: "Under (18)–(19), for every even k, Pr(MPO_corr^c) ≤ C(β) = Σ_{m≥1} mΦ(−m/(√2β)) "
      + "< ∞, independent of k."
  ) { ctx in try failureBoundCheck(ctx) }

  /// The failure-bound check; `bound(β)` is C(β) (mutations inject a smaller one).
  static func failureBoundCheck(
    _ ctx: CheckContext,
    bound: @Sendable (Double) throws -> Double = { b in try MPOReliability.c(beta: b).value }
  ) throws -> CheckOutcome {
    let ks = ctx.mode == .full ? MPORelGrid.ks : [2, 4, 8, 16, 32]
    let betas = ctx.mode == .full ? MPORelGrid.betas : [0.1, 0.3, 1, 2, 5]
    let cs = [1.0, 0.5, 0.25]
    var cells: [MPORelGrid.Cell] = []
    for k in ks { for b in betas { for c in cs { cells.append(.init(k: k, tau: c * b)) } } }
    MPORelGrid.prefetchFailure(cells)
    var tally = Tally()
    var worst = (ratio: -Double.infinity, line: "")
    for b in betas {
      let cb = try bound(b)
      for k in ks {
        for c in cs {
          let p = try MPOReliability.mpoFailure(k: k, tau: c * b)
          let allowed = 10 * p.error + 1e-14
          if cb > 0, p.value / cb > worst.ratio {
            worst = (p.value / cb, "k = \(k), β = \(formatNumber(b)), c = \(formatNumber(c)): "
              + "Pr = \(p.value), C(β) = \(cb)")
          }
          tally.record(
            "REL-GRID, c ∈ {1, 0.5, 0.25}", passed: p.value - cb <= allowed,
            residual: max(0, p.value - cb), allowed: allowed,
            reason: "10 × quadrature error estimate + 10⁻¹⁴ (catalog)",
            inputs: [NamedValue("k", Double(k)), NamedValue("β", b), NamedValue("c", c)],
            detail: "exact Pr(MPO_corr^c) = \(p.value) ± \(p.error) > C(β) = \(cb)")
        }
      }
    }
    let mcCells = MPORelSimulation.failureBoundCells(ctx)
    let checks = try crossCheckFailure(ctx, label: MPORelSimulation.failureBoundLabel, cells: mcCells) {
      try MPOReliability.mpoFailure(k: $0.k, tau: $0.tau).value
    }
    if let bad = implementationError(checks) { return bad }
    return tally.outcome(
      claim: "Pr(MPO_corr^c) ≤ C(β)",
      notes: ["largest Pr/C(β): \(format3(worst.ratio)) at \(worst.line)"]
        + checks.map { "MC cross-check: " + $0.line })
  }
}
