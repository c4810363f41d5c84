// pro.equal-pair-weights-eta — App. D: η = 2/3 (pairwise, {y_w, y_l, ℋ}) and η = N/(N+1)
// (scalar, {y_1..y_N, ℋ}) make every unordered pair carry the same weight. For N = 2…16 solve
// labeled–labeled weight = labeled–ℋ weight by gsl_root_fsolver_brent on [1e-6, 1 − 1e-6]
// (epsabs 0, epsrel 4ε, ≤ 200 iterations), in two readings of "weight", and compare the root
// with the stated value to the final bracket width + 4ε.
import Numerics
import Objectives

extension PROExistenceClaims {
  static let equalPairWeightsEta = Claim(
    id: "pro.equal-pair-weights-eta", paper: .pro, source: "App. D (pairwise and scalar)",
    kind: .numericValue,
    statement: "η = 2/3 makes every unordered pair of {y_w, y_l, ℋ} carry the same weight; "
      + "η = N/(N+1) does the same for {y_1, …, y_N, ℋ}.",
    provenance: .reconstructed("η = N/(N+1) for PRO-S; η = 2/3 is verbatim S2")
  ) { ctx in try equalPairOutcome(ctx) }

  static func equalPairOutcome(
    _ ctx: CheckContext, stated: @escaping @Sendable (Int) -> Double = { Double($0) / Double($0 + 1) }
  ) throws -> CheckOutcome {
    var tally = Tally()
    var roots: [String] = []
    for n in 2...16 {
      // µ̄ = η/N on each labeled response, (1 − η) on ℋ (ρ(ℋ) = 1), p̄ = ½ off the labeled pairs.
      let readings: [(String, (Double) -> (ll: Double, lh: Double))] =
        [
          ("regularizer weight 2µ̄(u)µ̄(v)", { e in (2 * (e / Double(n)) * (e / Double(n)), 2 * (e / Double(n)) * (1 - e)) }),
        ]
        + (n == 2
          ? [
            (
              "PRO-P (T4.3) total coefficient", { e in
                let a = e / 2
                // η⁻²(µ̄µ̄p̂(w≻l) + µ̄µ̄p̂(l≻w)) = η⁻²µ̄µ̄ with p̂ = 1, 0; with ℋ: η⁻²µ̄µ̄(½ + ½).
                return ((a * a * 1 + a * a * 0) / (e * e), (a * (1 - e) * 0.5 + (1 - e) * a * 0.5) / (e * e))
              }
            )
          ] : [])
      for (name, weights) in readings {
        let f: (Double) -> Double = { e in
          let w = weights(e)
          return w.ll - w.lh
        }
        let root = try Roots.brent(f, in: 1e-6...(1 - 1e-6), relativeTolerance: 4 * Double.ulpOfOne)
        // Uniqueness: one sign change on a 1000-point grid.
        var changes = 0
        var prev = f(1e-6)
        for i in 1...1000 {
          let cur = f(1e-6 + (1 - 2e-6) * Double(i) / 1000)
          if (prev < 0) != (cur < 0) { changes += 1 }
          prev = cur
        }
        let target = stated(n)
        let tol = Tolerance(
          absolute: 2 * root.error + 4 * Double.ulpOfOne, relative: 0,
          reason: "final bracket width + 4ε")
        let differ = f(target + 1e-3) != 0 && f(target - 1e-3) != 0
        tally.record(
          name, passed: abs(root.value - target) <= tol.absolute && changes == 1 && differ,
          residual: abs(root.value - target), allowed: tol.absolute, reason: tol.reason,
          inputs: [NamedValue("N", Double(n))],
          detail: "root η = \(root.value) (sign changes \(changes)), stated \(target)")
        if n <= 4 { roots.append("N = \(n), \(name): η = \(root.value)") }
      }
    }
    return tally.outcome(
      claim: "the equal-pair-weight η is 2/3 (N = 2) and N/(N+1), on the reconstructed η for PRO-S",
      notes: roots)
  }
}
