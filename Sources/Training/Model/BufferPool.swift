// Recycling of activation and scratch buffers between the forward and backward passes of one
// model. Goals, in order: 1) a buffer is reused only after nothing refers to it any more
// (a ForwardPass returns its buffers when it is freed, a backward pass when it ends), so
// callers may hold any number of passes; 2) no page faults and no zero-filling of fresh
// memory on the hot path (they were a sixth of a training step); 3) bounded memory.

/// Free buffers of one model, by size.
final class BufferPool<S: ModelScalar> {
  private var free: [Int: [Buffer<S>]] = [:]
  private var pooled = 0
  /// At most this many scalars wait in the pool (beyond it the pool is emptied first).
  let capacity: Int

  init(capacity: Int = 1 << 25) { self.capacity = capacity }

  /// A buffer of `count` scalars: recycled when one is free (zero-filled only when `zeroed`),
  /// else new (always zero).
  func take(_ count: Int, zeroed: Bool) -> Buffer<S> {
    if var list = free[count], let b = list.popLast() {
      free[count] = list
      pooled -= count
      if zeroed { b.zero() }
      return b
    }
    return Buffer(count: count)
  }

  /// Returns buffers that nothing else uses any more.
  func recycle(_ buffers: [Buffer<S>]) {
    for b in buffers {
      if pooled + b.count > capacity {
        free.removeAll()
        pooled = 0
      }
      free[b.count, default: []].append(b)
      pooled += b.count
    }
  }
}

/// The buffers one pass takes from a pool, returned together by ``release()``.
public final class BufferArena<S: ModelScalar> {
  let pool: BufferPool<S>?
  private(set) var buffers: [Buffer<S>] = []

  /// An arena over `pool` (nil: plain allocation, nothing recycled).
  init(pool: BufferPool<S>?) { self.pool = pool }

  /// An arena that allocates fresh buffers (for layers used on their own, as in tests).
  public convenience init() { self.init(pool: nil) }

  /// A buffer of `count` scalars; `zeroed` false only where every element is written before
  /// it is read.
  func take(_ count: Int, zeroed: Bool) -> Buffer<S> {
    let b = pool?.take(count, zeroed: zeroed) ?? Buffer(count: count)
    buffers.append(b)
    return b
  }

  /// Gives every buffer back to the pool; the arena's buffers must not be used afterwards.
  func release() {
    pool?.recycle(buffers)
    buffers = []
  }
}
