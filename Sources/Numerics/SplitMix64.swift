// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
// OOPSLA 2014; the constants of Vigna's reference C code): a 64-bit counter advanced by
// the golden-ratio gamma and passed through a bijective finaliser. AlignCheck uses it only
// to expand a (master seed, stream index) pair into the 256-bit state of a `RandomStream`,
// as Vigna recommends for seeding xoshiro generators.

/// The SplitMix64 generator, used to seed ``RandomStream``.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The golden-ratio increment 2⁶⁴/φ, rounded to odd.
  public static let gamma: UInt64 = 0x9e37_79b9_7f4a_7c15

  /// The counter.
  public var state: UInt64

  public init(state: UInt64) { self.state = state }

  /// The finaliser (Stafford's "Mix13" variant): a bijection of UInt64 with full avalanche,
  /// so distinct inputs always give distinct outputs.
  @inline(__always)
  public static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// The next 64 random bits: advance the counter by ``gamma`` and finalise it.
  @inline(__always)
  public mutating func next() -> UInt64 {
    state &+= Self.gamma
    return Self.mix(state)
  }
}
