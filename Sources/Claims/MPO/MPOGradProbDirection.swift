// mpo.lemma6.prob-direction — 001_0ef3930bdbd6a134.txt App. G.2 after eq. (51) ("P_θ(y_i|x)
// keeps decreasing" on Y⁻, "increases for all positive examples") and Corollary 1. In TAB the
// θ-gradient is β(g_m − π_m Σ_{i<K} g_i) with Σ g_i = 0, so θ_i moves by −ηβg_i, but π_i also
// feels the normaliser: a positive with a small share can lose probability to another positive.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let lemma6ProbDirection = Claim(
    id: "mpo.lemma6.prob-direction", paper: .mpo,
    source: "App. G.2 conclusions after eq. (51); Corollary 1",
    kind: .inequality,
    statement: "Along gradient descent, every negative's probability decreases and every positive's "
      + "probability increases."
  ) { ctx in
    probDirectionCheck(ctx, stated: { positive, change in positive ? change > 0 : change < 0 })
  }

  /// `stated(isPositive, Δπ)`: whether a step moves π as stated (injectable for mutation tests).
  static func probDirectionCheck(_ ctx: CheckContext, stated: @escaping @Sendable (Bool, Double) -> Bool) -> CheckOutcome {
    let n = ctx.count(full: 1_000, quick: 3)
    let conditions = ["M = K", "α = 0 (uniform weights)", "response in Y⁻", "response in Y⁺"]
    var judge = ConditionalJudge(conditions: conditions)
    // Instances are independent (each draws from its own indexed streams): both cores, then
    // the judge's records replayed and the first base-case failure taken in instance order,
    // as in a serial run, so the outcome does not depend on the schedule.
    let parts = MPOParallelMap.map(n) { i in probDirectionInstance(ctx, i, stated: stated) }
    var tally = [Int](repeating: 0, count: 6)
    var baseFailure: Counterexample?
    for p in parts {
      for j in tally.indices { tally[j] += p.tally[j] }
      for rec in p.records { judge.record(holds: rec.holds, satisfies: rec.satisfies, describe: rec.desc) }
      if baseFailure == nil { baseFailure = p.baseFailure }
    }
    var counts: [String: Int] = [:]
    for (ci, cls) in ["Y⁺", "Y⁻"].enumerated() {
      for (di, dir) in ["up", "down", "ties"].enumerated() where tally[ci * 3 + di] > 0 {
        counts["\(cls) \(dir)"] = tally[ci * 3 + di]
      }
    }
    let table = counts.keys.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: ", ")
    var notes = ["step directions of π_θ (steps × responses): \(table)",
                 "response-runs failing: \(judge.failures)"]
    if let b = baseFailure {
      return CheckOutcome(
        verdict: .refuted, summary: "base case (M = K, α = 0) has a counterexample: \(b.detail)",
        notes: notes, counterexample: b)
    }
    if judge.failures == 0 {
      return CheckOutcome(verdict: .confirmed, summary: "every step moves every π_θ(y_i) as stated", notes: notes)
    }
    let q = judge.qualifying(minimumSatisfying: ctx.mode == .full ? 100 : 10)
    notes.append("conditions qualifying under the conditional rule: \(q.map(\.condition))")
    return CheckOutcome(
      verdict: .conditional,
      summary: "all \(judge.failures) failing response-runs lie outside the base case M = K, α = 0",
      notes: notes,
      conditions: q.isEmpty
        ? [ConditionReport(condition: "M = K and α = 0", casesSatisfying: 0, holdingCase: "", failingCase: "")]
        : q)
  }

  /// One instance's runs: step-direction tallies [class][direction] (class 0 Y⁺, 1 Y⁻;
  /// direction 0 up, 1 down, 2 ties; labelled by the caller: a string key per response-step
  /// cost more than the descent), the judge's records in order, and the first base-case failure.
  static func probDirectionInstance(_ ctx: CheckContext, _ i: Int, stated: (Bool, Double) -> Bool)
    -> (tally: [Int], records: [(holds: Bool, satisfies: [Bool], desc: String)], baseFailure: Counterexample?)
  {
    let etas = [1e-3, 1e-2, 1e-1]
    let steps = 1_000
    var tally = [Int](repeating: 0, count: 6)
    var records: [(holds: Bool, satisfies: [Bool], desc: String)] = []
    var baseFailure: Counterexample?
    let x = MPOGradInputs.instance(ctx, i, label: "GRAD-IN prob-direction")
    var r = ctx.stream("prob-direction TAB", index: UInt64(i))
    let refP = r.dirichlet([Double](repeating: 1, count: x.m))
    let logRef = refP.map { log(max($0, 1e-300)) }
    let theta0 = logRef.map { $0 + Strata.uniform(&r, -1, 1) }
    let beta = i % 2 == 0 ? 1.0 : 0.1
    let isBase = x.m == x.k && x.alpha == 0
    for eta in etas {
      var pi = softmax(theta0)
      var failedAt = [Int?](repeating: nil, count: x.k)
      MPOGradTabRun.run(theta0: theta0, logRef: logRef, k: x.k, beta: beta, logWeights: x.logWeights,
                        positive: x.positive, eta: eta, steps: steps) { st in
        let t = st.t
        let new = st.pi
        for j in 0..<x.k {
          let d = new[j] - pi[j]
          let ci = x.positive[j] ? 0 : 3
          if abs(d) < 4 * Double.ulpOfOne * pi[j] { tally[ci + 2] += 1; continue }
          tally[ci + (d > 0 ? 0 : 1)] += 1
          let ok = stated(x.positive[j], d)
          if !ok && failedAt[j] == nil { failedAt[j] = t }
        }
        // Copied element by element: keeping a reference to the state's array would make the
        // driver copy it on its next step.
        for m in pi.indices { pi[m] = new[m] }
      }
      for j in 0..<x.k {
        let holds = failedAt[j] == nil
        let desc = "instance \(i), K = \(x.k), M = \(x.m), α = \(x.alpha), β = \(beta), η = \(eta), "
          + "response \(j) in \(x.positive[j] ? "Y⁺" : "Y⁻")"
          + (holds ? "" : ": π moves the wrong way at step \(failedAt[j]!)")
        records.append((holds, [x.m == x.k, x.alpha == 0, !x.positive[j], x.positive[j]], desc))
        if !holds && isBase && baseFailure == nil {
          baseFailure = Counterexample(
            inputs: [NamedValue("beta", beta), NamedValue("eta", eta), NamedValue("response", Double(j))]
              + x.weights.indices.map { NamedValue("w[\($0)]", x.weights[$0]) }
              + theta0.indices.map { NamedValue("theta0[\($0)]", theta0[$0]) }
              + logRef.indices.map { NamedValue("logRef[\($0)]", logRef[$0]) }
              + x.positive.indices.map { NamedValue("inY+[\($0)]", x.positive[$0] ? 1 : 0) },
            detail: desc)
        }
      }
    }
    return (tally, records, baseFailure)
  }
}
