// Properties of the PRO closed forms in Sources/Analytic/PRO (PRORegularizer, PRODecScore,
// PRODecPopulationForms, PRODecHyperLift, PRODecCorollary33Constant) over seeded,
// edge-biased finite instances (ObjectiveFixtures' PRO generators, logits up to ±30 so that
// differences of the formulas stay well above rounding where they are compared):
// Eq. (30) is the gradient of the regularizer, the two closed forms of K agree, the
// regularizer is invariant under a common shift of log π, the Theorem 3.1 offset holds, the
// lift preserves the ℋ-mass and is ∝ π_ref on ℋ, and t₀ solves its equation.
import Analytic
import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PRODecAnalyticPropertyTests {
  /// 4Nε·S: the recursive-summation bound of claims/pro.md M6 (T-round without C; the inputs
  /// here are stored values, not formed gaps, except where a C term is added).
  static func round(_ n: Int, _ s: Double, _ c: Double = 0) -> Double {
    4 * Double(n) * Double.ulpOfOne * s + 4 * Double.ulpOfOne * c
  }

  @Test func eq30IsTheGradientOfTheRegularizer() {
    PropertyRunner.check("pro.dec.eq30", count: 200, generator: PROFixtures.population(magnitude: 30)) { x in
      let u = logSoftmax(x.logits)
      let v = logSoftmax(x.refLogits)
      let beta = 0.7
      let alpha = 2.5
      let g = PRORegularizer.gradient(logProbs: u, refLogProbs: v, mu: x.mu, beta: beta, weight: alpha)
      for k in u.indices {
        var p = u
        guard let e = try? Derivative.derivative(
          of: { t in
            p[k] = t
            return PRORegularizer.value(logProbs: p, refLogProbs: v, mu: x.mu, beta: beta, weight: alpha).value
          }, at: u[k], method: .central, step: 1e-4 * max(1, abs(u[k])))
        else { return "FD threw" }
        let val = PRORegularizer.value(logProbs: u, refLogProbs: v, mu: x.mu, beta: beta, weight: alpha)
        // T-fd: 2·abserr + T-round(g) + 3·T-round(f)/h.
        let tol = 2 * e.error + Self.round(u.count, abs(g[k]) + 1)
          + 3 * Self.round(val.terms, val.termSum, val.conditioning) / (1e-4 * max(1, abs(u[k])))
        if abs(g[k] - e.value) > tol { return "∂R/∂u[\(k)] = \(g[k]) vs FD \(e)" }
      }
      return nil
    }
  }

  @Test func bothClosedFormsOfKAgree() {
    let gen = EdgeGen.double(in: -800...800)
    PropertyRunner.check("pro.dec.k-forms", count: 2000, generator: gen) { d in
      let a = PRORegularizer.divergence(d)
      let b = PRORegularizer.divergenceDefinition(d)
      let s = log(2.0) + 0.5 * abs(logSigmoid(d)) + 0.5 * abs(logSigmoid(-d))
      if abs(a - b) > Self.round(3, s) { return "log cosh form \(a) vs definition \(b)" }
      if a < 0 || (d != 0 && a == 0 && abs(d) > 1e-7) { return "K(\(d)) = \(a) not > 0" }
      return nil
    }
  }

  @Test func regularizerIsInvariantUnderACommonShift() {
    PropertyRunner.check("pro.dec.shift", count: 300, generator: PROFixtures.population(magnitude: 30)) { x in
      let u = logSoftmax(x.logits)
      let v = logSoftmax(x.refLogits)
      let c = -7.25
      let a = PRORegularizer.value(logProbs: u, refLogProbs: v, mu: x.mu, beta: 1.3, weight: 1)
      let b = PRORegularizer.value(logProbs: u.map { $0 + c }, refLogProbs: v, mu: x.mu, beta: 1.3, weight: 1)
      // C of the shifted gaps: Σ (w/2)µ_aµ_b|K′|·β·2|c| ≤ β|c| (|K′| ≤ ½, Σµ_aµ_b ≤ 1).
      let extra = 1.3 * abs(c)
      let tol = Self.round(a.terms + b.terms, a.termSum + b.termSum, a.conditioning + b.conditioning + extra)
      return abs(a.value - b.value) <= tol ? nil : "R(u) = \(a.value), R(u + c) = \(b.value)"
    }
  }

  @Test func theorem31OffsetHoldsInFreeLogProbabilities() {
    PropertyRunner.check("pro.dec.offset", count: 300, generator: PROFixtures.population(magnitude: 30)) { x in
      let u = logSoftmax(x.logits).map { $0 - 0.3 }  // unnormalised on purpose
      let v = logSoftmax(x.refLogits)
      let beta = 0.9
      let s = PRODecScore.score(mu: x.mu, preference: x.preference).s
      let d = PRODecPopulationForms.dpo(logProbs: u, refLogProbs: v, mu: x.mu, preference: x.preference, beta: beta)
      let e = PRODecPopulationForms.edpo(logProbs: u, refLogProbs: v, mu: x.mu, scores: s, beta: beta)
      let off = PRODecPopulationForms.offset(refLogProbs: v, mu: x.mu, scores: s, beta: beta)
      let n = u.count
      let tol = Self.round(
        2 * n * n + n, d.valueTermSum + e.valueTermSum + off.termSum + beta * 10,
        d.valueConditioning + e.valueConditioning)
      let lhs = d.value - e.value
      return abs(lhs - off.value) <= tol ? nil : "L_DPO − L_eDPO = \(lhs) vs \(off.value)"
    }
  }

  @Test func scoreHasZeroMeanAndIsBounded() {
    PropertyRunner.check("pro.dec.score", count: 500, generator: PROFixtures.population(magnitude: 1)) { x in
      let sc = PRODecScore.score(mu: x.mu, preference: x.preference)
      let m = PRODecScore.mean(sc.s, weights: x.mu)
      let n = x.mu.count
      if abs(m.value) > Self.round(n * n, m.termSum + 1) { return "E_µ[s] = \(m.value)" }
      for (k, s) in sc.s.enumerated() where abs(s) > 0.5 + Self.round(n, sc.termSum[k]) {
        return "s[\(k)] = \(s)"
      }
      return nil
    }
  }

  @Test func liftKeepsTheHyperMassAndIsProportionalToTheReference() {
    PropertyRunner.check("pro.dec.lift", count: 300, generator: PROFixtures.pro(magnitude: 30)) { x in
      let space = x.space
      let uH = logSoftmax(space.aggregateLog(logSoftmax(x.logits)))
      let v = logSoftmax(x.refLogits)
      let lifted = PRODecHyperLift.lift(hyperLogProbs: uH, refLogProbs: v, hyper: x.hyperResponse)
      let m = uH.count
      let mass = logSumExp(x.hyperResponse.map { lifted[$0] })
      let scale = abs(uH[m - 1]) + v.map { abs($0) }.max()! + 1
      if abs(mass - uH[m - 1]) > Self.round(4 * x.hyperResponse.count, scale) {
        return "log Σ_ℋ lift = \(mass) vs log π_ℋ(ℋ) = \(uH[m - 1])"
      }
      let ratios = x.hyperResponse.map { lifted[$0] - v[$0] }
      if let lo = ratios.min(), let hi = ratios.max(), hi - lo > Self.round(8, scale) {
        return "lift/π_ref not constant on ℋ: spread \(hi - lo)"
      }
      let total = logSumExp(lifted)
      if abs(total) > Self.round(4 * lifted.count, scale) { return "lift sums to e^\(total)" }
      return nil
    }
  }

  @Test func t0SolvesItsEquation() throws {
    PropertyRunner.check("pro.dec.t0", count: 300, generator: PROFixtures.population(magnitude: 30)) { x in
      let beta = 0.5
      let r = zip(logSoftmax(x.logits), logSoftmax(x.refLogits)).map { beta * ($0 - $1) }
      guard let t = try? PRODecCorollary33Constant.t0(rewards: r, mu: x.mu) else { return "Brent threw" }
      // The equation's slope is Σµσ′ ≤ ¼, so |g(t̂)| ≤ ¼·err + its own rounding (n terms of ≤ 1).
      let g = PRODecCorollary33Constant.equation(t.value, rewards: r, mu: x.mu)
      let tol = 0.25 * t.error + Self.round(x.mu.count + 1, 1.5)
      return abs(g) <= tol ? nil : "E_µ[σ(t₀ − r)] − ½ = \(g) at t₀ = \(t)"
    }
  }
}
