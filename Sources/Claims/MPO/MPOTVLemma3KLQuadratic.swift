// mpo.lemma3.kl-quadratic (001_0ef3930bdbd6a134.txt App. E.2 Lemma 3, first inequality):
// KL(p_θ⋆ ‖ p_θ̂) ≤ (L0/2)‖θ̂ − θ⋆‖² with L0 = sup of λ_max ∇²A over the segment [θ⋆, θ̂]
// (65-point grid refined by Brent; a violating pair is re-examined on a 10^4-point grid).
// Pairs: 2000 random-direction pairs of mpo.lemma3.kl-identity plus 500 TV-SIM MLE pairs
// (100 and 20 in quick mode). The reading L0 = λ_max ∇²A(θ⋆) is reported for information.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOConvergenceClaims {
  static let lemma3KLQuadratic = Claim(
    id: "mpo.lemma3.kl-quadratic", paper: .mpo, source: "App. E.2 Lemma 3 (first inequality)",
    kind: .inequality,
    statement: "If ∇²A ⪯ L0·I_k near θ⋆, then D_KL(p_θ⋆ ‖ p_θ̂n) ≤ (L0/2)‖θ̂n − θ⋆‖²."
  ) { ctx in
    let pairs = lemma3Pairs(ctx)
    return try klQuadraticOutcome(pairs)
  }

  /// The pairs shared by kl-quadratic and pinsker.
  static func lemma3Pairs(_ ctx: CheckContext) -> [MPOTVPair] {
    Array(MPOTVLemma3Pairs.random(ctx, count: ctx.count(full: 10_000, quick: 1000))
      .prefix(ctx.count(full: 2000, quick: 100)))
      + MPOTVLemma3Pairs.mle(ctx, count: ctx.count(full: 500, quick: 20))
  }

  /// sup over the segment of λ_max ∇²A: `points` grid plus Brent.
  static func segmentL0(_ p: MPOTVPair, points: Int) throws -> Double {
    try segmentExtremeEigenvalue(p.fam, from: p.a, to: p.b, points: points, largest: true)
  }

  /// The rule (injectable KL for mutation tests).
  static func klQuadraticOutcome(
    _ pairs: [MPOTVPair], kl: (MPOTVPair) -> Double = { $0.fam.klDirect($0.a, $0.b) }
  ) throws -> CheckOutcome {
    var tally = Tally()
    var atStar = 0
    var worstRatio = 0.0
    for p in pairs {
      let d2 = p.delta.reduce(0) { $0 + $1 * $1 }
      let klv = kl(p)
      var l0 = try segmentL0(p, points: 65)
      if klv > l0 / 2 * d2 * (1 + 1e-9) { l0 = max(l0, try segmentL0(p, points: 10_000)) }
      let rhs = l0 / 2 * d2
      worstRatio = max(worstRatio, klv / rhs)
      let ev = try p.fam.hessianEigenvalues(p.a)
      if klv > ev[ev.count - 1] / 2 * d2 * (1 + 1e-9) { atStar += 1 }
      tally.record(p.rho.isNaN ? "MLE pairs" : "ρ = \(formatNumber(p.rho))",
        passed: klv <= rhs * (1 + 1e-9), residual: max(0, klv - rhs), allowed: 1e-9 * rhs,
        reason: "relative slack 1e-9 (catalog)", inputs: p.inputs,
        detail: "\(p.label): KL = \(formatNumber(klv)), (L0/2)‖Δ‖² = \(formatNumber(rhs)), L0 = \(formatNumber(l0))")
    }
    return tally.outcome(claim: "KL ≤ (L0/2)‖Δ‖² with L0 = sup_segment λ_max",
      notes: ["max KL/((L0/2)‖Δ‖²) = \(format3(worstRatio))",
              "reading L0 = λ_max(∇²A(θ⋆)) (information): \(atStar) of \(pairs.count) pairs violate"])
  }
}
