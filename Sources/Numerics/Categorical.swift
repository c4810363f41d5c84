// Categorical variates: index i with probability pᵢ/Σp.
//
// Two methods, documented because they give different streams for the same seed:
// - ``RandomStream/categorical(_:)``: inversion, one uniform u and the first i with
//   u·Σp < p₀ + … + pᵢ; O(k) per draw, no setup. For one-off draws.
// - ``AliasTable``: Walker's alias method in Vose's numerically stable construction
//   (Vose, "A linear algorithm for generating random numbers with a given distribution",
//   IEEE TSE 17(9), 1991); O(k) setup, O(1) per draw (one unbiased integer column, one
//   uniform). For many draws from the same distribution.

/// Validates a weight vector: non-empty, finite, non-negative, positive sum. Returns the sum.
private func checkedTotal(_ weights: [Double]) -> Double {
  precondition(!weights.isEmpty, "probabilities must not be empty")
  var total = 0.0
  for w in weights {
    precondition(w >= 0 && w.isFinite, "every probability must be finite and ≥ 0, got \(w)")
    total += w
  }
  precondition(total > 0 && total.isFinite, "probabilities must have a positive finite sum")
  return total
}

extension RandomStream {
  /// An index in 0..<probabilities.count drawn with probability pᵢ/Σp, by inversion.
  /// The weights need not sum to 1 (they are normalised); zero weights are never drawn.
  public mutating func categorical(_ probabilities: [Double]) -> Int {
    let total = checkedTotal(probabilities)
    let target = uniform() * total
    var cumulative = 0.0
    var lastPositive = 0
    for (i, p) in probabilities.enumerated() where p > 0 {
      cumulative += p
      lastPositive = i
      if target < cumulative { return i }
    }
    // Rounding in the cumulative sum can leave target ≥ the last partial sum.
    return lastPositive
  }
}

/// Walker's alias table (Vose's construction) for O(1) categorical draws.
public struct AliasTable: Sendable {
  /// Probability of keeping column i (else its alias), in [0, 1].
  public let keep: [Double]
  /// The alias of column i.
  public let alias: [Int]

  /// Builds the table for weights `probabilities` (normalised by their sum).
  public init(_ probabilities: [Double]) {
    let total = checkedTotal(probabilities)
    let k = probabilities.count
    var scaled = probabilities.map { $0 * Double(k) / total }
    var keep = [Double](repeating: 1, count: k)
    var alias = Array(0..<k)
    var small: [Int] = []
    var large: [Int] = []
    for (i, p) in scaled.enumerated() {
      if p < 1 { small.append(i) } else { large.append(i) }
    }
    while let s = small.popLast(), let l = large.popLast() {
      keep[s] = scaled[s]
      alias[s] = l
      scaled[l] = (scaled[l] + scaled[s]) - 1
      if scaled[l] < 1 { small.append(l) } else { large.append(l) }
    }
    // Whatever remains has scaled weight 1 up to rounding (Vose): keep it always. A column
    // left in `small` by rounding had weight ≈ 1 and keeps itself too.
    for i in large { keep[i] = 1 }
    for i in small { keep[i] = 1 }
    self.keep = keep
    self.alias = alias
  }

  /// The number of categories.
  public var count: Int { keep.count }

  /// One draw: a uniform column, kept with probability keep[column], else its alias.
  public func sample(_ r: inout RandomStream) -> Int {
    let column = Int(r.uniformInt(below: UInt64(keep.count)))
    return r.uniform() < keep[column] ? column : alias[column]
  }
}
