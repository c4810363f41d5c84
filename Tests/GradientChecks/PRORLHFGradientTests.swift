// The RLHF objective of PRO App. C: analytic gradient in (θ, θ_ref, r_φ) versus GSL central
// differences and Ridders on 1000 seeded, edge-biased inputs per β, with the negative control.
// Logits within ±100 (as PROGradientTests: u = θ − logSumExp(θ) rounds to ε|θ| absolutely,
// which GSL's estimate, based on |f|, does not see at |θ| ≫ 100).
import ObjectiveFixtures
import Objectives
import PropertyBased
import Testing
import TestSupport

@Suite struct PRORLHFGradientTests {
  static func inputs() -> Generator<PRORLHF.Input, Shrink.None<PRORLHF.Input>> {
    Generator { rng in
      var box = SeedBox(rng.next())
      let n = PROFixtures.int(2...8, &box)
      let scale = [1.0, 10][PROFixtures.int(0...1, &box)]
      return PRORLHF.Input(
        logits: PROFixtures.logits(n, magnitude: 100, &box),
        refLogits: PROFixtures.logits(n, magnitude: 100, &box),
        rewards: (0..<n).map { _ in scale * (2 * PROFixtures.unit(&box) - 1) })
    }
  }

  @Test(arguments: [0.01, 0.1, 1.0, 10.0])
  func gradientMatchesFiniteDifferences(beta: Double) {
    ObjectiveGradientHarness.run(
      "pro-rlhf.gradient.beta=\(beta)", PRORLHF(beta: beta), generator: Self.inputs())
  }

  @Test func invalidInputThrowsNamingTheField() {
    let x = PRORLHF.Input(logits: [0, 1], refLogits: [0], rewards: [1, 2])
    #expect(throws: ObjectiveError.self) { try PRORLHF(beta: 1).loss(x) }
    #expect(throws: ObjectiveError.self) {
      try PRORLHF(beta: 0).loss(PRORLHF.Input(logits: [0, 1], refLogits: [0, 0], rewards: [1, 2]))
    }
  }
}
