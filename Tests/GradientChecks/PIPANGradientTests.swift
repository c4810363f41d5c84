// PIPA-N (PIPA §2.4 and Algorithm 1), answer and token level: analytic gradient versus GSL
// central differences and Ridders on 1000 seeded, edge-biased inputs, with the negative control.
import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct PIPANGradientTests {
  @Test(arguments: [0, 1])
  func answerLevel(label: Int) {
    ObjectiveGradientHarness.run(
      "pipan.gradient.c=\(label)", PIPAN(), generator: PIPAGen.answer(lowest: -1e4, label: label),
      steps: { PIPAGen.steps($0.variables) })
  }

  @Test func tokenLevel() {
    ObjectiveGradientHarness.run(
      "pipan-token.gradient", PIPANTokenLevel(),
      generator: PIPAGen.tokens(count: 1...6, lowest: -1e3, logit: 1e3),
      steps: { PIPAGen.steps($0.variables) })
  }
}
