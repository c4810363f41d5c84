// pipa.pipam.algorithm1-loss (Algorithm 1 lines 3–4; §2.5; Theorem 2.1) and
// pipa.step.answer-level-encoding (§2.5; Figure 2; §2.6) — the token-level PIPA likelihood
// against the per-token Bayes posterior of the Theorem 2.1 joint, and constant token labels
// against the answer-level formulation (paper 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// −log p^θ(c_t|x, y≤t) of one token from the Theorem 2.1 joint (eq. (3) in its clipped log
  /// form), normalised over c: the Bayes side.
  static func bayesTokenLoss(logF lf: Double, logG0 lg0: Double, logPrior lp: Double, label c: Int) -> Double {
    let j1 = PIPAM.theoremLogJoint(logF: lf, logG0: lg0, logPrior: lp, label: 1)
    let j0 = PIPAM.theoremLogJoint(logF: lf, logG0: lg0, logPrior: lp, label: 0)
    return -((c == 1 ? j1 : j0) - logSumExp(j1, j0))
  }

  /// Algorithm 1's per-token loss from F = f·g/p^prior with the Theorem 2.1 clip
  /// g = min(g₀, p^prior/f) (so F ≤ 1; the rounding excess of log F is clamped at 0).
  public typealias TokenLossForm = (_ logF: Double, _ logG0: Double, _ logPrior: Double, _ label: Int) -> Double

  public static func algorithm1Loss(_ ctx: CheckContext, algorithm1: TokenLossForm) -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("pipam.algorithm1-loss")
    var bothInfinite = 0
    func record(_ cls: String, _ a: Double, _ b: Double, _ s: Double, _ inputs: [NamedValue]) {
      if a == .infinity && b == .infinity {
        bothInfinite += 1
        tally.record(cls, residual: 0, identityTermSum: (0), inputs: inputs)
        return
      }
      tally.record(
        cls, residual: abs(a - b).isNaN ? .infinity : abs(a - b), identityTermSum: (s),
        inputs: inputs, detail: "L = \(a), −log p(c|x,y) = \(b)")
    }
    for i in 0..<ctx.count(full: 10_000, quick: 100) {
      let t = Strata.length(&r)
      let v = r.uniformInt(in: 4...32)
      let labels = PIPAInputs.labels(&r, count: t, pattern: i % 5 == 3 ? 1 : (i % 3))
      // Tokens where both sides are +∞ (a negative token with F = 1) are counted; the sums
      // are compared over the other tokens, and an infinity on one side only is a failure.
      var l = 0.0
      var bayes = 0.0
      var s = 0.0
      var mismatch = 0
      for k in 0..<t {
        let y = r.uniformInt(in: 0...(v - 1))
        let lf = PIPAInputs.historyLaw(&r, v: v)[y]
        let lp = PIPAInputs.historyLaw(&r, v: v)[y]
        let lg0 = logSigmoid(PIPAInputs.logitG(&r))
        let a = algorithm1(lf, lg0, lp, labels[k])
        let b = bayesTokenLoss(logF: lf, logG0: lg0, logPrior: lp, label: labels[k])
        if a == .infinity && b == .infinity {
          bothInfinite += 1
          continue
        }
        if !a.isFinite || !b.isFinite { mismatch += 1 }
        l += a
        bayes += b
        s += abs(lf) + abs(lp) + abs(lg0) + (b.isFinite ? abs(b) : 0)
      }
      let inputs = [
        NamedValue("T", Double(t)), NamedValue("V", Double(v)), NamedValue("positive tokens", Double(labels.reduce(0, +))),
      ]
      tally.record("A1: +∞ on both sides or neither", passed: mismatch == 0, inputs: inputs, detail: "\(mismatch) tokens infinite on one side only")
      record("A1 token level (finite tokens)", l, bayes, s, inputs)
    }
    for i in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let lf = PIPAInputs.sequenceLogProb(&r)
      let lp = PIPAInputs.sequenceLogProb(&r)
      let lg0 = logSigmoid(PIPAInputs.logitG(&r))
      let c = i % 2
      let a = algorithm1(lf, lg0, lp, c)
      // −log of the answer-level conditional p^θ(y, c|x)/p^prior(y|x) from (3).
      let b = -(PIPAM.theoremLogJoint(logF: lf, logG0: lg0, logPrior: lp, label: c) - lp)
      record(
        "T1 answer level (T = 1)", a, b, abs(lf) + abs(lp) + abs(lg0) + (b.isFinite ? abs(b) : 0),
        [NamedValue("log f", lf), NamedValue("log p_prior", lp), NamedValue("log g0", lg0), NamedValue("c", Double(c))])
    }
    return tally.outcome(
      claim: "Algorithm 1's L = −log p^θ(c|x,y)",
      notes: ["tokens/answers where both sides are +∞ (a negative token with the clip active, F = 1), excluded from the sums: \(bothInfinite); "
        + "reading: Algorithm 1 with the Theorem 2.1 clip and no §2.6 ε (that ε is pipa.pipam.practical-vs-theorem)"])
  }

  /// Algorithm 1, line 4, for one token: −log F (c = 1) or −log(1 − F) (c = 0), F from the
  /// clipped g, in log space.
  public static func algorithm1TokenLoss(logF lf: Double, logG0 lg0: Double, logPrior lp: Double, label c: Int) -> Double {
    let lg = min(lg0, lp - lf)
    return PIPAM.theoremLoss(logRatio: lf + lg - lp, label: c)
  }

  static let pipamAlgorithm1Loss = Claim(
    id: "pipa.pipam.algorithm1-loss", paper: .pipa, source: "Algorithm 1 (PIPA-M), lines 3–4; §2.5; Theorem 2.1",
    kind: .identity,
    statement: "L(x,y,c) = −Σ_{c_t=1} log F − Σ_{c_t=0} log(1 − F) equals −log p^θ(c|x,y) with "
      + "p(c_t=1|x,y≤t) = F the Bayes posterior of the per-token Theorem 2.1 joint; at T = 1 it is "
      + "−log p^θ(y,c|x)/p^prior(y|x) from (3)."
  ) { ctx in algorithm1Loss(ctx, algorithm1: algorithm1TokenLoss) }

  /// pipa.step.answer-level-encoding; `tokenRoot(logG, T)` gives log g_t (the matched
  /// g_t = g^{1/T}; a test substitutes g_t = g).
  public static func answerLevelEncoding(
    _ ctx: CheckContext, tokenRoot: @escaping (Double, Int) -> Double
  ) -> CheckOutcome {
    var tally = Tally()
    var judge = ConditionalJudge(conditions: ["T = 1"])
    var r = ctx.stream("step.answer-level-encoding")
    var sRange = (Double.infinity, -Double.infinity)
    for variant in ["PIPA-M", "PIPA-N"] {
      for i in 0..<ctx.count(full: 10_000, quick: 600) {
        let t = i % 5 == 0 ? 1 : r.uniformInt(in: 1...64)
        let lf = (0..<t).map { _ in PIPAInputs.tokenLogProb(&r) }
        let lp = (0..<t).map { _ in PIPAInputs.tokenLogProb(&r) }
        let w = PIPAInputs.logitG(&r)
        let lg = logSigmoid(w)
        let lgt = tokenRoot(lg, t)
        let lg1t = log1mExp(lgt)
        // Token-level log P_tok(c) for the constant labels, and answer-level log p(c|x,y).
        var tok = [0.0, 0.0]
        for k in 0..<t {
          for c in 0...1 {
            if variant == "PIPA-M" {
              tok[c] -= algorithm1TokenLoss(logF: lf[k], logG0: lgt, logPrior: lp[k], label: c)
            } else {
              let u = PIPAN.posteriorLogit(logF: lf[k], logG: lgt, logOneMinusG: lg1t, logPrior: lp[k])
              tok[c] += PIPAN.logPosterior(logit: u, label: c)
            }
          }
        }
        let sf = lf.reduce(0, +)
        let sp = lp.reduce(0, +)
        var ans = [0.0, 0.0]
        for c in 0...1 {
          if variant == "PIPA-M" {
            ans[c] = -algorithm1TokenLoss(logF: sf, logG0: lg, logPrior: sp, label: c)
          } else {
            ans[c] = PIPAN.logPosterior(logit: PIPAN.posteriorLogit(logF: sf, logG: lg, logOneMinusG: logSigmoid(-w), logPrior: sp), label: c)
          }
        }
        let s = exp(tok[1]) + exp(tok[0])
        sRange = (min(sRange.0, s), max(sRange.1, s))
        let mag = PIPAInputs.absSum(lf, lp) + abs(lg) * 2 + abs(lg1t) * Double(t) + 2
        let inputs = [NamedValue("T", Double(t)), NamedValue("logit g", w)]
        let okS = tally.record(
          "\(variant): label mass S = 1", residual: abs(s - 1), identityTermSum: (2),
          inputs: inputs, detail: "S = P_tok(1^T) + P_tok(0^T) = \(s)")
        var okL = true
        for c in 0...1 {
          let both = tok[c] == -.infinity && ans[c] == -.infinity
          let res = both ? 0 : abs(tok[c] - ans[c])
          okL = tally.record(
            "\(variant): matched log-likelihood, c = \(c)", residual: res.isNaN ? .infinity : res,
            identityTermSum: (mag + (tok[c].isFinite ? abs(tok[c]) : 0)), inputs: inputs,
            detail: "token level \(tok[c]), answer level \(ans[c])") && okL
        }
        judge.record(holds: okS && okL, satisfies: [t == 1], describe: "\(variant), T = \(t), logit g = \(w), S = \(s)")
      }
    }
    let (v, conds) = judge.verdict()
    var out = tally.outcome(
      claim: "constant token labels = the answer-level problem",
      notes: ["S ranges over [\(sRange.0), \(sRange.1)]; 20 % of instances have T = 1 (the candidate condition's stratum)"])
    out.verdict = v
    out.conditions = conds
    if v == .conditional { out.summary = "holds only when T = 1 — " + out.summary }
    return out
  }

  static let stepAnswerLevelEncoding = Claim(
    id: "pipa.step.answer-level-encoding", paper: .pipa, source: "§2.5; Figure 2; Figure 1 caption; §2.6",
    kind: .equivalence,
    statement: "Encoding answer-level data as constant token labels and training with the token-level "
      + "likelihood is the same estimation problem as the answer-level formulation."
  ) { ctx in answerLevelEncoding(ctx) { lg, t in lg / Double(t) } }
}
