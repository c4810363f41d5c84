// The rule-based scores of claims/mpo.md mpo.emp.reward-function-stability ("four rule-based
// scores, each applied to the same shared samples"), by which MPO's sets are selected:
// - S1, the verifier's `reward` (EP-3, the default of every dataset);
// - S2, `correct` (1 or 0);
// - S3, the fraction of correct digits of the final answer, right-aligned (0 if it does not
//   parse) — ``Verifier/columnFraction(_:_:)`` of the parsed answer;
// - S4, −(v − v*)²/(|v*| + 1)², v the parsed final answer, v* = a + b, and v = v* + 10⁶
//   when it does not parse.
// "Does not parse" is read as the verifier's `answer == nil` (it parses the final answer
// only of a well-formed response).

/// One of the four scores S_j of mpo.emp.reward-function-stability.
public enum ScoreFunction: Int, Hashable, Sendable, Codable, CaseIterable {
  case reward = 1
  case correct = 2
  case digitFraction = 3
  case squaredError = 4

  /// S_j of `response` to `problem`.
  public func score(_ response: SampledResponse, problem: AdditionProblem) -> Double {
    let v = response.verdict
    switch self {
    case .reward:
      return v.reward
    case .correct:
      return v.correct ? 1 : 0
    case .digitFraction:
      guard let given = v.answer else { return 0 }
      return Verifier.columnFraction(given, problem.sum)
    case .squaredError:
      let truth = Double(problem.sum)
      let given = v.answer.map(Double.init) ?? truth + 1e6
      let scale = abs(truth) + 1
      let d = (given - truth) / scale
      return -(d * d)
    }
  }
}
