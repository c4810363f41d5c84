// NCA (Chen et al. 2024): analytic gradient in log-probabilities and rewards
// versus GSL central differences and Ridders on 1000 seeded, edge-biased inputs per (β, τ),
// with the negative control.
import Objectives
import Testing

@Suite struct NCAGradientTests {
  @Test(arguments: [(0.1, 0.1), (1.0, 1.0), (10.0, 10.0), (0.01, 100.0)])
  func gradientMatchesFiniteDifferences(beta: Double, tau: Double) {
    ObjectiveGradientHarness.run(
      "nca.gradient.beta=\(beta).tau=\(tau)", NCA(beta: beta, tau: tau),
      generator: MPOFamilyGen.rewardedSet(),
      steps: MPOFamilyGen.steps())
  }
}
