// mpo.stationary.not-attained — 001_0ef3930bdbd6a134.txt §5 Lemma 1; App. H.3 Lemma 10 and its
// proof (eqs. 89–92: "the only way for p_i^weighted to be zero is if e^{s_θ(y_i|x)} = 0");
// Remark 7. Read literally: (i) no state with finite scores and non-empty Y⁻ is stationary;
// (ii) the infimum 0 of the loss is approached but not attained. Everything is in log space:
// log p_i^weighted = a_i − LSE(a), a = s + log w; L = log(1 + e^d), d = LSE_{Y⁻}(a) − LSE_{Y⁺}(a),
// log L = log(log1p(e^d)) for d ≥ −40 and d + log1p(−e^d/2) below.
// Reading for (ii): log‖∇L‖ = log σ(d) + (a part that does not depend on c); while e^{−d} <
// 4ε(1 + |log‖∇L‖|) (d ≳ 35: the negatives outweigh the positives by more than 1/(4ε)) its
// change with c is below float64 resolution and it cannot decrease strictly in float64; such
// flat steps (equal values) are counted, not failures. log L must decrease strictly always.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let stationaryNotAttained = Claim(
    id: "mpo.stationary.not-attained", paper: .mpo,
    source: "§5 Lemma 1; App. H.3 Lemma 10 and proof (eq. 89–92); Remark 7", kind: .existence,
    statement: "The stationary point of the MPO / weighted loss is reached only in a limit: (i) no state "
      + "with finite scores and non-empty Y⁻ is stationary; (ii) the infimum 0 of the loss is approached but not attained."
  ) { ctx in
    notAttainedCheck(ctx, logLoss: notAttainedLogLoss)
  }

  /// log L from d (the catalog's two branches).
  @Sendable static func notAttainedLogLoss(_ d: Double) -> Double {
    d >= -40 ? log(log1p(exp(d))) : d + log1p(-exp(d) / 2)
  }

  /// (log L, log‖∇_s L‖₂, log p^weighted on Y⁻) for scores a = s + log w with the negatives
  /// shifted down by c. The within-set log-softmaxes a_i − LSE_{Y±}(a) do not change with c
  /// and are formed once, so the dependence on c enters only through d = LSE_{Y⁻} − LSE_{Y⁺} − c
  /// and log(B/Z) = −softplus(−d), accurate to relative precision.
  static func notAttainedState(_ a: [Double], positive: [Bool], shift c: Double = 0,
                               logLoss: (Double) -> Double)
    -> (logL: Double, logGrad: Double, logPNeg: [Double])
  {
    let la = logSumExp(zip(a, positive).filter { $0.1 }.map(\.0))
    let lb0 = logSumExp(zip(a, positive).filter { !$0.1 }.map(\.0))
    let d = lb0 - c - la
    let logBZ = -softplus(-d)
    let logAZ = -softplus(d)
    // |∂L/∂s_i|: p_i^weighted = (B/Z)·softmax_{Y⁻} on Y⁻, p_i^pos·B/Z on Y⁺ (Lemma 6), in logs.
    let lg = zip(a, positive).map { x, p in p ? x - la + logBZ : x - lb0 + logBZ }
    _ = logAZ
    let logGrad = 0.5 * logSumExp(lg.map { 2 * $0 })
    return (logLoss(d), logGrad, zip(lg, positive).filter { !$0.1 }.map(\.0))
  }

  static func notAttainedCheck(_ ctx: CheckContext, logLoss: (Double) -> Double) -> CheckOutcome {
    var tally = Tally()
    var flat = 0
    let alphas = [0.0, 0.1, 1, 5]
    let n = ctx.count(full: 10_000, quick: 1_000)
    let nx = ctx.count(full: 1_000, quick: 100)
    for i in 0..<(n + nx) {
      let extreme = i >= n
      var x = MPOGradInputs.instance(ctx, i, label: "not-attained", scoreRange: 50)
      var r = ctx.stream("not-attained alpha", index: UInt64(i))
      let alpha = alphas[r.uniformInt(in: 0...3)]
      x.weights = MPOGradInputs.deviations(x.quality).delta.map { exp(alpha * $0) }
      var s = x.scores
      if extreme {
        let top = s.max() ?? 0
        for j in s.indices where !x.positive[j] { s[j] = top - Strata.uniform(&r, 0, 700) }
      }
      let a = zip(s, x.weights).map { $0 + log($1) }
      let st = notAttainedState(a, positive: x.positive, logLoss: logLoss)
      let cls = extreme ? "(i) extreme states (gaps ≤ 700)" : "(i) random states in [−50, 50]"
      let inputs = [NamedValue("alpha", alpha)] + a.indices.map { NamedValue("s+logw[\($0)]", a[$0]) }
        + x.positive.indices.map { NamedValue("inY+[\($0)]", x.positive[$0] ? 1 : 0) }
      let finite = st.logPNeg.allSatisfy { $0.isFinite } && st.logL.isFinite
      tally.record(cls, passed: finite, inputs: inputs,
        detail: "log p^weighted on Y⁻ = \(st.logPNeg), log L = \(st.logL)")
      if extreme { continue }
      // (ii) rays: negatives' scores down by c.
      var prev: (Double, Double)?
      var ok = true
      var detail = ""
      let la = logSumExp(zip(a, x.positive).filter { $0.1 }.map(\.0))
      let lb = logSumExp(zip(a, x.positive).filter { !$0.1 }.map(\.0))
      for c in [0.0, 1, 10, 100, 700] {
        let sc = notAttainedState(a, positive: x.positive, shift: c, logLoss: logLoss)
        // The change of log‖∇L‖ with c is about e^{−d}; below 4ε(1 + |log‖∇L‖|) it is not representable.
        let unresolved = exp(-(lb - c - la)) < 4 * Double.ulpOfOne * (1 + abs(sc.logGrad))
        if let p = prev, unresolved, sc.logL < p.0, sc.logGrad == p.1 { flat += 1 } else if let p = prev, !(sc.logL < p.0 && sc.logGrad < p.1) {
          ok = false
          detail = "at c = \(c): log L = \(sc.logL) (before \(p.0)), log‖∇L‖ = \(sc.logGrad) (before \(p.1))"
        }
        if c == 700 && !(sc.logL < -500) {
          ok = false
          detail = "log L = \(sc.logL) ≥ −500 at c = 700"
        }
        prev = (sc.logL, sc.logGrad)
      }
      tally.record("(ii) rays c ∈ {1, 10, 100, 700}", passed: ok, inputs: inputs, detail: detail)
    }
    return tally.outcome(
      claim: "stationarity not attained: (i) finite log p^weighted and log L, (ii) strict decrease along rays",
      notes: ["ray steps with log‖∇L‖ flat in float64 while e^{−d} < 4ε(1 + |log‖∇L‖|) (reading above): \(flat)"])
  }
}
