// PRO with a hyper response (PRO §4.1): analytic gradient in (θ, θ_ref, ŝ) versus GSL central
// differences and Ridders on 1000 seeded, edge-biased inputs per (β, α), with the control.
// Logits are drawn within ±100 here (the stability test covers ±1e4): u = θ − logSumExp(θ)
// cancels to an absolute rounding of ε·|θ|, which GSL's central-difference error estimate
// (based on |f|, not on |θ|) does not see; at |θ| ~ 1e3–1e4 the central estimate is off by
// 1e-10–1e-8 relative while Ridders agrees with the analytic gradient, so the check would
// test the estimator, not the gradient.
import ObjectiveFixtures
import Objectives
import Testing

@Suite struct PROGradientTests {
  @Test(arguments: [(0.01, 0.5), (1.0, 2.5), (10.0, 17.5)])
  func gradientMatchesFiniteDifferences(beta: Double, alpha: Double) {
    ObjectiveGradientHarness.run(
      "pro.gradient.beta=\(beta).alpha=\(alpha)", PRO(beta: beta, alpha: alpha),
      generator: PROFixtures.pro(magnitude: 100))
  }
}
