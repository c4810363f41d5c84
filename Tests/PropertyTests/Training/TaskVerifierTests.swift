// The verifier of the addition task (Sources/Training/Task/Verifier.swift) against a table of
// hand-checked responses, and its totality on arbitrary token arrays
// (shared/design/TRAINING.md, "Task"; issue 10, "Tests": right, wrong at step k, unparseable).
import Numerics
import PropertyBased
import TestSupport
import Testing
import Training

/// One hand-checked response. Labels are `ones` 1s followed by 0s; the reward of a
/// well-formed wrong answer is 0.5 × matches/columns, counted by hand (digits aligned least
/// significant first).
struct VerifierRow: Sendable, CustomTestStringConvertible {
  let name: String
  let a: Int
  let b: Int
  /// The response text; `withEOS` appends EOS.
  let text: String
  let withEOS: Bool
  let wellFormed: Bool
  let correct: Bool
  /// (matching column digits, columns) of a well-formed wrong answer; nil otherwise.
  let columns: (matches: Int, of: Int)?
  let ones: Int
  let firstWrong: Int?
  let stepStarts: [Int]
  var testDescription: String { name }
}

@Suite struct TaskVerifierTests {
  // 347+285=632: steps "7+5=12;" (7 tokens), "4+8+1=13;" (9), "3+2+1=6;" (8), "=632⟨EOS⟩" (5).
  static let rows: [VerifierRow] = [
    VerifierRow(
      name: "right", a: 347, b: 285, text: "7+5=12;4+8+1=13;3+2+1=6;=632", withEOS: true,
      wellFormed: true, correct: true, columns: nil, ones: 29, firstWrong: nil,
      stepStarts: [0, 7, 16, 24]),
    VerifierRow(
      name: "wrong at step 0 (sum 11), answer 631: 2 of 3 columns", a: 347, b: 285,
      text: "7+5=11;4+8+1=13;3+2+1=6;=631", withEOS: true, wellFormed: true, correct: false,
      columns: (2, 3), ones: 0, firstWrong: 0, stepStarts: [0, 7, 16, 24]),
    VerifierRow(
      name: "wrong at step 1 (carry dropped), answer 622", a: 347, b: 285,
      text: "7+5=12;4+8=12;3+2+1=6;=622", withEOS: true, wellFormed: true, correct: false,
      columns: (2, 3), ones: 7, firstWrong: 1, stepStarts: [0, 7, 14, 22]),
    VerifierRow(
      name: "wrong at step 2, answer 732", a: 347, b: 285,
      text: "7+5=12;4+8+1=13;3+2+1=7;=732", withEOS: true, wellFormed: true, correct: false,
      columns: (2, 3), ones: 16, firstWrong: 2, stepStarts: [0, 7, 16, 24]),
    VerifierRow(
      name: "steps right, answer 623 (digits swapped): 1 of 3", a: 347, b: 285,
      text: "7+5=12;4+8+1=13;3+2+1=6;=623", withEOS: true, wellFormed: true, correct: false,
      columns: (1, 3), ones: 24, firstWrong: 3, stepStarts: [0, 7, 16, 24]),
    VerifierRow(
      name: "answer 63 (too short): 0 of 3", a: 347, b: 285,
      text: "7+5=12;4+8+1=13;3+2+1=6;=63", withEOS: true, wellFormed: true, correct: false,
      columns: (0, 3), ones: 24, firstWrong: 3, stepStarts: [0, 7, 16, 24]),
    VerifierRow(
      name: "extra step, answer 6320: 0 of 4", a: 347, b: 285,
      text: "7+5=12;4+8+1=13;3+2+1=6;0+0=0;=6320", withEOS: true, wellFormed: true,
      correct: false, columns: (0, 4), ones: 24, firstWrong: 3, stepStarts: [0, 7, 16, 24, 30]),
    VerifierRow(
      name: "extra step but right answer: correct (the answer decides)", a: 347, b: 285,
      text: "7+5=12;4+8+1=13;3+2+1=6;0+0=0;=632", withEOS: true, wellFormed: true,
      correct: true, columns: nil, ones: 35, firstWrong: nil, stepStarts: [0, 7, 16, 24, 30]),
    VerifierRow(
      name: "no steps, right answer: correct", a: 347, b: 285, text: "=632", withEOS: true,
      wellFormed: true, correct: true, columns: nil, ones: 5, firstWrong: nil, stepStarts: [0]),
    VerifierRow(
      name: "missing EOS", a: 347, b: 285, text: "7+5=12;4+8+1=13;3+2+1=6;=632",
      withEOS: false, wellFormed: false, correct: false, columns: nil, ones: 24, firstWrong: 3,
      stepStarts: [0, 7, 16, 24]),
    VerifierRow(
      name: "empty response", a: 347, b: 285, text: "", withEOS: false, wellFormed: false,
      correct: false, columns: nil, ones: 0, firstWrong: 0, stepStarts: []),
    VerifierRow(
      name: "EOS only", a: 347, b: 285, text: "", withEOS: true, wellFormed: false,
      correct: false, columns: nil, ones: 0, firstWrong: 0, stepStarts: [0]),
    VerifierRow(
      name: "unparseable second step ';'", a: 347, b: 285, text: "7+5=12;;=632", withEOS: true,
      wellFormed: false, correct: false, columns: nil, ones: 7, firstWrong: 1,
      stepStarts: [0, 7, 8]),
    VerifierRow(
      name: "carry written +0: malformed", a: 347, b: 285,
      text: "7+5+0=12;4+8+1=13;3+2+1=6;=632", withEOS: true, wellFormed: false,
      correct: false, columns: nil, ones: 0, firstWrong: 0, stepStarts: [0, 9, 18, 26]),
    VerifierRow(
      name: "leading zero in the answer: malformed", a: 347, b: 285,
      text: "7+5=12;4+8+1=13;3+2+1=6;=0632", withEOS: true, wellFormed: false,
      correct: false, columns: nil, ones: 24, firstWrong: 3, stepStarts: [0, 7, 16, 24]),
    VerifierRow(
      name: "stops after the last step: that step is the first wrong one", a: 347, b: 285,
      text: "7+5=12;4+8+1=13;3+2+1=6;", withEOS: false, wellFormed: false, correct: false,
      columns: nil, ones: 16, firstWrong: 2, stepStarts: [0, 7, 16]),
    VerifierRow(
      name: "final carry: 5+7", a: 5, b: 7, text: "5+7=12;=12", withEOS: true,
      wellFormed: true, correct: true, columns: nil, ones: 11, firstWrong: nil,
      stepStarts: [0, 7]),
    VerifierRow(
      name: "unequal lengths and final carry: 99+1", a: 99, b: 1, text: "9+1=10;9+0+1=10;=100",
      withEOS: true, wellFormed: true, correct: true, columns: nil, ones: 21, firstWrong: nil,
      stepStarts: [0, 7, 16]),
    VerifierRow(
      name: "shorter operand's 0 omitted but right answer: correct", a: 99, b: 1,
      text: "9+1=10;9+1=10;=100", withEOS: true, wellFormed: true, correct: true, columns: nil,
      ones: 19, firstWrong: nil, stepStarts: [0, 7, 14]),
    VerifierRow(
      name: "shorter operand's 0 missing and answer wrong: step 1 is wrong", a: 99, b: 1,
      text: "9+1=10;9+1=10;=110", withEOS: true, wellFormed: true, correct: false,
      columns: (2, 3), ones: 7, firstWrong: 1, stepStarts: [0, 7, 14]),
  ]

