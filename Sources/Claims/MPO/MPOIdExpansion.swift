// Exact sums of float64 numbers by floating-point expansions (Shewchuk 1997, "Adaptive
// Precision Floating-Point Arithmetic"): TwoSum, TwoProduct (via fma) and Grow-Expansion with
// zero elimination. A non-overlapping expansion's sign is the sign of its largest component,
// so the sign of N·S_i − Σ_j S_j (which side of the exact mean S_i lies on) and the error of a
// computed mean are exact. Used by the partition checks (mpo.partition.*). Valid while no
// intermediate overflows (scores here are at most ~1e7 in magnitude).
#if canImport(Glibc)
  import Glibc
#endif

/// An exact sum of doubles as a non-overlapping expansion (increasing magnitude).
struct MPOIdExpansion {
  private(set) var components: [Double] = []

  init() {}

  /// Adds b exactly (Grow-Expansion with zero elimination, in place: the k-th output is
  /// written only after the k-th input has been read).
  mutating func add(_ b: Double) {
    var q = b
    var k = 0
    let count = components.count
    for i in 0..<count {
      let e = components[i]
      let s = q + e
      let bv = s - q
      let err = (q - (s - bv)) + (e - bv)
      if err != 0 {
        components[k] = err
        k += 1
      }
      q = s
    }
    if q != 0 {
      if k < count { components[k] = q } else { components.append(q) }
      k += 1
    }
    if k < components.count { components.removeLast(components.count - k) }
  }

  /// Adds a·b exactly (TwoProduct by fma).
  mutating func addProduct(_ a: Double, _ b: Double) {
    let p = a * b
    let e = fma(a, b, -p)
    add(e)
    add(p)
  }

  /// The exact sign (−1, 0, +1).
  var sign: Int {
    guard let top = components.last else { return 0 }
    return top > 0 ? 1 : -1
  }

  /// The value, rounded (relative error ≤ a few ε).
  var approximate: Double { components.reduce(0, +) }
}

enum MPOIdExact {
  /// sign(N·S_i − Σ_j S_j) for every i: +1 above the exact mean, 0 on it, −1 below.
  static func sidesOfMean(_ s: [Double]) -> [Int] {
    let n = Double(s.count)
    var total = MPOIdExpansion()
    for x in s { total.add(x) }
    return s.indices.map { i in
      var e = MPOIdExpansion()
      e.addProduct(n, s[i])
      for c in total.components { e.add(-c) }
      return e.sign
    }
  }

  /// Whether `m` is the exact mean of s or its correct rounding:
  /// |Σ S − N·m| ≤ N·ulp(m)/2, the left side from an exact expansion.
  static func isCorrectlyRoundedMean(_ m: Double, of s: [Double]) -> (
    exact: Bool, correctlyRounded: Bool
  ) {
    var e = MPOIdExpansion()
    for x in s { e.add(x) }
    e.addProduct(-Double(s.count), m)
    if e.sign == 0 { return (true, true) }
    return (false, abs(e.approximate) <= Double(s.count) * m.ulp / 2)
  }
}
