// DPO (MaPPO eq. 3) invariants over seeded, edge-biased inputs.
import Objectives
import PropertyBased
import Testing
import TestSupport

@Suite struct DPOPropertyTests {
  @Test func invariantToACommonShiftOfLogRatios() {
    let gen = EdgeGen.array(EdgeGen.logProbability(lowest: -1e3), count: 5...5)
    PropertyRunner.check("dpo.shift-invariance", generator: gen, shrink: Shrinkers.doubles) { v in
      let dpo = DPO(beta: 0.5)
      let x = PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
      let s = v[4]  // shift both policy log-probs by s ≤ 0 (stays a log-probability)
      let y = x.replacing(variables: [v[0] + s, v[1] + s, v[2], v[3]])
      guard let a = try? dpo.loss(x), let b = try? dpo.loss(y) else { return "threw" }
      // Both margins are β·((a+s)−(b+s)) vs β·(a−b): equal up to the rounding of the two
      // additions, ≤ 2ε·(|v|+|s|) each, times β; softplus has slope ≤ 1.
      let bound = 4 * Double.ulpOfOne * 0.5 * (abs(v[0]) + abs(v[1]) + 2 * abs(s)) + 4 * Double.ulpOfOne * max(a, 1)
      return abs(a - b) <= bound ? nil : "loss \(a) vs shifted \(b), bound \(bound)"
    }
  }
}
