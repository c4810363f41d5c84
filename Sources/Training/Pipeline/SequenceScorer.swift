// From the sequences an objective asks for to its ``SequenceScores`` and back
// (shared/design/TRAINING.md pipeline step 5): SequenceKeys → one TokenBatch (prompt tokens +
// response tokens, mask on the response) → one policy forward pass; the frozen reference's
// scores come from a per-key cache (the reference never changes, so each sequence is scored
// under π_ref once per sample set); and the objective's ``AlignmentGradients`` are mapped
// back onto the batch layout for ``Transformer/backward``.
//
// Goals, in order: 1) exact bookkeeping — response token t of sequence j sits at position
// p = |x| + t of row j; its log-probability is the forward pass's token entry at p and its
// value logit is the one at p − 1 (the prefix x, y_<t that predicts it); gradients go to the
// same places; 2) one batched forward per step and no repeated reference work; 3) generic
// over the scalar, so the tests check the whole path in Double against finite differences.

/// Scores sequences of one sample set under a policy and a frozen reference.
public final class SequenceScorer<S: ModelScalar> {
  /// π_ref (never updated; no gradient flows into it).
  public let reference: Transformer<S>
  /// Where the tokens of a key come from.
  public let samples: ScoredSampleSet
  /// Sequences per reference forward pass when filling the cache.
  public let chunkSize: Int
  private let positions: [Int: Int]
  private var cache: [SequenceKey: (sequence: Double, tokens: [Double])] = [:]
  /// Set by ``freeze()``: the cache is complete for every key asked from then on.
  public private(set) var isFrozen = false
  /// Tokens run through the reference so far (for throughput reports).
  public private(set) var referenceTokens = 0

  public init(reference: Transformer<S>, samples: ScoredSampleSet, chunkSize: Int = 256) {
    precondition(chunkSize >= 1, "chunkSize must be ≥ 1, got \(chunkSize)")
    self.reference = reference
    self.samples = samples
    self.chunkSize = chunkSize
    positions = samples.promptPositions
  }

  /// One scored batch: the scores the objective reads and the forward pass backward needs.
  public struct Scored {
    public let scores: SequenceScores
    public let pass: ForwardPass<S>
    /// Prompt length of each row (response token t is at position promptLengths[j] + t).
    public let promptLengths: [Int]
    /// Sequence tokens in the batch (prompt + response, no padding).
    public var tokenCount: Int { pass.batch.lengths.reduce(0, +) }
  }

  /// The prompt and response tokens of `key`.
  public func tokens(for key: SequenceKey) -> (prompt: [Int], response: [Int]) {
    guard let at = positions[key.promptIndex] else {
      preconditionFailure("SequenceScorer: prompt \(key.promptIndex) is not in the sample set")
    }
    let p = samples.prompts[at]
    precondition(
      key.response >= 0 && key.response < p.responses.count,
      "SequenceScorer: response \(key.response) out of 0..<\(p.responses.count)")
    return (p.problem.promptTokens, p.responses[key.response].tokens)
  }

  /// The padded batch of `keys` for a model of `config`.
  public func batch(for keys: [SequenceKey], config: TransformerConfig) throws -> TokenBatch {
    let t = keys.map(tokens(for:))
    return try TokenBatch(
      prompts: t.map(\.prompt), responses: t.map(\.response), padToken: Vocabulary.pad,
      config: config)
  }

  /// Makes the reference cache read-only: from now on ``score(_:policy:)`` only reads it and
  /// never runs π_ref, so several threads may score against this scorer at once (each with
  /// its own policy). Fill the cache first (``cacheReference(_:)``) with every key that will
  /// be scored; a key outside it is then a programming error (precondition).
  public func freeze() { isFrozen = true }

