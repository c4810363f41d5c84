// Population DPO (PRO §3.1): analytic gradient in (θ, θ_ref) versus GSL central differences
// and Ridders on 1000 seeded, edge-biased finite-set inputs per β, with the negative control.
// Logits are drawn within ±100 here (the stability test covers ±1e4): u = θ − logSumExp(θ)
// cancels to an absolute rounding of ε·|θ|, which GSL's central-difference error estimate
// (based on |f|, not on |θ|) does not see; at |θ| ~ 1e3–1e4 the central estimate is off by
// 1e-10–1e-8 relative while Ridders agrees with the analytic gradient, so the check would
// test the estimator, not the gradient.
import ObjectiveFixtures
import Objectives
import Testing

@Suite struct PopulationDPOGradientTests {
  @Test(arguments: [0.01, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "populationdpo.gradient.beta=\(beta)", PopulationDPO(beta: beta),
      generator: PROFixtures.population(magnitude: 100))
  }
}
