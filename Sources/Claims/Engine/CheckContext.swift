// What a check receives: the seed every random choice flows from, and the mode (quick for
// CI, full for reports). Case i of a check draws from its own stream, so a report is
// reproducible bit for bit whatever the order of evaluation.
import Numerics

/// The run settings passed to a check.
public struct CheckContext: Sendable {
  /// How much work a check does.
  public enum Mode: String, Codable, Sendable {
    /// Reduced case counts for CI (each check documents its quick counts).
    case quick
    /// The catalog's case counts.
    case full
  }

  /// The master seed of this check run.
  public var seed: UInt64
  public var mode: Mode

  public init(seed: UInt64, mode: Mode) {
    self.seed = seed
    self.mode = mode
  }

  /// The number of cases: the catalog's `full` count, or `quick` in quick mode.
  public func count(full: Int, quick: Int) -> Int {
    mode == .full ? full : min(quick, full)
  }

  /// An independent random stream for `label` (e.g. a stratum name) mixed with the seed.
  public func stream(_ label: String, index: UInt64 = 0) -> RandomStream {
    RandomStream(seed: seed ^ fnv1a(label), stream: index)
  }
}

/// FNV-1a 64-bit hash of a string: stable across runs and platforms (unlike `Hasher`).
func fnv1a(_ s: String) -> UInt64 {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  for b in s.utf8 {
    h ^= UInt64(b)
    h = h &* 0x0000_0100_0000_01b3
  }
  return h
}
