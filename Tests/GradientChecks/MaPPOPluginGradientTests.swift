// The MaPPO plugins SimPO+ (eq. 15), IPO+ (eq. 17), CPO+ (eq. 19): analytic gradients with
// respect to log-probabilities and rewards versus GSL central differences and Ridders on
// 1000 seeded, edge-biased inputs per hyperparameter setting, with the negative control.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct MaPPOPluginGradientTests {
  @Test(arguments: [(0.1, 0.0), (2.5, 1.0), (10.0, 5.0)])
  func simpoPlusGradientMatchesFiniteDifferences(beta: Double, gamma: Double) {
    ObjectiveGradientHarness.run(
      "simpo-plus.gradient.beta=\(beta).gamma=\(gamma)", SimPOPlus(beta: beta, gamma: gamma),
      generator: PairwiseGen.rewardedPair(lengths: true),
      steps: { x in
        let w = beta / Double(x.lengthChosen)
        let l = beta / Double(x.lengthRejected)
        let r = l * abs(x.logProbRejected)
        return PairwiseGen.steps(x.variables, slopes: [w, l * abs(x.deltaR), 0, 0, r, r])
      })
  }

  @Test(arguments: [0.01, 0.1, 10.0])
  func ipoPlusGradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "ipo-plus.gradient.beta=\(beta)", IPOPlus(beta: beta),
      generator: PairwiseGen.rewardedPair(lowest: -1e3))  // −1e3: see IPOGradientTests
  }

  @Test(arguments: [(0.01, 0.0), (0.1, 0.2), (10.0, 2.0)])
  func cpoPlusGradientMatchesFiniteDifferences(beta: Double, lambda: Double) {
    ObjectiveGradientHarness.run(
      "cpo-plus.gradient.beta=\(beta).lambda=\(lambda)", CPOPlus(beta: beta, lambda: lambda),
      generator: PairwiseGen.rewardedPair(),
      steps: { x in
        let r = beta * abs(x.logProbRejected)
        return PairwiseGen.steps(
          x.variables, slopes: [beta, beta * abs(x.deltaR), 0, 0, r, r])
      })
  }
}
