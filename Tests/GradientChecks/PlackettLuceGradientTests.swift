// PlackettLuce (MPO §3.2): analytic gradient versus GSL central differences and Ridders on 1000 seeded,
// edge-biased inputs per β, with the negative control.
import Objectives
import Testing

@Suite struct PlackettLuceGradientTests {
  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "pl.gradient.beta=\(beta)", PlackettLuce(beta: beta), generator: MPOFamilyGen.ranking(),
      steps: MPOFamilyGen.steps())
  }
}
