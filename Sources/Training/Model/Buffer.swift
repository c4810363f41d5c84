// A fixed-size, zero-initialised block of scalars owned by a class: activations, parameters
// and gradients of the transformer. Goals, in order: 1) no bounds checks or copy-on-write on
// the training hot path (layers work on raw pointers into it); 2) memory freed
// deterministically when the owner goes away.

/// A heap buffer of `count` scalars, zero-initialised, freed on deinit.
public final class Buffer<S: ModelScalar> {
  /// The first element.
  public let pointer: UnsafeMutablePointer<S>
  /// The number of elements.
  public let count: Int

  /// `count` zeros.
  public init(count: Int) {
    precondition(count >= 0, "Buffer count must be ≥ 0, got \(count)")
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  deinit { pointer.deallocate() }

  /// Sets every element to 0.
  public func zero() { pointer.update(repeating: 0, count: count) }

  /// The contents as an array.
  public var array: [S] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

  /// Element `i` (bounds-checked; for tests and small reads, not the hot path).
  public subscript(i: Int) -> S {
    get {
      precondition(i >= 0 && i < count, "Buffer index \(i) out of 0..<\(count)")
      return pointer[i]
    }
    set {
      precondition(i >= 0 && i < count, "Buffer index \(i) out of 0..<\(count)")
      pointer[i] = newValue
    }
  }

  /// The pointer advanced by `offset` elements.
  @inline(__always)
  public func at(_ offset: Int) -> UnsafeMutablePointer<S> { pointer + offset }
}
