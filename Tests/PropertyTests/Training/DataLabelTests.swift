// The label-based builders (Sources/Training/Data: UnpairedBinary, ScalarFeedback,
// StepLevelData): every sample kept with the verifier's label, PRO's imbalanced subsample,
// centred scalar scores, step labels that match the verifier and the PIPA pairs.
import Numerics
import TestSupport
import Testing
import Training

@Suite struct DataLabelTests {
  @Test func unpairedBinaryKeepsEverySample() {
    PropertyRunner.check("data.binary", count: 120, generator: DataFixtures.cases) { c in
      guard let s = try? c.scored() else { return "threw" }
      let d = UnpairedBinary.build(s)
      if !d.skipped.isEmpty { return "skipped prompts" }
      if d.items.count != s.prompts.reduce(0, { $0 + $1.count }) { return "count" }
      for item in d.items {
        guard let p = s.prompts.first(where: { $0.promptIndex == item.promptIndex }) else {
          return "prompt"
        }
        if item.desirable != p.responses[item.response].verdict.correct { return "label" }
        if item.weight != 1 || item.proLabel != (item.desirable ? 0.5 : -0.5) { return "weights" }
      }
      return nil
    }
  }

  @Test func imbalancedBinaryKeepsAllUndesiredAndReweights() throws {
    let s = try DataFixtures.fixed(seed: 5)
    let full = UnpairedBinary.build(s)
    let d = try UnpairedBinary.keepingDesired(s, fraction: 0.25)
    let undesired = full.items.filter { !$0.desirable }
    #expect(d.items.filter { !$0.desirable }.map(\.response) == undesired.map(\.response))
    let kept = d.items.filter(\.desirable)
    #expect(kept.count < full.items.filter(\.desirable).count)
    #expect(!kept.isEmpty)
    // The minority class carries the majority:minority ratio, the majority weight 1.
    let (nd, nu) = (Double(kept.count), Double(undesired.count))
    if nd < nu {
      #expect(kept.allSatisfy { $0.weight == nu / nd })
      #expect(d.items.filter { !$0.desirable }.allSatisfy { $0.weight == 1 })
    }
    #expect(try UnpairedBinary.keepingDesired(s, fraction: 0.25) == d)
    #expect(throws: TaskError(field: "fraction", value: "0.0", rule: "must lie in (0, 1]")) {
      try UnpairedBinary.keepingDesired(s, fraction: 0)
    }
  }

  @Test func scalarFeedback() {
    PropertyRunner.check("data.scalar", count: 120, generator: DataFixtures.cases) { c in
      guard let s = try? c.scored(), let d = try? ScalarFeedback.build(s),
        let four = try? ScalarFeedback.build(s, responsesPerPrompt: 4)
      else { return "threw" }
      for p in s.prompts {
        let items = d.items(forPrompt: p.promptIndex)
        if p.count < 2 {
          if !items.isEmpty { return "a 1-response prompt kept" }
          continue
        }
        guard let item = items.first else { return "prompt \(p.promptIndex) missing" }
        if item.scores != p.scores || item.responses != Array(0..<p.count) { return "scores" }
        if item.allScoresEqual != p.allScoresEqual { return "allScoresEqual flag" }
        // Σ centred = Σ s − n·mean: rounding ≤ 2n ε max|s| (n ≤ 8 terms, |s| ≤ 2).
        let sum = item.centredScores.reduce(0, +)
        let bound = 2 * Double(p.count) * Double.ulpOfOne * (p.scores.map(abs).max() ?? 0)
        if abs(sum) > bound { return "centred scores sum to \(sum)" }
        if let f = four.items(forPrompt: p.promptIndex).first,
          f.scores != Array(p.scores.prefix(4))
        {
          return "first-4 subset differs"
        }
      }
      return nil
    }
  }

  @Test func stepLevelData() {
    PropertyRunner.check("data.step", count: 120, generator: DataFixtures.cases) { c in
      guard let s = try? c.scored() else { return "threw" }
      let unpaired = StepLevelData.unpaired(s)
      if unpaired.items.count != s.prompts.reduce(0, { $0 + $1.count }) { return "count" }
      for item in unpaired.items {
        guard let p = s.prompts.first(where: { $0.promptIndex == item.promptIndex }) else {
          return "prompt"
        }
        let v = p.responses[item.response].verdict
        if item.labels != v.stepLabels || item.stepStarts != v.stepStarts { return "labels" }
        if item.labels.count != p.responses[item.response].tokens.count { return "label count" }
      }
      let pairs = CorrectIncorrectPairs.build(s)
      let stepPairs = StepLevelData.paired(s)
      if stepPairs.items.map({ [$0.promptIndex, $0.chosen, $0.rejected] })
        != pairs.items.map({ [$0.promptIndex, $0.chosen, $0.rejected] })
      {
        return "step pairs differ from the PIPA pairs"
      }
      if stepPairs.skipped != pairs.skipped { return "skips differ" }
      for item in stepPairs.items {
        guard let p = s.prompts.first(where: { $0.promptIndex == item.promptIndex }) else {
          return "prompt"
        }
        let rejected = p.responses[item.rejected]
        if item.rejectedLabels != rejected.verdict.stepLabels { return "c⁻" }
        if !rejected.tokens.isEmpty && !item.rejectedLabels.contains(0) {
          return "an incorrect response with all labels 1"
        }
        if item.rejectedFirstWrongStep == nil { return "incorrect response without a wrong step" }
        if p.responses[item.chosen].verdict.stepLabels.contains(0) { return "c⁺ not all 1" }
      }
      return nil
    }
  }

  @Test func pairSamplesAsUnpairedData() {
    PropertyRunner.check("data.pairs-as-unpaired", count: 100, generator: DataFixtures.cases) {
      c in
      guard let s = try? c.scored() else { return "threw" }
      let pairs = CorrectIncorrectPairs.build(s)
      let binary = UnpairedBinary.fromPairs(s, pairs: pairs)
      let steps = StepLevelData.unpairedFromPairs(s)
      if binary.skipped != pairs.skipped || steps.skipped != pairs.skipped { return "skips" }
      let expected = pairs.items.flatMap {
        [[$0.promptIndex, $0.chosen], [$0.promptIndex, $0.rejected]]
      }
      if binary.items.map({ [$0.promptIndex, $0.response] }) != expected { return "binary items" }
      if steps.items.map({ [$0.promptIndex, $0.response] }) != expected { return "step items" }
      // Each pair contributes one desirable and one undesirable sample.
      let desirable = binary.items.filter(\.desirable).count
      if 2 * desirable != binary.items.count { return "labels not balanced" }
      return nil
    }
  }
}
