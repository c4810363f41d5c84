// The prompt splits and the SFT corpus (Sources/Training/Task/PromptSplits.swift,
// SFTCorpus.swift): disjoint, sized as asked, a function of the seed, errors that name the
// field (shared/design/TRAINING.md, "Sizes").
import Numerics
import TestSupport
import Testing
import Training

@Suite struct TaskSplitTests {
  @Test func defaultSplitsAreDisjointAndSized() throws {
    let s = try PromptSplits(seed: 7)
    #expect(s.train.count == 4096 && s.validation.count == 512)
    #expect(s.heldOut.count == 512 && s.test.count == 1000)
    let all = s.train + s.validation + s.heldOut + s.test
    #expect(Set(all).count == all.count, "splits overlap or repeat a problem")
    // Every digit class (i, j), 1 ≤ i, j ≤ 4, occurs in the training split.
    #expect(PromptSplits.digitClassCounts(s.train).count == 16)
  }

  @Test func splitsAreAFunctionOfTheSeed() throws {
    let sizes = PromptSplitSizes(maxDigits: 3, train: 300, validation: 50, heldOut: 40, test: 60)
    let a = try PromptSplits(sizes: sizes, seed: 11)
    let b = try PromptSplits(sizes: sizes, seed: 11)
    let c = try PromptSplits(sizes: sizes, seed: 12)
    #expect(a == b)
    #expect(a.train != c.train)
    for p in a.train + a.test { #expect(p.digitsA <= 3 && p.digitsB <= 3) }
  }

  @Test func sftCorpusAvoidsEvaluationProblems() throws {
    let sizes = PromptSplitSizes(
      maxDigits: 2, train: 1000, validation: 500, heldOut: 500, test: 1000)
    let s = try PromptSplits(sizes: sizes, seed: 3)
    let corpus = try SFTCorpus.problems(count: 5000, splits: s)
    #expect(corpus.count == 5000)
    let excluded = s.evaluationProblems
    #expect(excluded.count == 2000)
    #expect(!corpus.contains { excluded.contains($0) })
    #expect(try SFTCorpus.problems(count: 5000, splits: s) == corpus)
  }

  @Test func badSizesThrowNamingTheField() {
    #expect(throws: TaskError(field: "train", value: "0", rule: "must lie in 1...16777216")) {
      try PromptSplits(sizes: PromptSplitSizes(train: 0), seed: 1)
    }
    #expect(throws: TaskError(field: "test", value: "-3", rule: "must be ≥ 1")) {
      try PromptSplits(sizes: PromptSplitSizes(test: -3), seed: 1)
    }
    #expect(
      throws: TaskError(
        field: "train + validation + heldOut + test", value: "6120",
        rule: "must be ≤ half of the 100 distinct problems with maxDigits 1")
    ) {
      try PromptSplits(sizes: PromptSplitSizes(maxDigits: 1), seed: 1)
    }
    let s = try? PromptSplits(
      sizes: PromptSplitSizes(maxDigits: 2, train: 10, validation: 1, heldOut: 1, test: 1),
      seed: 1)
    #expect(s != nil)
    if let s {
      #expect(throws: TaskError(field: "count", value: "0", rule: "must be ≥ 1")) {
        try SFTCorpus.problems(count: 0, splits: s)
      }
    }
  }

  @Test func difficultySubsets() throws {
    func d4(_ a: Int, _ b: Int) throws -> (Bool, Bool) {
      let d = ProblemDifficulty(try AdditionProblem(a: a, b: b), maxDigits: 4)
      return (d.isEasier, d.isHarder)
    }
    #expect(try d4(12, 7) == (true, false))
    #expect(try d4(1234, 7) == (false, true))
    #expect(try d4(123, 45) == (false, false))
    #expect(ProblemDifficulty(try AdditionProblem(a: 12, b: 3), maxDigits: 2).isHarder)
  }
}