  /// Fills the reference cache for `keys` (in chunks; keys already cached are skipped).
  public func cacheReference(_ keys: [SequenceKey]) throws {
    var missing: [SequenceKey] = []
    var seen = Set<SequenceKey>()
    for k in keys where cache[k] == nil && seen.insert(k).inserted { missing.append(k) }
    precondition(
      !isFrozen || missing.isEmpty,
      "SequenceScorer: \(missing.count) keys outside the frozen reference cache")
    var start = 0
    while start < missing.count {
      let chunk = Array(missing[start..<min(start + chunkSize, missing.count)])
      let batch = try batch(for: chunk, config: reference.config)
      let pass = try reference.forward(batch)
      for (j, k) in chunk.enumerated() {
        let (promptLength, responseLength) = (
          batch.lengths[j] - batch.responseLengths[j], batch.responseLengths[j]
        )
        let base = j * batch.length + promptLength
        let toks = (0..<responseLength).map { pass.tokenLogProbs[base + $0] }
        cache[k] = (pass.sequenceLogProbs[j], toks)
      }
      referenceTokens += batch.lengths.reduce(0, +)
      start += chunkSize
    }
  }

  /// Scores `keys` (non-empty) under `policy` (one forward pass) and the cached reference.
  public func score(_ keys: [SequenceKey], policy: Transformer<S>) throws -> Scored {
    precondition(!keys.isEmpty, "SequenceScorer.score needs at least one key")
    if !isFrozen { try cacheReference(keys) }
    let batch = try batch(for: keys, config: policy.config)
    let pass = try policy.forward(batch)
    let t = batch.length
    var policyTokens: [[Double]] = []
    var referenceTokens: [[Double]] = []
    var reference: [Double] = []
    var values: [[Double]] = []
    var promptLengths: [Int] = []
    for (j, k) in keys.enumerated() {
      let n = batch.responseLengths[j]
      let p = batch.lengths[j] - n
      promptLengths.append(p)
      let base = j * t + p
      policyTokens.append((0..<n).map { pass.tokenLogProbs[base + $0] })
      values.append((0..<n).map { pass.valueLogits[base + $0 - 1] })
      guard let ref = cache[k] else { preconditionFailure("reference cache lost \(k)") }
      reference.append(ref.sequence)
      referenceTokens.append(ref.tokens)
    }
    let scores = SequenceScores(
      keys: keys, policy: pass.sequenceLogProbs, reference: reference,
      responseLengths: batch.responseLengths, policyTokens: policyTokens,
      referenceTokens: referenceTokens, valueLogits: values)
    return Scored(scores: scores, pass: pass, promptLengths: promptLengths)
  }

  /// Accumulates into `policy`'s gradients ∂L/∂θ from the objective's gradients with respect
  /// to the scores of `scored` (per sequence, per response token, per value logit).
  public func backward(
    _ scored: Scored, gradients: AlignmentGradients, policy: Transformer<S>
  ) throws {
    let keys = scored.scores.keys
    precondition(
      gradients.sequence.count == keys.count,
      "AlignmentGradients.sequence has \(gradients.sequence.count) entries for \(keys.count) keys")
    let batch = scored.pass.batch
    let t = batch.length
    var tokenGradients: [Double]?
    if let g = gradients.tokens {
      precondition(g.count == keys.count, "AlignmentGradients.tokens must have one row per key")
      var flat = [Double](repeating: 0, count: batch.rows)
      for j in keys.indices {
        precondition(
          g[j].count == batch.responseLengths[j],
          "AlignmentGradients.tokens[\(j)] must have one entry per response token")
        let base = j * t + scored.promptLengths[j]
        for (i, x) in g[j].enumerated() { flat[base + i] = x }
      }
      tokenGradients = flat
    }
    var valueGradients: [Double]?
    if let g = gradients.valueLogits {
      precondition(g.count == keys.count, "AlignmentGradients.valueLogits: one row per key")
      var flat = [Double](repeating: 0, count: batch.rows)
      for j in keys.indices {
        precondition(
          g[j].count == batch.responseLengths[j],
          "AlignmentGradients.valueLogits[\(j)] must have one entry per response token")
        let base = j * t + scored.promptLengths[j] - 1
        for (i, x) in g[j].enumerated() { flat[base + i] = x }
      }
      valueGradients = flat
    }
    try policy.backward(
      scored.pass, sequenceGradients: gradients.sequence, tokenGradients: tokenGradients,
      valueLogitGradients: valueGradients)
  }
}
