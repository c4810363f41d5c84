// mpo.lemma3.kl-identity (001_0ef3930bdbd6a134.txt App. E.2 proof of Lemma 3): for
// exponential families KL(p_θ⋆ ‖ p_θ) = A(θ) − A(θ⋆) − (θ − θ⋆)ᵀ∇A(θ⋆). KL directly as
// Σ p log(p/q) (log-softmax) against the Bregman form (log-sum-exp), on 10^4 pairs
// (1000 in quick mode); agreement to 1e-13 + 1e-10·KL.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOConvergenceClaims {
  static let lemma3KLIdentity = Claim(
    id: "mpo.lemma3.kl-identity", paper: .mpo, source: "App. E.2 proof of Lemma 3", kind: .identity,
    statement: "D_KL(p_θ⋆ ‖ p_θ̂n) = A(θ̂n) − A(θ⋆) − (θ̂n − θ⋆)ᵀ∇A(θ⋆)."
  ) { ctx in
    klIdentityOutcome(MPOTVLemma3Pairs.random(ctx, count: ctx.count(full: 10_000, quick: 1000)))
  }

  /// The identity rule (injectable right-hand side for mutation tests).
  static func klIdentityOutcome(
    _ pairs: [MPOTVPair],
    formula: (MPOTVFamily, [Double], [Double]) -> Double = { $0.klBregman($1, $2) }
  ) -> CheckOutcome {
    var tally = Tally()
    for p in pairs {
      let direct = p.fam.klDirect(p.a, p.b)
      let form = formula(p.fam, p.a, p.b)
      // Tolerance (catalog): 1e-13 absolute covers the rounding of A (|A| ≲ 20, 64 terms,
      // ≈ 1e-14) and the sum Σ p log(p/q); 1e-10 relative covers large KL.
      let tol = Tolerance(absolute: 1e-13 + 1e-10 * abs(direct), relative: 0,
        reason: "catalog: 1e-13 + 1e-10·KL (log-sum-exp rounding of A and of Σ p log(p/q))")
      tally.record("ρ = \(formatNumber(p.rho))", residual: abs(direct - form), tolerance: tol,
        inputs: p.inputs, detail: "\(p.label): Σ p log(p/q) = \(formatNumber(direct)), Bregman form = \(formatNumber(form))")
    }
    return tally.outcome(claim: "KL = A(θ) − A(θ⋆) − (θ − θ⋆)ᵀ∇A(θ⋆)")
  }
}
