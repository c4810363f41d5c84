// PRO-P, App. D implemented form (exact-H and zero-H): analytic gradient in the four
// log-probabilities versus GSL central differences and Ridders on 1000 seeded, edge-biased
// pairs per (β, mode), with the negative control. Exact-H steps shrink with the distance of
// the labeled mass from 1 (PROFixtures.hyperSteps).
import ObjectiveFixtures
import Objectives
import Testing

@Suite struct PROPImplementedGradientTests {
  @Test(arguments: [0.01, 1.0, 10.0], HyperRewardMode.allCases)
  func gradientMatchesFiniteDifferences(beta: Double, mode: HyperRewardMode) {
    ObjectiveGradientHarness.run(
      "prop-impl.gradient.beta=\(beta).\(mode)", PROPImplemented(beta: beta, hyperReward: mode),
      generator: mode == .zero ? PROFixtures.pair() : PROFixtures.exactPair(),
      steps: mode == .zero
        ? nil
        : { x in
          PROFixtures.hyperSteps(
            policy: [x.logProbChosen, x.logProbRejected],
            ref: [x.refLogProbChosen, x.refLogProbRejected], extra: [])
        })
  }
}
