// The rule-based verifier of the addition task (shared/design/TRAINING.md, "Task").
//
// Goals, in order: 1) TRAINING.md's three signals exactly (correct; reward 1 / 0.5 × column
// fraction / 0; step labels 1 before the first wrong step, 0 from it on); 2) total on any
// token array — unknown ids, specials in the wrong place, overlong numbers and empty input
// give a malformed verdict, never a crash or an overflow; 3) simplicity (one left-to-right
// pass over segments).
//
// Segments. The response is cut after every `;`: segments 0…m−1 each end with `;` (the step
// candidates), segment m is the rest (the answer candidate `=N⟨EOS⟩`; empty when the response
// is empty or ends with `;`).
// - Step segment k is *right* iff it parses as `x+y=s;` or `x+y+1=s;` (x, y single digits,
//   s one or two digits without a leading zero), k < the number of columns, and (x, y,
//   carry, s) equal column k of ``Solution`` (missing digits are 0; the carry is `+1` iff
//   the true carry into column k is 1).
// - The answer segment is *right* iff it is `=N⟨EOS⟩` with N = a + b, EOS its last token.
// - Column-digit fraction (for the reward of a well-formed wrong answer): the answer's and
//   the true sum's digits aligned least significant first; matching positions divided by
//   the longer length (a missing digit never matches). It is < 1 for every wrong answer.
// - A correct response gets all labels 1 even if a step is wrong or missing (the final
//   answer decides correctness; claims/pipa.md: "correct answers are all 1"). For any other
//   response some segment is not right, and the labels are 1 on the segments before the
//   first such one and 0 from it on (a malformed segment counts as wrong). A response that
//   stops right after a `;` (no answer segment) has its last step counted as the first
//   wrong one, so a non-empty response has all labels 1 exactly when it is correct.

/// Scores sampled responses to addition problems.
public enum Verifier {
  /// The verdict on `response` (the sampled tokens after the prompt, EOS included when
  /// sampling stopped at EOS) as an answer to `problem`. Total: never throws or traps.
  public static func verify(_ problem: AdditionProblem, response: [Int]) -> VerifierResult {
    let truth = Solution(problem)
    let segments = split(response)
    let stepSegments = segments.dropLast()
    let answerSegment = segments.last ?? []

    let parsedSteps = stepSegments.map(parseStep)
    let parsedAnswer = parseAnswer(answerSegment)
    let wellFormed = parsedSteps.allSatisfy { $0 != nil } && parsedAnswer != nil
    let correct = wellFormed && parsedAnswer == truth.answer

    // Segment starts (non-empty segments only).
    var starts: [Int] = []
    var position = 0
    for seg in segments where !seg.isEmpty {
      starts.append(position)
      position += seg.count
    }

    if correct {
      return VerifierResult(
        wellFormed: true, correct: true, reward: 1,
        stepLabels: Array(repeating: 1, count: response.count), stepStarts: starts,
        firstWrongStep: nil, answer: parsedAnswer, reason: nil)
    }

    let wrong = firstWrongSegment(
      segments: segments, parsedSteps: parsedSteps, parsedAnswer: parsedAnswer, truth: truth)
    var labels = Array(repeating: 0, count: response.count)
    for i in 0..<wrong.tokensBefore { labels[i] = 1 }
    var reward = 0.0
    if wellFormed, let given = parsedAnswer {
      reward = 0.5 * columnFraction(given, truth.answer)
    }
    return VerifierResult(
      wellFormed: wellFormed, correct: false, reward: reward, stepLabels: labels,
      stepStarts: starts, firstWrongStep: wrong.index,
      answer: wellFormed ? parsedAnswer : nil, reason: wrong.reason)
  }

