// mpo.lemma6.score-direction — 001_0ef3930bdbd6a134.txt App. G.2, text after eq. (51): under
// gradient descent on L_weighted, "e^{s_θ(y_i|x)} keeps increasing" for y_i ∈ Y⁻ and
// "1/P_θ(y_i|x) decreases" (equated with e^{s_θ}) for y_i ∈ Y⁺. Lemma 6 gives ∂L/∂s_i > 0 on
// Y⁻, so a descent step lowers a negative's score: the check records what GD does.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let lemma6ScoreDirection = Claim(
    id: "mpo.lemma6.score-direction", paper: .mpo, source: "App. G.2, text after eq. (51)",
    kind: .inequality,
    statement: "Under gradient descent on L_weighted, e^{s_θ(y_i|x)} increases for every y_i ∈ Y⁻ "
      + "and e^{s_θ(y_i|x)} (= 1/P_θ as printed) decreases for every y_i ∈ Y⁺."
  ) { ctx in
    scoreDirectionCheck(ctx, printed: { positive, change in positive ? change < 0 : change > 0 })
  }

  /// `printed(isPositive, relative change of e^{s})`: whether the change is in the stated
  /// direction (injectable for mutation tests).
  static func scoreDirectionCheck(_ ctx: CheckContext, printed: @escaping @Sendable (Bool, Double) -> Bool) -> CheckOutcome {
    let n = ctx.count(full: 1_000, quick: 2)
    // Instances are independent (each draws from its own indexed streams): both cores. Tallies
    // add up, and the counterexample kept is the first strict (K, step) minimum in instance
    // order, as in a serial run, so the outcome does not depend on the schedule.
    let parts = MPOParallelMap.map(n) { i in scoreDirectionInstance(ctx, i, printed: printed) }
    var tally = [Int](repeating: 0, count: 12)
    var best: (k: Int, step: Int, cx: Counterexample)?
    var cases = 0
    for p in parts {
      for j in tally.indices { tally[j] += p.tally[j] }
      cases += p.cases
      if let b = p.best, best == nil || (b.k, b.step) < (best!.k, best!.step) { best = b }
    }
    var counts: [String: Int] = [:]
    for (mi, model) in ["FS", "TAB"].enumerated() {
      for (ci, cls) in ["Y⁺", "Y⁻"].enumerated() {
        for (di, dir) in ["up", "down", "ties"].enumerated() where tally[mi * 6 + ci * 3 + di] > 0 {
          counts["\(model) \(cls) \(dir)"] = tally[mi * 6 + ci * 3 + di]
        }
      }
    }
    let table = counts.keys.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: ", ")
    let notes = ["direction counts of e^{s_i} per model and class (steps × responses): \(table)"]
    if let b = best {
      return CheckOutcome(
        verdict: .refuted,
        summary: "e^{s} moves against the printed direction; smallest-K earliest case: \(b.cx.line)",
        notes: notes, counterexample: b.cx)
    }
    return CheckOutcome(
      verdict: .confirmed, summary: "every GD step of \(cases) response-steps moves e^{s} as printed",
      notes: notes)
  }

  /// One instance's runs: tallies indexed [model][class][direction] (model 0 FS, 1 TAB; class 0
  /// Y⁺, 1 Y⁻; direction 0 up, 1 down, 2 ties; labelled by the caller: a string key per
  /// response-step cost more than the descent itself), the response-step count, and the
  /// smallest-(K, step) counterexample met first.
  static func scoreDirectionInstance(_ ctx: CheckContext, _ i: Int, printed: @escaping (Bool, Double) -> Bool)
    -> (tally: [Int], cases: Int, best: (k: Int, step: Int, cx: Counterexample)?)
  {
    let etas = [1e-3, 1e-2, 1e-1, 1.0]
    let steps = 1_000
    var tally = [Int](repeating: 0, count: 12)
    var best: (k: Int, step: Int, cx: Counterexample)?
    var cases = 0
    let x = MPOGradInputs.instance(ctx, i, label: "GRAD-IN score-direction", scoreRange: 3)
    var rr = ctx.stream("score-direction TAB reference", index: UInt64(i))
    let logRef = rr.dirichlet([Double](repeating: 1, count: x.m)).map { log(max($0, 1e-300)) }
    let lw = x.logWeights
    for eta in etas {
      for model in ["FS", "TAB"] {
        var theta = logRef
        for j in 0..<x.k { theta[j] += x.scores[j] }
        let mi = model == "FS" ? 0 : 6
        var old = model == "FS" ? x.scores : MPOGradModels.tabScores(theta: theta, logRef: logRef, k: x.k, beta: 1)
        // The lean drivers (property-tested against MPOGradModels and the objective).
        let observe: (Int, [Double]) -> Void = { t, s in
          defer { old = s }
          for j in 0..<x.k {
            cases += 1
            // Change of e^{s}: relative change e^{Δs} − 1 = expm1(Δs).
            let rel = expm1(s[j] - old[j])
            let ci = mi + (x.positive[j] ? 0 : 3)
            if abs(rel) < 4 * Double.ulpOfOne {
              tally[ci + 2] += 1
              continue
            }
            tally[ci + (rel > 0 ? 0 : 1)] += 1
            let wanted = printed(x.positive[j], rel)
            if !wanted, best == nil || (x.k, t) < (best!.k, best!.step) {
              let cls = x.positive[j] ? "Y⁺" : "Y⁻"
              best = (x.k, t, Counterexample(
                inputs: x.inputs + [NamedValue("eta", eta), NamedValue("step", Double(t)),
                                    NamedValue("response", Double(j))],
                detail: "\(model): \(cls) response's e^{s} \(rel > 0 ? "increases" : "decreases") "
                  + "(s \(old[j]) → \(s[j])) at step \(t)"))
            }
          }
        }
        if model == "FS" {
          MPOGradTrajectory.runFS(x.scores, logWeights: lw, positive: x.positive, eta: eta, steps: steps, observe: observe)
        } else {
          MPOGradTabRun.run(theta0: theta, logRef: logRef, k: x.k, beta: 1, logWeights: lw, positive: x.positive,
                            eta: eta, steps: steps) { st in
            observe(st.t, (0..<x.k).map { log(st.pi[$0]) - logRef[$0] })
          }
        }
      }
    }
    return (tally, cases, best)
  }
}
