// What the loop does for the pipeline-level sweep keys (``AlignmentObjectives/SweepKey``):
// - the batches one run trains on: the seed's (``SeedContext/batches``), cut by the
//   step-count keys of ``AlignmentObjectives/trainingBatches(for:_:responseTokens:)``
//   (claims/mpo.md mpo.emp.limited-data, mpo.emp.fixed-compute). The response tokens a spec
//   scores per batch are known in advance from its offline samples and objective: the
//   lengths of the responses its objective asks for in each batch;
// - the sampled test evaluation of mpo.emp.decoding-temperature
//   (``AlignmentObjectives/evaluationSampling(_:)``), in place of the greedy one.

extension AlignmentLoop {
  /// The batches `spec` trains on (the seed's, unless a step sweep key cuts them).
  func trainingBatches(_ spec: RunSpec) throws -> [[Int]] {
    try AlignmentObjectives.trainingBatches(for: spec, context.batches) { s in
      let (samples, _) = try context.offlineSamples(for: s)
      let objective = try Self.bind(
        s, samples: samples, seed: context.seed, stepValues: context.stepValues)
      var position: [Int: Int] = [:]
      for (i, p) in samples.enumerated() { position[p.promptIndex] = i }
      return context.batches.map { batch in
        objective.sequences(forBatch: batch).reduce(0) { total, key in
          guard let i = position[key.promptIndex] else { return total }
          return total + samples[i].responses[key.response].tokens.count
        }
      }
    }
  }
}

extension PipelineStream {
  /// The sampled test evaluation at temperature T (mpo.emp.decoding-temperature), keyed by
  /// the top 20 bits of T: the same draws at every metric point and for every run of a
  /// seed. Disjoint from the other streams: 4 << 24 is used by no other stream, which set
  /// 1 << 24, 2 << 24 or bits 28–29 (``dedicatedSamples(temperature:responses:)``).
  static func sampledEvaluation(temperature: Double) -> UInt64 {
    tag | (4 << 24) | (temperature.bitPattern >> 44)
  }
}

extension AlignmentLoop {
  /// `point` with its test metrics (accuracy, mean reward, mean length) from
  /// `evaluationSamples` samples per test prompt of `policy` at `evaluationTemperature`,
  /// when `spec` asks for a sampled evaluation (``AlignmentObjectives/evaluationSampling(_:)``);
  /// `point` itself otherwise.
  func evaluated(_ spec: RunSpec, _ point: MetricPoint, _ policy: Transformer<Float>) throws
    -> MetricPoint
  {
    guard let (t, n) = try AlignmentObjectives.evaluationSampling(spec) else { return point }
    let problems = context.splits.test
    let responses = try SampleStage.sampleTokens(
      policy, problems: problems, n: n, temperature: t, seed: context.seed,
      stream: PipelineStream.sampledEvaluation(temperature: t),
      batchSize: context.settings.evaluationBatch)
    var correct = 0
    var reward = 0.0
    var length = 0
    for (p, rs) in zip(problems, responses) {
      for r in rs {
        let v = Verifier.verify(p, response: r)
        if v.correct { correct += 1 }
        reward += v.reward
        length += r.count
      }
    }
    let count = Double(problems.count * n)
    var out = point
    out.testAccuracy = Double(correct) / count
    out.testReward = reward / count
    out.meanLength = Double(length) / count
    return out
  }
}
