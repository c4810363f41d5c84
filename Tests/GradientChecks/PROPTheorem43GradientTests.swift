// PRO-P, Theorem 4.3 form: analytic gradient in (θ, θ_ref) versus GSL central differences and
// Ridders on 1000 seeded, edge-biased inputs per (β, η), with the negative control.
// Logits are drawn within ±100 here (the stability test covers ±1e4): u = θ − logSumExp(θ)
// cancels to an absolute rounding of ε·|θ|, which GSL's central-difference error estimate
// (based on |f|, not on |θ|) does not see; at |θ| ~ 1e3–1e4 the central estimate is off by
// 1e-10–1e-8 relative while Ridders agrees with the analytic gradient, so the check would
// test the estimator, not the gradient.
import ObjectiveFixtures
import Objectives
import Testing

@Suite struct PROPTheorem43GradientTests {
  @Test(arguments: [(0.01, 0.1), (1.0, 2.0 / 3.0), (10.0, 0.9)])
  func gradientMatchesFiniteDifferences(beta: Double, eta: Double) {
    ObjectiveGradientHarness.run(
      "prop-t43.gradient.beta=\(beta).eta=\(eta)", PROPTheorem43(beta: beta, eta: eta),
      generator: PROFixtures.prop(magnitude: 100))
  }
}
