// Monte Carlo step values of claims/pipa.md pipa.empirical.threshold (PIPA §3.1: steps of
// wrong answers are scored by rollouts and labelled correct when Q ≥ τ): for step k of an
// incorrect training answer, Q = 2·P̂ − 1 where P̂ is the fraction of m = 8 rollouts of the
// SFT model (temperature 1) from the end of step k whose final answer is correct, so Q lies
// in {−1, −0.75, …, 1}. Computed once per seed by ``StepValueLabeller``; a step is a segment
// of ``VerifierResult/stepStarts`` (the `;`-terminated column steps and the answer).

/// The rollout counts of one incorrect response.
public struct ResponseStepValues: Hashable, Sendable, Codable {
  public let promptIndex: Int
  /// Index of the response in the prompt's responses.
  public let response: Int
  /// The response's step starts (``VerifierResult/stepStarts``), checked when labelling.
  public let stepStarts: [Int]
  /// Per step, how many of the m rollouts from its end gave a correct final answer.
  public let correctRollouts: [Int]

  public init(promptIndex: Int, response: Int, stepStarts: [Int], correctRollouts: [Int]) {
    self.promptIndex = promptIndex
    self.response = response
    self.stepStarts = stepStarts
    self.correctRollouts = correctRollouts
  }
}

/// The step values of every incorrect response of one seed's samples.
public struct StepValues: Hashable, Sendable, Codable {
  /// Rollouts per step, m.
  public let rollouts: Int
  /// One entry per incorrect response, in (prompt, response) order.
  public let responses: [ResponseStepValues]

  public init(rollouts: Int, responses: [ResponseStepValues]) {
    self.rollouts = rollouts
    self.responses = responses
  }

  /// Q = 2·c/m − 1 of a rollout count c.
  public func q(_ correct: Int) -> Double { 2 * Double(correct) / Double(rollouts) - 1 }

  /// (promptIndex, response) → the entry.
  var byResponse: [SequenceKeyPair: ResponseStepValues] {
    var out: [SequenceKeyPair: ResponseStepValues] = [:]
    for r in responses { out[SequenceKeyPair(prompt: r.promptIndex, response: r.response)] = r }
    return out
  }
}

/// A (prompt, response) lookup key.
struct SequenceKeyPair: Hashable {
  var prompt: Int
  var response: Int
}
