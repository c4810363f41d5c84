// The threshold statistics of MPO's partition (001_*.txt App. D.2 eq. (11)–(13) for the
// mean; App. A.3 Table 7 and claims/mpo.md mpo.emp.partition-statistic for the median and
// the 10%-trimmed mean).

/// How the threshold t of 𝒴⁺ = {S̃ > t}, 𝒴⁻ = {S̃ ≤ t} is computed from a prompt's scores.
public enum PartitionStatistic: Hashable, Sendable, Codable {
  /// The mean, by left-to-right float64 summation (Objectives' `MeanPartition`, eq. (11)).
  case mean
  /// The median; for an even count the mean of the two middle values.
  case median
  /// The mean after dropping the ⌊f·N⌋ lowest and ⌊f·N⌋ highest scores (f = 0.1 in the
  /// catalog); 0 ≤ f < 0.5.
  case trimmedMean(fraction: Double)

  /// Checks the trimming fraction.
  /// - Throws: ``TaskError`` unless 0 ≤ f < 0.5.
  public func validate() throws(TaskError) {
    if case .trimmedMean(let f) = self, !(f >= 0 && f < 0.5) {
      throw TaskError(field: "trimmedMean.fraction", value: "\(f)", rule: "must lie in [0, 0.5)")
    }
  }

  /// The threshold of `scores` (non-empty).
  public func threshold(_ scores: [Double]) -> Double {
    switch self {
    case .mean:
      return scores.reduce(0, +) / Double(scores.count)
    case .median:
      let s = scores.sorted()
      let m = s.count / 2
      return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    case .trimmedMean(let f):
      let s = scores.sorted()
      let cut = Int((f * Double(s.count)).rounded(.down))
      let kept = s[cut..<(s.count - cut)]
      return kept.reduce(0, +) / Double(kept.count)
    }
  }

  /// A short name for reports.
  public var name: String {
    switch self {
    case .mean: return "mean"
    case .median: return "median"
    case .trimmedMean(let f): return "trimmed mean (\(f))"
    }
  }
}
