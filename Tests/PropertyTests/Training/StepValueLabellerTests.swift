// pipa.empirical.threshold's Monte Carlo labeller (StepValueLabeller) and threshold labels
// (ThresholdStepLabels) on hand-built samples: Q lies on the grid {−1, −0.75, …, 1} and is
// the same for the same seed; the counts follow the rollouts' final answers (an oracle that
// always finishes correctly gives Q = 1, one that finishes correctly half the time Q = 0, and
// the negative control that always finishes wrongly Q = −1); a finished wrong answer's last
// step is −1 without sampling; labels follow Q ≥ τ, and missing values are an error naming
// the response.
import Foundation
import Numerics
import TestSupport
import Testing

@testable import Training

@Suite struct StepValueLabellerTests {
  static let problems = [
    try! AdditionProblem(a: 12, b: 7), try! AdditionProblem(a: 5, b: 5),
    try! AdditionProblem(a: 31, b: 48),
  ]

  static func steps(_ p: AdditionProblem) -> String {
    Solution(p).steps.map(\.text).joined()
  }

  /// Per prompt: the right answer, a wrong final answer, another problem's solution (wrong
  /// from step 0), and the right steps without an answer (stops after `;`).
  static func samples() throws -> [PromptSamples] {
    try problems.enumerated().map { i, p in
      let other = problems[(i + 1) % problems.count]
      let responses = [
        Solution(p).responseTokens,
        try Vocabulary.encode(steps(p) + "=\(p.sum + 1)") + [Vocabulary.eos],
        Solution(other).responseTokens,
        try Vocabulary.encode(steps(p)),
      ]
      return try PromptSamples(promptIndex: i, problem: p, responses: responses)
    }
  }

  /// Continuations `=<answer>⟨EOS⟩`, correct when `right(j)` for the j-th rollout of a call.
  static func oracle(_ right: @escaping (Int) -> Bool) -> ([[Int]]) throws -> [[Int]] {
    { prompts in
      try prompts.enumerated().map { j, tokens in
        let p = try #require(problems.first { tokens.starts(with: $0.promptTokens) })
        return try Vocabulary.encode("=\(right(j) ? p.sum : p.sum + 1)") + [Vocabulary.eos]
      }
    }
  }

  static func qs(_ v: StepValues) -> [[Double]] { v.responses.map { $0.correctRollouts.map(v.q) } }

  @Test func countsFollowTheRollouts() throws {
    let samples = try Self.samples()
    let always = try StepValueLabeller.label(
      samples: samples, context: 32, rollouts: 8, continuations: Self.oracle { _ in true })
    // Three incorrect responses per prompt, in (prompt, response) order.
    #expect(always.responses.map(\.response) == [1, 2, 3, 1, 2, 3, 1, 2, 3])
    for (entry, q) in zip(always.responses, Self.qs(always)) {
      let v = samples[entry.promptIndex].responses[entry.response].verdict
      #expect(entry.stepStarts == v.stepStarts && !v.correct)
      // A finished wrong answer's answer step: its rollouts are itself (Q = −1).
      let finished = samples[entry.promptIndex].responses[entry.response].tokens.last
        == Vocabulary.eos
      #expect(q == q.indices.map { finished && $0 == q.count - 1 ? -1 : 1 })
    }
    let half = try StepValueLabeller.label(
      samples: samples, context: 32, rollouts: 8, continuations: Self.oracle { $0 % 2 == 0 })
    #expect(Self.qs(half).allSatisfy { $0.allSatisfy { $0 == 0 || $0 == -1 } })
    #expect(Self.qs(half).joined().contains(0))
    // Responses 1 and 3 share their steps' prefixes (one group each); response 2's last step
    // is finished: m rollouts per step of the prompt's own and of the other solution.
    var asked = 0
    _ = try StepValueLabeller.label(samples: samples, context: 32, rollouts: 8) { prompts in
      asked += prompts.count
      return try Self.oracle { _ in true }(prompts)
    }
    let steps = Self.problems.map { Solution($0).steps.count }
    let pairs = steps.indices.map { steps[$0] + steps[($0 + 1) % steps.count] }
    #expect(asked == 8 * pairs.reduce(0, +))
    // Negative control: every rollout ends wrongly.
    let never = try StepValueLabeller.label(
      samples: samples, context: 32, rollouts: 8, continuations: Self.oracle { _ in false })
    #expect(Self.qs(never).allSatisfy { $0.allSatisfy { $0 == -1 } })
  }

