// Step-KTO, PIPA's KTO L₁ and the App. B KTO form (PIPA App. B): analytic gradients versus
// GSL central differences and Ridders on 1000 seeded, edge-biased answers per case, with the
// negative control. KTO L₁'s semi-gradient is checked against finite differences of the loss
// with the stopped sum Σ_{t:c_t=1} r_t frozen (closure written here); its full gradient
// against finite differences of the loss itself.
import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

/// KTO L₁ with its stopped term frozen at θ̄ (negative answers); positive answers have no
/// stopped term.
struct StepKTOL1Frozen: Objective {
  var base: StepKTOL1
  var name: String { "Step-KTO L1 (stopped terms frozen)" }
  func loss(_ x: FrozenInput<StepKTOInput>) throws -> Double {
    try x.current.validate()
    let p = x.current
    let b = base.beta
    var terms: [Double] = []
    if p.labels.allSatisfy({ $0 == 1 }) {
      for t in p.logProbs.indices { terms += [p.logProbs[t], -p.refLogProbs[t]] }
      return -sigmoid(b * compensatedSum(terms + [-p.z0]))
    }
    for t in p.logProbs.indices {
      // Stopped tokens (c_t = 1) are read from the frozen point, the others from θ.
      let src = p.labels[t] == 1 ? x.frozen : p
      terms += [-src.logProbs[t], src.refLogProbs[t]]
    }
    return -sigmoid(b * compensatedSum(terms + [p.z0]))
  }
  func gradient(_ x: FrozenInput<StepKTOInput>) throws -> [Double] {
    try base.gradient(x.current)
  }
}

struct StepKTOL1Full: Objective {
  var base: StepKTOL1
  var name: String { "Step-KTO L1 (full gradient)" }
  func loss(_ x: StepKTOInput) throws -> Double { try base.loss(x) }
  func gradient(_ x: StepKTOInput) throws -> [Double] { try base.fullGradient(x) }
}

@Suite struct StepKTOGradientTests {
  @Test(arguments: [1.0, 0.1, 10.0])
  func stepKTO(beta: Double) {
    ObjectiveGradientHarness.run(
      "stepkto.gradient.beta=\(beta)", StepKTO(beta: beta),
      generator: PIPAGen.stepKTO(count: 1...8, lowest: -1e3, zMax: 1e3))
  }

  @Test(arguments: [1.0, 0.1, 10.0])
  func ktoAppendixB(beta: Double) {
    ObjectiveGradientHarness.run(
      "kto-appb.gradient.beta=\(beta)", KTOAppendixBForm(beta: beta),
      generator: PIPAGen.stepKTO(count: 1...8, lowest: -1e3, zMax: 1e3, tokenLabels: true))
  }

  @Test(arguments: [1.0, 0.1, 10.0])
  func l1StopGradient(beta: Double) {
    let gen = PIPAGen.stepKTO(count: 1...8, lowest: -1e3, zMax: 1e3, tokenLabels: true).map {
      FrozenInput(current: $0, frozen: $0)
    }
    ObjectiveGradientHarness.run(
      "stepkto-l1.semigradient.beta=\(beta)", StepKTOL1Frozen(base: StepKTOL1(beta: beta)),
      generator: gen)
  }

  @Test(arguments: [1.0, 0.1, 10.0])
  func l1FullGradient(beta: Double) {
    ObjectiveGradientHarness.run(
      "stepkto-l1.fullgradient.beta=\(beta)", StepKTOL1Full(base: StepKTOL1(beta: beta)),
      generator: PIPAGen.stepKTO(count: 1...8, lowest: -1e3, zMax: 1e3, tokenLabels: true))
  }
}
