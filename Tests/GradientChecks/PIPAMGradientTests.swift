// PIPA-M (PIPA Algorithm 1 with the §2.6 clip), answer and token level: analytic gradient
// versus GSL central differences and Ridders on 1000 seeded, edge-biased inputs per case,
// with the harness's negative control.
import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct PIPAMGradientTests {
  /// Initial steps that keep every probe (Ridders reaches ±10h; ∂log F/∂x ≤ 1 for each
  /// variable) on one side of the clip's kink at log F = log(1 − ε) for negative tokens:
  /// h = min(default, |log F − threshold|/20).
  static func steps(_ logRatios: [Double], labels: [Int], epsilon: Double, x: [Double])
    -> [Double]
  {
    let thr = PIPAM.clipThreshold(epsilon: epsilon)
    var gap = Double.infinity
    for (l, c) in zip(logRatios, labels) where c == 0 { gap = min(gap, abs(l - thr)) }
    return PIPAGen.steps(x, cap: gap / 20)
  }

  @Test(arguments: [1e-10, 1e-6, 0.25])
  func answerLevel(epsilon: Double) {
    let o = PIPAM(epsilon: epsilon)
    ObjectiveGradientHarness.run(
      "pipam.gradient.eps=\(epsilon)", o,
      generator: PIPAGen.answer(lowest: -1e4).map { PIPAGen.awayFromClip($0, epsilon: epsilon) },
      steps: { x in
        Self.steps([PIPAM.logRatio(x)], labels: [x.label], epsilon: epsilon, x: x.variables)
      })
  }

  @Test(arguments: [1e-10, 0.25])
  func tokenLevel(epsilon: Double) {
    let o = PIPAMTokenLevel(epsilon: epsilon)
    ObjectiveGradientHarness.run(
      "pipam-token.gradient.eps=\(epsilon)", o,
      generator: PIPAGen.tokens(count: 1...6, lowest: -1e3, logit: 1e3).map { x in
        var y = x
        for t in 0..<x.count { y.logF[t] = PIPAGen.awayFromClip(x.token(t), epsilon: epsilon).logF }
        return y
      },
      steps: { x in
        Self.steps(
          PIPAMTokenLevel.logRatios(x), labels: x.labels, epsilon: epsilon, x: x.variables)
      })
  }
}
