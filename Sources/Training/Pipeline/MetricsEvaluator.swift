// The metrics of shared/design/TRAINING.md pipeline step 6 for one seed (``MetricPoint``):
// - tracking pairs: best-vs-worst of the n reference samples on each held-out prompt (the
//   MaPPO/DPO protocol, ``BestVsWorstPairs``); mean log π(y_w), log π(y_l), their per-token
//   forms, the implicit-reward margin [log π/π_ref(y_w) − log π/π_ref(y_l)] and the fraction
//   of pairs with a positive margin — scored by a ``SequenceScorer`` whose reference cache
//   makes π_ref's half free after the first point;
// - KL(π‖π_ref) ≈ mean over y ~ π (one response at T = 1 per prompt of the first `klPrompts`
//   held-out prompts, the same stream at every point and for every objective) of
//   log π(y) − log π_ref(y);
// - greedy exact-match accuracy, mean reward and mean length on the test prompts;
// - PIPA's value head: mean σ(z) at the last response token (the logit at the position that
//   predicts it, as ``SequenceScores/valueLogits``) of correct and of incorrect tracking
//   responses. The loop keeps these two only for runs that train the value head.
import Numerics

/// Measures ``MetricPoint``s of policies of one seed.
public final class MetricsEvaluator {
  public let settings: TrainingSettings
  public let splits: PromptSplits
  public let reference: Transformer<Float>
  /// The tracking scorer over the held-out samples.
  public let tracking: SequenceScorer<Float>
  /// The tracking pairs (prompt indices are held-out indices).
  public let pairs: [PairItem]
  private let trackingKeys: [SequenceKey]
  private let positions: [Int: Int]

  public init(
    settings: TrainingSettings, splits: PromptSplits, reference: Transformer<Float>,
    heldOut: ScoredSampleSet
  ) {
    self.settings = settings
    self.splits = splits
    self.reference = reference
    tracking = SequenceScorer(
      reference: reference, samples: heldOut, chunkSize: settings.evaluationBatch)
    pairs = BestVsWorstPairs.build(heldOut).items
    var keys: [SequenceKey] = []
    for p in pairs {
      keys.append(SequenceKey(promptIndex: p.promptIndex, response: p.chosen))
      keys.append(SequenceKey(promptIndex: p.promptIndex, response: p.rejected))
    }
    trackingKeys = keys
    positions = heldOut.promptPositions
  }

  /// The metrics of `policy` after `step` steps with mean training loss `trainLoss`;
  /// `reference` (default ``reference``) is the model that scores the KL samples under π_ref —
  /// a replica with the same parameters lets several threads measure at once (the tracking
  /// scorer's cache must then be frozen, ``SequenceScorer/freeze()``).
  public func measure(
    _ policy: Transformer<Float>, step: Int, trainLoss: Double?,
    reference: Transformer<Float>? = nil
  ) throws -> MetricPoint {
    let reference = reference ?? self.reference
    // Tracking pairs, in chunks of evaluationBatch sequences (pairs stay together).
    var lw = 0.0, ll = 0.0, lwTok = 0.0, llTok = 0.0, margin = 0.0, positive = 0
    var gCorrect: [Double] = [], gIncorrect: [Double] = []
    let chunk = max(2, settings.evaluationBatch - settings.evaluationBatch % 2)
    var start = 0
    while start < trackingKeys.count {
      let keys = Array(trackingKeys[start..<min(start + chunk, trackingKeys.count)])
      let scored = try tracking.score(keys, policy: policy)
      let s = scored.scores
      for j in stride(from: 0, to: keys.count, by: 2) {
        let (w, l) = (j, j + 1)
        lw += s.policy[w]
        ll += s.policy[l]
        lwTok += s.policy[w] / Double(s.responseLengths[w])
        llTok += s.policy[l] / Double(s.responseLengths[l])
        let m = (s.policy[w] - s.reference[w]) - (s.policy[l] - s.reference[l])
        margin += m
        if m > 0 { positive += 1 }
      }
      for (j, k) in keys.enumerated() {
        guard let z = s.valueLogits[j].last else { continue }
        guard let at = positions[k.promptIndex] else { continue }
        let correct = tracking.samples.prompts[at].responses[k.response].verdict.correct
        if correct { gCorrect.append(sigmoid(z)) } else { gIncorrect.append(sigmoid(z)) }
      }
      start += chunk
    }
    let np = Double(max(pairs.count, 1))

    // KL estimate from samples of the policy.
    let klProblems = Array(splits.heldOut.prefix(settings.klPrompts))
    let samples = try SampleStage.sampleTokens(
      policy, problems: klProblems, n: 1, temperature: 1, seed: splits.seed,
      stream: PipelineStream.klSamples, batchSize: settings.evaluationBatch
    ).map { $0[0] }
    var kl = 0.0
    start = 0
    while start < klProblems.count {
      let end = min(start + settings.evaluationBatch, klProblems.count)
      let batch = try TokenBatch(
        prompts: klProblems[start..<end].map(\.promptTokens),
        responses: Array(samples[start..<end]), padToken: Vocabulary.pad,
        config: policy.config)
      let p = try policy.forward(batch).sequenceLogProbs
      let r = try reference.forward(batch).sequenceLogProbs
      for j in p.indices { kl += p[j] - r[j] }
      start = end
    }
    kl /= Double(klProblems.count)

    let greedy = try GreedyEvaluation.run(
      policy, problems: splits.test, batchSize: settings.evaluationBatch)
    func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
    return MetricPoint(
      step: step, trainLoss: trainLoss, logProbChosen: lw / np, logProbRejected: ll / np,
      logProbChosenPerToken: lwTok / np, logProbRejectedPerToken: llTok / np,
      margin: margin / np, pairAccuracy: Double(positive) / np, kl: kl,
      testAccuracy: greedy.accuracy, testReward: greedy.meanReward,
      meanLength: greedy.meanLength, valueCorrect: mean(gCorrect),
      valueIncorrect: mean(gIncorrect))
  }
}
