// The step format of Sources/Training/Task/Solution.swift (shared/design/TRAINING.md's
// `347+285=` example, unequal lengths, final carries), its round trip through the verifier,
// and the vocabulary's encode/decode and errors.
import Numerics
import PropertyBased
import TestSupport
import Testing
import Training

@Suite struct TaskSolutionTests {
  @Test(arguments: [
    (347, 285, "7+5=12;4+8+1=13;3+2+1=6;=632"),  // TRAINING.md's example
    (47, 285, "7+5=12;4+8+1=13;0+2+1=3;=332"),  // shorter a: its missing digit is 0
    (285, 47, "5+7=12;8+4+1=13;2+0+1=3;=332"),
    (5, 7, "5+7=12;=12"),  // final carry: the answer's leading 1, no extra step
    (99, 1, "9+1=10;9+0+1=10;=100"),
    (0, 0, "0+0=0;=0"),
    (9999, 9999, "9+9=18;9+9+1=19;9+9+1=19;9+9+1=19;=19998"),
    (1000, 5, "0+5=5;0+0=0;0+0=0;1+0=1;=1005"),
  ])
  func stepFormat(a: Int, b: Int, text: String) throws {
    let s = Solution(try AdditionProblem(a: a, b: b))
    #expect(s.text == text)
    #expect(s.responseTokens == (try Vocabulary.encode(text)) + [Vocabulary.eos])
    #expect(s.answer == a + b)
  }

  @Test func lengthBoundsAreAttained() throws {
    for d in 1...6 {
      let top = (0..<d).reduce(0) { r, _ in r * 10 + 9 }
      let s = Solution(try AdditionProblem(a: top, b: top))
      #expect(s.responseTokens.count == Solution.maxResponseLength(maxDigits: d))
      #expect(s.sequenceTokens.count == Solution.maxSequenceLength(maxDigits: d))
    }
    // D = 4: 52 tokens, more than TRAINING.md's context of 48 (reported to the lead).
    #expect(Solution.maxSequenceLength(maxDigits: 4) == 52)
  }

  /// Operands with digit counts 1…7, biased towards 0, all-9s (carry chains) and lengths
  /// that differ.
  static let operands = Generator<(Int, Int), Shrink.None<(Int, Int)>> { rng in
    func draw() -> Int {
      let k = Int(rng.next() % 7) + 1
      var p = 1
      for _ in 0..<k { p *= 10 }
      switch rng.next() % 5 {
      case 0: return 0
      case 1: return p - 1
      default: return Int(rng.next() % UInt64(p))
      }
    }
    return (draw(), draw())
  }

  @Test func solutionVerifiesCorrect() {
    PropertyRunner.check("task.solution.round-trip", count: 500, generator: Self.operands) {
      (a, b) in
      guard let p = try? AdditionProblem(a: a, b: b) else { return "problem rejected" }
      let s = Solution(p)
      let v = Verifier.verify(p, response: s.responseTokens)
      if !v.correct || v.reward != 1 || v.answer != a + b { return "\(s.text): \(v)" }
      if v.stepLabels != Array(repeating: 1, count: s.responseTokens.count) { return "labels" }
      if v.stepStarts.count != s.steps.count + 1 { return "stepStarts \(v.stepStarts)" }
      if s.steps.count != max(p.digitsA, p.digitsB) { return "step count \(s.steps.count)" }
      // The text decodes back, and the steps' answer digits with the final carry are a + b.
      guard (try? Vocabulary.decode(Array(s.responseTokens.dropLast()))) == s.text else {
        return "decode mismatch"
      }
      var value = s.steps.last?.carryOut ?? 0
      for step in s.steps.reversed() { value = value * 10 + step.answerDigit }
      if value != a + b { return "digits give \(value)" }
      // Changing the last answer digit makes it wrong at the answer segment.
      var t = s.responseTokens
      let last = t.count - 2
      t[last] = Vocabulary.token(digit: ((Vocabulary.digit(of: t[last]) ?? 0) + 1) % 10)
      let w = Verifier.verify(p, response: t)
      if w.correct || w.firstWrongStep != s.steps.count || !(w.reward < 0.5) {
        return "mutated answer accepted: \(w)"
      }
      return nil
    }
  }

  @Test func vocabularyRoundTripAndErrors() throws {
    let text = "0123456789+=;"
    let tokens = try Vocabulary.encode(text)
    #expect(tokens == Array(3...15))
    #expect(try Vocabulary.decode(tokens) == text)
    #expect(Vocabulary.size == 16)
    #expect(
      throws: TaskError(field: "text[2]", value: "'x'", rule: "must be a digit, '+', '=' or ';'")
    ) {
      try Vocabulary.encode("12x4")
    }
    #expect(
      throws: TaskError(
        field: "tokens[1]", value: "2", rule: "must be a printable token id (3...15)")
    ) {
      try Vocabulary.decode([3, Vocabulary.eos])
    }
    #expect(
      Vocabulary.render([Vocabulary.bos, 3, Vocabulary.eos, Vocabulary.pad, 99])
        == "⟨BOS⟩0⟨EOS⟩⟨PAD⟩⟨?99⟩")
    let p = try AdditionProblem(a: 347, b: 285)
    #expect(p.promptTokens == [Vocabulary.bos] + (try Vocabulary.encode("347+285=")))
  }

  @Test func problemErrorsNameFieldValueAndRule() {
    #expect(throws: TaskError(field: "a", value: "-1", rule: "must lie in 0..<10^18")) {
      try AdditionProblem(a: -1, b: 0)
    }
    var rng = RandomStream(seed: 1)
    #expect(throws: TaskError(field: "maxDigits", value: "19", rule: "must lie in 1...18")) {
      try AdditionProblem.random(maxDigits: 19, using: &rng)
    }
    #expect(throws: TaskError(field: "maxDigits", value: "0", rule: "must lie in 1...18")) {
      try AdditionProblem.random(maxDigits: 0, using: &rng)
    }
  }

  @Test func digitCountsAreUniform() throws {
    // 16,000 draws with D = 4: each of the 4 digit counts of a has probability 1/4, count
    // ~ Binomial(16000, 1/4), sd = √(16000·3/16) ≈ 54.8; 5 sd = 274 (fails by chance with
    // probability < 10⁻⁶ per count).
    var rng = RandomStream(seed: TestSeed.seed(for: "task.digit-counts"))
    var counts = [0, 0, 0, 0]
    for _ in 0..<16_000 {
      let p = try AdditionProblem.random(maxDigits: 4, using: &rng)
      counts[p.digitsA - 1] += 1
    }
    for c in counts { #expect(abs(c - 4000) <= 274, "\(counts)") }
  }
}
