// MaPPO (eq. 8), its eq. (6) terms L_MLE, L_p and L_MLE + L_p: analytic gradients with respect
// to log-probabilities AND rewards versus GSL central differences and Ridders on 1000
// seeded, edge-biased inputs per β, with the negative control. The L_p checks draw
// log-probabilities in [−1e3, 0]: with a log-probability next to the domain edge 0 the
// harness shrinks the step below 1e-6, and the quantisation ε·1e5 of a log-ratio such as
// 0 − (−1e5) then dominates the difference quotient of the cancelling prior (relative
// error 5e-8 against GSL's abserr of 3e-10, seen at log π_ref = −1e5); −1e5 is covered by
// the reference rows and the stability tests.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct MaPPOGradientTests {
  /// Steps for MaPPO: u = βρ_w − Δ_rβρ_l moves at rates (β, βΔ_r, β, βΔ_r, βρ_l, βρ_l).
  static func slopes(_ beta: Double) -> (RewardedPreferencePair) -> [Double] {
    { x in
      let l = beta * max(1, abs(x.deltaR))
      let r = beta * abs(x.logRatioRejected)
      return PairwiseGen.steps(x.variables, slopes: [beta, l, beta, l, r, r])
    }
  }

  /// Steps for the eq. (5)–(6) terms: a = βρ_w, b = βρ_l move at rate β per log-prob, and
  /// Δ_r b at rate |b| per unit reward (L_p varies like e^{Δ_r b − a} there, so its relative
  /// accuracy needs |b|·h small). L_MLE does not depend on the rewards (rate 0: default).
  static func termSlopes(_ beta: Double, prior: Bool) -> (RewardedPreferencePair) -> [Double] {
    { x in
      let l = beta * max(1, abs(x.deltaR))
      let r = prior ? beta * abs(x.logRatioRejected) : 0
      return PairwiseGen.steps(x.variables, slopes: [beta, l, beta, l, r, r], uncapped: prior)
    }
  }

  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "mappo.gradient.beta=\(beta)", MaPPO(beta: beta), generator: PairwiseGen.rewardedPair(),
      steps: Self.slopes(beta))
  }

  /// Rewards outside the paper's [0, 1] (Δ_r < 0 or > 1): the formula is still smooth.
  @Test func gradientMatchesFiniteDifferencesForRewardsOutsideUnitInterval() {
    ObjectiveGradientHarness.run(
      "mappo.gradient.wide-rewards", MaPPO(beta: 0.1),
      generator: PairwiseGen.rewardedPair(lowest: -1e3, rewards: -3...3), steps: Self.slopes(0.1))
  }

  @Test(arguments: [0.01, 1.0])
  func mleGradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "mappo-mle.gradient.beta=\(beta)", MaPPOMLE(beta: beta),
      generator: PairwiseGen.rewardedPair(), steps: Self.termSlopes(beta, prior: false))
  }

  @Test(arguments: [0.01, 0.1, 1.0])
  func priorGradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "mappo-prior.gradient.beta=\(beta)", MaPPOPrior(beta: beta),
      generator: PairwiseGen.rewardedPair(lowest: -1e3), steps: Self.termSlopes(beta, prior: true))
  }

  @Test(arguments: [0.1, 1.0])
  func mlePlusPriorGradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "mappo-mle-plus-prior.gradient.beta=\(beta)", MaPPOMLEPlusPrior(beta: beta),
      generator: PairwiseGen.rewardedPair(lowest: -1e3), steps: Self.termSlopes(beta, prior: true))
  }
}
