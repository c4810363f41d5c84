// The statistics of every empirical claim (claims/mappo.md "Empirical rule", shared by the
// other catalogs; TRAINING.md step 7): per-seed paired differences d_s = metric(A, s) −
// metric(B, s), s = 1…S, and a two-sided t-interval d̄ ± t_{1−α/2, S−1}·sd/√S at level
// 1 − 0.05/k (Bonferroni over the k comparisons the entry lists). An interval entirely on
// the claimed side confirms that comparison; entirely on the other side refutes it.
import Numerics

/// A paired t-interval over seeds.
public struct PairedComparison: Hashable, Sendable, Codable {
  /// What is compared, e.g. "testAccuracy(MaPPO) − testAccuracy(DPO)".
  public var name: String
  /// The per-seed differences d_s, by seed index.
  public var differences: [Double]
  /// The mean difference d̄.
  public var mean: Double
  /// The interval's ends (equal to the mean when S < 2: no interval).
  public var low: Double
  public var high: Double
  /// The confidence level 1 − 0.05/k.
  public var level: Double

  /// The t-interval of `differences` at level 1 − 0.05/`comparisons`.
  /// - Throws: ``GSLError`` when the t quantile cannot be evaluated.
  public init(name: String, differences: [Double], comparisons: Int = 1) throws {
    precondition(comparisons >= 1, "PairedComparison: comparisons must be ≥ 1")
    self.name = name
    self.differences = differences
    let s = differences.count
    let mean = s == 0 ? 0 : differences.reduce(0, +) / Double(s)
    self.mean = mean
    level = 1 - 0.05 / Double(comparisons)
    guard s >= 2 else {
      low = mean
      high = mean
      return
    }
    let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(s - 1)
    let t = try StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(s - 1)).value
    let half = t * (variance / Double(s)).squareRoot()
    low = mean - half
    high = mean + half
  }

  /// Whether there are enough seeds (≥ 2) for an interval.
  public var hasInterval: Bool { differences.count >= 2 }
  /// The interval lies entirely above 0.
  public var above: Bool { hasInterval && low > 0 }
  /// The interval lies entirely below 0.
  public var below: Bool { hasInterval && high < 0 }
}