  @Test(arguments: rows)
  func handCheckedResponse(_ row: VerifierRow) throws {
    let problem = try AdditionProblem(a: row.a, b: row.b)
    var tokens = try Vocabulary.encode(row.text)
    if row.withEOS { tokens.append(Vocabulary.eos) }
    let v = Verifier.verify(problem, response: tokens)
    #expect(v.wellFormed == row.wellFormed, "\(v.reason ?? "")")
    #expect(v.correct == row.correct, "\(v.reason ?? "")")
    let expectedReward: Double
    if row.correct {
      expectedReward = 1
    } else if let c = row.columns {
      expectedReward = 0.5 * (Double(c.matches) / Double(c.of))
    } else {
      expectedReward = 0
    }
    // Exact: both sides are the same two roundings of the same rationals.
    #expect(v.reward == expectedReward)
    let labels =
      Array(repeating: 1, count: row.ones)
      + Array(repeating: 0, count: tokens.count - row.ones)
    #expect(v.stepLabels == labels, "\(v.reason ?? "")")
    #expect(v.firstWrongStep == row.firstWrong)
    #expect(v.stepStarts == row.stepStarts)
    #expect(v.label == (row.correct ? 1 : 0))
  }

  @Test func garbageTokensAreMalformedNotACrash() throws {
    let problem = try AdditionProblem(a: 12, b: 30)
    for tokens in [
      [Vocabulary.bos, Vocabulary.pad, 99, -1], [Int.min, Int.max], [Vocabulary.eos],
      [Vocabulary.semicolon],
      Array(repeating: Vocabulary.digitZero + 9, count: 40)
        + [Vocabulary.eos],
    ] {
      let v = Verifier.verify(problem, response: [Vocabulary.equals] + tokens)
      #expect(!v.correct && !v.wellFormed && v.reward == 0, "\(Vocabulary.render(tokens))")
      #expect(v.stepLabels.count == tokens.count + 1)
      #expect(v.stepLabels.contains(0))
    }
  }