  @Test func modelRolloutsLieOnTheGridAndRepeatPerSeed() throws {
    let config = try TransformerConfig(
      vocabSize: Vocabulary.size, layers: 1, modelWidth: 8, heads: 2, context: 32)
    var r = RandomStream(seed: TestSeed.seed(for: "StepValues.model"))
    let model = try Transformer<Double>(config: config, initialization: &r)
    let samples = try Self.samples()
    let a = try StepValueLabeller.label(model, samples: samples, seed: 5)
    let b = try StepValueLabeller.label(model, samples: samples, seed: 5)
    #expect(a == b)
    let grid = Set((0...8).map { -1 + 0.25 * Double($0) })
    #expect(Self.qs(a).allSatisfy { $0.allSatisfy(grid.contains) })
    #expect(a.rollouts == 8 && a.responses.count == 9)
  }

  @Test(arguments: [-1.0, -0.5, 0.0, 0.5, 1.0])
  func labelsFollowTheThreshold(tau: Double) throws {
    let samples = try Self.samples()
    let set = try ScoredSampleSet(samples: samples, seed: 3)
    // Fabricated counts: step k of every incorrect answer has 2k + 1 correct rollouts.
    let values = StepValues(
      rollouts: 8,
      responses: samples.flatMap { p in
        p.responses.indices.filter { !p.responses[$0].verdict.correct }.map { i in
          let starts = p.responses[i].verdict.stepStarts
          return ResponseStepValues(
            promptIndex: p.promptIndex, response: i, stepStarts: starts,
            correctRollouts: starts.indices.map { min(8, 2 * $0 + 1) })
        }
      })
    let data = try ThresholdStepLabels.unpaired(set, values: values, threshold: tau)
    #expect(data.items.count == 12)
    for item in data.items {
      let r = samples[item.promptIndex].responses[item.response]
      #expect(item.correct == r.verdict.correct)
      if r.verdict.correct {
        #expect(item.labels == r.verdict.stepLabels)
        continue
      }
      for (k, start) in item.stepStarts.enumerated() {
        let end = k + 1 < item.stepStarts.count ? item.stepStarts[k + 1] : item.labels.count
        let want = values.q(min(8, 2 * k + 1)) >= tau ? 1 : 0
        #expect(item.labels[start..<end].allSatisfy { $0 == want })
      }
    }
  }

  @Test func missingOrMismatchedValuesAreErrors() throws {
    let samples = try Self.samples()
    let set = try ScoredSampleSet(samples: samples, seed: 3)
    do {
      _ = try ThresholdStepLabels.unpaired(set, values: nil, threshold: 0.5)
      Issue.record("missing values must throw")
    } catch {
      #expect(error.field == "stepValues[prompt 0, response 1]" && error.value == "missing")
    }
    let wrong = StepValues(
      rollouts: 8,
      responses: [
        ResponseStepValues(promptIndex: 0, response: 1, stepStarts: [0], correctRollouts: [8])
      ])
    #expect(throws: TaskError.self) {
      try ThresholdStepLabels.unpaired(set, values: wrong, threshold: 0.5)
    }
    // The empty probe set binds without values (TrainablePlan's probe).
    let spec = PIPARuns.threshold(0.5)
    _ = try AlignmentObjectives.make(spec, samples: try ScoredSampleSet(samples: [], seed: 1))
    #expect(throws: TaskError.self) { try AlignmentObjectives.make(spec, samples: set) }
    var bad = spec
    bad.hyperparameters["stepThreshold"] = 2
    #expect(throws: AlignmentObjectives.UnsupportedSpec.self) {
      try AlignmentObjectives.make(bad, samples: set)
    }
  }
}
