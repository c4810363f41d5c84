// mpo.thm4.uniform-in-k (claims/mpo.md §3; paper 001_0ef3930bdbd6a134.txt App. F Theorem 4
// summary, abstract, §5): inf_k Pr(MPO_corr) > 0 for the exact probability, judged on the
// convergence of log P_k along k = 2^j.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MPOReliabilityClaims {
  static let uniformInK = Claim(
    id: "mpo.thm4.uniform-in-k", paper: .mpo,
    source: "App. F Theorem 4 summary; abstract; §5", kind: .limit,
    statement: "For each fixed β > 0 and σ ≤ β/k, inf_k Pr(MPO_corr) > 0 (the probability itself)."
  ) { ctx in try uniformInKCheck(ctx) }

  /// The uniform-in-k check; `probability(k, τ)` is Pr(MPO_corr) (mutations inject a
  /// decaying one).
  static func uniformInKCheck(
    _ ctx: CheckContext,
    probability: @escaping @Sendable (Int, Double) throws -> Estimate = { k, t in
      try MPOReliability.mpoCorrect(k: k, tau: t)
    }
  ) throws -> CheckOutcome {
    let full = ctx.mode == .full
    let smallKs = Array(stride(from: 2, through: full ? 64 : 16, by: 2))
    let powers = full ? Array(7...12) : [5, 6, 7, 8, 9]  // quick: j up to 9, see `js`
    let ks = smallKs + powers.map { 1 << $0 }.filter { $0 > smallKs.last ?? 0 }
    let betas = full ? [0.1, 0.5, 1, 2, 5, 10] : [0.5, 1, 2]
    let cs = [1.0, 0.5]
    let convergedJs = full ? [9, 10, 11] : [6, 7, 8]
    let decayJs = full ? Array(6...11) : Array(3...8)
    let lastK = 1 << ((convergedJs.last ?? 0) + 1)
    var cells: [MPORelGrid.Cell] = []
    for b in betas { for c in cs { for k in ks { cells.append(.init(k: k, tau: c * b)) } } }
    let results = MPORelGrid.parallelMap(cells) { cell in try probability(cell.k, cell.tau) }
    var table: [MPORelGrid.Cell: Estimate] = [:]
    for (cell, r) in zip(cells, results) { table[cell] = try r.get() }
    var converged = 0
    var diverging: [String] = []
    var undecided: [String] = []
    var notes: [String] = []
    for b in betas {
      let cb = try MPOReliability.c(beta: b).value
      let ub = try MPOReliability.u(beta: b).value
      for c in cs {
        let tau = c * b
        func logP(_ k: Int) -> Double { log(table[.init(k: k, tau: tau)]?.value ?? .nan) }
        let r = { (j: Int) in logP(1 << (j + 1)) - logP(1 << j) }
        let last = table[.init(k: lastK, tau: tau)] ?? Estimate(value: .nan, error: .nan)
        let name = "β = \(formatNumber(b)), c = \(formatNumber(c))"
        let infP = ks.compactMap { table[.init(k: $0, tau: tau)]?.value }.min() ?? .nan
        notes.append(
          "\(name): inf_k P_k = \(infP), P_\(lastK) = \(last.value) ± \(last.error)"
            + (cb < 1 ? ", 1 − C = \(1 - cb)" : "") + (ub < 1 ? ", 1 − U = \(1 - ub)" : "")
            + "; r_j = \(convergedJs.map { format3(r($0)) })")
        if convergedJs.allSatisfy({ abs(r($0)) <= 1e-9 }) && last.error < last.value / 10 {
          converged += 1
        } else if decayJs.allSatisfy({ r($0) <= -1e-6 }) {
          diverging.append(name)
        } else {
          undecided.append(name)
        }
      }
    }
    let total = betas.count * cs.count
    if !diverging.isEmpty {
      return CheckOutcome(
        verdict: .refuted,
        summary: "log P_k keeps falling (r_j ≤ −10⁻⁶ for every j) for \(diverging.joined(separator: "; "))",
        notes: notes,
        counterexample: Counterexample(inputs: [], detail: diverging[0] + ": no sign of converging"))
    }
    if !undecided.isEmpty {
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "\(undecided.count) of \(total) sequences neither converged nor diverged: "
          + undecided.joined(separator: "; "), notes: notes)
    }
    return CheckOutcome(
      verdict: .confirmed,
      summary: "all \(total) sequences P_k converge (|r_j| ≤ 10⁻⁹ for j = "
        + "\(convergedJs.map(String.init).joined(separator: ", "))): inf_k P_k > 0",
      notes: notes)
  }
}
