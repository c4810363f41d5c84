// Key/value-cached decoding for sampling: each step feeds one new token per sequence and
// reuses the keys and values of the earlier positions, so generating n tokens costs O(n)
// row-passes instead of the O(n²) of re-running the full forward pass on every prefix.
//
// Goals, in order: 1) the same function as ``Transformer/forward(_:)`` (a test compares the
// next-token log-probabilities in float64 within rounding); 2) batching: the active sequences
// of a step form the rows of every matrix product, each at its own position (prompts of
// different lengths are fed token by token); 3) no gradients (inference only).
import Numerics

/// Incremental forward passes over up to `capacity` sequences with per-sequence caches.
///
/// The activation buffers of a step are allocated once, for `capacity` rows, and reused by
/// every step (a step of r rows uses their first r rows): fresh zero-filled buffers on every
/// step were about a tenth of decoding time.
public final class IncrementalDecoder<S: ModelScalar> {
  public let model: Transformer<S>
  /// Number of sequences this decoder holds caches for.
  public let capacity: Int
  /// Keys and values per layer: [capacity × context × 2d] (k then v in each row).
  private let caches: [Buffer<S>]
  /// Next position of each sequence (tokens fed so far).
  public private(set) var positions: [Int]
  /// The reused activations of one step (capacity rows each; see the type's doc).
  private let work: Workspace

  /// Activation buffers for up to `rows` rows of one step.
  private final class Workspace {
    let x, normed, xhat, rstd, packed, mixed, out, scores, logProbs: Buffer<S>
    let mlp: MLP.Cache<S>
    /// Marks the sequences of the current step (distinctness check).
    var seen: [Bool]
    init(rows: Int, config: TransformerConfig) {
      let d = config.modelWidth
      x = Buffer(count: rows * d)
      normed = Buffer(count: rows * d)
      xhat = Buffer(count: rows * d)
      rstd = Buffer(count: rows)
      packed = Buffer(count: rows * 3 * d)
      mixed = Buffer(count: rows * d)
      out = Buffer(count: rows * d)
      scores = Buffer(count: config.context)
      logProbs = Buffer(count: rows * config.vocabSize)
      mlp = MLP.Cache(rows: rows, hidden: config.hiddenWidth)
      seen = [Bool](repeating: false, count: rows)
    }
  }

  public init(model: Transformer<S>, capacity: Int) throws(ModelError) {
    try ModelError.require(capacity >= 1, "capacity", capacity, "must be ≥ 1")
    self.model = model
    self.capacity = capacity
    let c = model.config
    caches = (0..<c.layers).map { _ in Buffer(count: capacity * c.context * 2 * c.modelWidth) }
    positions = [Int](repeating: 0, count: capacity)
    work = Workspace(rows: capacity, config: c)
  }

  /// Feeds `tokens[i]` to sequence `sequences[i]` (at its next position) and returns, per
  /// row, log π(· | that sequence's tokens so far) over the vocabulary.
  /// - Throws: ``ModelError`` for unknown sequences, repeated sequences, ids out of the
  ///   vocabulary, or a sequence whose context is full.
  public func step(sequences: [Int], tokens: [Int]) throws(ModelError) -> [[Double]] {
    let lp = try stepRows(sequences: sequences, tokens: tokens)
    let v = model.config.vocabSize
    return (0..<sequences.count).map { r in (0..<v).map { Double(lp[r * v + $0]) } }
  }

  /// ``prefillRows(sequences:prompts:)`` with the log-probabilities copied out, one row per
  /// sequence (as ``step(sequences:tokens:)``).
  public func prefill(sequences: [Int], prompts: [[Int]]) throws(ModelError) -> [[Double]] {
    let lp = try prefillRows(sequences: sequences, prompts: prompts)
    let v = model.config.vocabSize
    return (0..<sequences.count).map { r in (0..<v).map { Double(lp[r * v + $0]) } }
  }

  /// Feeds each fresh sequence `sequences[i]` (nothing fed yet) its whole prompt `prompts[i]`
  /// at once: one batched ``Transformer/forward(_:)`` over the prompts (right-padded; padding
  /// never reaches a real position), whose keys and values fill the caches. Returns what
  /// ``stepRows(sequences:tokens:)`` returns after the last prompt token: row i holds
  /// log π(· | prompts[i]), valid until the next step. The same function as feeding the
  /// prompts token by token (up to rounding), at a fraction of the cost: every matrix product
  /// runs over all prompt rows at once, and only the last row's log-probabilities are kept.
  /// - Throws: ``ModelError`` for unknown, repeated or already-fed sequences and prompts
  ///   that are empty, longer than the context or hold ids out of the vocabulary.
  @_specialize(where S == Float)
  func prefillRows(sequences: [Int], prompts: [[Int]]) throws(ModelError) -> UnsafePointer<S> {
    let config = model.config
    defer { for s in sequences where s >= 0 && s < capacity { work.seen[s] = false } }
    try markSequences(sequences, inputs: prompts.count, name: "prompts")
    for s in sequences {
      try ModelError.require(positions[s] == 0, "positions[\(s)]", positions[s], "must be 0")
    }
    let logProbs = work.logProbs
    if sequences.isEmpty { return UnsafePointer(logProbs.pointer) }
    let batch = try TokenBatch(
      sequences: prompts, responseMasks: prompts.map { [Bool](repeating: false, count: $0.count) },
      padToken: 0, config: config)
    let pass = try model.forward(batch)
    let d = config.modelWidth
    let ctx = config.context
    let v = config.vocabSize
    let t = batch.length
    for (l, cache) in pass.blocks.enumerated() {
      let packed = cache.attention.packed.pointer
      let kv = caches[l].pointer
      for (i, s) in sequences.enumerated() {
        for p in 0..<batch.lengths[i] {
          (kv + (s * ctx + p) * 2 * d).update(from: packed + (i * t + p) * 3 * d + d, count: 2 * d)
        }
      }
    }
    for (i, s) in sequences.enumerated() {
      let n = batch.lengths[i]
      (logProbs.pointer + i * v).update(from: pass.logProbs.pointer + (i * t + n - 1) * v, count: v)
      positions[s] = n
    }
    return UnsafePointer(logProbs.pointer)
  }

