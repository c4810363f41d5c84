// MPO (MPO eq. (5)): analytic gradient versus GSL central differences and Ridders on 1000 seeded,
// edge-biased inputs per β, with the negative control.
import Objectives
import Testing

@Suite struct MPOGradientTests {
  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "mpo.gradient.beta=\(beta)", MPO(beta: beta), generator: MPOFamilyGen.setPair(),
      steps: MPOFamilyGen.steps())
  }
}
