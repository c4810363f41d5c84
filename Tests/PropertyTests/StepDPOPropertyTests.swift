// Step-DPO L₀ and L₁ (PIPA App. B) invariants: L₁'s value is the sequence DPO loss (sg is the
// identity on values), L₀ ignores the positive steps of y⁻, L₀ = L₁ = L_DPO when y⁻ has no
// positive steps, and L₁'s stop-gradient differs from its full gradient exactly on the stopped
// coordinates, with DPO's weight times L₀'s direction. Tolerances are rounding bounds.
import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct StepDPOPropertyTests {
  static let eps = Double.ulpOfOne

  /// Σ|inputs|·β: the magnitude whose rounding (≤ 2ε of it, compensated sums excepted) the
  /// margin can carry; softplus has slope ≤ 1.
  static func scale(_ x: StepPairInput, _ beta: Double) -> Double {
    beta * x.variables.reduce(0) { $0 + abs($1) }
  }

  @Test(arguments: [1.0, 0.1, 10.0])
  func l1ValueIsSequenceDPO(beta: Double) {
    PropertyRunner.check(
      "stepdpo.l1-value.beta=\(beta)", count: 1000, generator: PIPAGen.stepPair(count: 1...16)
    ) { x in
      guard let l1 = try? StepDPOL1(beta: beta).loss(x),
        let d = try? DPO(beta: beta).loss(x.sequencePair()),
        let f = try? StepDPOL1(beta: beta).loss(x, stoppedAt: x)
      else { return "threw" }
      // DPO sums the token log-probs naively (4 sums, then 2 differences): ≤ 2ε·S of margin.
      let tol = 4 * Self.eps * Self.scale(x, beta) + 4 * Self.eps * max(l1, 1)
      if abs(l1 - d) > tol { return "L1 \(l1) vs L_DPO \(d), tol \(tol)" }
      if f != l1 { return "L1(θ; θ) \(f) ≠ L1 \(l1)" }
      return nil
    }
  }

  @Test func l0IgnoresPositiveStepsAndEqualsDPOWithoutThem() {
    PropertyRunner.check(
      "stepdpo.l0-masking", count: 1000, generator: PIPAGen.stepPair(count: 1...16)
    ) { x in
      var y = x
      for t in x.labelsRejected.indices where x.labelsRejected[t] == 1 {
        y.logProbsRejected[t] = -Double(t + 1) * 3.25
        y.refLogProbsRejected[t] = -0.5
      }
      guard let a = try? StepDPOL0().loss(x), let b = try? StepDPOL0().loss(y),
        let ga = try? StepDPOL0().gradient(x), let gb = try? StepDPOL0().gradient(y)
      else { return "threw" }
      // The positive steps of y⁻ never enter: bit-identical value and gradient.
      if a != b || ga != gb { return "L0 changed with the positive steps of y⁻: \(a) vs \(b)" }
      if x.labelsRejected.allSatisfy({ $0 == 0 }) {
        guard let l1 = try? StepDPOL1().loss(x), let g1 = try? StepDPOL1().fullGradient(x)
        else { return "threw" }
        if l1 != a || g1 != ga { return "no positive steps, but L0 \(a) ≠ L1 \(l1)" }
      }
      return nil
    }
  }

  @Test(arguments: [1.0, 0.1])
  func stopGradientIsDPOWeightTimesL0Direction(beta: Double) {
    PropertyRunner.check(
      "stepdpo.l1-gradient.beta=\(beta)", count: 1000,
      generator: PIPAGen.stepPair(count: 1...8, lowest: -30)
    ) { x in
      guard let semi = try? StepDPOL1(beta: beta).gradient(x),
        let full = try? StepDPOL1(beta: beta).fullGradient(x),
        let g0 = try? StepDPOL0(beta: beta).gradient(x)
      else { return "threw" }
      let a = x.logProbsChosen.count
      let b = x.logProbsRejected.count
      let w1 = -semi[0]  // βσ(−u_DPO)
      let w0 = -g0[0]  // βσ(−u₀)
      for t in 0..<b {
        let stopped = x.labelsRejected[t] == 1
        let i = a + t
        let j = 2 * a + b + t
        if stopped {
          if semi[i] != 0 || semi[j] != 0 { return "stopped coordinate has gradient" }
          // The full gradient there is DPO's ±w: it differs wherever w ≠ 0.
          if full[i] != w1 || full[j] != -w1 { return "full gradient \(full[i]) ≠ w \(w1)" }
        } else if semi[i] != full[i] || semi[j] != full[j] {
          return "unstopped coordinate differs between semi and full gradient"
        }
      }
      // ∇L₁ = [σ(−u_DPO)/σ(−u₀)]·∇L₀ (catalog pipa.stepdpo.l1-gradient): both are one
      // weight times the same ±1 pattern, so semi·w0 = g0·w1 to 2 roundings.
      for k in semi.indices where abs(semi[k] * w0 - g0[k] * w1) > 4 * Self.eps * abs(w0 * w1) {
        return "not collinear at \(k): \(semi[k]) vs \(g0[k]), weights \(w1), \(w0)"
      }
      return nil
    }
  }

  @Test func stopGradientDiffersFromFullOnGenericInput() throws {
    // y⁻ has a positive first step: the full gradient moves its tokens, the semi-gradient not.
    let x = StepPairInput(
      logProbsChosen: [-0.375, -1.25], logProbsRejected: [-2.5, -0.125, -3.0],
      refLogProbsChosen: [-0.5, -1.0], refLogProbsRejected: [-1.5, -0.25, -0.75],
      labelsRejected: [1, 1, 0])
    let semi = try StepDPOL1().gradient(x)
    let full = try StepDPOL1().fullGradient(x)
    #expect(semi[2] == 0 && full[2] > 0.04)  // logProbsRejected[0]
    #expect(semi != full)
  }

  @Test func badInputsThrowNamingTheField() {
    func field(_ body: () throws -> Void) -> String? {
      do { try body() } catch let e as ObjectiveError { return e.field } catch { return "other" }
      return nil
    }
    let x = StepPairInput(
      logProbsChosen: [-1], logProbsRejected: [-1, -2], refLogProbsChosen: [-1],
      refLogProbsRejected: [-1, -2], labelsRejected: [0, 1])
    var y = x
    y.labelsRejected = [0]
    #expect(field { _ = try StepDPOL0().loss(y) } == "labelsRejected")
    y = x
    y.refLogProbsChosen = [0.5]
    #expect(field { _ = try StepDPOL1().gradient(y) } == "refLogProbsChosen[0]")
    y = x
    y.logProbsChosen = []
    #expect(field { _ = try StepDPOL1().loss(y) } == "logProbsChosen")
    #expect(field { _ = try StepDPOL1(beta: -1).loss(x) } == "beta")
    y = x
    y.labelsRejected = [0, 1, 1]
    y.logProbsRejected = [-1, -1, -1]
    y.refLogProbsRejected = [-1, -1, -1]
    #expect(field { _ = try StepDPOL1().loss(x, stoppedAt: y) } == "frozen")
  }
}
