// SFT (MaPPO eq. 11), eq. (9) and eq. (10): analytic gradients versus GSL central differences
// and Ridders on 1000 seeded, edge-biased inputs each, with the negative control.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct SFTGradientTests {
  @Test func sftGradientMatchesFiniteDifferences() {
    ObjectiveGradientHarness.run("sft.gradient", SFT(), generator: PairwiseGen.pair())
  }

  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func eq9GradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "sft-sigmoid.gradient.beta=\(beta)", SFTSigmoid(beta: beta), generator: PairwiseGen.pair())
  }

  @Test func eq10GradientMatchesFiniteDifferences() {
    ObjectiveGradientHarness.run(
      "sft-log-ratio.gradient", SFTLogRatio(), generator: PairwiseGen.pair())
  }
}
