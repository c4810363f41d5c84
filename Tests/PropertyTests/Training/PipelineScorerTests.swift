// The SequenceScorer's bookkeeping, checked end to end in Double on a tiny model: the DPO
// loss of a batch (keys → TokenBatch → policy forward + cached reference → PairwiseAdapter →
// backward through the scorer) has the gradient central finite differences give, for
// parameters of every layer; a synthetic loss on per-token log-probabilities and value
// logits checks the per-token and value-logit mappings the same way. Negative controls:
// gradients routed to the wrong sequence, or value gradients moved one position, are
// rejected by the same check.
import Foundation
import Numerics
import TestSupport
import Testing
import Training

@Suite("Pipeline: SequenceScorer gradients")
struct PipelineScorerTests {
  /// A tiny Double model pair (policy, reference) and a sample set of 3 prompts × 3
  /// responses of different lengths (some ill-formed: the scorer must not care).
  static func fixture() throws -> (Transformer<Double>, Transformer<Double>, ScoredSampleSet) {
    let config = try TransformerConfig(
      vocabSize: Vocabulary.size, layers: 1, modelWidth: 8, heads: 2, context: 32)
    var r = RandomStream(seed: TestSeed.seed(for: "Pipeline.scorer"))
    let policy = try Transformer<Double>(config: config, initialization: &r)
    let reference = try Transformer<Double>(config: config, initialization: &r)
    let problems = [
      try AdditionProblem(a: 12, b: 7), try AdditionProblem(a: 5, b: 5),
      try AdditionProblem(a: 31, b: 48),
    ]
    var samples: [PromptSamples] = []
    for (i, p) in problems.enumerated() {
      let right = Solution(p).responseTokens
      let wrong = Array(right.dropLast(3)) + [Vocabulary.token(digit: 9), Vocabulary.eos]
      let junk = [Vocabulary.plus, Vocabulary.eos]
      samples.append(try PromptSamples(promptIndex: i, problem: p, responses: [right, wrong, junk]))
    }
    return (policy, reference, try ScoredSampleSet(samples: samples, seed: 1))
  }

  /// One parameter index in every tensor (its middle element; distinct, since a repeated
  /// index would let one coordinate of the check overwrite another's perturbation).
  static func probeIndices(_ m: Transformer<Double>) -> [Int] {
    m.parameters.layout.views.map { $0.offset + $0.count / 2 }
  }

  /// Runs `loss` (from scores, with its gradient) through the scorer; returns the analytic
  /// gradient at `indices` and a closure evaluating the loss at perturbed parameter values.
  static func problem(
    _ policy: Transformer<Double>, _ scorer: SequenceScorer<Double>, keys: [SequenceKey],
    indices: [Int], gradients: @escaping (SequenceScores) throws -> AlignmentGradients
  ) throws -> (point: [Double], analytic: [Double], f: ([Double]) -> Double?) {
    policy.parameters.zeroGradients()
    let scored = try scorer.score(keys, policy: policy)
    let g = try gradients(scored.scores)
    try scorer.backward(scored, gradients: g, policy: policy)
    let all = policy.parameters.gradientsAsDoubles
    let base = policy.parameters.valuesAsDoubles
    let f: ([Double]) -> Double? = { x in
      var v = base
      for (k, i) in indices.enumerated() { v[i] = x[k] }
      guard (try? policy.parameters.setValues(v)) != nil,
        let s = try? scorer.score(keys, policy: policy), let l = try? gradients(s.scores)
      else { return nil }
      try? policy.parameters.setValues(base)
      return l.loss
    }
    return (indices.map { base[$0] }, indices.map { all[$0] }, f)
  }

  static func failures(_ checks: [PartialCheck]) -> [PartialCheck] { checks.filter { !$0.passed } }

  @Test func dpoLossGradientMatchesFiniteDifferences() throws {
    let (policy, reference, samples) = try Self.fixture()
    let spec = RunSpec(
      label: "DPO", objective: "DPO", paper: "000 MaPPO", feedback: .bestVsWorstPairs,
      hyperparameters: ["beta": 0.5])
    let objective = try AlignmentObjectives.make(spec, samples: samples)
    let prompts = [0, 1, 2]
    let keys = objective.sequences(forBatch: prompts)
    #expect(keys.count == 6)
    let scorer = SequenceScorer(reference: reference, samples: samples, chunkSize: 2)
    let indices = Self.probeIndices(policy)
    let p = try Self.problem(policy, scorer, keys: keys, indices: indices) {
      try objective.evaluate($0, prompts: prompts)
    }
    let checks = try GradientCheck.check(
      names: indices.map { "θ[\($0)]" }, at: p.point, analytic: p.analytic, p.f)
    #expect(Self.failures(checks).isEmpty, "\(Self.failures(checks).prefix(3))")
    #expect(p.analytic.contains { $0 != 0 }, "the gradient must not vanish")

    // Negative control: the same gradients handed to the wrong sequences (keys reversed).
    let q = try Self.problem(policy, scorer, keys: keys, indices: indices) { s in
      var g = try objective.evaluate(s, prompts: prompts)
      g.sequence.reverse()
      return g
    }
    let wrong = try GradientCheck.check(
      names: indices.map { "θ[\($0)]" }, at: q.point, analytic: q.analytic, p.f)
    #expect(!Self.failures(wrong).isEmpty, "a mis-routed gradient must fail the check")
  }

