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
    // Per limit and per KL direction: the worst e₁…e₁₀ over the pairs, and in how many pairs
    // the values approach that direction (e₁₀ ≤ 1e-8(1 + KL)).
    var worstE = [String: [Double]]()
    var approaches = [String: Int]()
    let pairs = ctx.count(full: 1_000, quick: 100)
    for i in 0..<pairs {
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
      for (name, base, nearZero, claimedPQ) in [
        ("α → 0⁺", 0.0, true, true), ("α → 0⁻", 0.0, true, true),
        ("α → 1⁺", 1.0, false, false), ("α → 1⁻", 1.0, false, false),
      ] {
        let sgn: Double = name.hasSuffix("⁺") ? 1 : -1
        let ds = (1...10).map { dF(base + sgn * pow(10, -Double($0)), nearZero: nearZero) }
        let esPQ = ds.map { abs($0 - klPQ) }
        let esQP = ds.map { abs($0 - klQP) }
        for (dirName, es, kl) in [("KL(p‖q)", esPQ, klPQ), ("KL(q‖p)", esQP, klQP)] {
          let key = "\(name) vs \(dirName)"
          let w = worstE[key] ?? [Double](repeating: 0, count: 10)
          worstE[key] = zip(w, es).map { max($0, $1) }
          if es[9] <= 1e-8 * (1 + kl) { approaches[key, default: 0] += 1 }
        }
        let (es, kl) = claimedPQ ? (esPQ, klPQ) : (esQP, klQP)
        let floor = 1e-12 * (1 + kl)
        var ok = es[9] <= 1e-8 * (1 + kl)
        for j in [8, 9] where es[j - 1] > floor || es[j] > floor {
          if es[j] > es[j - 1] && es[j] > floor { ok = false }
        }
        let other = claimedPQ ? "KL(q‖p)" : "KL(p‖q)"
        let otherEs = claimedPQ ? esQP : esPQ
        tally.record(
          "\(name) → \(claimedPQ ? "KL(p‖q)" : "KL(q‖p)")", passed: ok, residual: es[9],
          allowed: 1e-8 * (1 + kl), reason: "e₁₀ ≤ 1e-8(1 + KL), e₈ ≥ e₉ ≥ e₁₀ above the floor",
          inputs: [NamedValue("pair", Double(i)), NamedValue("K", Double(k))],
          detail: "errors e₁…e₁₀ vs \(claimedPQ ? "KL(p‖q)" : "KL(q‖p)"): "
            + es.map { format3($0) }.joined(separator: ", ") + "; vs \(other): "
            + otherEs.map { format3($0) }.joined(separator: ", "))
      }
    }
    var notes: [String] = []
    for name in ["α → 0⁺", "α → 0⁻", "α → 1⁺", "α → 1⁻"] {
      for dirName in ["KL(p‖q)", "KL(q‖p)"] {
        let key = "\(name) vs \(dirName)"
        notes.append(
          "\(key): approached (e₁₀ ≤ 1e-8(1 + KL)) in \(approaches[key] ?? 0) of \(pairs) pairs; "
            + "worst e₁…e₁₀ " + (worstE[key] ?? []).map { format3($0) }.joined(separator: ", "))
      }
    }
    return tally.outcome(claim: "α → 0 gives KL(p‖q) (reverse), α → 1 gives KL(q‖p) (forward)", notes: notes)
  }
}
