// KTO in PIPA's eq. (10) form and the Theorem A.1 pair conditional: analytic gradients versus
// GSL central differences and Ridders on 1000 seeded, edge-biased inputs, with the negative
// control.
import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct KTOPIPAFormGradientTests {
  @Test(arguments: [1.0, 0.1, 10.0])
  func ktoPIPAForm(beta: Double) {
    ObjectiveGradientHarness.run(
      "kto-pipa.gradient.beta=\(beta)", KTOPIPAForm(beta: beta), generator: PIPAGen.ktoPIPA())
  }

  @Test func pairConditional() {
    ObjectiveGradientHarness.run(
      "pipa-pair.gradient", PIPAPairConditional(), generator: PIPAGen.pair())
  }
}
