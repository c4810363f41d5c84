// TEMPORARY: stands in for Numerics.RandomStream until it lands (same interface); deleted
// then. Not used for any reported result before that.
#if canImport(Glibc)
  import Glibc
#endif

public struct RandomStream: RandomNumberGenerator, Sendable {
  var s: (UInt64, UInt64, UInt64, UInt64)
  public init(seed: UInt64, stream: UInt64) {
    var z = seed ^ (stream &* 0x9e37_79b9_7f4a_7c15)
    func next() -> UInt64 {
      z = z &+ 0x9e37_79b9_7f4a_7c15
      var x = z
      x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
      x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
      return x ^ (x >> 31)
    }
    s = (next(), next(), next(), next())
  }
  public mutating func next() -> UInt64 {
    let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = (s.3 << 45) | (s.3 >> 19)
    return result
  }
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
  public mutating func gaussian() -> Double {
    let u1 = max(uniform(), 1e-300)
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
