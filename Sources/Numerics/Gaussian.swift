// Standard normal variates: the fast path Monte Carlo uses (~10⁹ draws per run), by the
// 256-layer ziggurat of Ziggurat.swift, one at a time or in bulk.

extension RandomStream {
  /// A standard normal variate N(0, 1), by the Marsaglia–Tsang ziggurat with exact tail
  /// (see ``ZigguratTables``).
  public mutating func gaussian() -> Double {
    zigguratGaussian(ZigguratTables.shared)
  }

  /// A normal variate with the given mean and standard deviation (σ ≥ 0).
  public mutating func gaussian(mean: Double, standardDeviation: Double) -> Double {
    precondition(standardDeviation >= 0, "standardDeviation must be ≥ 0, got \(standardDeviation)")
    return mean + standardDeviation * gaussian()
  }

  /// Fills `buffer` with standard normal variates; the same values, in the same order, as
  /// `buffer.count` calls of ``gaussian()``.
  public mutating func fillGaussian(_ buffer: inout [Double]) {
    buffer.withUnsafeMutableBufferPointer { fillGaussian($0) }
  }

  /// Fills `buffer` with standard normal variates (as ``fillGaussian(_:)-([Double])``).
  public mutating func fillGaussian(_ buffer: UnsafeMutableBufferPointer<Double>) {
    let tables = ZigguratTables.shared
    guard let base = buffer.baseAddress else { return }
    for i in 0..<buffer.count {
      base[i] = zigguratGaussian(tables)
    }
  }
}
