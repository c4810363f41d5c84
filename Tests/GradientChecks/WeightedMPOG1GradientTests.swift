// W-MPO's weighted contrastive loss (MPO App. G.1): analytic gradient versus GSL central
// differences and Ridders on 1000 seeded, edge-biased inputs per α, with the negative
// control. Scores are data (they fix Y⁺ and the weights), so only log-probabilities vary.
import Objectives
import Testing

@Suite struct WeightedMPOG1GradientTests {
  @Test(arguments: [-1.0, 0.0, 0.1, 10.0])
  func gradientMatchesFiniteDifferences(alpha: Double) {
    ObjectiveGradientHarness.run(
      "wmpo-g1.gradient.alpha=\(alpha)", WeightedMPOG1(alpha: alpha),
      generator: MPOFamilyGen.scoredSet(),
      steps: MPOFamilyGen.steps { x in abs(alpha) * MPOFamilyGen.maxDeviation(x) })
  }
}
