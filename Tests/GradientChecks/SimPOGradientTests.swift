// SimPO (MaPPO eq. 14 = AlphaPO eq. 2) and SimPO with reference (AlphaPO A.4): analytic
// gradients versus GSL central differences and Ridders on 1000 seeded, edge-biased inputs
// (lengths 1…10⁴) per (β, γ), with the negative control.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct SimPOGradientTests {
  @Test(arguments: [(0.1, 0.0), (2.5, 0.25), (10.0, 5.0)])
  func gradientMatchesFiniteDifferences(beta: Double, gamma: Double) {
    ObjectiveGradientHarness.run(
      "simpo.gradient.beta=\(beta).gamma=\(gamma)", SimPO(beta: beta, gamma: gamma),
      generator: PairwiseGen.pair(lengths: true))
  }

  @Test(arguments: [(0.1, 0.0), (2.5, 0.25), (10.0, 5.0)])
  func withReferenceGradientMatchesFiniteDifferences(beta: Double, gamma: Double) {
    ObjectiveGradientHarness.run(
      "simpo-ref.gradient.beta=\(beta).gamma=\(gamma)",
      SimPOWithReference(beta: beta, gamma: gamma), generator: PairwiseGen.pair(lengths: true))
  }
}
