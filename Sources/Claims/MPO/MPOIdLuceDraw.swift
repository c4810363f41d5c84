// mpo.set-prob.luce-draw — §3.1 eq. (1) and the sentence introducing it; §4.2 eq. (4)
// (001_0ef3930bdbd6a134.txt). (a) eq. (1) in linear space against eq. (4) in log space
// (Objectives.MPO), two code paths; (b) P(𝒴⁺>𝒴⁻) + P(𝒴⁻>𝒴⁺) = 1; (c) the Luce-draw reading
// by simulation (categorical draws by inversion, Wilson intervals).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let luceDraw = Claim(
    id: "mpo.set-prob.luce-draw", paper: .mpo,
    source: "§3.1, eq. (1) and its introduction; §4.2, eq. (4)",
    kind: .identity,
    statement:
      "Eq. (1) is the probability that one response drawn from 𝒴^all with probability ∝ u lies in "
      + "𝒴⁺; with u = exp(β r_θ) it equals (4); P(𝒴⁺>𝒴⁻) + P(𝒴⁻>𝒴⁺) = 1."
  ) { ctx in try luceDrawCheck(ctx, linear: eq1Linear) }

  /// Eq. (1) as printed, in linear space: u = exp(a − max a), Σ_{𝒴⁺}u / (Σ_{𝒴⁺}u + Σ_{𝒴⁻}u),
  /// the two sums formed separately (the shift cancels in the ratio).
  static func eq1Linear(_ a: [Double], _ positive: [Bool]) -> Double {
    let m = a.max() ?? 0
    var sp = 0.0
    var sn = 0.0
    for (x, p) in zip(a, positive) {
      if p { sp += exp(x - m) } else { sn += exp(x - m) }
    }
    return sp / (sp + sn)
  }

  struct LuceInstance {
    var pair: SetPair
    var beta: Double
    var betaIndex: Int
  }

  /// The check with the linear-space formula injectable (mutation tests).
  static func luceDrawCheck(
    _ ctx: CheckContext, linear: ([Double], [Bool]) -> Double
  ) throws -> CheckOutcome {
    let betas = [0.01, 0.1, 1, 10]
    var r = ctx.stream("mpo.set-prob.luce-draw")
    let n = ctx.count(full: 10_000, quick: 1_000)
    var ta = Tally()
    var tb = Tally()
    var smallest = MPOIdSmallest()
    var underflow = 0
    var eligible: [(LuceInstance, Double)] = []
    for _ in 0..<n {
      let np = r.uniformInt(in: 1...16)
      let nn = r.uniformInt(in: 1...16)
      let (beta, bi) = MPOId.pick(&r, betas)
      let pos = ResponseSet(
        logProbs: MPOId.logProbs(&r, n: np, l: 300), refLogProbs: MPOId.logProbs(&r, n: np, l: 300))
      let neg = ResponseSet(
        logProbs: MPOId.logProbs(&r, n: nn, l: 300), refLogProbs: MPOId.logProbs(&r, n: nn, l: 300))
      let pair = SetPair(positive: pos, negative: neg)
      let mpo = MPO(beta: beta)
      let (a, mask) = mpo.logits(pair)
      let logP = try mpo.logSetProbability(pair)
      let tau = MPOId.tauLSE(a)
      let inputs = { () -> [NamedValue] in
        [NamedValue("|𝒴⁺|", Double(np)), NamedValue("|𝒴⁻|", Double(nn)), NamedValue("β", beta)]
          + a.enumerated().map { NamedValue("a[\($0)]\(mask[$0] ? "⁺" : "⁻")", $1) }
      }
      // (a) eq. (1) linear vs eq. (4) log space.
      let lin = linear(a, mask)
      if lin >= 1e-300 {
        let res = abs(log(lin) - logP)
        let ok = ta.record(
          "(a) eq. (1) linear = eq. (4) log space", residual: res.isNaN ? .infinity : res,
          tolerance: tau,
          inputs: inputs(),
          detail: "eq. (1) = \(lin), eq. (4) = \(exp(logP)), |Δlog P| = \(res) > \(tau.absolute)")
        if !ok {
          smallest.offer(
            key: [Double(np + nn), Double(bi)],
            Counterexample(
              inputs: inputs(),
              detail: "(a) eq. (1) = \(lin), eq. (4) = \(exp(logP)), |Δlog P| = \(res)",
              residual: res, tolerance: tau.absolute))
        }
      } else {
        underflow += 1
      }
      // (b) complementarity, each side in log space.
      let swapped = SetPair(positive: neg, negative: pos)
      let q = try mpo.setProbability(swapped)
      let s = exp(logP) + q
      let tol2 = MPOId.tauLSE(a, factor: 2)
      if !tb.record(
        "(b) P(+>−) + P(−>+) = 1", residual: abs(s - 1), tolerance: tol2, inputs: inputs(),
        detail: "P(+>−) = \(exp(logP)), P(−>+) = \(q), sum − 1 = \(s - 1)")
      {
        smallest.offer(
          key: [Double(np + nn), Double(bi)],
          Counterexample(
            inputs: inputs(), detail: "(b) P(+>−) + P(−>+) − 1 = \(s - 1)", residual: abs(s - 1),
            tolerance: tol2.absolute))
      }
      let p = exp(logP)
      if p >= 0.01, p <= 0.99 {
        eligible.append((LuceInstance(pair: pair, beta: beta, betaIndex: bi), p))
      }
    }
    // (c) Luce draws on up to 100 (quick 10) seeded picks among instances with P ∈ [0.01, 0.99].
    var rc = ctx.stream("mpo.set-prob.luce-draw/draws")
    rc.shuffle(&eligible)
    let chosen = Array(eligible.prefix(ctx.count(full: 100, quick: 10)))
    let draws = ctx.count(full: 100_000, quick: 10_000)
    let level = 1 - 1e-4 / Double(max(chosen.count, 1))
    var tc = Tally()
    for (inst, p) in chosen {
      let (a, mask) = MPO(beta: inst.beta).logits(inst.pair)
      let m = a.max() ?? 0
      let w = a.map { exp($0 - m) }
      let total = w.reduce(0, +)
      // Inverse CDF on the normalised weights: the first index whose cumulative weight exceeds U.
      var cdf: [Double] = []
      var acc = 0.0
      for x in w {
        acc += x / total
        cdf.append(acc)
      }
      var hits = 0
      for _ in 0..<draws {
        let u = rc.uniform()
        var j = 0
        while j < cdf.count - 1 && !(u < cdf[j]) { j += 1 }
        if mask[j] { hits += 1 }
      }
      let ci = try BinomialInterval.wilson(successes: hits, trials: draws, level: level)
      let ok = ci.contains(p)
      let inputs = [
        NamedValue("|𝒴⁺|", Double(inst.pair.positive.count)),
        NamedValue("|𝒴⁻|", Double(inst.pair.negative.count)),
        NamedValue("β", inst.beta), NamedValue("P", p),
      ]
      tc.record(
        "(c) Luce draws: P in the Wilson interval", passed: ok, inputs: inputs,
        detail: "frequency \(hits)/\(draws), interval \(ci), P = \(p)")
      if !ok {
        smallest.offer(
          key: [
            Double(inst.pair.positive.count + inst.pair.negative.count), Double(inst.betaIndex),
          ],
          Counterexample(
            inputs: inputs,
            detail: "(c) P = \(p) outside the Wilson interval \(ci) of \(hits)/\(draws)"))
      }
    }
    let notes = [
      "(a): \(underflow) instances where the linear path's value is below 1e-300 (underflow) "
        + "were counted, not compared",
      "(c): \(chosen.count) instances of \(eligible.count) with P ∈ [0.01, 0.99], \(draws) "
        + "draws each, "
        + "Wilson level 1 − 1e-4/\(chosen.count) = \(level)",
    ]
    let outcome = combineParts(
      [
        ("(a)", ta.outcome(claim: "eq. (1) = eq. (4)")),
        ("(b)", tb.outcome(claim: "complementarity")),
        ("(c)", tc.outcome(claim: "Luce-draw reading")),
      ], notes: notes)
    var out = outcome
    if out.verdict == .refuted, let cx = smallest.example { out.counterexample = cx }
    return out
  }
}