  @Test func columnFractionAlignsLeastSignificantDigits() {
    #expect(Verifier.columnFraction(632, 632) == 1)
    #expect(Verifier.columnFraction(532, 632) == 2.0 / 3.0)
    #expect(Verifier.columnFraction(6320, 632) == 0)
    #expect(Verifier.columnFraction(32, 632) == 2.0 / 3.0)
    #expect(Verifier.columnFraction(1632, 632) == 3.0 / 4.0)
  }

  /// Responses near the format: the solution, then random edits (replace, delete, insert,
  /// truncate), or pure noise over every id −1…17.
  static func responseGenerator() -> Generator<
    (a: Int, b: Int, tokens: [Int]), Shrink.None<(a: Int, b: Int, tokens: [Int])>
  > {
    Generator { rng in
      let a = Int(rng.next() % 100_000)
      let b = Int(rng.next() % 1_000)
      guard let p = try? AdditionProblem(a: a, b: b) else { return (a, b, []) }
      var t = Solution(p).responseTokens
      if rng.next() % 8 == 0 {
        t = (0..<Int(rng.next() % 30)).map { _ in Int(rng.next() % 19) - 1 }
      }
      let edits = Int(rng.next() % 4)
      for _ in 0..<edits where !t.isEmpty {
        let i = Int(rng.next() % UInt64(t.count))
        switch rng.next() % 4 {
        case 0: t[i] = Int(rng.next() % 19) - 1
        case 1: t.remove(at: i)
        case 2: t.insert(Vocabulary.digitZero + Int(rng.next() % 10), at: i)
        default: t = Array(t[..<i])
        }
      }
      return (a, b, t)
    }
  }

  @Test func verifierInvariantsOnArbitraryTokens() {
    PropertyRunner.check(
      "task.verifier.invariants", count: 400, generator: Self.responseGenerator()
    ) { input in
      guard let p = try? AdditionProblem(a: input.a, b: input.b) else { return "bad problem" }
      let v = Verifier.verify(p, response: input.tokens)
      let t = input.tokens
      if v.stepLabels.count != t.count { return "label count \(v.stepLabels.count) ≠ \(t.count)" }
      if !(0...1).contains(v.reward) { return "reward \(v.reward) outside [0, 1]" }
      if (v.reward == 1) != v.correct { return "reward 1 ⇔ correct fails: \(v.reward)" }
      if v.correct && !v.wellFormed { return "correct but not well formed" }
      if !v.wellFormed && v.reward != 0 { return "malformed with reward \(v.reward)" }
      if v.wellFormed && !v.correct && !(v.reward < 0.5) { return "wrong with reward ≥ 0.5" }
      // Labels: a run of 1s then 0s; all 1 ⇔ correct for non-empty responses.
      if let firstZero = v.stepLabels.firstIndex(of: 0),
        v.stepLabels[firstZero...].contains(1)
      {
        return "labels not 1…1 0…0: \(v.stepLabels)"
      }
      if !t.isEmpty && (!v.stepLabels.contains(0)) != v.correct {
        return "all-ones labels ⇔ correct fails (correct \(v.correct)): \(v.stepLabels)"
      }
      // Step starts: 0, strictly increasing, inside the response, labels constant per step.
      if !t.isEmpty && v.stepStarts.first != 0 { return "stepStarts \(v.stepStarts)" }
      let bounds = v.stepStarts + [t.count]
      for k in 0..<v.stepStarts.count {
        if !(bounds[k] < bounds[k + 1]) { return "stepStarts not increasing: \(v.stepStarts)" }
        let seg = v.stepLabels[bounds[k]..<bounds[k + 1]]
        if Set(seg).count > 1 { return "labels vary inside step \(k): \(Array(seg))" }
      }
      if v.correct != (v.firstWrongStep == nil) {
        return "firstWrongStep \(String(describing: v.firstWrongStep))"
      }
      return nil
    }
  }
}
