// Classifying a trajectory as bounded or growing, for limit claims (e.g. MaPPO's bounded
// log-probability gap): observe g(t) at t = 2^k and the increments Δ_k = g(2^{k+1}) − g(2^k).

/// The limit behaviour of a sequence observed at geometric times.
public enum GrowthClass: String, Sendable, Codable {
  /// The last increment is negligible: ≤ 1e-6·(1 + |g|).
  case bounded
  /// Each of the last four increments is ≥ 1e-3 and none is below half the previous one:
  /// sustained logarithmic or faster growth.
  case growing
  /// Neither.
  case undecided
}

/// Classifies sequences observed at t = 2^k.
public enum GrowthClassifier {
  /// The class of `values[k] = g(2^k)` (at least 5 values for `growing`).
  public static func classify(_ values: [Double]) -> GrowthClass {
    guard values.count >= 2 else { return .undecided }
    let inc = zip(values.dropFirst(), values).map { $0 - $1 }
    if let last = inc.last, let g = values.last, abs(last) <= 1e-6 * (1 + abs(g)) { return .bounded }
    if inc.count >= 4 {
      let tail = Array(inc.suffix(4))
      let sustained = tail.allSatisfy { $0 >= 1e-3 }
        && zip(tail.dropFirst(), tail).allSatisfy { $0 >= 0.5 * $1 }
      if sustained { return .growing }
    }
    return .undecided
  }
}
