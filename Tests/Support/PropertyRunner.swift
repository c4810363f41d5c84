// A seeded property-check driver on top of swift-property-based's generators.
//
// swift-property-based seeds each `propertyCheck` from the system's entropy unless a
// `.fixedSeed` trait is attached — and that trait always records an issue and runs one
// case — so it cannot give CI a fixed seed. This driver draws the inputs from the same
// `Generator`s with a Xoshiro stream seeded by `TestSeed` (overridable with
// ALIGNCHECK_SEED), and on failure shrinks the input towards simple round numbers and
// records the seed, the original and the shrunk input.
import PropertyBased
import Testing

/// Outcome of a property on one input: nil for pass, otherwise the failure message.
public typealias PropertyOutcome = String?

/// Runs seeded property checks.
public enum PropertyRunner {
  /// Checks `property` on `count` inputs drawn from `generator` with the seed for `name`.
  /// The property returns nil on success or a message on failure. On the first failure the
  /// input is shrunk with `shrink` (candidate simpler inputs, tried in order) and one issue
  /// is recorded naming the seed, the shrunk and the original input.
  /// - Returns: the number of cases run (for evidence in tests).
  @discardableResult
  public static func check<T, S>(
    _ name: String, count: Int = 200, generator: Generator<T, S>,
    shrink: (T) -> [T] = { _ in [] },
    sourceLocation: SourceLocation = #_sourceLocation,
    _ property: (T) -> PropertyOutcome
  ) -> Int {
    let master = TestSeed.master
    let seed = TestSeed.seed(for: name, master: master)
    var box = SeedBox(seed)
    for i in 0..<count {
      let input = generator.run(using: &box.rng)
      guard let message = property(input) else { continue }
      var smallest = input
      var smallestMessage = message
      var steps = 0
      var improved = true
      while improved && steps < 500 {
        improved = false
        for candidate in shrink(smallest) {
          if let m = property(candidate) {
            smallest = candidate
            smallestMessage = m
            steps += 1
            improved = true
            break
          }
        }
      }
      Issue.record(
        """
        property '\(name)' failed on case \(i) (master seed \(master), ALIGNCHECK_SEED=\(master) \
        reproduces it)
          shrunk input (\(steps) steps): \(smallest)
          failure: \(smallestMessage)
          original input: \(input)
        """, sourceLocation: sourceLocation)
      return i + 1
    }
    return count
  }
}

/// Shrinkers towards simple round numbers: 0, ±1, integers, fewer significant digits.
public enum Shrinkers {
  /// Simpler candidates for one Double, simplest first (never `x` itself).
  public static func double(_ x: Double) -> [Double] {
    guard x.isFinite, x != 0 else { return [] }
    var out: [Double] = [0]
    if abs(x) > 1 { out.append(x < 0 ? -1 : 1) }
    let r = x.rounded()
    if r != x { out.append(r) }
    var mag = 1.0
    while mag < abs(x) * 1e6 && mag < 1e300 {
      let q = (x / mag).rounded() * mag
      if q != x && q != 0 && abs(q) <= abs(x) * 2 { out.append(q) }
      mag *= 10
    }
    var small = 1.0
    for _ in 0..<8 {
      small /= 10
      let q = (x / small).rounded() * small
      if q != x && abs(q - x) < abs(x) { out.append(q) }
    }
    if abs(x) > 2 { out.append(x / 2) }
    var seen = Set<Double>()
    return out.filter { $0 != x && seen.insert($0).inserted }
  }

  /// Simpler arrays: each element shrunk in turn (length kept, so shapes stay valid).
  public static func doubles(_ xs: [Double]) -> [[Double]] {
    var out: [[Double]] = []
    for i in xs.indices {
      for c in double(xs[i]) {
        var y = xs
        y[i] = c
        out.append(y)
      }
    }
    return out
  }
}
