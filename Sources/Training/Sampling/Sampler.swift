// Autoregressive sampling from a ``Transformer``: from each prompt, draw tokens from
// π(· | prefix)^(1/τ) until end-of-sequence or the context limit; τ = 0 is greedy decoding.
//
// Goals, in order: 1) determinism — the tokens are a function of the model, the prompts, τ
// and the random stream alone (one uniform per active sequence per step, in prompt order);
// 2) the exact tempered distribution, computed in Double with the maximum subtracted;
// 3) speed: key/value-cached decoding (``IncrementalDecoder``), batched over up to
// `batchSize` prompts per chunk.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Temperature sampling (and greedy decoding) of responses.
public struct Sampler: Sendable, Equatable {
  /// τ ≥ 0; 0 means greedy (argmax, lowest id on ties; no random numbers drawn).
  public var temperature: Double
  /// The end-of-sequence id: generation stops after emitting it (it is kept in the response).
  public var eosToken: Int
  /// At most this many response tokens (also limited by the model's context).
  public var maxResponseLength: Int
  /// Prompts processed together per forward pass.
  public var batchSize: Int

  /// - Throws: ``ModelError`` unless τ is finite and ≥ 0, maxResponseLength ≥ 1 and
  ///   batchSize ≥ 1.
  public init(
    temperature: Double, eosToken: Int, maxResponseLength: Int = .max,
    batchSize: Int = 64
  ) throws(ModelError) {
    try ModelError.require(
      temperature >= 0 && temperature.isFinite, "temperature", temperature,
      "must be finite and ≥ 0")
    try ModelError.require(
      maxResponseLength >= 1, "maxResponseLength", maxResponseLength, "must be ≥ 1")
    try ModelError.require(batchSize >= 1, "batchSize", batchSize, "must be ≥ 1")
    self.temperature = temperature
    self.eosToken = eosToken
    self.maxResponseLength = maxResponseLength
    self.batchSize = batchSize
  }

  /// One response per prompt (the generated tokens, ending with EOS unless the context or
  /// `maxResponseLength` ran out first).
  /// - Throws: ``ModelError`` for empty prompts, prompts that fill the context, or ids out
  ///   of the vocabulary.
  public func sample<S: ModelScalar>(
    from model: Transformer<S>, prompts: [[Int]], random: inout RandomStream
  ) throws(ModelError) -> [[Int]] {
    let config = model.config
    try ModelError.require(
      eosToken >= 0 && eosToken < config.vocabSize, "eosToken", eosToken,
      "must lie in 0..<vocabSize = \(config.vocabSize)")
    for (b, p) in prompts.enumerated() {
      try ModelError.require(
        p.count >= 1 && p.count < config.context, "prompts[\(b)].count", p.count,
        "must lie in 1..<context = \(config.context)")
    }
    var responses: [[Int]] = []
    responses.reserveCapacity(prompts.count)
    var start = 0
    while start < prompts.count {
      let end = min(prompts.count, start + batchSize)
      responses += try sampleChunk(
        model: model, prompts: Array(prompts[start..<end]), random: &random)
      start = end
    }
    return responses
  }

  /// Decodes one chunk with an ``IncrementalDecoder``: the prompts in one batched prefill,
  /// then every step feeds each active sequence its last sampled token.
  @_specialize(where S == Float)
  private func sampleChunk<S: ModelScalar>(
    model: Transformer<S>, prompts: [[Int]], random: inout RandomStream
  ) throws(ModelError) -> [[Int]] {
    let context = model.config.context
    let decoder = try IncrementalDecoder(model: model, capacity: prompts.count)
    var sequences = prompts
    var responses = [[Int]](repeating: [], count: prompts.count)
    var active = Array(prompts.indices)
    let v = model.config.vocabSize
    // The prompts in one batched pass, then one token per active sequence per step.
    var logProbs = try decoder.prefillRows(sequences: active, prompts: prompts)
    while !active.isEmpty {
      var stillActive: [Int] = []
      for (row, b) in active.enumerated() {
        let token = draw(row: logProbs + row * v, count: v, random: &random)
        sequences[b].append(token)
        responses[b].append(token)
        let done =
          token == eosToken || sequences[b].count >= context
          || responses[b].count >= maxResponseLength
        if !done { stillActive.append(b) }
      }
      active = stillActive
      if active.isEmpty { break }
      logProbs = try decoder.stepRows(sequences: active, tokens: active.map { sequences[$0].last! })
    }
    withExtendedLifetime(decoder) {}  // `logProbs` points into the decoder's buffers
    return responses
  }

  /// ``draw(_:random:)`` on the `count` log-probabilities at `row` (the decoder's scalar),
  /// each widened to Double first: the same token, with no array per row and step.
  @_specialize(where S == Float)
  func draw<S: ModelScalar>(row: UnsafePointer<S>, count: Int, random: inout RandomStream) -> Int {
    var best = 0
    for k in 1..<count where Double(row[k]) > Double(row[best]) { best = k }
    if temperature == 0 { return best }
    let top = Double(row[best])
    var total = 0.0
    for k in 0..<count { total += exp((Double(row[k]) - top) / temperature) }
    let u = random.uniform() * total
    var cumulative = 0.0
    var lastPositive = -1
    for k in 0..<count {
      let w = exp((Double(row[k]) - top) / temperature)
      cumulative += w
      if u < cumulative { return k }
      if w > 0 { lastPositive = k }
    }
    // Rounding can leave the cumulative sum a hair below total; the last positive weight.
    return lastPositive >= 0 ? lastPositive : best
  }

  /// One token from log-probabilities ℓ: argmax when τ = 0, else the categorical with
  /// weights exp((ℓ_k − max ℓ)/τ) by inversion of one uniform.
  public func draw(_ logProbs: [Double], random: inout RandomStream) -> Int {
    precondition(!logProbs.isEmpty, "logProbs must not be empty")
    var best = 0
    for k in 1..<logProbs.count where logProbs[k] > logProbs[best] { best = k }
    if temperature == 0 { return best }
    let top = logProbs[best]
    let weights = logProbs.map { exp(($0 - top) / temperature) }
    let total = weights.reduce(0, +)
    let u = random.uniform() * total
    var cumulative = 0.0
    for (k, w) in weights.enumerated() {
      cumulative += w
      if u < cumulative { return k }
    }
    // Rounding can leave the cumulative sum a hair below total; the last positive weight.
    return weights.lastIndex { $0 > 0 } ?? best
  }
}
