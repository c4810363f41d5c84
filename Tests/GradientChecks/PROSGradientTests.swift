// PRO-S (exact-H and zero-H): analytic gradient in (logProbs, refLogProbs, scores) versus GSL
// central differences and Ridders on 1000 seeded, edge-biased prompts (N = 1…5) per
// (β, α, mode), with the negative control.
import ObjectiveFixtures
import Objectives
import Testing

@Suite struct PROSGradientTests {
  @Test(arguments: [(0.003, 2.5), (1.0, 17.5), (10.0, 0.5)], HyperRewardMode.allCases)
  func gradientMatchesFiniteDifferences(hyper: (Double, Double), mode: HyperRewardMode) {
    let (beta, alpha) = hyper
    ObjectiveGradientHarness.run(
      "pros.gradient.beta=\(beta).alpha=\(alpha).\(mode)",
      PROS(beta: beta, alpha: alpha, hyperReward: mode), generator: mode == .zero ? PROFixtures.scalar() : PROFixtures.exactScalar(),
      steps: mode == .zero
        ? nil
        : { x in
          PROFixtures.hyperSteps(policy: x.logProbs, ref: x.refLogProbs, extra: x.scores)
        })
  }
}
