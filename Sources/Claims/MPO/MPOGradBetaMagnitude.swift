// mpo.beta-gradient-magnitude — 001_0ef3930bdbd6a134.txt App. A.6, "Effect of β on Optimization
// Dynamics": "As β increases, the gradient magnitudes decrease due to the flattening of the
// sigmoid-like objective". G(β; r) = ‖∂ℒ_MPO/∂r‖₂ with ∂ℒ/∂r_i = β(p_i − 𝕀_{Y⁺} p_i/P₊),
// p = softmax(βr). log G = log β + ½ LSE_i(2 log|q_i|), log|q_i| = βr_i − LSE(βr) on Y⁻ and
// βr_i − LSE(βr) + LSE_{Y⁻}(βr) − LSE_{Y⁺}(βr) on Y⁺; ∂G/∂β comes from a scalar dual number in β.
// The saturated region is m σ(m) > 1, m = LSE_{Y⁺}(βr) − LSE_{Y⁻}(βr) (check construction).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// A scalar dual number (value, derivative in β).
struct MPOGradBetaDual {
  var v: Double
  var d: Double
  static func + (a: Self, b: Self) -> Self { Self(v: a.v + b.v, d: a.d + b.d) }
  static func - (a: Self, b: Self) -> Self { Self(v: a.v - b.v, d: a.d - b.d) }
  static func * (c: Double, a: Self) -> Self { Self(v: c * a.v, d: c * a.d) }
  static func lse(_ xs: [Self]) -> Self {
    let m = xs.map(\.v).max() ?? -.infinity
    var s = 0.0
    var ds = 0.0
    for x in xs {
      let e = exp(x.v - m)
      s += e
      ds += e * x.d
    }
    return Self(v: m + log(s), d: ds / s)
  }
}

extension MPOGradientClaims {
  static let betaGradientMagnitude = Claim(
    id: "mpo.beta-gradient-magnitude", paper: .mpo,
    source: "App. A.6, \"Effect of β on Optimization Dynamics\"", kind: .inequality,
    statement: "For a fixed policy state, the magnitude of the MPO gradient decreases as β increases."
  ) { ctx in
    betaMagnitudeCheck(ctx, logG: betaLogG)
  }

  /// (log G, ∂log G/∂β, m) at β for rewards r with the positive mask.
  @Sendable static func betaLogG(_ r: [Double], _ positive: [Bool], _ beta: Double)
    -> (logG: Double, dLogG: Double, m: Double)
  {
    let a = r.map { MPOGradBetaDual(v: beta * $0, d: $0) }
    let lz = MPOGradBetaDual.lse(a)
    let lp = MPOGradBetaDual.lse(zip(a, positive).filter { $0.1 }.map(\.0))
    let ln = MPOGradBetaDual.lse(zip(a, positive).filter { !$0.1 }.map(\.0))
    let lq = zip(a, positive).map { x, p in p ? x - lz + ln - lp : x - lz }
    let half = 0.5 * MPOGradBetaDual.lse(lq.map { 2 * $0 })
    return (log(beta) + half.v, 1 / beta + half.d, lp.v - ln.v)
  }

  static func betaMagnitudeCheck(
    _ ctx: CheckContext, logG: ([Double], [Bool], Double) -> (logG: Double, dLogG: Double, m: Double)
  ) -> CheckOutcome {
    let betas = (0..<200).map { exp(log(1e-3) + (log(10) - log(1e-3)) * Double($0) / 199) }
    // 10³ states per c: 500 Gaussian and 500 separated (quick: 6 + 6).
    let n = ctx.count(full: 500, quick: 6)
    var tested = 0, skipped = 0, ties = 0, increasing = 0
    var satTested = 0, satIncreasing = 0, unsatTested = 0
    var worst: (size: Int, beta: Double, desc: String, cx: Counterexample)?
    var holding: String?
    var failingUnsat: String?
    for c in [0.0, 0.1, 1, 10, 100] {
      for separated in [false, true] {
        var r = ctx.stream("beta-magnitude c=\(c) \(separated)")
        for _ in 0..<n {
          let np = r.uniformInt(in: 1...8)
          let nn = r.uniformInt(in: 1...8)
          let positive = Array(repeating: true, count: np) + Array(repeating: false, count: nn)
          let rew = positive.map { p in separated ? (p ? c : -c) : c * r.gaussian() }
          for beta in betas {
            let e = logG(rew, positive, beta)
            if e.logG < log(1e-300) { skipped += 1; continue }
            tested += 1
            let g = exp(e.logG)
            let dG = g * e.dLogG
            let sat = e.m * sigmoidValue(e.m) > 1
            if sat { satTested += 1 } else { unsatTested += 1 }
            if abs(dG) <= 1e-12 * (1 + g) { ties += 1; continue }
            // Formatted only where kept (formatting every point cost more than the check).
            func desc() -> String {
              "|Y+| = \(np), |Y-| = \(nn), r = \(rew.map(formatNumber)), β = \(beta): G = \(g), "
                + "∂G/∂β = \(dG), m = \(e.m), mσ(m) = \(e.m * sigmoidValue(e.m))"
            }
            if dG < 0 {
              if sat && holding == nil { holding = desc() }
              continue
            }
            increasing += 1
            if !sat {
              if failingUnsat == nil { failingUnsat = desc() }
              continue
            }
            satIncreasing += 1
            let size = np + nn
            if worst == nil || (size, beta) < (worst!.size, worst!.beta) {
              worst = (size, beta, desc(), Counterexample(
                inputs: [NamedValue("beta", beta)] + rew.indices.map { NamedValue("r[\($0)]", rew[$0]) }
                  + positive.indices.map { NamedValue("inY+[\($0)]", positive[$0] ? 1 : 0) },
                detail: "∂G/∂β = \(dG) > 0 in the saturated region (m = \(e.m), mσ(m) = \(e.m * sigmoidValue(e.m)))"))
            }
          }
        }
      }
    }
    let notes = ["tested points \(tested) (saturated mσ(m) > 1: \(satTested), not: \(unsatTested)); "
      + "G < 1e-300 skipped: \(skipped); ties: \(ties); ∂G/∂β ≥ 0 at \(increasing) points, \(satIncreasing) of them saturated"]
    if let w = worst {
      return CheckOutcome(verdict: .refuted,
        summary: "G increases with β inside the saturated region: \(w.desc)", notes: notes, counterexample: w.cx)
    }
    if increasing == 0 {
      return CheckOutcome(verdict: .confirmed, summary: "∂G/∂β < 0 at every tested (state, β)", notes: notes)
    }
    return CheckOutcome(
      verdict: satTested > 0 ? .conditional : .inconclusive,
      summary: "G decreases with β throughout the saturated region mσ(m) > 1, not outside it", notes: notes,
      conditions: [ConditionReport(condition: "saturated: mσ(m) > 1", casesSatisfying: satTested,
                                   holdingCase: holding ?? "", failingCase: failingUnsat ?? "")])
  }

  static func sigmoidValue(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }
}
