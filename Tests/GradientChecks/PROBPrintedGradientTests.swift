// PRO-B as printed (β on both terms), exact-H and zero-H: analytic gradient in (logProb,
// refLogProb, label) versus GSL central differences and Ridders on 1000 seeded, edge-biased
// samples per (β, α, mode), with the negative control.
import ObjectiveFixtures
import Objectives
import Testing

@Suite struct PROBPrintedGradientTests {
  @Test(arguments: [(0.003, 2.5), (1.0, 17.5), (10.0, 0.5)], HyperRewardMode.allCases)
  func gradientMatchesFiniteDifferences(hyper: (Double, Double), mode: HyperRewardMode) {
    let (beta, alpha) = hyper
    ObjectiveGradientHarness.run(
      "prob-printed.gradient.beta=\(beta).alpha=\(alpha).\(mode)",
      PROBPrinted(beta: beta, alpha: alpha, hyperReward: mode), generator: PROFixtures.binary(),
      steps: mode == .zero
        ? nil
        : { x in
          PROFixtures.hyperSteps(policy: [x.logProb], ref: [x.refLogProb], extra: [x.label])
        })
  }
}