  /// L = Σ_j Σ_t (c_jt·log π(y_t) + d_jt·z_t) with fixed coefficients: checks the token and
  /// value-logit positions of the scorer (value logit t sits at the position predicting y_t).
  @Test func tokenAndValueGradientsMatchFiniteDifferences() throws {
    let (policy, reference, samples) = try Self.fixture()
    let keys = [
      SequenceKey(promptIndex: 2, response: 0), SequenceKey(promptIndex: 0, response: 2),
      SequenceKey(promptIndex: 1, response: 1),
    ]
    let scorer = SequenceScorer(reference: reference, samples: samples)
    func coefficient(_ j: Int, _ t: Int, _ salt: Double) -> Double {
      sin(Double(7 * j + 3 * t) + salt)
    }
    func synthetic(shift: Int) -> (SequenceScores) -> AlignmentGradients {
      { s in
        var loss = 0.0
        var tok: [[Double]] = []
        var val: [[Double]] = []
        for j in s.keys.indices {
          let n = s.responseLengths[j]
          var gt = [Double](repeating: 0, count: n)
          var gv = [Double](repeating: 0, count: n)
          for t in 0..<n {
            loss += coefficient(j, t, 0.3) * s.policyTokens[j][t]
            loss += coefficient(j, t, 1.1) * s.valueLogits[j][t]
            gt[t] = coefficient(j, t, 0.3)
            let u = min(max(t + shift, 0), n - 1)
            gv[u] = coefficient(j, t, 1.1)
          }
          tok.append(gt)
          val.append(gv)
        }
        return AlignmentGradients(
          loss: loss, itemCount: s.keys.count,
          sequence: [Double](repeating: 0, count: s.keys.count), tokens: tok, valueLogits: val)
      }
    }
    let indices = Self.probeIndices(policy)
    let p = try Self.problem(
      policy, scorer, keys: keys, indices: indices, gradients: synthetic(shift: 0))
    let checks = try GradientCheck.check(
      names: indices.map { "θ[\($0)]" }, at: p.point, analytic: p.analytic, p.f)
    #expect(Self.failures(checks).isEmpty, "\(Self.failures(checks).prefix(3))")
    // The value head's weights get a gradient only through the value logits.
    let vh = try #require(policy.parameters.view(named: "value_head.weight")
      ?? policy.parameters.layout.views.first { $0.name.hasPrefix("value_head") })
    #expect(zip(indices, p.analytic).contains { $0.0 >= vh.offset && $0.1 != 0 })

    // Negative control: value gradients one position late.
    let q = try Self.problem(
      policy, scorer, keys: keys, indices: indices, gradients: synthetic(shift: 1))
    let wrong = try GradientCheck.check(
      names: indices.map { "θ[\($0)]" }, at: q.point, analytic: q.analytic, p.f)
    #expect(!Self.failures(wrong).isEmpty, "value gradients at the wrong position must fail")
  }

  /// The reference is scored once per key: a second score call runs no reference tokens.
  @Test func referenceScoresAreCachedPerKey() throws {
    let (policy, reference, samples) = try Self.fixture()
    let scorer = SequenceScorer(reference: reference, samples: samples)
    let keys = [SequenceKey(promptIndex: 0, response: 0), SequenceKey(promptIndex: 1, response: 2)]
    let a = try scorer.score(keys, policy: policy)
    let used = scorer.referenceTokens
    let b = try scorer.score(keys.reversed(), policy: policy)
    #expect(scorer.referenceTokens == used)
    #expect(a.scores.reference == b.scores.reference.reversed())
    // Reference scores equal a direct forward pass of the reference.
    let direct = try reference.forward(try scorer.batch(for: keys, config: reference.config))
    #expect(a.scores.reference == direct.sequenceLogProbs)
  }
}
