// The reference solution of an addition problem in the step format of
// shared/design/TRAINING.md ("Task"): least significant digit first, one step per column,
// then the answer, then EOS. For `347+285=`:
//   7+5=12;4+8+1=13;3+2+1=6;=632⟨EOS⟩
//
// The rule, exactly (TRAINING.md gives only the example; the rest is fixed here):
// - Columns: n = max(digits of a, digits of b) steps. Column k (k = 0 least significant)
//   adds x_k = digit k of a and y_k = digit k of b; a missing digit of the shorter operand
//   is written as 0 (`47+285=` → `7+5=12;4+8+1=13;0+2+1=3;=332`), so every step has the
//   same shape.
// - Carry: c_0 = 0, c_{k+1} = ⌊s_k/10⌋ with s_k = x_k + y_k + c_k. A step with c_k = 1
//   writes `+1` after y_k (as `4+8+1=13` in the example); with c_k = 0 it writes nothing.
// - Step text: `x+y=s;` or `x+y+1=s;`, s in decimal without leading zeros (one or two
//   digits). Every step, the last included, ends with `;`.
// - Answer: `=` then a + b in ordinary decimal (most significant digit first, no leading
//   zeros). A final carry c_n = 1 gets no step of its own: it is the leading `1` of the
//   answer (`5+7=` → `5+7=12;=12`, `99+1=` → `9+1=10;9+0+1=10;=100`).
// - Then EOS.
// Length: Σ_k (4 + len(s_k) + 2c_k) + 1 + len(a + b) + 1 tokens, at most 10D + 1 for
// D-digit operands (41 for D = 4); with its prompt (2D + 3) at most 12D + 4 (52 for D = 4).

/// The step-formatted solution of one problem.
public struct Solution: Hashable, Sendable, Codable {
  /// The problem solved.
  public let problem: AdditionProblem
  /// The steps, least significant column first.
  public let steps: [SolutionStep]

  /// The solution of `problem` by the rule in the file header.
  public init(_ problem: AdditionProblem) {
    self.problem = problem
    let xs = AdditionProblem.digitsLeastSignificantFirst(problem.a)
    let ys = AdditionProblem.digitsLeastSignificantFirst(problem.b)
    var carry = 0
    var steps: [SolutionStep] = []
    for k in 0..<max(xs.count, ys.count) {
      let step = SolutionStep(
        digitA: k < xs.count ? xs[k] : 0, digitB: k < ys.count ? ys[k] : 0, carryIn: carry)
      steps.append(step)
      carry = step.carryOut
    }
    self.steps = steps
  }

  /// The answer a + b.
  public var answer: Int { problem.sum }

  /// The response text without EOS, e.g. `7+5=12;4+8+1=13;3+2+1=6;=632`.
  public var text: String { steps.map(\.text).joined() + "=\(answer)" }

  /// The response tokens, EOS included (what a sampled response is compared with).
  public var responseTokens: [Int] {
    steps.flatMap(\.tokens) + [Vocabulary.equals] + AdditionProblem.digitTokens(answer)
      + [Vocabulary.eos]
  }

  /// Prompt then response: BOS, `a+b=`, the steps, the answer, EOS (an SFT sequence).
  public var sequenceTokens: [Int] { problem.promptTokens + responseTokens }

  /// The longest response, EOS included, for operands of at most `maxDigits` digits:
  /// 7 + 9(D − 1) step tokens + `=` + (D + 1) answer digits + EOS = 10D + 1.
  public static func maxResponseLength(maxDigits: Int) -> Int { 10 * maxDigits + 1 }

  /// The longest prompt + response sequence: (2D + 3) + (10D + 1) = 12D + 4. A model
  /// trained with teacher forcing needs a context of at least this minus 1 positions.
  public static func maxSequenceLength(maxDigits: Int) -> Int {
    AdditionProblem.maxPromptLength(maxDigits: maxDigits) + maxResponseLength(maxDigits: maxDigits)
  }
}
