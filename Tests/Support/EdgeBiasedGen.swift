// Edge-biased floating-point generators on top of swift-property-based's `Generator`.
// Its own floats are uniform on a range, which almost never produces the inputs that break
// losses: exact zero, ties, tiny and huge magnitudes, saturation of σ. These draw a fixed
// fraction from an edge set and the rest log-uniformly in magnitude across decades.
import PropertyBased

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Generators of `Double` values biased towards the edges where numerical code breaks.
public enum EdgeGen {
  /// Values in [lo, hi]: with probability `edgeRate` one of the edge values that lie in the
  /// range (0, ±1e-300, ±5e-324, ±1e-8, ±0.5, ±1, ±2, ±30, ±800, ±1e4, ±1e5, lo, hi, …),
  /// otherwise sign × 10^u with u uniform over the decades the range spans.
  public static func double(
    in range: ClosedRange<Double>, edgeRate: Double = 0.25, edges extra: [Double] = []
  ) -> Generator<Double, Shrink.None<Double>> {
    let lo = range.lowerBound
    let hi = range.upperBound
    precondition(lo.isFinite && hi.isFinite && lo <= hi, "finite, ordered range required")
    let base: [Double] = [
      0, Double.leastNonzeroMagnitude, 1e-300, 1e-30, 1e-8, 1e-3, 0.125, 0.5, 1, 2, 5.5, 9, 30, 37, 800, 1e4, 1e5,
    ]
    let edgeSet = ([lo, hi] + extra + base + base.map { -$0 }).filter { range.contains($0) }
    let maxMag = max(abs(lo), abs(hi))
    let topDecade = maxMag > 0 ? log10(maxMag) : 0
    let bottomDecade = max(topDecade - 12, -12.0)
    return Generator { rng in
      let u = Double(rng.next() >> 11) * 0x1.0p-53
      if u < edgeRate, !edgeSet.isEmpty {
        return edgeSet[Int(rng.next() % UInt64(edgeSet.count))]
      }
      for _ in 0..<64 {
        let d = bottomDecade + (topDecade - bottomDecade) * Double(rng.next() >> 11) * 0x1.0p-53
        let m = pow(10, d)
        let v = (rng.next() & 1 == 0) ? m : -m
        if range.contains(v) { return v }
      }
      return lo + (hi - lo) * Double(rng.next() >> 11) * 0x1.0p-53
    }
  }

  /// Log-probabilities in [lowest, 0] (lowest < 0), edge-biased towards 0, −1e-300, −1,
  /// −30, −800, −1e4, −1e5 and `lowest`.
  public static func logProbability(lowest: Double = -1e5) -> Generator<Double, Shrink.None<Double>>
  {
    double(in: lowest...0)
  }

  /// Positive values in [lo, hi] (0 < lo), log-uniform with edges.
  public static func positive(_ range: ClosedRange<Double>) -> Generator<
    Double, Shrink.None<Double>
  > {
    precondition(range.lowerBound > 0, "positive range required")
    return Generator { rng in
      let edges = [range.lowerBound, range.upperBound, 1.0].filter { range.contains($0) }
      if rng.next() % 5 == 0 { return edges[Int(rng.next() % UInt64(edges.count))] }
      let a = log(range.lowerBound)
      let b = log(range.upperBound)
      return exp(a + (b - a) * Double(rng.next() >> 11) * 0x1.0p-53)
    }
  }

  /// Arrays of `count` values from `element`.
  public static func array<S>(
    _ element: Generator<Double, S>, count: ClosedRange<Int>
  ) -> Generator<[Double], Shrink.None<[Double]>> {
    Generator { rng in
      let n = count.lowerBound + Int(rng.next() % UInt64(count.count))
      var seeded = SeedBox(rng.next())
      return (0..<n).map { _ in element.run(using: &seeded.rng) }
    }
  }
}

/// A Xoshiro generator seeded from one 64-bit value (via SplitMix64), for nested draws.
public struct SeedBox {
  public var rng: Xoshiro
  public init(_ seed: UInt64) {
    let a = TestSeed.splitMix(seed)
    let b = TestSeed.splitMix(a)
    let c = TestSeed.splitMix(b)
    let d = TestSeed.splitMix(c)
    rng = Xoshiro(seed: (a, b, c, d | 1))
  }
}
