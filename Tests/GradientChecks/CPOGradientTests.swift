// CPO (MaPPO eq. 18): analytic gradient versus GSL central differences and Ridders on 1000
// seeded, edge-biased inputs per (β, λ), with the negative control.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct CPOGradientTests {
  @Test(arguments: [(0.01, 0.0), (0.1, 0.2), (1.0, 1.0), (10.0, 2.0)])
  func gradientMatchesFiniteDifferences(beta: Double, lambda: Double) {
    ObjectiveGradientHarness.run(
      "cpo.gradient.beta=\(beta).lambda=\(lambda)", CPO(beta: beta, lambda: lambda),
      generator: PairwiseGen.pair())
  }
}
