// W-MPO, signed deviation (MPO App. D.2 eq. 16): analytic gradient versus GSL central
// differences and Ridders on 1000 seeded, edge-biased inputs per (β, α_w), with the negative
// control. Scores are data (they fix the partition), so only log-probabilities vary.
import Objectives
import Testing

@Suite struct WeightedMPOSignedGradientTests {
  @Test(arguments: [(0.1, -1.0), (0.1, 1.0), (1.0, 0.01), (10.0, 10.0)])
  func gradientMatchesFiniteDifferences(beta: Double, alphaW: Double) {
    ObjectiveGradientHarness.run(
      "wmpo-signed.gradient.beta=\(beta).alphaW=\(alphaW)",
      WeightedMPOSigned(beta: beta, alphaW: alphaW), generator: MPOFamilyGen.scoredSet(),
      steps: MPOFamilyGen.steps { x in abs(alphaW) * MPOFamilyGen.maxDeviation(x) / beta })
  }
}
