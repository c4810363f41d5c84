// A process-wide cache of the exact MPO and full-order probabilities per (k, τ), so the §3
// entries of claims/mpo.md that share REL-GRID cells compute each quadrature or recursion
// once ("cached per (k, τ)").
//
// Goals, in order: 1) a cached value is bit-identical to a fresh one (pure functions of the
// key); 2) thread safety (a Mutex); 3) simplicity.
import Numerics
import Synchronization

/// A cache key: k, the bits of τ and which quantity.
struct MPORelCacheKey: Hashable, Sendable {
  var k: Int
  var tauBits: UInt64
  var tag: Int
}

/// The shared cache.
final class MPORelCache: Sendable {
  static let shared = MPORelCache()
  private let store = Mutex<[MPORelCacheKey: Estimate]>([:])

  func get(_ key: MPORelCacheKey) -> Estimate? { store.withLock { $0[key] } }
  func set(_ key: MPORelCacheKey, _ value: Estimate) { store.withLock { $0[key] = value } }
}
