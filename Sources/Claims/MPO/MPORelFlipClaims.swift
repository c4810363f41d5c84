// mpo.thm4.flip-probability, mpo.thm4.cross-pair-count, mpo.thm4.union-coverage
// (claims/mpo.md §3; paper 001_0ef3930bdbd6a134.txt App. F.2 eq. 24, F.2 union bound, F.3).
import Analytic
import Numerics

extension MPOReliabilityClaims {
  // MARK: flip-probability

  static let flipProbability = Claim(
    id: "mpo.thm4.flip-probability", paper: .mpo,
    source: "App. F.2 eq. (24); App. F.3 display for adjacent pairs", kind: .identity,
    statement: "Pr(ŝ_(j) ≤ ŝ_(i)) = Φ(−mΔ/(√2σ)) ≤ Φ(−m/(√2β)) for gap m = j − i; for adjacent "
      + "ranks Pr(ŝ_(i+1) > ŝ_(i)) = Φ(Δ/(√2σ)) ≥ Φ(1/(√2β)) = q_β, under (18)–(19)."
  ) { ctx in try flipProbabilityCheck(ctx) }

  /// The flip-probability check; `printed(m, Δ, σ)` is the claimed Pr(ŝ_(j) ≤ ŝ_(i)) (the
  /// mutation tests inject a wrong one).
  static func flipProbabilityCheck(
    _ ctx: CheckContext,
    printed: @escaping @Sendable (Double, Double, Double) throws -> Double = { m, d, s in
      try StandardNormal.cdf(-m * d / (2.0.squareRoot() * s)).value
    }
  ) throws -> CheckOutcome {
    var tally = Tally()
    let slack = 8 * Double.ulpOfOne
    // (a) the inequalities, decided on the arguments of Φ.
    var cells: [(k: Int, beta: Double, c: Double, m: Int)] = []
    for k in MPORelGrid.ks {
      for beta in MPORelGrid.betas {
        for c in MPORelGrid.cs {
          let sigma = c * beta / Double(k)
          let delta = 1 / Double(k)
          for m in Set([1, 2, 5, k - 1]).sorted() where m <= k - 1 {
            cells.append((k, beta, c, m))
            let md = Double(m)
            let lhsArg = md * delta / (2.0.squareRoot() * sigma)
            let rhsArg = md / (2.0.squareRoot() * beta)
            let inputs = [
              NamedValue("k", Double(k)), NamedValue("β", beta), NamedValue("σ", sigma),
              NamedValue("m", md),
            ]
            tally.record(
              "(a) Φ(−mΔ/(√2σ)) ≤ Φ(−m/(√2β)) on the arguments",
              passed: lhsArg >= rhsArg * (1 - slack), residual: max(0, rhsArg - lhsArg),
              allowed: slack * rhsArg, reason: "relative slack 8ε on Φ's argument (catalog)",
              inputs: inputs,
              detail: "mΔ/(√2σ) = \(lhsArg) < m/(√2β) = \(rhsArg)")
            if m == 1 {
              tally.record(
                "(a) Φ(Δ/(√2σ)) ≥ q_β on the arguments", passed: lhsArg >= rhsArg * (1 - slack),
                residual: max(0, rhsArg - lhsArg), allowed: slack * rhsArg,
                reason: "relative slack 8ε on Φ's argument (catalog)", inputs: inputs,
                detail: "Δ/(√2σ) = \(lhsArg) < 1/(√2β) = \(rhsArg)")
            }
          }
        }
      }
    }
    // (b) 30 seeded cells, 10⁶ pairs each (quick: 10⁴), Wilson at 1 − 10⁻⁴/30.
    var pick = ctx.stream("flip cells")
    let nCells = 30
    let pairs = ctx.count(full: 1_000_000, quick: 10_000)
    let level = 1 - 1e-4 / Double(nCells)
    var notes: [String] = []
    for cellIndex in 0..<nCells {
      let cell = cells[pick.uniformInt(in: 0..<cells.count)]
      let sigma = cell.c * cell.beta / Double(cell.k)
      let delta = 1 / Double(cell.k)
      let md = Double(cell.m)
      let claimed = try printed(md, delta, sigma)
      let seed = MPORelSimulation.seed(ctx, "flip pairs \(cellIndex)")
      let hits = MPORelSimulation.count(trials: pairs, k: 2, seed: seed) { z in
        // ŝ_(j) − ŝ_(i) = mΔ + σ(ε_j − ε_i) ≤ 0.
        md * delta + sigma * (z[1] - z[0]) <= 0
      }
      let w = try MPORelSimulation.wilson(hits, pairs, level: level)
      let inputs = [
        NamedValue("k", Double(cell.k)), NamedValue("β", cell.beta), NamedValue("σ", sigma),
        NamedValue("m", md),
      ]
      tally.record(
        "(b) Monte Carlo: printed Φ(−mΔ/(√2σ)) in the Wilson interval", passed: w.contains(claimed),
        residual: max(0, w.lower.value - claimed, claimed - w.upper.value), allowed: 0,
        reason: "Wilson interval at level 1 − 10⁻⁴/30 (§0.13)", inputs: inputs,
        detail: "printed \(claimed) outside \(w) (\(hits)/\(pairs))")
      if cellIndex < 3 {
        notes.append(
          "cell k=\(cell.k), β=\(formatNumber(cell.beta)), c=\(formatNumber(cell.c)), m=\(cell.m): "
            + "Φ(−mΔ/(√2σ)) = \(claimed), Φ(−m/(√2β)) = "
            + "\(try StandardNormal.cdf(-md / (2.0.squareRoot() * cell.beta)).value), MC \(hits)/\(pairs)")
      }
    }
    return tally.outcome(claim: "flip probabilities (a) on REL-GRID and (b) by Monte Carlo", notes: notes)
  }

