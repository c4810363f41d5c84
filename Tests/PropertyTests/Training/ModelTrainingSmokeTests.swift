// The pieces together: forward, backward from the per-sequence entry point, clipping and
// AdamW memorise a handful of sequences (negative log-likelihood of the response tokens), in
// Float as in training. A sign error anywhere in the backward pass or the update makes the
// loss rise instead; a dead gradient leaves it flat.
import Numerics
import TestSupport
import Testing
import Training

@Suite("Training smoke: the model learns")
struct ModelTrainingSmokeTests {
  /// 60 AdamW steps (η = 1e-2 after 5 warm-up steps) on 4 fixed sequences: the response NLL
  /// must fall below a quarter of its initial value (≈ 19.5 nats = 10 tokens × log 7 at init).
  /// The threshold is an optimisation criterion, not a rounding one: memorising 10 tokens with
  /// ~1.5k parameters takes a few dozen Adam steps, and a quarter leaves a wide margin.
  @Test func responseLikelihoodRises() throws {
    let config = try TransformerConfig(
      vocabSize: 7, layers: 1, modelWidth: 16, heads: 2, context: 8)
    var r = RandomStream(seed: TestSeed.seed(for: "Training.smoke"))
    let model = try Transformer<Float>(config: config, initialization: &r)
    let batch = try TokenBatch(
      prompts: [[2, 3], [4, 5], [6, 2], [3, 3]],
      responses: [[4, 1], [2, 6, 1], [5, 5, 1], [6, 1]],
      padToken: 0, config: config)
    let opt = AdamW<Float>(
      config: try AdamWConfig(
        schedule: LearningRateSchedule(peak: 1e-2, warmupSteps: 5, totalSteps: 60),
        weightDecay: 0.01, maxGradientNorm: 1),
      layout: model.parameters.layout)
    var losses: [Double] = []
    for _ in 0..<60 {
      model.parameters.zeroGradients()
      let pass = try model.forward(batch)
      losses.append(-pass.sequenceLogProbs.reduce(0, +))
      try model.backward(
        pass, sequenceGradients: [Double](repeating: -1, count: batch.count))
      try opt.update(model.parameters)
    }
    let first = losses[0]
    let last = try model.forward(batch).sequenceLogProbs.reduce(0, +) * -1
    #expect(first > 10, "initial NLL \(first) should be near 10·log 7 ≈ 19.5")
    #expect(last < first / 4, "NLL went from \(first) to \(last)")
  }
}
