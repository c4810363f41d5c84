// Multi-head causal self-attention (Vaswani et al. 2017; GPT-2), batched over sequences of
// one padded length T. Sequences are right-padded, so the causal mask alone keeps every real
// position from seeing padding (pads only follow real tokens); no separate padding mask.
//
// Goals, in order: 1) the textbook definition with a numerically stable softmax (row max
// subtracted); 2) speed: every product is one strided gemm per (sequence, head), reading the
// head's columns of the packed q|k|v matrix in place (leading dimension 3d), no copies, and
// over the sequence's own length T_b only, not the padded T (attention costs T_b², and the
// batch's sequences are on average well shorter than its longest).
//
// Padding rows (t ≥ T_b): no real row attends to them (causal mask), and they attend to
// nothing: their head outputs O are defined as 0 (so the projection's gemm over all rows
// stays finite and padding rows never touch real rows), and since O does not depend on
// q|k|v there, their q|k|v gradients are 0. Every real row's output is the same function as
// without padding, and the backward pass is the exact gradient of this definition (the LM
// head gives padding rows no upstream in any case).

/// y = concat_h(softmax(mask(Q_h K_hᵀ/√d_h)) V_h)·W_o + b_o with [Q|K|V] = x·W_qkv + b_qkv,
/// per sequence over its first T_b rows (padding rows: O = 0, see the file header).
///
/// Backward for one (sequence, head), with P the saved probabilities, G = ∂L/∂O_h (the
/// head's columns of the projection's input gradient) and c = 1/√d_h:
///   ∂L/∂V = Pᵀ·G,   ∂L/∂P = G·Vᵀ,
///   ∂L/∂S_ij = P_ij·(∂L/∂P_ij − Σ_k P_ik ∂L/∂P_ik)   (softmax Jacobian; 0 where masked),
///   ∂L/∂Q = c·∂L/∂S·K,   ∂L/∂K = c·(∂L/∂S)ᵀ·Q,
/// then the packed ∂L/∂[Q|K|V] goes through the qkv Linear backward.
public struct CausalSelfAttention: Sendable {
  public let width: Int
  public let heads: Int
  public let qkv: Linear
  public let projection: Linear

  /// Registers `name.qkv` (d → 3d) and `name.proj` (d → d, a residual projection).
  public init(name: String, width: Int, heads: Int, layout: inout ParameterLayout) {
    precondition(heads >= 1 && width % heads == 0, "heads must divide width")
    self.width = width
    self.heads = heads
    qkv = Linear(name: "\(name).qkv", inputs: width, outputs: 3 * width, layout: &layout)
    projection = Linear(
      name: "\(name).proj", inputs: width, outputs: width, kind: .residualWeight,
      layout: &layout)
  }

  /// Per-head width d_h.
  public var headWidth: Int { width / heads }

  /// Saved activations of one forward pass over `batch` sequences of length `length`.
  public final class Cache<S: ModelScalar> {
    public let batch: Int
    public let length: Int
    /// Real length T_b ≤ T of each sequence (rows t ≥ T_b are padding, see the file header).
    public let lengths: [Int]
    /// [Q|K|V] (B·T × 3d).
    let packed: Buffer<S>
    /// Attention probabilities (B × heads × T × T, row stride T; only the T_b × T_b block of
    /// sequence b is written, zero above the diagonal).
    let probabilities: Buffer<S>
    /// Concatenated head outputs O (B·T × d), the projection's input.
    let mixed: Buffer<S>
    /// Fresh buffers (for the layer on its own); `lengths` nil: every sequence fills T.
    public convenience init(
      batch: Int, length: Int, width: Int, heads: Int, lengths: [Int]? = nil
    ) {
      self.init(
        batch: batch, length: length, width: width, heads: heads, lengths: lengths,
        arena: BufferArena())
    }
    /// Buffers from `arena` (every element forward reads it has written first).
    init(
      batch: Int, length: Int, width: Int, heads: Int, lengths: [Int]?, arena: BufferArena<S>
    ) {
      precondition(
        lengths.map { $0.count == batch && $0.allSatisfy { $0 >= 1 && $0 <= length } } ?? true,
        "lengths must hold one value in 1...length per sequence")
      self.batch = batch
      self.length = length
      self.lengths = lengths ?? [Int](repeating: length, count: batch)
      packed = arena.take(batch * length * 3 * width, zeroed: false)
      probabilities = arena.take(batch * heads * length * length, zeroed: false)
      mixed = arena.take(batch * length * width, zeroed: false)
    }
  }