  // MARK: cross-pair-count

  static let crossPairCount = Claim(
    id: "mpo.thm4.cross-pair-count", paper: .mpo,
    source: "App. F.2 (\"exactly m cross-half pairs with gap m\")", kind: .identity,
    statement: "For fixed m, the number of pairs with 1 ≤ i ≤ n < j ≤ k and j − i = m is exactly "
      + "m, namely (n−m+1, n+1), …, (n, n+m)."
  ) { ctx in crossPairCountCheck(ctx) }

  /// The cross-pair-count check; `claimed(k, m)` is the claimed count (mutations inject one).
  static func crossPairCountCheck(
    _ ctx: CheckContext, claimed: @Sendable (Int, Int) -> Int = { _, m in m }
  ) -> CheckOutcome {
    let maxK = ctx.mode == .full ? 1024 : 128
    var insideFailures = 0
    var outside: [String] = []
    var firstInside: Counterexample?
    var firstOutside: Counterexample?
    var cases = 0
    var baseCases = 0
    var invalidListed = 0
    for k in stride(from: 2, through: maxK, by: 2) {
      let n = k / 2
      for m in 1...(k - 1) {
        var count = 0
        for i in 1...n {
          let j = i + m
          if j > n && j <= k { count += 1 }
        }
        cases += 1
        if m <= n { baseCases += 1 }
        if n - m + 1 < 1 { invalidListed += 1 }
        let want = claimed(k, m)
        guard count != want else { continue }
        let cx = Counterexample(
          inputs: [NamedValue("k", Double(k)), NamedValue("m", Double(m))],
          detail: "c(k, m) = \(count) by enumeration, claimed \(want)"
            + (n - m + 1 < 1 ? "; listed first pair (n−m+1, n+1) has n−m+1 = \(n - m + 1) < 1" : ""))
        if m <= n {
          insideFailures += 1
          if firstInside == nil { firstInside = cx }
        } else {
          if firstOutside == nil { firstOutside = cx }
          if outside.count < 3 { outside.append("c(\(k), \(m)) = \(count)") }
        }
      }
    }
    let notes = [
      "enumerated every even k ≤ \(maxK) and m = 1…k−1 (\(cases) cases)",
      "the paper's union-bound sum runs over m = 1…n (second line) and C(β) over m = 1…∞",
      "listed pairs invalid (n − m + 1 < 1) in \(invalidListed) cases, all with m > n",
    ]
    if let cx = firstInside {
      return CheckOutcome(
        verdict: .refuted, summary: "count ≠ m inside the base case 1 ≤ m ≤ n: \(cx.line)",
        notes: notes, counterexample: cx)
    }
    if let cx = firstOutside {
      return CheckOutcome(
        verdict: .conditional,
        summary: "c(k, m) = m exactly for 1 ≤ m ≤ n; for n < m ≤ k − 1, c(k, m) = k − m "
          + "(e.g. \(outside.joined(separator: ", ")))",
        notes: notes + ["outside the base case: \(cx.line)"],
        conditions: [
          ConditionReport(
            condition: "1 ≤ m ≤ n", casesSatisfying: baseCases,
            holdingCase: "k = 4, m = 2: pairs (1,3), (2,4), count 2", failingCase: cx.line)
        ])
    }
    return CheckOutcome(
      verdict: .confirmed, summary: "c(k, m) = m for every even k ≤ \(maxK), m ≤ k − 1",
      notes: notes)
  }

  // MARK: union-coverage

  static let unionCoverage = Claim(
    id: "mpo.thm4.union-coverage", paper: .mpo,
    source: "App. F.2, first line of the union-bound display", kind: .identity,
    statement: "MPO_corr^c ⊆ ∪_{m ≤ n} ∪_{i ≤ n < j, j − i = m} {ŝ_(j) ≤ ŝ_(i)}: every MPO failure "
      + "has a flipped cross-half pair with gap ≤ n."
  ) { ctx in try unionCoverageCheck(ctx) }

