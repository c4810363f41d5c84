// mpo.cor1.gradient-signs — 001_0ef3930bdbd6a134.txt App. G.2 Corollary 1 and its proof:
// ∂L/∂P_θ(y_i) ≤ 0 for positives because V ≤ U, and > 0 for negatives; with the equality
// characterisation of the catalog (B = Σ_{∉Y⁺} u_j P_θ(y_j)): B = 0 exactly ⇒ the positive
// gradient is exactly 0; a positive gradient within the tolerance of 0 ⇒ B ≤ 4Kε·U.
// Values are the dual-number derivatives of L = log U − log V (MPOGradReference.probForm).
// Reading: the sign test uses the catalog's tie tolerance 1e-12(1 + max|g|); the equality
// characterisation is applied to positive components that are 0 on their own scale,
// |g_i| ≤ 4Kε·u_i/U (g_i = −(u_i/U)(B/V), so this is B/V ≤ 4Kε). Taken literally (ties at the
// instance-wide absolute tolerance), a positive with a small u_i/U and a clearly non-zero,
// correctly signed gradient (B/U ≈ 1e-5) would count as a counterexample; those cases are
// counted in the notes.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let cor1GradientSigns = Claim(
    id: "mpo.cor1.gradient-signs", paper: .mpo, source: "App. G.2 Corollary 1 and its proof",
    kind: .inequality,
    statement: "For positives ∂L/∂P_θ(y_i|x) ≤ 0 because V ≤ U; for negatives ∂L/∂P_θ(y_i|x) > 0."
  ) { ctx in
    cor1Check(ctx, gradient: { p, u, pos in
      MPOGradReference.probForm(MPOGradDual.variables(p), u: u, positive: pos).d
    })
  }

  /// `gradient(P, u, positive)` gives ∂L/∂P (injectable for mutation tests).
  static func cor1Check(
    _ ctx: CheckContext, gradient: ([Double], [Double], [Bool]) -> [Double]
  ) -> CheckOutcome {
    var tally = Tally()
    var ties = (pos: 0, neg: 0)
    var literalOnly = 0
    let n = ctx.count(full: 10_000, quick: 1_000)
    let eps = Double.ulpOfOne
    for i in 0..<(n + n / 5) {
      var x = MPOGradInputs.instance(ctx, i % n)
      var cls = "GRAD-IN"
      if i >= n {
        // Boundary cases: some (odd i) or all (even i) negatives with P_θ = 0 exactly.
        let negs = x.positive.indices.filter { !x.positive[$0] }
        for (c, j) in negs.enumerated() where i % 2 == 0 || c % 2 == 0 { x.policy[j] = 0 }
        cls = i % 2 == 0 ? "boundary: all negatives P_θ = 0" : "boundary: some negatives P_θ = 0"
      }
      let u = zip(x.weights, x.reference).map { $0 / $1 }
      let g = gradient(x.policy, u, x.positive)
      let tol = 1e-12 * (1 + (g.map { abs($0) }.max() ?? 0))
      var uu = 0.0
      var bb = 0.0
      for j in 0..<x.k {
        uu += u[j] * x.policy[j]
        if !x.positive[j] { bb += u[j] * x.policy[j] }
      }
      let inputs = x.inputs + x.policy.indices.map { NamedValue("P[\($0)]", x.policy[$0]) }
        + x.reference.indices.map { NamedValue("Pref[\($0)]", x.reference[$0]) }
      for j in 0..<x.k {
        if x.positive[j] {
          let ownScale = 4 * Double(x.k) * eps * u[j] / uu
          if abs(g[j]) <= tol && abs(g[j]) > ownScale && g[j] < 0 && bb > 4 * Double(x.k) * eps * uu {
            literalOnly += 1
          }
          if abs(g[j]) <= tol { ties.pos += 1 }
          if abs(g[j]) <= ownScale || bb == 0 {
            // Equality characterisation.
            let ok = bb == 0 ? g[j] == 0 : bb <= 4 * Double(x.k) * eps * uu
            tally.record("\(cls): positive ties need B ≈ 0", passed: ok, residual: bb,
              allowed: 4 * Double(x.k) * eps * uu, reason: "B ≤ 4Kε·U (float64 resolution)",
              inputs: inputs + [NamedValue("i", Double(j))],
              detail: "∂L/∂P_i = \(g[j]) within tolerance of 0 but B = \(bb), U = \(uu)")
          } else if abs(g[j]) > tol {
            tally.record("\(cls): sign ≤ 0 on Y⁺", passed: g[j] < 0 && bb > 0, residual: max(0, g[j]),
              allowed: tol, reason: "tie rule §0.13",
              inputs: inputs + [NamedValue("i", Double(j))],
              detail: bb == 0 ? "B = 0 but ∂L/∂P_i = \(g[j]) ≠ 0" : "∂L/∂P_i = \(g[j]) > 0 for a positive")
          }
        } else {
          if abs(g[j]) <= tol { ties.neg += 1; continue }
          tally.record("\(cls): sign > 0 on Y⁻", passed: g[j] > 0, residual: max(0, -g[j]),
            allowed: tol, reason: "tie rule §0.13", inputs: inputs + [NamedValue("i", Double(j))],
            detail: "∂L/∂P_i = \(g[j]) < 0 for a negative")
        }
      }
    }
    return tally.outcome(
      claim: "Corollary 1 signs on GRAD-IN and P_θ = 0 boundaries",
      notes: ["ties (|g| ≤ 1e-12(1 + max|g|)): \(ties.pos) positive components (each checked "
        + "against the equality characterisation), \(ties.neg) negative components",
        "reading: equality characterisation on the component's own scale |g_i| ≤ 4Kε·u_i/U; the literal "
        + "rule (ties at 1e-12(1 + max|g|)) would also flag \(literalOnly) correctly signed, non-zero "
        + "positive components with B > 4Kε·U"])
  }
}
