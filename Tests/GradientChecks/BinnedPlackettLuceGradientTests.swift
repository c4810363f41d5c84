// BinnedPlackettLuce (MPO §7 Fig. 7 bins, claims/mpo.md §0.12): analytic gradient versus GSL central differences and Ridders on 1000 seeded,
// edge-biased inputs per β, with the negative control.
import Objectives
import Testing

@Suite struct BinnedPlackettLuceGradientTests {
  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "pl-bins.gradient.beta=\(beta)", BinnedPlackettLuce(beta: beta), generator: MPOFamilyGen.binPartition(),
      steps: MPOFamilyGen.steps())
  }
}