  /// Whether, for noisy values v (index i ↔ true rank i + 1), MPO fails and whether some
  /// cross-half pair with gap ≤ `maxGap` is flipped (O(k): the running minimum of the upper
  /// half over j ≤ i + maxGap).
  static func failureAndFlip<C: RandomAccessCollection>(_ v: C, maxGap: Int) -> (
    fails: Bool, flipped: Bool
  ) where C.Element == Double, C.Index == Int {
    let k = v.count
    let n = k / 2
    let s = v.startIndex
    var lowMax = -Double.infinity
    for i in 0..<n { lowMax = max(lowMax, v[s + i]) }
    var upMin = Double.infinity
    for j in n..<k { upMin = min(upMin, v[s + j]) }
    let fails = upMin <= lowMax
    // Pair (i, j) (1-based) with i ≤ n < j ≤ min(k, i + maxGap): prefix minimum of the upper
    // half over j = n+1 … i + maxGap, compared with v_i.
    var flipped = false
    var running = Double.infinity
    var reach = n - 1  // 0-based index of the last upper-half item folded in
    for i in 0..<n {
      let limit = min(k - 1, i + maxGap)  // 0-based j ≤ i + maxGap
      while reach < limit {
        reach += 1
        running = min(running, v[s + reach])
      }
      if limit >= n && running <= v[s + i] {
        flipped = true
        break
      }
    }
    return (fails, flipped)
  }

  /// The union-coverage check; `maxGap(n)` is the gap limit of the union (mutations pass k − 1).
  static func unionCoverageCheck(
    _ ctx: CheckContext, maxGap: @Sendable (Int) -> Int = { $0 }
  ) throws -> CheckOutcome {
    var tally = Tally()
    var uncovered: [Int: Int] = [:]
    var firstOrder: [Int: [Int]] = [:]
    let enumerated = ctx.mode == .full ? [4, 6, 8] : [4, 6]
    for k in enumerated {
      var perm = Array(0..<k)
      repeat {
        let v = perm.map(Double.init)
        let r = failureAndFlip(v, maxGap: maxGap(k / 2))
        let ok = !r.fails || r.flipped
        if !ok {
          uncovered[k, default: 0] += 1
          if firstOrder[k] == nil { firstOrder[k] = perm }
        }
        tally.record(
          "all \(k)! orders, k = \(k)", passed: ok,
          inputs: [NamedValue("k", Double(k))] + perm.enumerated().map {
            NamedValue("rank of ŝ_\($0.offset + 1)", Double($0.element + 1))
          },
          detail: "MPO fails (max of lower half > min of upper half) with no flipped cross-half "
            + "pair of gap ≤ n = \(k / 2)")
      } while nextPermutation(&perm)
    }
    var notes = enumerated.map { k in
      "k = \(k): \(uncovered[k] ?? 0) of \(factorial(k)) orders fail MPO with no gap-≤n flip"
        + (firstOrder[k].map { "; smallest: noisy ranks \($0.map { $0 + 1 })" } ?? "")
    }
    let draws = ctx.count(full: 100_000, quick: 2_000)
    for k in [16, 64] {
      for beta in [0.5, 1, 2] {
        let gap = maxGap(k / 2)
        let seed = MPORelSimulation.seed(ctx, "union k\(k) b\(beta)")
        let bad = MPORelSimulation.count(trials: draws, k: k, seed: seed) { z in
          for i in 0..<z.count { z[i] = Double(i + 1) + beta * z[i] }
          let r = failureAndFlip(z, maxGap: gap)
          return r.fails && !r.flipped
        }
        notes.append("k = \(k), β = \(formatNumber(beta)), σ = β/k: \(bad) of \(draws) draws uncovered")
        for _ in 0..<bad {
          tally.record(
            "Monte Carlo k = \(k), σ = β/k", passed: false,
            inputs: [NamedValue("k", Double(k)), NamedValue("β", beta)],
            detail: "a draw fails MPO with no flipped pair of gap ≤ n")
        }
        if bad == 0 {
          tally.record(
            "Monte Carlo k = \(k), σ = β/k", passed: true, inputs: [NamedValue("k", Double(k))])
        }
      }
    }
    return tally.outcome(
      claim: "failure ⊆ union of gap-≤n flips", counterexample: tally.firstFailure, notes: notes)
  }

  /// Lexicographic next permutation (as gsl_permutation_next); false after the last.
  static func nextPermutation(_ a: inout [Int]) -> Bool {
    guard a.count > 1 else { return false }
    var i = a.count - 2
    while i >= 0 && a[i] >= a[i + 1] { i -= 1 }
    if i < 0 { return false }
    var j = a.count - 1
    while a[j] <= a[i] { j -= 1 }
    a.swapAt(i, j)
    a[(i + 1)...].reverse()
    return true
  }

  static func factorial(_ n: Int) -> Int { (1...max(n, 1)).reduce(1, *) }
}
