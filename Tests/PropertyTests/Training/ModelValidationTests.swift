// Bad configurations and batches throw ModelErrors that name the field, the value and the
// rule (Sources/Training/Model/TransformerConfig.swift, TokenBatch.swift, Transformer.swift);
// the default configuration has the size TRAINING.md states (about 100k parameters).
import Numerics
import Testing
import Training

@Suite("Training model validation")
struct ModelValidationTests {
  @Test func defaultSize() throws {
    let config = try TransformerConfig(vocabSize: 16)
    #expect(
      config.layers == 2 && config.modelWidth == 64 && config.heads == 4 && config.context == 48)
    let m = try Transformer<Float>(config: config)
    // 2 blocks × (12d² + 13d) + (V + context)·d + LN_f 2d + LM head (d + 1)V + value d + 1.
    let d = 64
    let expected = 2 * (12 * d * d + 13 * d) + (16 + 48) * d + 2 * d + (d + 1) * 16 + d + 1
    #expect(m.parameterCount == expected)
    #expect(m.parameterCount > 90_000 && m.parameterCount < 120_000)
  }

  @Test func configErrorsNameTheField() {
    #expect(throws: ModelError(field: "heads", value: "5", rule: "must divide modelWidth = 64")) {
      try TransformerConfig(vocabSize: 16, heads: 5)
    }
    #expect(throws: ModelError(field: "vocabSize", value: "1", rule: "must be ≥ 2")) {
      try TransformerConfig(vocabSize: 1)
    }
    #expect(throws: ModelError(field: "context", value: "1", rule: "must be ≥ 2")) {
      try TransformerConfig(vocabSize: 16, context: 1)
    }
  }

  @Test func batchErrorsNameTheField() throws {
    let c = try TransformerConfig(vocabSize: 8, layers: 1, modelWidth: 4, heads: 1, context: 5)
    #expect(
      throws: ModelError(
        field: "sequences[1][2]", value: "8", rule: "must lie in 0..<vocabSize = 8")
    ) {
      try TokenBatch(
        sequences: [[1, 2], [1, 2, 8]], responseMasks: [[false, true], [false, true, true]],
        padToken: 0, config: c)
    }
    #expect(
      throws: ModelError(
        field: "responseMasks[0][0]", value: "true",
        rule: "must be false (position 0 has no prediction)")
    ) {
      try TokenBatch(sequences: [[1, 2]], responseMasks: [[true, true]], padToken: 0, config: c)
    }
    #expect(
      throws: ModelError(
        field: "sequences[0].count", value: "6", rule: "must lie in 1...context = 5")
    ) {
      try TokenBatch(prompts: [[1, 2, 3]], responses: [[4, 5, 6]], padToken: 0, config: c)
    }
    let b = try TokenBatch(
      prompts: [[1, 2], [3]], responses: [[4], [5, 6, 7]], padToken: 0, config: c)
    #expect(b.length == 4 && b.tokens == [1, 2, 4, 0, 3, 5, 6, 7])
    #expect(b.responseMask == [false, false, true, false, false, true, true, true])
    #expect(b.responseLengths == [1, 3])
    let m = try Transformer<Double>(config: c)
    let pass = try m.forward(b)
    #expect(throws: ModelError(field: "sequenceGradients.count", value: "3", rule: "must equal 2"))
    {
      try m.backward(pass, sequenceGradients: [1, 2, 3])
    }
    #expect(throws: ModelError(field: "tokenGradients[1]", value: "nan", rule: "must be finite")) {
      try m.backward(pass, tokenGradients: [0, .nan, 0, 0, 0, 0, 0, 0])
    }
    let other = try Transformer<Double>(config: c)
    #expect(throws: ModelError.self) { try other.backward(pass, sequenceGradients: [1, 1]) }
  }

  /// Padding does not change a sequence's log-probability: batching it with a longer one
  /// (right padding + causal mask) gives the same value as alone, up to gemm blocking.
  @Test func paddingIsInvisible() throws {
    let c = try TransformerConfig(vocabSize: 8, layers: 2, modelWidth: 8, heads: 2, context: 8)
    var r = RandomStream(seed: 5)
    let m = try Transformer<Double>(config: c, initialization: &r)
    for i in 0..<m.parameterCount { m.parameters.values[i] = 0.5 * r.gaussian() }
    let alone = try m.forward(
      TokenBatch(prompts: [[1, 2]], responses: [[3, 4]], padToken: 0, config: c))
    let padded = try m.forward(
      TokenBatch(
        prompts: [[1, 2], [5, 6, 7]], responses: [[3, 4], [1, 2, 3, 4, 5]], padToken: 0, config: c))
    let tol = Tolerance.roundoff(
      ulps: 256, floor: 1e-13, reason: "summation order inside gemm may differ with the shape")
    #expect(
      tol.accepts(padded.sequenceLogProbs[0], alone.sequenceLogProbs[0]),
      "\(tol.explain(padded.sequenceLogProbs[0], alone.sequenceLogProbs[0]))")
  }
}