  /// The first segment that is not right (see the file header), the number of tokens before
  /// it, and why. Called only for responses that are not correct, which always have one.
  static func firstWrongSegment(
    segments: [[Int]], parsedSteps: [ParsedStep?], parsedAnswer: Int?, truth: Solution
  ) -> (index: Int, tokensBefore: Int, reason: String) {
    var before = 0
    for (k, parsed) in parsedSteps.enumerated() {
      guard let step = parsed else {
        return (k, before, "step \(k) malformed: '\(Vocabulary.render(segments[k]))'")
      }
      if k >= truth.steps.count {
        return (k, before, "step \(k) is beyond the \(truth.steps.count) columns")
      }
      if !step.matches(truth.steps[k]) {
        return (
          k, before,
          "step \(k) wrong: '\(Vocabulary.render(segments[k]))' instead of "
            + "'\(truth.steps[k].text)'"
        )
      }
      before += segments[k].count
    }
    let k = parsedSteps.count
    let answerSegment = segments.last ?? []
    if let given = parsedAnswer {
      return (k, before, "answer \(given) ≠ \(truth.answer)")
    }
    if answerSegment.isEmpty {
      // The response stops right after a `;`: the last step is where it breaks off, so that
      // step is the first wrong one (every incorrect non-empty response has a 0 label).
      guard k > 0 else { return (0, 0, "empty response") }
      return (
        k - 1, before - segments[k - 1].count,
        "response stops after step \(k - 1) without an answer"
      )
    }
    if !answerSegment.contains(Vocabulary.eos) {
      return (k, before, "missing EOS: '\(Vocabulary.render(answerSegment))'")
    }
    return (k, before, "answer malformed: '\(Vocabulary.render(answerSegment))'")
  }

  /// The fraction of answer digits that match the true sum's, aligned least significant
  /// first, over the longer of the two lengths.
  public static func columnFraction(_ given: Int, _ truth: Int) -> Double {
    let g = AdditionProblem.digitsLeastSignificantFirst(max(given, 0))
    let t = AdditionProblem.digitsLeastSignificantFirst(max(truth, 0))
    var matches = 0
    for k in 0..<min(g.count, t.count) where g[k] == t[k] { matches += 1 }
    return Double(matches) / Double(max(g.count, t.count))
  }

  /// Cuts after every `;`; the last element is the (possibly empty) rest.
  static func split(_ tokens: [Int]) -> [[Int]] {
    var out: [[Int]] = []
    var current: [Int] = []
    for t in tokens {
      current.append(t)
      if t == Vocabulary.semicolon {
        out.append(current)
        current = []
      }
    }
    out.append(current)
    return out
  }

  /// `x+y=s;` or `x+y+1=s;` → the step, nil if it does not parse. The carry term must be
  /// exactly `+1`; s has one or two digits and no leading zero.
  static func parseStep(_ seg: [Int]) -> ParsedStep? {
    guard seg.count >= 6, seg.last == Vocabulary.semicolon,
      let x = Vocabulary.digit(of: seg[0]), seg[1] == Vocabulary.plus,
      let y = Vocabulary.digit(of: seg[2])
    else { return nil }
    var i = 3
    var carry = 0
    if seg[i] == Vocabulary.plus {
      guard i + 1 < seg.count, Vocabulary.digit(of: seg[i + 1]) == 1 else { return nil }
      carry = 1
      i += 2
    }
    guard i < seg.count, seg[i] == Vocabulary.equals else { return nil }
    let digits = Array(seg[(i + 1)..<(seg.count - 1)])
    guard (1...2).contains(digits.count), let s = number(digits) else { return nil }
    return ParsedStep(digitA: x, digitB: y, carryIn: carry, statedSum: s)
  }

  /// A syntactically valid step with the sum it states (which may be wrong).
  struct ParsedStep: Hashable {
    let digitA: Int
    let digitB: Int
    let carryIn: Int
    let statedSum: Int

    /// Same digits, same carry term and the right sum as the reference step.
    func matches(_ step: SolutionStep) -> Bool {
      digitA == step.digitA && digitB == step.digitB && carryIn == step.carryIn
        && statedSum == step.sum
    }
  }

  /// `=N⟨EOS⟩` → N, nil if it does not parse (EOS must be the last token and appear once).
  static func parseAnswer(_ seg: [Int]) -> Int? {
    guard seg.count >= 3, seg.first == Vocabulary.equals, seg.last == Vocabulary.eos else {
      return nil
    }
    return number(Array(seg[1..<(seg.count - 1)]))
  }

  /// Canonical decimal digits (no leading zero unless the number is 0) → value; nil for an
  /// empty array, a non-digit, a leading zero or a value beyond Int.
  static func number(_ tokens: [Int]) -> Int? {
    guard !tokens.isEmpty, tokens.count <= 19 else { return nil }
    if tokens.count > 1, Vocabulary.digit(of: tokens[0]) == 0 { return nil }
    var value = 0
    for t in tokens {
      guard let d = Vocabulary.digit(of: t) else { return nil }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(d)
      if o1 || o2 { return nil }
      value = s
    }
    return value
  }
}
