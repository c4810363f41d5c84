// IPO (MaPPO eq. 16) and its token-averaged variant: analytic gradients versus GSL central
// differences and Ridders on 1000 seeded, edge-biased inputs, with the negative control.
// Log-probabilities are drawn in [−1e3, 0], not [−1e5, 0]: next to the domain edge 0 the
// harness uses GSL's one-sided rule with a small step, and the quantisation ε·|log π| of
// the other (large) inputs inside h = ρ_w − ρ_l − 1/(2β) then dominates the difference
// quotient (seen at log π_ref = −1e5: relative error 8e-6 against the exact 2h, with
// GSL's abserr 4× smaller). The values at −1e5 are covered by the reference rows and the
// stability test.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct IPOGradientTests {
  /// Initial step 0.1: IPO is quadratic in each variable, so a central difference has no
  /// truncation error at any step, and the larger step divides the quantisation ε·|log π|
  /// of the inputs (≤ 1.1e-13 at 1e3) by 0.1 instead of 1e-3 (at 1e-3 it exceeded GSL's
  /// error estimate: 1.4e-10 against 1.3e-10 at log π = −800).
  @Sendable static func steps(_ x: PreferencePair) -> [Double] { [0.1, 0.1, 0.1, 0.1] }

  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "ipo.gradient.beta=\(beta)", IPO(beta: beta),
      generator: PairwiseGen.pair(lowest: -1e3), steps: Self.steps)
  }

  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func tokenAveragedGradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "ipo-token-averaged.gradient.beta=\(beta)", TokenAveragedIPO(beta: beta),
      generator: PairwiseGen.pair(lowest: -1e3, lengths: true), steps: Self.steps)
  }
}