  /// Checks that `inputs` (the count of the argument `name`) has one entry per sequence and
  /// that the sequences are distinct slots of this decoder, marking each seen (the caller's
  /// `defer` clears the marks, also after a throw).
  private func markSequences(_ sequences: [Int], inputs: Int, name: String) throws(ModelError) {
    try ModelError.require(
      inputs == sequences.count, "\(name).count", inputs,
      "must equal sequences.count = \(sequences.count)")
    for (i, s) in sequences.enumerated() {
      try ModelError.require(
        s >= 0 && s < capacity, "sequences[\(i)]", s, "must lie in 0..<capacity = \(capacity)")
      try ModelError.require(!work.seen[s], "sequences[\(i)]", s, "must be distinct")
      work.seen[s] = true
    }
  }

  /// ``step(sequences:tokens:)`` without the copy: the log-probabilities of row r are
  /// `result[r·V ..< (r+1)·V]`, valid until the next step of this decoder.
  @_specialize(where S == Float)
  func stepRows(sequences: [Int], tokens: [Int]) throws(ModelError) -> UnsafePointer<S> {
    let config = model.config
    defer { for s in sequences where s >= 0 && s < capacity { work.seen[s] = false } }
    try markSequences(sequences, inputs: tokens.count, name: "tokens")
    for (i, s) in sequences.enumerated() {
      try ModelError.require(
        positions[s] < config.context, "positions[\(s)]", positions[s],
        "must be < context = \(config.context)")
      try ModelError.require(
        tokens[i] >= 0 && tokens[i] < config.vocabSize, "tokens[\(i)]", tokens[i],
        "must lie in 0..<vocabSize = \(config.vocabSize)")
    }
    let rows = sequences.count
    let logProbs = work.logProbs
    if rows == 0 { return UnsafePointer(logProbs.pointer) }
    let d = config.modelWidth
    let heads = config.heads
    let dh = config.headWidth
    let ctx = config.context
    let p = model.parameters
    let ids = tokens.map { Int32($0) }
    let pos = sequences.map { Int32(positions[$0]) }

    let x = work.x
    ids.withUnsafeBufferPointer { idp in
      pos.withUnsafeBufferPointer { pp in
        guard let i0 = idp.baseAddress, let p0 = pp.baseAddress else { return }
        model.tokenEmbedding.forward(
          ids: i0, count: rows, into: x.pointer, accumulate: false, parameters: p)
        model.positionEmbedding.forward(
          ids: p0, count: rows, into: x.pointer, accumulate: true, parameters: p)
      }
    }
    let normed = work.normed
    let xhat = work.xhat
    let rstd = work.rstd
    let packed = work.packed
    let mixed = work.mixed
    let out = work.out
    let scores = work.scores
    let mlpCache = work.mlp
    let scale = 1 / S(dh).squareRoot()
    for (l, block) in model.blocks.enumerated() {
      block.norm1.forward(
        x.pointer, rows: rows, into: normed.pointer, normalized: xhat.pointer,
        inverseStd: rstd.pointer, parameters: p)
      block.attention.qkv.forward(normed.pointer, rows: rows, into: packed.pointer, parameters: p)
      let kv = caches[l].pointer
      for (r, s) in sequences.enumerated() {
        let t = positions[s]
        let row = packed.pointer + r * 3 * d
        // Store this position's key and value.
        let slot = kv + (s * ctx + t) * 2 * d
        slot.update(from: row + d, count: 2 * d)
        for h in 0..<heads {
          let q = row + h * dh
          var m = -S.greatestFiniteMagnitude
          for j in 0...t {
            let k = kv + (s * ctx + j) * 2 * d + h * dh
            var dot: S = 0
            for e in 0..<dh { dot += q[e] * k[e] }
            scores.pointer[j] = dot * scale
            if scores.pointer[j] > m { m = scores.pointer[j] }
          }
          var sum: S = 0
          for j in 0...t {
            let e = S.exp(scores.pointer[j] - m)
            scores.pointer[j] = e
            sum += e
          }
          let o = mixed.pointer + r * d + h * dh
          for e in 0..<dh { o[e] = 0 }
          for j in 0...t {
            let w = scores.pointer[j] / sum
            let v = kv + (s * ctx + j) * 2 * d + d + h * dh
            for e in 0..<dh { o[e] += w * v[e] }
          }
        }
      }
      block.attention.projection.forward(
        mixed.pointer, rows: rows, into: out.pointer, parameters: p)
      for i in 0..<(rows * d) { x.pointer[i] += out.pointer[i] }
      block.norm2.forward(
        x.pointer, rows: rows, into: normed.pointer, normalized: xhat.pointer,
        inverseStd: rstd.pointer, parameters: p)
      block.mlp.forward(
        normed.pointer, rows: rows, into: out.pointer, cache: mlpCache, parameters: p)
      for i in 0..<(rows * d) { x.pointer[i] += out.pointer[i] }
    }
    model.finalNorm.forward(
      x.pointer, rows: rows, into: normed.pointer, normalized: xhat.pointer,
      inverseStd: rstd.pointer, parameters: p)
    model.lmHead.forward(normed.pointer, rows: rows, into: logProbs.pointer, parameters: p)
    for s in sequences { positions[s] += 1 }
    return UnsafePointer(logProbs.pointer)
  }
}
