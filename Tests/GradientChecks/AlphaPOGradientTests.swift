// AlphaPO (eqs. 3–4) and AlphaPO with reference (A.4): analytic gradients versus GSL central
// differences and Ridders on 1000 seeded, edge-biased inputs per α, with the negative
// control. Per-token log-probabilities x are drawn in [−10/|α|, 0] (and [−50, 0] at α = 0):
// the loss bends on the scale |y|/(βe^{−αx}) in log π, and a finite difference needs a
// step below that scale yet above the rounding ε|log π| of the input, which e^{−αx} ≤ e^{10}
// allows for |log π| ≤ 1e5. Larger |αx| (up to overflow) is covered by the reference rows
// and the stability tests, not by finite differences.
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

@Suite struct AlphaPOGradientTests {
  static let alphas: [Double] = [-10, -1, -0.25, 0, 1e-8, 0.25, 1, 2, 10]

  /// Pairs whose per-token log-probability (or log-ratio) x = v/|y| lies in [−span, 0].
  static func pairs(alpha: Double, reference: Bool) -> Generator<
    PreferencePair, Shrink.None<PreferencePair>
  > {
    let span = alpha == 0 ? 50 : min(50, 10 / abs(alpha))
    let x = EdgeGen.double(in: -span...0)
    let lp = EdgeGen.logProbability(lowest: -1e5)
    return Generator { rng in
      var box = SeedBox(rng.next())
      let nw = PairwiseGen.length(&box.rng)
      let nl = PairwiseGen.length(&box.rng)
      // log π = x·|y| clamped to the domain [−1e5, 0]; the reference (A.4) is drawn freely,
      // and then the policy log-prob is set so that the log-ratio/|y| is x (when it fits).
      func policy(_ n: Int, _ ref: Double) -> Double {
        let xv = x.run(using: &box.rng) * Double(n)
        return max(-1e5, min(0, xv + (reference ? ref : 0)))
      }
      // References ≤ −1e-3: at a reference next to 0 the harness falls back to GSL's
      // one-sided rule, whose step adaptation overshoots the bend of the loss (seen at
      // log π_ref = −6.8e-8, α = 0.25: relative error 2e-4 with abserr 3e-7); the edge 0
      // is exercised by the policy log-probabilities and by the reference-free checks.
      let rw = reference ? min(-1e-3, max(-1e5, lp.run(using: &box.rng) / 1e3)) : 0
      let rl = reference ? min(-1e-3, max(-1e5, lp.run(using: &box.rng) / 1e3)) : 0
      return PreferencePair(
        logProbChosen: policy(nw, rw), logProbRejected: policy(nl, rl), refLogProbChosen: rw,
        refLogProbRejected: rl, lengthChosen: nw, lengthRejected: nl)
    }
  }

  /// Steps (PairwiseGen.steps) from the rate βe^{−αx}/|y| of the Bradley–Terry argument and
  /// the curvature rate |α|/|y| of e^{−αx} in log π.
  static func steps(alpha: Double, reference: Bool) -> (PreferencePair) -> [Double] {
    { p in
      let xw = (reference ? p.logRatioChosen : p.logProbChosen) / Double(p.lengthChosen)
      let xl = (reference ? p.logRatioRejected : p.logProbRejected) / Double(p.lengthRejected)
      let sw =
        2.5 * exp(-alpha * xw) / Double(p.lengthChosen)
        + abs(alpha) / Double(p.lengthChosen)
      let sl =
        2.5 * exp(-alpha * xl) / Double(p.lengthRejected)
        + abs(alpha) / Double(p.lengthRejected)
      return PairwiseGen.steps(
        p.variables, slopes: [sw, sl, reference ? sw : 0, reference ? sl : 0])
    }
  }

  @Test(arguments: alphas)
  func gradientMatchesFiniteDifferences(alpha: Double) {
    ObjectiveGradientHarness.run(
      "alphapo.gradient.alpha=\(alpha)", AlphaPO(alpha: alpha, beta: 2.5, gamma: 0.25),
      generator: Self.pairs(alpha: alpha, reference: false),
      steps: Self.steps(alpha: alpha, reference: false))
  }

  @Test(arguments: [-2.0, 0, 0.25, 2])
  func withReferenceGradientMatchesFiniteDifferences(alpha: Double) {
    ObjectiveGradientHarness.run(
      "alphapo-ref.gradient.alpha=\(alpha)",
      AlphaPOWithReference(alpha: alpha, beta: 2.5, gamma: 0.25),
      generator: Self.pairs(alpha: alpha, reference: true),
      steps: Self.steps(alpha: alpha, reference: true))
  }
}
