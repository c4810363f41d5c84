// Seeds for every randomized test: one master seed, fixed by default so CI is
// reproducible, overridable with the environment variable ALIGNCHECK_SEED (decimal), and
// mixed with the test's name so that tests draw independent streams.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The master seed of the test suites and how per-test seeds derive from it.
public enum TestSeed {
  /// The default master seed used in CI.
  public static let defaultSeed: UInt64 = 20_251_130

  /// The master seed: `ALIGNCHECK_SEED` from the environment when set, else ``defaultSeed``.
  public static var master: UInt64 {
    if let raw = getenv("ALIGNCHECK_SEED"), let v = UInt64(String(cString: raw)) { return v }
    return defaultSeed
  }

  /// A per-test seed: the master seed mixed with an FNV-1a hash of `name` through
  /// SplitMix64's finaliser (stable across runs and platforms, unlike `Hasher`).
  public static func seed(for name: String, master: UInt64 = TestSeed.master) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in name.utf8 {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return splitMix(master ^ h)
  }

  /// SplitMix64's output function (Steele, Lea & Flood 2014).
  public static func splitMix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
