// Reproducible, independent random-number streams from one master seed.
//
// Goals, in order: 1) reproducibility — stream (seed, i) yields the same bits on every run,
// platform and thread schedule, so a Monte Carlo result is a function of the seed alone;
// 2) independence of streams for parallel work; 3) speed (the Gaussian hot path draws one
// 64-bit word per variate most of the time); 4) simplicity — pure Swift, no global state.
//
// Generator: xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 47(4), 2021): 256 bits of state, period 2²⁵⁶ − 1, passes BigCrush and
// PractRand. Seeding: the four state words are the first four outputs of SplitMix64 started
// at mix(mix(seed) + stream) (``SplitMix64/mix(_:)`` is a bijection), so for a fixed seed
// distinct stream indices always get distinct seeding counters; two (seed, stream) pairs
// collide only by a 2⁻⁶⁴ accident. With 2²⁵⁶ − 1 period and random starting points, the
// chance that two of k streams of length L overlap is about k²L/2²⁵⁶ — nil in practice.
// Stream i is what chunk i of a parallel job uses (``ParallelStreams``), which makes parallel
// results independent of scheduling.

/// One reproducible stream of random numbers: xoshiro256** seeded from (seed, stream) by
/// SplitMix64.
public struct RandomStream: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// The master seed this stream was created from.
  public let seed: UInt64
  /// The stream index within the master seed.
  public let stream: UInt64

  /// Stream number `stream` of master seed `seed`.
  public init(seed: UInt64, stream: UInt64 = 0) {
    self.seed = seed
    self.stream = stream
    var sm = SplitMix64(state: SplitMix64.mix(SplitMix64.mix(seed) &+ stream))
    s0 = sm.next()
    s1 = sm.next()
    s2 = sm.next()
    s3 = sm.next()
    // SplitMix64's outputs are a bijection of distinct counters, so at most one of the four
    // is zero and the forbidden all-zero state cannot occur.
  }

  /// A stream with the given raw xoshiro256** state (not all zero), for known-answer tests
  /// against the reference C code; ``seed`` and ``stream`` are recorded as 0.
  public init(rawState: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(
      rawState != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
    seed = 0
    stream = 0
    (s0, s1, s2, s3) = rawState
  }

  /// The next 64 random bits (xoshiro256** 1.0).
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  @inlinable @inline(__always)
  func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// A uniform double in [0, 1): the top 53 bits of one draw times 2⁻⁵³ (every value is a
  /// multiple of 2⁻⁵³, each with probability 2⁻⁵³).
  @inlinable @inline(__always)
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform double in (0, 1]: 1 − ``uniform()``; safe to pass to log.
  @inlinable @inline(__always)
  public mutating func uniformPositive() -> Double {
    1 - uniform()
  }

  /// A uniform double in [a, b).
  public mutating func uniform(in range: Range<Double>) -> Double {
    precondition(range.lowerBound.isFinite && range.upperBound.isFinite, "range must be finite")
    let v = range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    // Rounding of a + (b − a)u can reach b; keep the half-open promise.
    return v < range.upperBound ? v : range.lowerBound
  }

  /// A uniform integer in [0, n), exactly unbiased: Lemire's multiply-and-reject method
  /// ("Fast random integer generation in an interval", ACM TOMS 2019). The 128-bit product
  /// r·n maps r to ⌊r·n/2⁶⁴⌋; draws whose low half falls below 2⁶⁴ mod n are rejected, which
  /// leaves exactly ⌊2⁶⁴/n⌋ accepted draws per outcome (no modulo bias).
  @inlinable
  public mutating func uniformInt(below n: UInt64) -> UInt64 {
    precondition(n > 0, "upper bound must be > 0")
    var m = next().multipliedFullWidth(by: n)
    if m.low < n {
      let threshold = (0 &- n) % n  // 2⁶⁴ mod n
      while m.low < threshold {
        m = next().multipliedFullWidth(by: n)
      }
    }
    return m.high
  }

  /// A uniform integer in `range`, exactly unbiased (see ``uniformInt(below:)``); the full
  /// range Int.min...Int.max is allowed.
  @inlinable
  public mutating func uniformInt(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
    if span == UInt64.max { return Int(Int64(bitPattern: next())) }
    return range.lowerBound &+ Int(Int64(bitPattern: uniformInt(below: span &+ 1)))
  }

  /// A uniform integer in `range` (half-open), exactly unbiased.
  @inlinable
  public mutating func uniformInt(in range: Range<Int>) -> Int {
    precondition(!range.isEmpty, "range must not be empty")
    return uniformInt(in: range.lowerBound...(range.upperBound - 1))
  }

  /// Fills `buffer` with uniform doubles in [0, 1) (as ``uniform()``).
  public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    for i in 0..<buffer.count {
      base[i] = uniform()
    }
  }

  /// Fills `buffer` with uniform doubles in [0, 1) (as ``uniform()``).
  public mutating func fillUniform(_ buffer: inout [Double]) {
    buffer.withUnsafeMutableBufferPointer { fillUniform($0) }
  }
}
