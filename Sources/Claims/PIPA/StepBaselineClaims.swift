// pipa.stepdpo.l0-masking, pipa.stepdpo.l1-value, pipa.stepdpo.l1-gradient,
// pipa.stepkto.reduces-to-kto, pipa.stepkto.l1-negative — the step-level baselines of PIPA
// App. B (paper 004_fe2e5eb1635a4348.txt) with the catalog's stop-gradient semantics: a loss
// with sg(·) is L(θ; θ̄); its value is L(θ; θ), its gradient ∂_θ L(θ; θ̄) at θ̄ = θ, checked
// by the FD rule in θ with θ̄ held fixed. θ here are the per-token log-probabilities (the
// r_t = log p^θ_t − log p^prior_t enter through them).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// β for a case: 1 (printed) in 4 of 5 cases, else a common β log-uniform on [0.01, 10].
  static func stepBeta(_ r: inout RandomStream, _ i: Int) -> Double {
    i % 5 == 4 ? Strata.logUniform(&r, 0.01, 10) : 1
  }

  static func pairInputs(_ x: StepPairInput, beta: Double) -> [NamedValue] {
    [
      NamedValue("T+", Double(x.logProbsChosen.count)), NamedValue("T-", Double(x.logProbsRejected.count)),
      NamedValue("positive steps of y-", Double(x.labelsRejected.reduce(0, +))), NamedValue("β", beta),
    ]
  }

  /// The FD rule's input rounding for the step-level losses at the variables v.
  static func stepFDRounding(_ v: [Double], slope: Double) -> Double {
    // The reference functions sum up to 2·64 token log-probabilities of size ≤ 20 without
    // compensation: one evaluation moves by ≤ ε·Σ|inputs|·|dℓ/dsum| (slope ≤ β for the
    // log-sigmoid losses, ≤ ¼ for σ), which GSL's abserr (estimated from |f| only) misses.
    CatalogTolerance.machineEpsilon * v.reduce(0) { $0 + abs($1) } * slope
  }

  /// FD-rule comparison of `grad` against `f` on the variables of `x`, recorded in `tally`.
  static func recordFD(
    _ tally: inout Tally, _ cls: String, f: ([Double]) -> Double, grad: [Double], at v: [Double],
    random r: inout RandomStream, inputs: [NamedValue], slope: Double = 1
  ) throws {
    let comparisons = try FDRule.compare(
      f: f, gradient: grad, at: v, random: &r, inputRounding: stepFDRounding(v, slope: slope))
    recordFD(&tally, cls, comparisons, inputs: inputs)
  }

  /// Records FD-rule comparisons in `tally`.
  static func recordFD(_ tally: inout Tally, _ cls: String, _ comparisons: [FDComparison], inputs: [NamedValue]) {
    for c in comparisons {
      tally.record(
        cls, residual: abs(c.analytic - c.numeric.value), tolerance: c.tolerance, inputs: inputs,
        detail: "\(c.label): analytic \(c.analytic), FD \(c.numeric.value) ± \(c.numeric.error)")
    }
  }

  /// L_DPO of App. B on token inputs: −log σ(β(Σ r_t(y⁺) − Σ r_t(y⁻))), via ``DPO``.
  public static func sequenceDPO(_ x: StepPairInput, beta: Double) -> Double {
    softplus(-DPO(beta: beta).margin(x.sequencePair()))
  }

  // MARK: Step-DPO L₀

  /// The l0-masking check with the L₀ loss as a parameter (value, gradient).
  public static func l0Masking(
    _ ctx: CheckContext, loss: @escaping (StepPairInput, Double) -> Double,
    gradient: @escaping (StepPairInput, Double) -> [Double]
  ) throws -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("stepdpo.l0-masking")
    let na = ctx.count(full: 10_000, quick: 500)
    for i in 0..<na {
      let beta = stepBeta(&r, i)
      let x = PIPAInputs.stepPair(&r, pattern: i)
      var y = x
      for t in x.labelsRejected.indices where x.labelsRejected[t] == 1 {
        let d = Strata.uniform(&r, -5, 5)
        if d < 0 { y.logProbsRejected[t] += d } else { y.refLogProbsRejected[t] -= d }
      }
      let (a, b) = (loss(x, beta), loss(y, beta))
      tally.record(
        "(a) value unchanged by perturbing positive-step r_t of y⁻", residual: abs(a - b),
        identityTermSum: (PIPAInputs.absSum(x.variables, y.variables) * beta),
        inputs: pairInputs(x, beta: beta), detail: "L₀ = \(a) before, \(b) after")
    }
    let nb = ctx.count(full: 1_000, quick: 20)
    for i in 0..<nb {
      let beta = stepBeta(&r, i)
      let x = PIPAInputs.stepPair(&r, pattern: i)
      let v = x.variables
      let f: ([Double]) -> Double = { loss(x.replacing(variables: $0), beta) }
      let a = x.logProbsChosen.count
      for t in x.labelsRejected.indices where x.labelsRejected[t] == 1 {
        var p = v
        let e = try Derivative.derivative(
          of: { s in
            p[a + t] = s
            return f(p)
          }, at: v[a + t], method: .central, step: CatalogTolerance.finiteDifferenceStep(v[a + t]))
        let tol = CatalogTolerance.finiteDifference(abserr: e.error, analytic: 0)
        tally.record(
          "(b) FD ∂L₀/∂r_t = 0 on positive steps of y⁻", residual: abs(e.value), tolerance: tol,
          inputs: pairInputs(x, beta: beta), detail: "token \(t): FD \(e.value)")
      }
      try recordFD(
        &tally, "(b) analytic ∇L₀ vs FD", f: f, grad: gradient(x, beta), at: v, random: &r,
        inputs: pairInputs(x, beta: beta), slope: beta)
    }
    let nc = ctx.count(full: 1_000, quick: 20)
    for i in 0..<nc {
      let beta = stepBeta(&r, i)
      var x = PIPAInputs.stepPair(&r, pattern: 3)
      x.labelsRejected = x.labelsRejected.map { _ in 0 }
      let (l0, dpo) = (loss(x, beta), sequenceDPO(x, beta: beta))
      tally.record(
        "(c) all c⁻ = 0: L₀ = L_DPO", residual: abs(l0 - dpo),
        identityTermSum: (PIPAInputs.absSum(x.variables) * beta),
        inputs: pairInputs(x, beta: beta), detail: "L₀ = \(l0), L_DPO = \(dpo)")
      try recordFD(
        &tally, "(c) all c⁻ = 0: ∇L₀ vs FD of L_DPO",
        f: { sequenceDPO(x.replacing(variables: $0), beta: beta) }, grad: gradient(x, beta), at: x.variables,
        random: &r, inputs: pairInputs(x, beta: beta), slope: beta)
    }
    return tally.outcome(claim: "L₀ ignores positive steps of y⁻ and reduces to L_DPO")
  }

  static let stepDPOL0Masking = Claim(
    id: "pipa.stepdpo.l0-masking", paper: .pipa, source: "App. B, Step-DPO", kind: .identity,
    statement: "L₀ does not depend on the r_t of positive steps of y⁻ (value and gradient); with "
      + "no positive steps, L₀ = L_DPO in value and gradient."
  ) { ctx in
    try l0Masking(
      ctx, loss: { softplus(-StepDPOL0(beta: $1).margin($0)) },
      gradient: { (try? StepDPOL0(beta: $1).gradient($0)) ?? [] })
  }

  // MARK: Step-DPO L₁

  /// The l1-value check with the L₁ value as a parameter.
  public static func l1Value(_ ctx: CheckContext, loss: @escaping (StepPairInput, Double) -> Double) -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("stepdpo.l1-value")
    var changed = 0
    var perturbed = 0
    for i in 0..<ctx.count(full: 10_000, quick: 500) {
      let beta = stepBeta(&r, i)
      let x = PIPAInputs.stepPair(&r, pattern: i)
      let s = PIPAInputs.absSum(x.variables) * beta
      let (l1, dpo) = (loss(x, beta), sequenceDPO(x, beta: beta))
      tally.record(
        "L₁(θ; θ) = L_DPO", residual: abs(l1 - dpo), identityTermSum: (s),
        inputs: pairInputs(x, beta: beta), detail: "L₁ = \(l1), L_DPO = \(dpo)")
      guard let t = x.labelsRejected.firstIndex(of: 1) else { continue }
      var y = x
      let d = Strata.uniform(&r, -5, 5)
      if d < 0 { y.logProbsRejected[t] += d } else { y.refLogProbsRejected[t] -= d }
      let (l1y, dpoy) = (loss(y, beta), sequenceDPO(y, beta: beta))
      perturbed += 1
      if abs(l1y - l1) > CatalogTolerance.identityAbsolute(termSum: s) { changed += 1 }
      tally.record(
        "contrast: after perturbing a positive-step r_t of y⁻, L₁ = L_DPO", residual: abs(l1y - dpoy),
        identityTermSum: (PIPAInputs.absSum(y.variables) * beta),
        inputs: pairInputs(x, beta: beta), detail: "L₁ = \(l1y), L_DPO = \(dpoy)")
    }
    return tally.outcome(
      claim: "L₁'s value is L_DPO's",
      notes: ["perturbing one positive-step r_t of y⁻ changed L₁ detectably in \(changed) of \(perturbed) "
        + "pairs (the rest have a saturated σ), always exactly as L_DPO"])
  }

  static let stepDPOL1Value = Claim(
    id: "pipa.stepdpo.l1-value", paper: .pipa, source: "App. B, Step-DPO", kind: .identity,
    statement: "In the forward pass L₁ has the value of L_DPO, because sg(·) is the identity on values."
  ) { ctx in l1Value(ctx) { (try? StepDPOL1(beta: $1).loss($0, stoppedAt: $0)) ?? .nan } }

  /// The l1-gradient check with the semi-gradient formula as a parameter. The pairs and the FD
  /// rule's draws are made in their serial order first, then the evaluations run on the
  /// runner's two cores (each reads only its own pair and plan) and are recorded in pair order:
  /// the same bytes as one serial loop.
  public static func l1Gradient(
    _ ctx: CheckContext, formula: @escaping @Sendable (StepPairInput, Double) -> [Double]
  ) throws -> CheckOutcome {
    struct Drawn: Sendable {
      var beta: Double
      var x: StepPairInput
      var plan: FDPlan
    }
    struct Evaluated: Sendable {
      var fd: [FDComparison]
      /// (residual, term sum, ratio), nil when σ(−u₀) < 1e-300.
      var collinear: (Double, Double, Double)?
    }
    var tally = Tally()
    var r = ctx.stream("stepdpo.l1-gradient")
    var skipped = 0
    let drawn = (0..<ctx.count(full: 1_000, quick: 20)).map { i -> Drawn in
      let beta = stepBeta(&r, i)
      let x = PIPAInputs.stepPair(&r, pattern: i)
      return Drawn(beta: beta, x: x, plan: FDRule.plan(count: x.variables.count, random: &r))
    }
    let evaluated = MPOParallelMap.map(drawn.count) { i in
      Result { () throws -> Evaluated in
        let (beta, x) = (drawn[i].beta, drawn[i].x)
        let g1 = formula(x, beta)
        // ∂_θ L₁(θ; θ̄) at θ̄ = θ by the FD rule, θ̄ held at x.
        let fd = try FDRule.evaluate(
          drawn[i].plan,
          f: { (try? StepDPOL1(beta: beta).loss(x.replacing(variables: $0), stoppedAt: x)) ?? .nan },
          gradient: g1, at: x.variables, inputRounding: stepFDRounding(x.variables, slope: beta))
        // Collinearity with ∇L₀, ratio (1 − σ(u_DPO))/(1 − σ(u₀)) = σ(−u_DPO)/σ(−u₀).
        let u0 = StepDPOL0(beta: beta).margin(x)
        let uD = DPO(beta: beta).margin(x.sequencePair())
        guard sigmoid(-u0) > 1e-300 else { return Evaluated(fd: fd, collinear: nil) }
        let ratio = exp(logSigmoid(-uD) - logSigmoid(-u0))
        let g0 = try StepDPOL0(beta: beta).gradient(x)
        let scaled = g0.map { $0 * ratio }
        let res = zip(g1, scaled).map { abs($0 - $1) }.max() ?? 0
        return Evaluated(
          fd: fd, collinear: (res, PIPAInputs.absSum(g1, scaled) + abs(uD) + abs(u0), ratio))
      }
    }
    for (d, e) in zip(drawn, evaluated) {
      let ev = try e.get()
      let inputs = pairInputs(d.x, beta: d.beta)
      recordFD(&tally, "∂_θ L₁(θ; θ̄) (FD, θ̄ fixed) vs the formula", ev.fd, inputs: inputs)
      guard let collinear = ev.collinear else {
        skipped += 1
        continue
      }
      let (res, termSum, ratio) = collinear
      tally.record(
        "∇L₁ = [(1 − σ(u_DPO))/(1 − σ(u₀))]·∇L₀", residual: res, identityTermSum: (termSum),
        inputs: inputs, detail: "max |∇L₁ − ratio·∇L₀| = \(res), ratio = \(ratio)")
    }
    return tally.outcome(
      claim: "∇L₁ = −(1 − σ(u_DPO))[Σ∇r_t(y⁺) − Σ_{c⁻=0}∇r_t(y⁻)]",
      notes: skipped > 0 ? ["\(skipped) pairs with σ(−u₀) < 1e-300 skipped in the collinearity test"] : [])
  }

  /// The printed gradient formula of ∇L₁ on the token inputs: weight w = βσ(−u_DPO) = β(1 − σ(u_DPO));
  /// −w on chosen policy log-probs, +w on their prior; +w / −w on the c⁻ = 0 tokens of y⁻.
  public static func l1GradientFormula(_ x: StepPairInput, beta: Double) -> [Double] {
    let w = beta * sigmoid(-DPO(beta: beta).margin(x.sequencePair()))
    let a = x.logProbsChosen.count
    let b = x.logProbsRejected.count
    var g = [Double](repeating: 0, count: 2 * (a + b))
    for t in 0..<a {
      g[t] = -w
      g[a + b + t] = w
    }
    for t in 0..<b where x.labelsRejected[t] == 0 {
      g[a + t] = w
      g[2 * a + b + t] = -w
    }
    return g
  }

  static let stepDPOL1Gradient = Claim(
    id: "pipa.stepdpo.l1-gradient", paper: .pipa, source: "App. B, Step-DPO", kind: .gradientIdentity,
    statement: "∇L₁ = −(1 − σ(u_DPO))[Σ_t ∇r_t(y⁺) − Σ_{t:c⁻_t=0} ∇r_t(y⁻)] = "
      + "[(1 − σ(u_DPO))/(1 − σ(u₀))]·∇L₀."
  ) { ctx in try l1Gradient(ctx, formula: l1GradientFormula) }

  // MARK: Step-KTO

  static func ktoInput(_ r: inout RandomStream, pattern: Int?, constantLabel: Int?) -> StepKTOInput {
    let t = r.uniformInt(in: 1...64)
    let v = r.uniformInt(in: 4...64)
    let (a, b) = PIPAInputs.tokenPair(&r, count: t, v: v)
    var labels: [Int]
    if let c = constantLabel {
      labels = [Int](repeating: c, count: t)
    } else {
      labels = PIPAInputs.labels(&r, count: t, pattern: pattern ?? 0)
      if labels.allSatisfy({ $0 == 1 }) { labels[t - 1] = 0 }  // a negative answer
    }
    return StepKTOInput(logProbs: a, refLogProbs: b, labels: labels, z0: Strata.uniform(&r, 0, 10))
  }

  /// The reduces-to-kto check with the printed L_KTO as a parameter.
  public static func reducesToKTO(_ ctx: CheckContext, printedKTO: @escaping (StepKTOInput) -> Double) -> CheckOutcome {
    var tally = Tally()
    var negated = Tally()
    var r = ctx.stream("stepkto.reduces-to-kto")
    for _ in 0..<ctx.count(full: 10_000, quick: 300) {
      let x = ktoInput(&r, pattern: nil, constantLabel: r.uniform() < 0.5 ? 0 : 1)
      guard let step = try? StepKTO().loss(x) else { continue }
      let kto = printedKTO(x)
      let tol = CatalogTolerance.identity(termSum: PIPAInputs.absSum(x.logProbs, x.refLogProbs) + x.z0)
      let inputs = [NamedValue("T", Double(x.labels.count)), NamedValue("c", Double(x.labels[0])), NamedValue("z0", x.z0)]
      tally.record(
        "L_Step-KTO(K = 1) = L_KTO as printed", residual: abs(step - kto), tolerance: tol, inputs: inputs,
        detail: "L_Step-KTO = \(step), L_KTO = \(kto)")
      negated.record("L_Step-KTO(K = 1) = −L_KTO", residual: abs(step + kto), tolerance: tol, inputs: inputs)
    }
    // Sanity for K > 1: L_Step-KTO is the sum of its printed per-step terms.
    var sanity = Tally()
    for i in 0..<ctx.count(full: 1_000, quick: 100) {
      var x = ktoInput(&r, pattern: 1, constantLabel: nil)
      let t = x.labels.count
      var starts = [0]
      for j in 1..<max(t, 1) where x.labels[j] != x.labels[j - 1] || r.uniform() < 0.2 { starts.append(j) }
      x.stepStarts = starts
      guard let step = try? StepKTO().loss(x) else { continue }
      var sum = 0.0
      for k in starts.indices {
        let range = x.stepRange(k)
        var rs = 0.0
        for j in range { rs += x.logProbs[j] - x.refLogProbs[j] }
        let c = Double(x.labels[range.lowerBound])
        sum -= c * sigmoid(rs - x.z0) + (1 - c) * sigmoid(-rs + x.z0)
      }
      sanity.record(
        "K > 1: sum of printed per-step terms", residual: abs(step - sum),
        identityTermSum: (PIPAInputs.absSum(x.logProbs, x.refLogProbs) + Double(starts.count) * (1 + x.z0)),
        inputs: [NamedValue("T", Double(t)), NamedValue("K", Double(starts.count)), NamedValue("case", Double(i))],
        detail: "L_Step-KTO = \(step), Σ terms = \(sum)")
    }
    var out = tally.outcome(claim: "Step-KTO with one step equals the printed L_KTO")
    out.classes += sanity.classes
    let rel = negated.failures == 0
      ? "L_Step-KTO(K = 1) = −L_KTO in all \(negated.cases) cases: the printed L_KTO lacks the leading minus of Step-KTO and Algorithm 2"
      : "L_Step-KTO(K = 1) = −L_KTO fails in \(negated.failures) of \(negated.cases) cases"
    out.notes.append(rel)
    if sanity.failures > 0 {
      out.verdict = .refuted
      out.notes.append("implementation defect: Step-KTO ≠ the sum of its per-step terms in \(sanity.failures) cases")
    }
    if out.verdict == .refuted { out.summary += " — relation found: " + rel }
    return out
  }

  static let stepKTOReducesToKTO = Claim(
    id: "pipa.stepkto.reduces-to-kto", paper: .pipa, source: "App. B, Step-KTO", kind: .identity,
    statement: "Step-KTO applies the KTO term once per step, so with a single step (K = 1) it equals "
      + "the printed L_KTO (with s_{K+1} := T + 1)."
  ) { ctx in reducesToKTO(ctx) { (try? KTOAppendixBForm().loss($0)) ?? .nan } }

  /// The c = 0 loss of Algorithm 2 (KTOPIPAForm) on the sequence sums of a Step-KTO input.
  static func negativeKTO(_ x: StepKTOInput) -> Double {
    (try? KTOPIPAForm().loss(
      KTOPIPAInput(logF: x.logProbs.reduce(0, +), logPrior: x.refLogProbs.reduce(0, +), z: x.z0, label: 0))) ?? .nan
  }

  /// The l1-negative check with the semi-gradient formula as a parameter. The answers and the
  /// FD rule's draws are made in their serial order first; the answers are then evaluated on
  /// the runner's two cores and recorded in answer order (the same bytes as one serial loop).
  public static func ktoL1Negative(
    _ ctx: CheckContext, formula: @escaping @Sendable (StepKTOInput) -> [Double]
  ) throws -> CheckOutcome {
    struct Drawn: Sendable {
      var x: StepKTOInput
      var plan: FDPlan
      /// The plan of part (c), for the all-negative answers (every fourth).
      var planC: FDPlan?
    }
    struct Evaluated: Sendable {
      var value: Double
      var alg2: Double
      var printed: Double?
      var fd: [FDComparison]
      var fdC: [FDComparison]?
    }
    var tally = Tally()
    var r = ctx.stream("stepkto.l1-negative")
    var relation = Tally()
    let drawn = (0..<ctx.count(full: 1_000, quick: 40)).map { i -> Drawn in
      var x = ktoInput(&r, pattern: i % 4, constantLabel: nil)
      if i % 4 == 3 { x.labels = x.labels.map { _ in 0 } }
      let plan = FDRule.plan(count: x.variables.count, random: &r)
      return Drawn(x: x, plan: plan, planC: i % 4 == 3 ? FDRule.plan(count: x.variables.count, random: &r) : nil)
    }
    let evaluated = MPOParallelMap.map(drawn.count) { i in
      Result { () throws -> Evaluated in
        let x = drawn[i].x
        let v = try StepKTOL1().loss(x, stoppedAt: x)
        let rounding = stepFDRounding(x.variables, slope: 1)
        let fd = try FDRule.evaluate(
          drawn[i].plan, f: { (try? StepKTOL1().loss(x.replacing(variables: $0), stoppedAt: x)) ?? .nan },
          gradient: formula(x), at: x.variables, inputRounding: rounding)
        let fdC = try drawn[i].planC.map { plan in
          try FDRule.evaluate(
            plan, f: { negativeKTO(x.replacing(variables: $0)) }, gradient: formula(x), at: x.variables,
            inputRounding: rounding)
        }
        return Evaluated(
          value: v, alg2: negativeKTO(x), printed: try? KTOAppendixBForm().loss(x), fd: fd, fdC: fdC)
      }
    }
    for (d, e) in zip(drawn, evaluated) {
      let ev = try e.get()
      let x = d.x
      let inputs = [NamedValue("T", Double(x.labels.count)), NamedValue("positive tokens", Double(x.labels.reduce(0, +))), NamedValue("z0", x.z0)]
      let s = PIPAInputs.absSum(x.logProbs, x.refLogProbs) + x.z0
      let (v, alg2) = (ev.value, ev.alg2)
      tally.record(
        "(a) value = Algorithm 2's c = 0 loss", residual: abs(v - alg2),
        identityTermSum: (s), inputs: inputs, detail: "L₁ = \(v), Alg. 2 = \(alg2)")
      if let printed = ev.printed {
        relation.record("L₁ = −(printed L_KTO term)", residual: abs(v + printed), identityTermSum: (s), inputs: inputs)
      }
      recordFD(&tally, "(b) ∂_θ L₁(θ; θ̄) (FD, θ̄ fixed) vs σ'(v)Σ_{c_t=0}∇r_t", ev.fd, inputs: inputs)
      if let fdC = ev.fdC {
        recordFD(&tally, "(c) all c_t = 0: ∇L₁ vs FD of the negative KTO term", fdC, inputs: inputs)
      }
    }
    return tally.outcome(
      claim: "KTO L₁ on negative answers: KTO's value, masked gradient",
      notes: ["relation to the printed L_KTO term (1 − c_T)σ(−Σr_t + z₀): L₁ = −term in \(relation.cases - relation.failures) of \(relation.cases) cases (the rest have c_T = 1, where the printed term is σ(Σr_t − z₀))"])
  }

  /// σ'(v)·Σ_{t:c_t=0} ∇r_t with v = −Σ_t r_t + z₀, on (logProbs, refLogProbs, z₀); ∂/∂z₀ = −σ'(v).
  public static func ktoL1NegativeFormula(_ x: StepKTOInput) -> [Double] {
    var rs = 0.0
    for j in x.logProbs.indices { rs += x.logProbs[j] - x.refLogProbs[j] }
    let v = -rs + x.z0
    let sp = sigmoid(v) * sigmoid(-v)
    let n = x.logProbs.count
    var g = [Double](repeating: 0, count: 2 * n + 1)
    for t in 0..<n where x.labels[t] == 0 {
      g[t] = sp
      g[n + t] = -sp
    }
    g[2 * n] = -sp
    return g
  }

  static let stepKTOL1Negative = Claim(
    id: "pipa.stepkto.l1-negative", paper: .pipa, source: "App. B, last formula", kind: .gradientIdentity,
    statement: "For a negative answer, L₁ = −σ(−Σ_{c_t=0} r_t − sg(Σ_{c_t=1} r_t) + z₀) has the value of "
      + "KTO's negative loss −σ(−Σ_t r_t + z₀) and gradient σ'(v)Σ_{t:c_t=0}∇r_t."
  ) { ctx in try ktoL1Negative(ctx, formula: ktoL1NegativeFormula) }
}
