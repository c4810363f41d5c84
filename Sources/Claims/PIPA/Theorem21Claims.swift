// pipa.thm21.marginal-constraint, pipa.thm21.nonnegativity-clipping,
// pipa.thm21.parameterization-consistency (Theorem 2.1, eq. (3), with the printed clip
// g = min(g₀, p^prior(y|x)/f(y|x))), pipa.pipan.unconstrained (§2.4) and
// pipa.pipam.f-is-probability (Algorithm 1, line 3) — the joints of PIPA-M and PIPA-N on T1
// instances and A1 histories (paper 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// A T1 instance of the Theorem 2.1 entries: log f, log p^prior (Dirichlet, K ∈ 2…64) and
  /// g₀ ~ U[0, 1] with 5 % at 0 and 5 % at 1.
  struct Thm21Instance {
    var logF: [Double]
    var logPrior: [Double]
    var g0: Double
    var inputs: [NamedValue] {
      [NamedValue("K", Double(logF.count)), NamedValue("g0", g0)]
        + logF.indices.prefix(4).flatMap { [NamedValue("f[\($0)]", exp(logF[$0])), NamedValue("p[\($0)]", exp(logPrior[$0]))] }
    }
  }

  static func thm21Instance(_ r: inout RandomStream) -> Thm21Instance {
    let k = r.uniformInt(in: 2...64)
    let lf = PIPAInputs.dirichletLog(&r, k: k)
    let lp = PIPAInputs.dirichletLog(&r, k: k)
    let u = r.uniform()
    let g0 = u < 0.05 ? 0 : (u < 0.10 ? 1 : r.uniform())
    return Thm21Instance(logF: lf, logPrior: lp, g0: g0)
  }

  /// The log joint of eq. (3) with the clip, per (y, c): Objectives' clipped log form
  /// (``PIPAM/theoremLogJoint``). A test substitutes an unclipped construction.
  public typealias LogJoint = (_ logF: Double, _ logG0: Double, _ logPrior: Double, _ label: Int) -> Double

  /// pipa.thm21.marginal-constraint: logSumExp over c of the clipped log joint = log p^prior(y),
  /// on T1 instances and per token on A1 histories.
  public static func marginalConstraint(_ ctx: CheckContext, joint: LogJoint) -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("thm21.marginal-constraint")
    func check(_ cls: String, _ lf: Double, _ lg0: Double, _ lp: Double, _ inputs: @autoclosure () -> [NamedValue]) {
      let j1 = joint(lf, lg0, lp, 1)
      let j0 = joint(lf, lg0, lp, 0)
      let m = logSumExp(j1, j0)
      let lg = min(lg0, lp - lf)
      let s = abs(lf) + abs(lp) + (lg.isFinite ? abs(lg) : 0) + (j0.isFinite ? abs(j0) : 0) + (j1.isFinite ? abs(j1) : 0)
      let res = abs(m - lp)
      tally.record(
        cls, residual: res.isNaN ? .infinity : res, identityTermSum: (s),
        inputs: inputs() + [NamedValue("log f(y)", lf), NamedValue("log p(y)", lp), NamedValue("log g0", lg0)],
        detail: "logSumExp_c log p(y, c) = \(m), log p^prior(y) = \(lp)")
    }
    for _ in 0..<ctx.count(full: 100_000, quick: 2_000) {
      let inst = thm21Instance(&r)
      let lg0 = log(inst.g0)
      for y in inst.logF.indices {
        check("T1 answer level", inst.logF[y], lg0, inst.logPrior[y], inst.inputs)
      }
    }
    for _ in 0..<ctx.count(full: 10_000, quick: 500) {
      let v = r.uniformInt(in: 4...64)
      let lf = PIPAInputs.historyLaw(&r, v: v)
      let lp = PIPAInputs.historyLaw(&r, v: v)
      let lg0 = logSigmoid(PIPAInputs.logitG(&r))
      for y in 0..<v {
        check("A1 per token", lf[y], lg0, lp[y], [NamedValue("V", Double(v))])
      }
    }
    return tally.outcome(claim: "Σ_c p^θ(y, c|x) = p^prior(y|x) in the clipped log form")
  }

  static let thm21MarginalConstraint = Claim(
    id: "pipa.thm21.marginal-constraint", paper: .pipa, source: "§2.2, Theorem 2.1, eq. (3)",
    kind: .identity,
    statement: "The constructed joint satisfies p^θ(y|x) = Σ_c p^θ(y,c|x) = p^prior(y|x) for all y."
  ) { ctx in marginalConstraint(ctx, joint: PIPAM.theoremLogJoint) }

  /// pipa.thm21.nonnegativity-clipping with the clip as a parameter (`clip(g0, p, f)` → g).
  public static func nonnegativityClipping(
    _ ctx: CheckContext, clip: @escaping (Double, Double, Double) -> Double
  ) -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("thm21.marginal-constraint")  // the same instances
    var covered = 0
    let n = ctx.count(full: 100_000, quick: 2_000)
    for _ in 0..<n {
      let inst = thm21Instance(&r)
      let f = inst.logF.map { exp($0) }
      let p = inst.logPrior.map { exp($0) }
      if zip(f, p).contains(where: { inst.g0 * $0 > $1 }) { covered += 1 }
      var total = 0.0
      var s = 0.0
      for y in f.indices {
        let g = clip(inst.g0, p[y], f[y])
        tally.record("g ∈ [0, 1]", passed: g >= 0 && g <= 1, inputs: inst.inputs, detail: "y = \(y): g = \(g)")
        let j1 = f[y] * g
        let j0 = p[y] - f[y] * g
        tally.record("p(y, 1) ≥ 0", passed: j1 >= 0, inputs: inst.inputs, detail: "y = \(y): p(y,1) = \(j1)")
        let termSum = p[y] + j1
        tally.record(
          "p(y, 0) ≥ −T_id", passed: j0 >= -CatalogTolerance.identityAbsolute(termSum: termSum),
          residual: max(0, -j0), identityTermSum: termSum, inputs: inst.inputs,
          detail: "y = \(y): p(y,0) = \(j0)")
        total += j1 + j0
        s += p[y] + 2 * j1
      }
      tally.record(
        "Σ_{y,c} p(y, c) = 1", residual: abs(total - 1), identityTermSum: s + 1,
        inputs: inst.inputs, detail: "total = \(total)")
    }
    let frac = Double(covered) / Double(n)
    var out = tally.outcome(
      claim: "clipped joint is a distribution",
      notes: ["coverage: \(covered) of \(n) instances (\(format3(100 * frac)) %) have g₀·f(y) > p^prior(y) for some y (required ≥ 10 %)"])
    if frac < 0.1, out.verdict == .confirmed {
      out.verdict = .inconclusive
      out.summary = "coverage below 10 %: " + out.summary
    }
    return out
  }

  static let thm21NonnegativityClipping = Claim(
    id: "pipa.thm21.nonnegativity-clipping", paper: .pipa, source: "Theorem 2.1 (the clip of g)",
    kind: .inequality,
    statement: "With g = min(g₀, p^prior/f), g ∈ [0, 1] and p^prior ≥ f·g, so p^θ(y, c|x) is a "
      + "probability distribution over (y, c)."
  ) { ctx in nonnegativityClipping(ctx) { g0, p, f in min(g0, p / f) } }

  /// pipa.thm21.parameterization-consistency: q = p(y,1)/P₁ vs f (TV) and P₁ vs g₀, with the
  /// printed per-y clip; condition: the clip inactive for every y.
  public static func parameterizationConsistency(_ ctx: CheckContext) -> CheckOutcome {
    var tally = Tally()
    var judge = ConditionalJudge(conditions: ["clip inactive for every y (g₀ ≤ min_y p^prior(y)/f(y))"])
    var r = ctx.stream("thm21.marginal-constraint")
    var skipped = 0
    for _ in 0..<ctx.count(full: 100_000, quick: 5_000) {
      let inst = thm21Instance(&r)
      guard inst.g0 > 0 else {
        skipped += 1
        continue
      }
      let f = inst.logF.map { exp($0) }
      let p = inst.logPrior.map { exp($0) }
      let j1 = f.indices.map { f[$0] * min(inst.g0, p[$0] / f[$0]) }
      let p1 = j1.reduce(0, +)
      let tv = 0.5 * f.indices.reduce(0) { $0 + abs(j1[$1] / p1 - f[$1]) }
      let inactive = f.indices.allSatisfy { inst.g0 <= p[$0] / f[$0] }
      let tolTV = CatalogTolerance.identity(termSum: 2)
      let tolP = CatalogTolerance.identity(termSum: 1 + inst.g0)
      let a = tally.record(
        "TV(q, f) ≤ T_id", residual: tv, tolerance: tolTV, inputs: inst.inputs, detail: "TV(q, f) = \(tv)")
      let b = tally.record(
        "P₁ = g₀", residual: abs(p1 - inst.g0), tolerance: tolP, inputs: inst.inputs,
        detail: "P₁ = \(p1), g₀ = \(inst.g0)")
      judge.record(
        holds: a && b, satisfies: [inactive],
        describe: "K = \(f.count), g₀ = \(inst.g0), min p/f = \(zip(p, f).map { $0 / $1 }.min() ?? .nan), TV = \(tv), P₁ = \(p1)")
    }
    let (v, conds) = judge.verdict()
    var out = tally.outcome(
      claim: "the clipped joint has positive conditional f and class probability g₀",
      notes: ["\(skipped) instances with g₀ = 0 skipped (P₁ = 0, q undefined)"])
    out.verdict = v
    out.conditions = conds
    if v == .conditional { out.summary = "holds only when the clip is inactive — " + out.summary }
    return out
  }

  static let thm21ParameterizationConsistency = Claim(
    id: "pipa.thm21.parameterization-consistency", paper: .pipa,
    source: "Theorem 2.1 (assumptions and the clipping definition)", kind: .equivalence,
    statement: "The joint (3) built with the clipped g has f^θ as its positive conditional and g^θ "
      + "as its class probability."
  ) { ctx in parameterizationConsistency(ctx) }

  /// pipa.pipan.unconstrained: f·g and p^prior·(1 − g) form a distribution with the stated
  /// conditionals; `negativeJoint(p, g)` is the c = 0 cell (a test substitutes a wrong one).
  public static func pipanUnconstrained(
    _ ctx: CheckContext, negativeJoint: @escaping (Double, Double) -> Double
  ) -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("pipan.unconstrained")
    func check(_ cls: String, _ lf: [Double], _ lp: [Double], _ w: Double, _ inputs: [NamedValue]) {
      let g = sigmoid(w)
      let f = lf.map { exp($0) }
      let p = lp.map { exp($0) }
      let j1 = f.map { $0 * g }
      let j0 = p.map { negativeJoint($0, g) }
      tally.record(cls + ": non-negative", passed: (j1 + j0).allSatisfy { $0 >= 0 }, inputs: inputs)
      let total = (j1 + j0).reduce(0, +)
      tally.record(
        cls + ": total mass 1", residual: abs(total - 1), identityTermSum: (2),
        inputs: inputs, detail: "total = \(total)")
      let m1 = j1.reduce(0, +)
      let m0 = j0.reduce(0, +)
      tally.record(
        cls + ": p(c=1) = g (log scale)", residual: abs(log(m1) - log(g)),
        identityTermSum: (abs(log(g)) + 1), inputs: inputs,
        detail: "Σ_y p(y,1) = \(m1), g = \(g)")
      var worst0 = 0.0
      var worst1 = 0.0
      var s = 0.0
      for y in f.indices {
        worst0 = max(worst0, abs((log(j0[y]) - log(m0)) - lp[y]))
        worst1 = max(worst1, abs((log(j1[y]) - log(m1)) - lf[y]))
        s = max(s, abs(lp[y]) + abs(lf[y]) + abs(log(g)) + abs(log1p(-g)))
      }
      tally.record(
        cls + ": p(y|c=0) = p^prior (log scale)", residual: worst0.isNaN ? .infinity : worst0,
        identityTermSum: (s), inputs: inputs, detail: "max log residual \(worst0)")
      tally.record(
        cls + ": p(y|c=1) = f (log scale)", residual: worst1.isNaN ? .infinity : worst1,
        identityTermSum: (s), inputs: inputs, detail: "max log residual \(worst1)")
    }
    for _ in 0..<ctx.count(full: 100_000, quick: 1_000) {
      let k = r.uniformInt(in: 2...64)
      let lf = PIPAInputs.dirichletLog(&r, k: k)
      let lp = PIPAInputs.dirichletLog(&r, k: k)
      let w = PIPAInputs.logitG(&r)
      check("T1", lf, lp, w, [NamedValue("K", Double(k)), NamedValue("logit g", w)])
    }
    for _ in 0..<ctx.count(full: 10_000, quick: 300) {
      let v = r.uniformInt(in: 4...64)
      let w = PIPAInputs.logitG(&r)
      check(
        "A1 per token", PIPAInputs.historyLaw(&r, v: v), PIPAInputs.historyLaw(&r, v: v), w,
        [NamedValue("V", Double(v)), NamedValue("logit g", w)])
    }
    return tally.outcome(claim: "the PIPA-N joint is valid and unconstrained")
  }

  static let pipanUnconstrainedClaim = Claim(
    id: "pipa.pipan.unconstrained", paper: .pipa, source: "§2.4", kind: .identity,
    statement: "For any f and g ∈ (0, 1), p(y,1|x) = f·g, p(y,0|x) = p^prior·(1 − g) is a valid "
      + "distribution with p(y|c=0) = p^prior, p(y|c=1) = f, p(c=1) = g; no clipping is needed."
  ) { ctx in pipanUnconstrained(ctx) { p, g in p * (1 - g) } }

  /// pipa.pipam.f-is-probability: F = f·g/p^prior ≤ 1? Condition: g ≤ p^prior/f.
  public static func fIsProbability(_ ctx: CheckContext) -> CheckOutcome {
    var tally = Tally()
    var judge = ConditionalJudge(conditions: ["g_t ≤ p^prior_t/f_t (the Theorem 2.1 clip)"])
    var r = ctx.stream("pipam.f-is-probability")
    var largest = -Double.infinity
    var positives = 0
    var negativeLoss = 0
    func check(_ cls: String, _ lf: Double, _ w: Double, _ lp: Double, _ c: Int, _ inputs: [NamedValue]) {
      let lF = PIPAM.logRatio(PIPAAnswerInput(logF: lf, logitG: w, logPrior: lp, label: c))
      let tol = CatalogTolerance.identity(termSum: abs(lf) + abs(lp) + abs(logSigmoid(w)))
      largest = max(largest, lF)
      let ok = tally.record(
        cls, residual: max(0, exp(lF) - 1), tolerance: tol, inputs: inputs, detail: "F = \(exp(lF)) > 1")
      judge.record(holds: ok, satisfies: [logSigmoid(w) <= lp - lf], describe: inputs.map(\.description).joined(separator: ", "))
      if c == 1 {
        positives += 1
        if -lF < 0 { negativeLoss += 1 }
      }
    }
    for i in 0..<ctx.count(full: 100_000, quick: 5_000) {
      let lf = PIPAInputs.tokenLogProb(&r)
      let lp = PIPAInputs.tokenLogProb(&r)
      let w = PIPAInputs.logitG(&r)
      check("token strata", lf, w, lp, i % 2, [NamedValue("log f", lf), NamedValue("log p_prior", lp), NamedValue("logit g", w)])
    }
    for i in 0..<ctx.count(full: 10_000, quick: 500) {
      let v = r.uniformInt(in: 4...64)
      let lf = PIPAInputs.historyLaw(&r, v: v)
      let lp = PIPAInputs.historyLaw(&r, v: v)
      let w = PIPAInputs.logitG(&r)
      let y = r.uniformInt(in: 0...(v - 1))
      check("A1 histories (softmax f, p^prior)", lf[y], w, lp[y], i % 2,
        [NamedValue("V", Double(v)), NamedValue("log f", lf[y]), NamedValue("log p_prior", lp[y]), NamedValue("logit g", w)])
    }
    let (v, conds) = judge.verdict()
    var out = tally.outcome(
      claim: "F = f·g/p^prior ≤ 1",
      notes: [
        "fraction with F > 1 + T_id: \(tally.failures) of \(tally.cases); largest F = \(exp(largest)) (log F = \(largest))",
        "positive tokens with −log F < 0: \(negativeLoss) of \(positives) (Algorithm 1's positive term is then negative)",
      ])
    out.verdict = v
    out.conditions = conds
    if v == .conditional { out.summary = "holds only under the Theorem 2.1 clip — " + out.summary }
    return out
  }

  static let pipamFIsProbability = Claim(
    id: "pipa.pipam.f-is-probability", paper: .pipa, source: "Algorithm 1, line 3; §2.5; §3.1",
    kind: .inequality,
    statement: "The positive-token loss −log F^θ treats F^θ = f^θg^θ/p^prior as a probability, which "
      + "requires F^θ ∈ [0, 1]."
  ) { ctx in fIsProbability(ctx) }
}
