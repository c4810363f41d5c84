// DPO (MaPPO eq. 3): analytic gradient versus GSL central differences and Ridders on 1000
// seeded, edge-biased inputs, with the negative control.
import Numerics
import Objectives
import PropertyBased
import Testing
import TestSupport

@Suite struct DPOGradientTests {
  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    let lp = EdgeGen.logProbability(lowest: -1e5)
    let gen = EdgeGen.array(lp, count: 4...4).map { v in
      PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
    }
    ObjectiveGradientHarness.run("dpo.gradient.beta=\(beta)", DPO(beta: beta), generator: gen)
  }
}
