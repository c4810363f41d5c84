// mpo.lemma5.infonca-gradient — 001_0ef3930bdbd6a134.txt App. G.2 Lemma 5, eqs. (26)–(39):
// ∂L_InfoNCA/∂s_i = p_i^model − p_i^target, with the intermediate steps (34)
// ∂log p_k^model/∂s_i = δ_ik − p_i^model and (37) −(p_i^target − p_i^model Σ_k p_k^target).
// References: dual-number derivatives of the printed loss (MPOGradReference), the InfoNCA
// objective's analytic gradient, and central differences (h = 1e-6) of the objective's loss.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  typealias ScoreFormula = @Sendable ([Double], [Double]) -> [Double]

  static let lemma5InfoNCAGradient = Claim(
    id: "mpo.lemma5.infonca-gradient", paper: .mpo, source: "App. G.2 Lemma 5, eq. (26)–(39)",
    kind: .gradientIdentity,
    statement: "∂L_InfoNCA/∂s_θ(y_i|x) = p_i^model − p_i^target; intermediate steps (34) "
      + "∂log p_k^model/∂s_i = δ_ik − p_i^model and (37) −(p_i^target − p_i^model Σ_k p_k^target)."
  ) { ctx in
    try lemma5Check(ctx, eq39: { MPOGradLemmas.infoNCAGradient(scores: $0, target: $1) })
  }

  /// The check with eq. (39) injectable (mutation tests).
  static func lemma5Check(_ ctx: CheckContext, eq39: ScoreFormula) throws -> CheckOutcome {
    var tally = Tally()
    let n = ctx.count(full: 10_000, quick: 150)
    for i in 0..<n {
      let x = MPOGradInputs.instance(ctx, i)
      let s = x.scores
      let (l, logModel) = MPOGradReference.infoNCA(MPOGradDual.variables(s), target: x.target)
      let g = l.d
      let scale = 1 + (g.map { abs($0) }.max() ?? 0)
      // §4 entry: 1e-12(1 + max|g|): float64 softmax entries carry a few ulps, far below 1e-12.
      let tol = Tolerance(absolute: 1e-12 * scale, relative: 0, reason: "1e-12(1 + max|g|), catalog")
      func maxDiff(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
      }
      let f39 = eq39(s, x.target)
      tally.record("(39) vs dual numbers", residual: maxDiff(f39, g), tolerance: tol,
        inputs: x.inputs, detail: "(39) \(f39) vs dual \(g)")
      let f37 = MPOGradLemmas.infoNCAGradientEq37(scores: s, target: x.target)
      tally.record("(37) vs dual numbers", residual: maxDiff(f37, g), tolerance: tol,
        inputs: x.inputs, detail: "(37) \(f37) vs dual \(g)")
      let jac = MPOGradLemmas.logModelJacobianEq34(scores: s)
      var jd = 0.0
      for k in s.indices { jd = max(jd, maxDiff(jac[k], logModel[k].d)) }
      tally.record("(34) vs dual numbers", residual: jd,
        tolerance: Tolerance(absolute: 2e-12, relative: 0, reason: "1e-12(1 + max|∂log p/∂s|), max ≤ 1"),
        inputs: x.inputs, detail: "Jacobian entry off by \(jd)")
      // The objective's own analytic gradient (∂ℓ/∂log π_θ = ∂ℓ/∂s at β = 1).
      let obj = InfoNCA(beta: 1, tau: x.temperature)
      let set = MPOGradInputs.rewardedSet(scores: s, rewards: x.rewards)
      let og = Array(try obj.gradient(set).prefix(x.k))
      tally.record("(39) vs Objectives.InfoNCA gradient", residual: maxDiff(f39, og), tolerance: tol,
        inputs: x.inputs, detail: "(39) \(f39) vs objective \(og)")
      // Central differences, h = 1e-6, on the objective's loss: 1e-6(1 + |g|) + 1e-9|L| (§0.13).
      let lv = try obj.loss(set)
      var fdRes = 0.0
      var fdAllowed = 1.0
      for j in s.indices {
        var sp = s
        var sm = s
        sp[j] += 1e-6
        sm[j] -= 1e-6
        let fd = (try obj.loss(MPOGradInputs.rewardedSet(scores: sp, rewards: x.rewards))
          - (try obj.loss(MPOGradInputs.rewardedSet(scores: sm, rewards: x.rewards)))) / 2e-6
        let allowed = 1e-6 * (1 + abs(f39[j])) + 1e-9 * abs(lv)
        if abs(fd - f39[j]) / allowed > fdRes / fdAllowed {
          fdRes = abs(fd - f39[j])
          fdAllowed = allowed
        }
      }
      tally.record("(39) vs central differences", passed: fdRes <= fdAllowed, residual: fdRes,
        allowed: fdAllowed, reason: "1e-6(1 + |g|) + 1e-9|L| (§0.13, h = 1e-6)",
        inputs: x.inputs, detail: "central difference off by \(fdRes)")
    }
    return tally.outcome(claim: "Lemma 5 (39), (37), (34) on GRAD-IN")
  }
}