  /// y ← attention(x) for B = cache.batch sequences of T = cache.length rows each.
  public func forward<S: ModelScalar>(
    _ x: UnsafePointer<S>, into y: UnsafeMutablePointer<S>, cache: Cache<S>,
    parameters: ParameterStore<S>
  ) {
    let (batch, t) = (cache.batch, cache.length)
    let rows = batch * t
    let dh = headWidth
    let ld = 3 * width
    let scale = 1 / S(dh).squareRoot()
    qkv.forward(x, rows: rows, into: cache.packed.pointer, parameters: parameters)
    for b in 0..<batch {
      let tb = cache.lengths[b]
      let base = cache.packed.pointer + b * t * ld
      for h in 0..<heads {
        let q = base + h * dh
        let k = base + width + h * dh
        let v = base + 2 * width + h * dh
        let p = cache.probabilities.pointer + (b * heads + h) * t * t
        S.gemm(
          transposeA: false, transposeB: true, m: tb, n: tb, k: dh, alpha: scale, a: q, lda: ld,
          b: k, ldb: ld, beta: 0, c: p, ldc: t)
        Self.causalSoftmax(p, length: tb, rowStride: t)
        S.gemm(
          transposeA: false, transposeB: false, m: tb, n: dh, k: tb, alpha: 1, a: p, lda: t,
          b: v, ldb: ld, beta: 0, c: cache.mixed.pointer + b * t * width + h * dh, ldc: width)
      }
      if tb < t {
        (cache.mixed.pointer + (b * t + tb) * width).update(repeating: 0, count: (t - tb) * width)
      }
    }
    projection.forward(cache.mixed.pointer, rows: rows, into: y, parameters: parameters)
  }

  /// Row-wise softmax of the T×T scores (rows `rowStride` apart, default T) over j ≤ i (max
  /// subtracted); entries i < j < T set to 0.
  static func causalSoftmax<S: ModelScalar>(
    _ p: UnsafeMutablePointer<S>, length t: Int, rowStride: Int? = nil
  ) {
    let ld = rowStride ?? t
    for i in 0..<t {
      let row = p + i * ld
      var m = row[0]
      for j in stride(from: 1, through: i, by: 1) where row[j] > m { m = row[j] }
      var sum: S = 0
      for j in 0...i {
        let e = S.exp(row[j] - m)
        row[j] = e
        sum += e
      }
      let inv = 1 / sum
      for j in 0...i { row[j] *= inv }
      for j in (i + 1)..<t { row[j] = 0 }
    }
  }

  /// Accumulates parameter gradients and writes ∂L/∂x into `dx` (added when `accumulate`).
  /// Scratch: `mixedGradient` (B·T × d), `packedGradient` (B·T × 3d), `scoreGradient` (T × T).
  public func backward<S: ModelScalar>(
    input x: UnsafePointer<S>, outputGradient dy: UnsafePointer<S>, cache: Cache<S>,
    mixedGradient: Buffer<S>, packedGradient: Buffer<S>, scoreGradient: Buffer<S>,
    inputGradient dx: UnsafeMutablePointer<S>, accumulate: Bool, parameters: ParameterStore<S>
  ) {
    let (batch, t) = (cache.batch, cache.length)
    let rows = batch * t
    let dh = headWidth
    let ld = 3 * width
    let scale = 1 / S(dh).squareRoot()
    projection.backward(
      input: cache.mixed.pointer, outputGradient: dy, rows: rows,
      inputGradient: mixedGradient.pointer, accumulate: false, parameters: parameters)
    let ds = scoreGradient.pointer
    for b in 0..<batch {
      let tb = cache.lengths[b]
      let base = cache.packed.pointer + b * t * ld
      let dbase = packedGradient.pointer + b * t * ld
      if tb < t { (dbase + tb * ld).update(repeating: 0, count: (t - tb) * ld) }
      for h in 0..<heads {
        let q = base + h * dh
        let k = base + width + h * dh
        let v = base + 2 * width + h * dh
        let p = cache.probabilities.pointer + (b * heads + h) * t * t
        let dO = mixedGradient.pointer + b * t * width + h * dh
        // ∂L/∂V = Pᵀ·G
        S.gemm(
          transposeA: true, transposeB: false, m: tb, n: dh, k: tb, alpha: 1, a: p, lda: t,
          b: dO, ldb: width, beta: 0, c: dbase + 2 * width + h * dh, ldc: ld)
        // ∂L/∂P = G·Vᵀ
        S.gemm(
          transposeA: false, transposeB: true, m: tb, n: tb, k: dh, alpha: 1, a: dO, lda: width,
          b: v, ldb: ld, beta: 0, c: ds, ldc: t)
        // Softmax Jacobian, times c (the score scale) so the two products below use α = 1.
        for i in 0..<tb {
          let pr = p + i * t
          let dr = ds + i * t
          var dot: S = 0
          for j in 0...i { dot += pr[j] * dr[j] }
          for j in 0...i { dr[j] = scale * pr[j] * (dr[j] - dot) }
          for j in (i + 1)..<tb { dr[j] = 0 }
        }
        // ∂L/∂Q = ∂L/∂S·K,  ∂L/∂K = (∂L/∂S)ᵀ·Q
        S.gemm(
          transposeA: false, transposeB: false, m: tb, n: dh, k: tb, alpha: 1, a: ds, lda: t,
          b: k, ldb: ld, beta: 0, c: dbase + h * dh, ldc: ld)
        S.gemm(
          transposeA: true, transposeB: false, m: tb, n: dh, k: tb, alpha: 1, a: ds, lda: t,
          b: q, ldb: ld, beta: 0, c: dbase + width + h * dh, ldc: ld)
      }
    }
    qkv.backward(
      input: x, outputGradient: packedGradient.pointer, rows: rows, inputGradient: dx,
      accumulate: accumulate, parameters: parameters)
  }
}
