// mpo.lemma8.one-step — 001_0ef3930bdbd6a134.txt App. H.2 Lemma 8, eqs. (58)–(68): when all
// K = N⁺ + N⁻ scores equal s^{(t)} and the weights are w⁺ (positives), w⁻ (negatives), one GD
// step moves each positive to s^{(t)} + η N⁻w⁻/(N⁺(N⁺w⁺ + N⁻w⁻)). Primary reading: FS with the
// per-response partial of (64). Reported: the shared-parameter reading (one parameter for the
// common positive score, gradient summed over positives) and TAB (β = 1, M = K, θ = θ_ref + c).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  typealias StepFormula = @Sendable (Double, Double, Int, Int, Double, Double) -> Double

  static let lemma8OneStep = Claim(
    id: "mpo.lemma8.one-step", paper: .mpo, source: "App. H.2 Lemma 8, eq. (58)–(68)",
    kind: .identity,
    statement: "If all K = N⁺ + N⁻ scores equal s^{(t)}, one gradient step moves each positive's "
      + "score to s^{(t+1)} = s^{(t)} + η N⁻w⁻/(N⁺(N⁺w⁺ + N⁻w⁻))."
  ) { ctx in
    lemma8Check(ctx, formula: {
      MPOGradDynamics.lemma8Step(score: $0, eta: $1, nPos: $2, nNeg: $3, wPos: $4, wNeg: $5)
    })
  }

  /// A Lemma 8 state: N±, w±, the common score c, η.
  struct Lemma8State {
    var nPos: Int, nNeg: Int, wPos: Double, wNeg: Double, c: Double, eta: Double
    var inputs: [NamedValue] {
      [NamedValue("N+", Double(nPos)), NamedValue("N-", Double(nNeg)), NamedValue("w+", wPos),
       NamedValue("w-", wNeg), NamedValue("c", c), NamedValue("eta", eta)]
    }
    var positive: [Bool] { Array(repeating: true, count: nPos) + Array(repeating: false, count: nNeg) }
    var logWeights: [Double] {
      Array(repeating: log(wPos), count: nPos) + Array(repeating: log(wNeg), count: nNeg)
    }
    static func draw(_ r: inout RandomStream, etas: [Double]) -> Lemma8State {
      Lemma8State(
        nPos: r.uniformInt(in: 1...8), nNeg: r.uniformInt(in: 1...8), wPos: exp(Strata.uniform(&r, -3, 3)),
        wNeg: exp(Strata.uniform(&r, -3, 3)), c: Strata.uniform(&r, -5, 5),
        eta: etas[r.uniformInt(in: 0...(etas.count - 1))])
    }
  }

  static func lemma8Check(_ ctx: CheckContext, formula: StepFormula) -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("lemma8 states")
    var sharedAgree = 0
    var tabAgree = 0
    let n = ctx.count(full: 10_000, quick: 1_000)
    for _ in 0..<n {
      let st = Lemma8State.draw(&r, etas: [1e-3, 0.1, 1])
      let k = st.nPos + st.nNeg
      var s = [Double](repeating: st.c, count: k)
      // Dual-number per-response partials of L_weighted (64).
      let g = MPOGradReference.weightedGradient(s, logWeights: st.logWeights, positive: st.positive)
      MPOGradModels.step(&s, g, eta: st.eta)
      let want = formula(st.c, st.eta, st.nPos, st.nNeg, st.wPos, st.wNeg)
      let res = s.prefix(st.nPos).map { abs($0 - want) }.max() ?? 0
      tally.record("FS, per-response partial (primary)", residual: res,
        tolerance: Tolerance(absolute: 1e-13 * (1 + abs(want)), relative: 0, reason: "1e-13(1 + |s|), catalog"),
        inputs: st.inputs, detail: "GD gives \(s[0]), (58) gives \(want)")
      // Shared-parameter reading: ∂/∂s_pos = Σ_{Y⁺} per-response partials.
      let shared = st.c - st.eta * g.prefix(st.nPos).reduce(0, +)
      if abs(shared - want) <= 1e-13 * (1 + abs(want)) { sharedAgree += 1 }
      // TAB, β = 1, M = K, θ = θ_ref + c (all scores 0): compare the score increment.
      var rr = ctx.stream("lemma8 TAB", index: UInt64(tabAgree + sharedAgree))
      let logRef = rr.dirichlet([Double](repeating: 1, count: k)).map { log(max($0, 1e-300)) }
      var theta = logRef.map { $0 + st.c }
      let s0 = MPOGradModels.tabScores(theta: theta, logRef: logRef, k: k, beta: 1)
      MPOGradModels.step(
        &theta, MPOGradModels.tabGradient(theta: theta, logRef: logRef, k: k, beta: 1,
                                          logWeights: st.logWeights, positive: st.positive), eta: st.eta)
      let s1 = MPOGradModels.tabScores(theta: theta, logRef: logRef, k: k, beta: 1)
      let inc = want - st.c
      if abs((s1[0] - s0[0]) - inc) <= 1e-13 * (1 + abs(s1[0])) { tabAgree += 1 }
    }
    return tally.outcome(
      claim: "Lemma 8 one step (FS, per-response partial)",
      notes: ["shared-parameter reading agrees with (58) on \(sharedAgree) of \(n) states "
        + "(its step is N⁺ times larger; equal only when N⁺ = 1)",
        "TAB (β = 1, M = K, θ = θ_ref + c) score increment agrees with (58) on \(tabAgree) of \(n) states "
        + "(the softmax normaliser also moves the scores)"])
  }
}
