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
public final class IncrementalDecoder<S: ModelScalar> {
  public let model: Transformer<S>
  /// Number of sequences this decoder holds caches for.
  public let capacity: Int
  /// Keys and values per layer: [capacity × context × 2d] (k then v in each row).
  private let caches: [Buffer<S>]
  /// Next position of each sequence (tokens fed so far).
  public private(set) var positions: [Int]

  public init(model: Transformer<S>, capacity: Int) throws(ModelError) {
    try ModelError.require(capacity >= 1, "capacity", capacity, "must be ≥ 1")
    self.model = model
    self.capacity = capacity
    let c = model.config
    caches = (0..<c.layers).map { _ in Buffer(count: capacity * c.context * 2 * c.modelWidth) }
    positions = [Int](repeating: 0, count: capacity)
  }

  /// Feeds `tokens[i]` to sequence `sequences[i]` (at its next position) and returns, per
  /// row, log π(· | that sequence's tokens so far) over the vocabulary.
  /// - Throws: ``ModelError`` for unknown sequences, repeated sequences, ids out of the
  ///   vocabulary, or a sequence whose context is full.
  @_specialize(where S == Float)
  public func step(sequences: [Int], tokens: [Int]) throws(ModelError) -> [[Double]] {
    let config = model.config
    try ModelError.require(
      tokens.count == sequences.count, "tokens.count", tokens.count,
      "must equal sequences.count = \(sequences.count)")
    var seen = Set<Int>()
    for (i, s) in sequences.enumerated() {
      try ModelError.require(
        s >= 0 && s < capacity, "sequences[\(i)]", s, "must lie in 0..<capacity = \(capacity)")
      try ModelError.require(seen.insert(s).inserted, "sequences[\(i)]", s, "must be distinct")
      try ModelError.require(
        positions[s] < config.context, "positions[\(s)]", positions[s],
        "must be < context = \(config.context)")
      try ModelError.require(
        tokens[i] >= 0 && tokens[i] < config.vocabSize, "tokens[\(i)]", tokens[i],
        "must lie in 0..<vocabSize = \(config.vocabSize)")
    }
    let rows = sequences.count
    if rows == 0 { return [] }
    let d = config.modelWidth
    let heads = config.heads
    let dh = config.headWidth
    let ctx = config.context
    let p = model.parameters
    let ids = tokens.map { Int32($0) }
    let pos = sequences.map { Int32(positions[$0]) }

    let x = Buffer<S>(count: rows * d)
    ids.withUnsafeBufferPointer { idp in
      pos.withUnsafeBufferPointer { pp in
        guard let i0 = idp.baseAddress, let p0 = pp.baseAddress else { return }
        model.tokenEmbedding.forward(
          ids: i0, count: rows, into: x.pointer, accumulate: false, parameters: p)
        model.positionEmbedding.forward(
          ids: p0, count: rows, into: x.pointer, accumulate: true, parameters: p)
      }
    }
    let normed = Buffer<S>(count: rows * d)
    let xhat = Buffer<S>(count: rows * d)
    let rstd = Buffer<S>(count: rows)
    let packed = Buffer<S>(count: rows * 3 * d)
    let mixed = Buffer<S>(count: rows * d)
    let out = Buffer<S>(count: rows * d)
    let scores = Buffer<S>(count: ctx)
    let mlpCache = MLP.Cache<S>(rows: rows, hidden: config.hiddenWidth)
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
    let v = config.vocabSize
    let logProbs = Buffer<S>(count: rows * v)
    model.lmHead.forward(normed.pointer, rows: rows, into: logProbs.pointer, parameters: p)
    for s in sequences { positions[s] += 1 }
    return (0..<rows).map { r in (0..<v).map { Double(logProbs.pointer[r * v + $0]) } }
  }
}
