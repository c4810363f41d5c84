// alphapo.reward-is-alpha-divergence-derivative and alphapo.alpha-divergence-kl-limits
// (003_5c1a521bcc07b90e.txt §1, §3.2; the α-divergence generator imported from f-DPO as in
// claims/alphapo.md §1.2).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let rewardIsAlphaDivergenceDerivative = Claim(
    id: "alphapo.reward-is-alpha-divergence-derivative", paper: .alphapo, source: "§1; §3.2",
    kind: .identity,
    statement: "r_α(y; x) = β f′_α(π̄_θ(y|x)), f_α the α-divergence generator of f-DPO."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("draws")
    for _ in 0..<ctx.count(full: 5_000, quick: 500) {
      var d = AlphaPODraw.draw(&r)
      while abs(d.alpha) < 1e-3 || abs(d.alpha - 1) < 1e-3 { d.alpha = Strata.uniform(&r, -10, 10) }
      let u = exp(d.lw)
      let a = d.alpha
      let rv = AlphaPORewardShape.rewardLiteral(logProb: d.logPiW, length: d.lenW, alpha: a, beta: d.beta)
      let res = try AlphaPOTolerance.fdRule({ AlphaPORewardShape.alphaDivergence($0, alpha: a) }, at: u, step: 1e-4 * u) { e in
        let v = d.beta * e.value
        return (abs(v - rv), AlphaPOTolerance.finiteDifference(abserr: d.beta * e.error, value: rv).absolute)
      }
      tally.record(
        "draws", passed: res.passed, residual: res.residual, allowed: res.tolerance,
        reason: "§2.4 FD rule", inputs: d.inputs + [NamedValue("π̄", u)],
        detail: "βf′_α(π̄) (FD) vs r_α = \(rv)")
    }
    return tally.outcome(claim: "r_α = βf′_α(π̄) (FD of the imported generator)")
  }

  static let alphaDivergenceKLLimits = Claim(
    id: "alphapo.alpha-divergence-kl-limits", paper: .alphapo, source: "§3.2", kind: .limit,
    statement: "D_{f_α}(π‖π_ref) → KL(π‖π_ref) as α → 0 and → KL(π_ref‖π) as α → 1."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("pairs")
    var worstE = [String: [Double]]()
    for i in 0..<ctx.count(full: 1_000, quick: 100) {
      let k = Strata.integer(&r, 2...20)
      func dir() -> [Double] {
        let v = r.dirichlet([Double](repeating: 1, count: k)).map { max($0, 1e-12) }
        let s = v.reduce(0, +)
        return v.map { $0 / s }
      }
      let p = dir()
      let q = dir()
      let klPQ = zip(p, q).reduce(0) { $0 + $1.0 * log($1.0 / $1.1) }
      let klQP = zip(p, q).reduce(0) { $0 + $1.1 * log($1.1 / $1.0) }
      func dF(_ a: Double, nearZero: Bool) -> Double {
        zip(p, q).reduce(0) { acc, pq in
          let u = pq.0 / pq.1
          return acc + pq.1 * (nearZero
            ? AlphaPORewardShape.alphaDivergenceNearZero(u, alpha: a)
            : AlphaPORewardShape.alphaDivergenceNearOne(u, alpha: a))
        }
      }
      for (name, base, nearZero, kl) in [
        ("α → 0⁺", 0.0, true, klPQ), ("α → 0⁻", 0.0, true, klPQ),
        ("α → 1⁺", 1.0, false, klQP), ("α → 1⁻", 1.0, false, klQP),
      ] {
        let sgn: Double = name.hasSuffix("⁺") ? 1 : -1
        let es = (1...10).map { abs(dF(base + sgn * pow(10, -Double($0)), nearZero: nearZero) - kl) }
        let floor = 1e-12 * (1 + kl)
        var ok = es[9] <= 1e-8 * (1 + kl)
        for j in [8, 9] where es[j - 1] > floor || es[j] > floor {
          if es[j] > es[j - 1] && es[j] > floor { ok = false }
        }
        let w = worstE[name] ?? [Double](repeating: 0, count: 10)
        worstE[name] = zip(w, es).map { max($0, $1) }
        tally.record(
          name, passed: ok, residual: es[9], allowed: 1e-8 * (1 + kl), reason: "e₁₀ ≤ 1e-8(1 + KL)",
          inputs: [NamedValue("pair", Double(i)), NamedValue("K", Double(k))],
          detail: "errors e₁…e₁₀ vs \(base == 0 ? "KL(p‖q)" : "KL(q‖p)"): "
            + es.map { format3($0) }.joined(separator: ", "))
      }
    }
    let notes = worstE.keys.sorted().map { "\($0): worst e₁…e₁₀ " + worstE[$0]!.map { format3($0) }.joined(separator: ", ") }
    return tally.outcome(claim: "α → 0 gives KL(p‖q) (reverse), α → 1 gives KL(q‖p) (forward)", notes: notes)
  }
}
