// Step-DPO L₀ and L₁ (PIPA App. B): analytic gradients versus GSL central differences and
// Ridders on 1000 seeded, edge-biased pairs per case, with the negative control.
// L₁ carries a stop-gradient, so its two gradients are checked against two different
// functions:
// - `gradient` (semi-gradient) against finite differences of L₁(θ; θ̄) with the stopped sum
//   S = Σ_{t:c⁻_t=1} r_t(y⁻) frozen at the drawn input θ̄ — the freezing closure is written
//   here, independently of the library's `loss(_:stoppedAt:)`;
// - `fullGradient` against finite differences of the loss value itself.
import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

/// Σ terms with Neumaier's compensation (as the library sums r_t, so that the frozen loss
/// carries no ε·max|x| rounding that finite differences would amplify by 1/h).
func compensatedSum(_ terms: [Double]) -> Double {
  var s = 0.0
  var c = 0.0
  for x in terms {
    let t = s + x
    c += abs(s) >= abs(x) ? (s - t) + x : (x - t) + s
    s = t
  }
  return s + c
}

/// An input together with the frozen point θ̄ of a stop-gradient loss: only `current` moves
/// under `replacing(variables:)`.
struct FrozenInput<I: ObjectiveInput & Hashable>: ObjectiveInput, Hashable {
  var current: I
  var frozen: I
  var variables: [Double] { current.variables }
  var variableNames: [String] { current.variableNames }
  func replacing(variables v: [Double]) -> FrozenInput {
    FrozenInput(current: current.replacing(variables: v), frozen: frozen)
  }
}

/// Step-DPO L₁ with its stopped term frozen: loss(θ) = −log σ(β(Σ r⁺(θ) − Σ_{c⁻=0} r⁻(θ)
/// − S(θ̄))), gradient = the library's semi-gradient at θ = θ̄.
struct StepDPOL1Frozen: Objective {
  var base: StepDPOL1
  var name: String { "Step-DPO L1 (stopped terms frozen)" }
  func loss(_ x: FrozenInput<StepPairInput>) throws -> Double {
    try x.current.validate()
    let p = x.current
    var terms: [Double] = []
    for t in p.logProbsChosen.indices { terms += [p.logProbsChosen[t], -p.refLogProbsChosen[t]] }
    for t in p.logProbsRejected.indices {
      // Stopped tokens (c⁻_t = 1) are read from the frozen point, the others from θ.
      let src = p.labelsRejected[t] == 1 ? x.frozen : p
      terms += [-src.logProbsRejected[t], src.refLogProbsRejected[t]]
    }
    return softplus(-base.beta * compensatedSum(terms))
  }
  func gradient(_ x: FrozenInput<StepPairInput>) throws -> [Double] {
    try base.gradient(x.current)
  }
}

/// Step-DPO L₁'s value with its full (un-stopped) gradient.
struct StepDPOL1Full: Objective {
  var base: StepDPOL1
  var name: String { "Step-DPO L1 (full gradient)" }
  func loss(_ x: StepPairInput) throws -> Double { try base.loss(x) }
  func gradient(_ x: StepPairInput) throws -> [Double] { try base.fullGradient(x) }
}

@Suite struct StepDPOGradientTests {
  @Test(arguments: [1.0, 0.1, 10.0])
  func l0(beta: Double) {
    ObjectiveGradientHarness.run(
      "stepdpo-l0.gradient.beta=\(beta)", StepDPOL0(beta: beta),
      generator: PIPAGen.stepPair(count: 1...5, lowest: -1e3))
  }

  @Test(arguments: [1.0, 0.1, 10.0])
  func l1StopGradient(beta: Double) {
    let gen = PIPAGen.stepPair(count: 1...5, lowest: -1e3).map {
      FrozenInput(current: $0, frozen: $0)
    }
    ObjectiveGradientHarness.run(
      "stepdpo-l1.semigradient.beta=\(beta)", StepDPOL1Frozen(base: StepDPOL1(beta: beta)),
      generator: gen)
  }

  @Test(arguments: [1.0, 0.1, 10.0])
  func l1FullGradient(beta: Double) {
    ObjectiveGradientHarness.run(
      "stepdpo-l1.fullgradient.beta=\(beta)", StepDPOL1Full(base: StepDPOL1(beta: beta)),
      generator: PIPAGen.stepPair(count: 1...5, lowest: -1e3))
  }
}
