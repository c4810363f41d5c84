// Key/value-cached decoding (Sources/Training/Sampling/IncrementalDecoder.swift) computes the
// same next-token distributions as the full forward pass, in float64, for several sequences
// fed in lockstep from different prompt lengths.
import Numerics
import TestSupport
import Testing
import Training

@Suite("Training incremental decoder")
struct ModelIncrementalDecoderTests {
  /// Tolerance: the two paths sum the same products in different orders (gemm blocking vs
  /// loops over ≤ 4d terms, softmax over ≤ T terms); each inner product differs by at most
  /// n·ε·Σ|terms| (Higham §3.1) with n ≤ 4d = 32 here, and the log-probabilities are O(1–10);
  /// 1024 ulps relative plus 1024ε absolute covers two blocks of such stages with margin.
  @Test func matchesFullForward() throws {
    let config = try TransformerConfig(
      vocabSize: 9, layers: 2, modelWidth: 8, heads: 2, context: 10)
    var r = RandomStream(seed: TestSeed.seed(for: "Training.incremental"))
    let model = try Transformer<Double>(config: config, initialization: &r)
    for i in 0..<model.parameterCount { model.parameters.values[i] = 0.5 * r.gaussian() }
    let sequences = [[1, 4, 2, 6, 3, 0, 8, 7], [2, 2, 5], [7, 3, 3, 4, 6, 1]]
    let batch = try TokenBatch(
      sequences: sequences, responseMasks: sequences.map { $0.map { _ in false } },
      padToken: 0, config: config)
    let full = try model.forward(batch)
    let decoder = try IncrementalDecoder(model: model, capacity: 3)
    let tol = Tolerance.roundoff(
      ulps: 1024, floor: 1024 * Double.ulpOfOne,
      reason: "different summation orders in inner products of length ≤ 4d")
    var compared = 0
    for t in 0..<sequences.map(\.count).max()! {
      let active = sequences.indices.filter { t < sequences[$0].count }
      let lps = try decoder.step(sequences: active, tokens: active.map { sequences[$0][t] })
      for (row, b) in active.enumerated() {
        let want = full.nextTokenLogProbs(sequence: b, position: t)
        for k in want.indices {
          #expect(
            tol.accepts(lps[row][k], want[k]),
            "seq \(b) pos \(t) token \(k): \(tol.explain(lps[row][k], want[k]))")
          compared += 1
        }
      }
    }
    #expect(compared == 17 * 9)
    #expect(decoder.positions == [8, 3, 6])
  }

  /// A batched prefill of prompts of different lengths leaves the decoder where feeding them
  /// token by token would: the same next-token distributions after each prompt, and the same
  /// ones on every later step (so its keys and values are cached in the right places).
  /// Tolerance as in ``matchesFullForward()``.
  @Test func prefillMatchesFullForward() throws {
    let config = try TransformerConfig(
      vocabSize: 9, layers: 2, modelWidth: 8, heads: 2, context: 10)
    var r = RandomStream(seed: TestSeed.seed(for: "Training.incremental.prefill"))
    let model = try Transformer<Double>(config: config, initialization: &r)
    for i in 0..<model.parameterCount { model.parameters.values[i] = 0.5 * r.gaussian() }
    let sequences = [[1, 4, 2, 6, 3, 0, 8, 7], [2, 2, 5], [7, 3, 3, 4, 6, 1]]
    let promptLengths = [5, 1, 3]
    let batch = try TokenBatch(
      sequences: sequences, responseMasks: sequences.map { $0.map { _ in false } },
      padToken: 0, config: config)
    let full = try model.forward(batch)
    let decoder = try IncrementalDecoder(model: model, capacity: 3)
    let tol = Tolerance.roundoff(
      ulps: 1024, floor: 1024 * Double.ulpOfOne,
      reason: "different summation orders in inner products of length ≤ 4d")
    var compared = 0
    func check(_ lps: [[Double]], _ rows: [Int], position: (Int) -> Int) {
      for (row, b) in rows.enumerated() {
        let want = full.nextTokenLogProbs(sequence: b, position: position(b))
        for k in want.indices {
          #expect(
            tol.accepts(lps[row][k], want[k]),
            "seq \(b) pos \(position(b)) token \(k): \(tol.explain(lps[row][k], want[k]))")
          compared += 1
        }
      }
    }
    let all = Array(sequences.indices)
    let first = try decoder.prefill(
      sequences: all, prompts: all.map { Array(sequences[$0].prefix(promptLengths[$0])) })
    check(first, all) { promptLengths[$0] - 1 }
    #expect(decoder.positions == promptLengths)
    for t in 1..<8 {
      let active = all.filter { promptLengths[$0] - 1 + t < sequences[$0].count }
      let lps = try decoder.step(
        sequences: active, tokens: active.map { sequences[$0][promptLengths[$0] - 1 + t] })
      check(lps, active) { promptLengths[$0] - 1 + t }
    }
    #expect(compared == 11 * 9)  // 3 prompts, then 8 − 5, 3 − 1 and 6 − 3 later tokens
    #expect(decoder.positions == [8, 3, 6])
    #expect(throws: ModelError.self) { try decoder.prefill(sequences: [0], prompts: [[1]]) }
  }

  @Test func rejectsBadInput() throws {
    let config = try TransformerConfig(vocabSize: 5, layers: 1, modelWidth: 4, heads: 1, context: 3)
    let model = try Transformer<Double>(config: config)
    let decoder = try IncrementalDecoder(model: model, capacity: 2)
    #expect(throws: ModelError.self) { try decoder.step(sequences: [2], tokens: [1]) }
    #expect(throws: ModelError.self) { try decoder.step(sequences: [0, 0], tokens: [1, 1]) }
    #expect(throws: ModelError.self) { try decoder.step(sequences: [0], tokens: [5]) }
    for _ in 0..<3 { _ = try decoder.step(sequences: [1], tokens: [1]) }
    #expect(throws: ModelError.self) { try decoder.step(sequences: [1], tokens: [1]) }
  }
}
