// mpo.lemma3.pinsker (001_0ef3930bdbd6a134.txt App. E.2 Lemma 3, second display):
// TV(p_θ̂, p_θ⋆) ≤ √(KL(p_θ⋆ ‖ p_θ̂)/2) ≤ √(L0/4)‖θ̂ − θ⋆‖ on the pairs of
// mpo.lemma3.kl-quadratic with its L0, relative slack 1e-12.
import Analytic
import Numerics

extension MPOConvergenceClaims {
  static let lemma3Pinsker = Claim(
    id: "mpo.lemma3.pinsker", paper: .mpo, source: "App. E.2 Lemma 3 (second display)", kind: .inequality,
    statement: "TV(p_θ̂n, p_θ⋆) ≤ √(½ D_KL(p_θ⋆ ‖ p_θ̂n)) ≤ √(L0/4)‖θ̂n − θ⋆‖₂."
  ) { ctx in
    try pinskerOutcome(lemma3Pairs(ctx))
  }

  /// The rule (injectable TV for mutation tests).
  static func pinskerOutcome(
    _ pairs: [MPOTVPair],
    tv: (MPOTVPair) -> Double = {
      MPOTVFamily.totalVariation($0.fam.probabilities($0.b), $0.fam.probabilities($0.a))
    }
  ) throws -> CheckOutcome {
    var tally = Tally()
    for p in pairs {
      let t = tv(p)
      let kl = p.fam.klDirect(p.a, p.b)
      let mid = (kl / 2).squareRoot()
      var l0 = try segmentL0(p, points: 65)
      let d = MPOTVLinearAlgebra.norm(p.delta)
      if mid > (l0 / 4).squareRoot() * d * (1 + 1e-12) { l0 = max(l0, try segmentL0(p, points: 10_000)) }
      let right = (l0 / 4).squareRoot() * d
      let cls = p.rho.isNaN ? "MLE pairs" : "ρ = \(formatNumber(p.rho))"
      tally.record(cls + ": TV ≤ √(KL/2)", passed: t <= mid * (1 + 1e-12), residual: max(0, t - mid),
        allowed: 1e-12 * mid, reason: "relative slack 1e-12 (catalog)", inputs: p.inputs,
        detail: "\(p.label): TV = \(formatNumber(t)), √(KL/2) = \(formatNumber(mid))")
      tally.record(cls + ": √(KL/2) ≤ √(L0/4)‖Δ‖", passed: mid <= right * (1 + 1e-12),
        residual: max(0, mid - right), allowed: 1e-12 * right, reason: "relative slack 1e-12 (catalog)",
        inputs: p.inputs,
        detail: "\(p.label): √(KL/2) = \(formatNumber(mid)), √(L0/4)‖Δ‖ = \(formatNumber(right))")
    }
    return tally.outcome(claim: "TV ≤ √(KL/2) ≤ √(L0/4)‖Δ‖")
  }
}
