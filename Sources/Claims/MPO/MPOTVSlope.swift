// The slope criterion of claims/mpo.md §2 (mpo.thm1.tv-rate-n and the entries that reuse
// it) and §0.13: the OLS log-log slope (RateFit) of a per-cell mean, its interval
// estimate ± z·SE with SE the bootstrap standard error over resamples of the repetitions
// within each cell, and the three-way rule against a threshold.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// A fitted exponent with its bootstrap interval.
struct MPOTVExponent: Sendable {
  var label: String
  var slope: Double
  var standardError: Double
  var lower: Double
  var upper: Double

  var line: String {
    "\(label): \(format3(slope)) ± \(format3(upper - slope)) [\(format3(lower)), \(format3(upper))]"
  }
}

/// Slope fits and the rate rule.
enum MPOTVSlope {
  /// OLS slope of y on x (no interval), for the bootstrap replicates.
  static func olsSlope(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    for i in 0..<x.count {
      sxy += (x[i] - mx) * (y[i] - my)
      sxx += (x[i] - mx) * (x[i] - mx)
    }
    return sxy / sxx
  }

  static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(max(v.count, 1)) }

  /// The two-sided normal quantile z at `level`.
  static func z(_ level: Double) throws -> Double {
    try StandardNormal.upperQuantile((1 - level) / 2).value
  }

  /// Exponent of mean(samples[i]) in x[i] (log-log OLS via RateFit), interval ± z·SE with
  /// SE from `resamples` bootstrap resamples of the samples within each cell.
  static func exponent(
    label: String, x: [Double], samples: [[Double]], level: Double, resamples: Int,
    random r: inout RandomStream
  ) throws -> MPOTVExponent {
    let means = samples.map(mean)
    let lx = x.map { log($0) }
    guard x.count >= 2 else {
      return MPOTVExponent(label: label + " (fewer than 2 points)", slope: .nan,
        standardError: .nan, lower: -.infinity, upper: .infinity)
    }
    // RateFit needs ≥ 3 points; with 2 (after a refit) the OLS line is the chord.
    let slope = x.count >= 3
      ? try RateFit.logLogSlope(x: x, y: means).slope : olsSlope(lx, means.map { log($0) })
    var boots: [Double] = []
    boots.reserveCapacity(resamples)
    for _ in 0..<resamples {
      var ly: [Double] = []
      for s in samples {
        var acc = 0.0
        for _ in 0..<s.count { acc += s[Int(r.uniformInt(below: UInt64(s.count)))] }
        ly.append(log(acc / Double(s.count)))
      }
      boots.append(olsSlope(lx, ly))
    }
    let bm = mean(boots)
    let se = (boots.reduce(0) { $0 + ($1 - bm) * ($1 - bm) } / Double(max(resamples - 1, 1))).squareRoot()
    let zz = try z(level)
    return MPOTVExponent(label: label, slope: slope, standardError: se,
      lower: slope - zz * se, upper: slope + zz * se)
  }

  /// The rule "confirmed if every upper end ≤ t; refuted if some lower end > t".
  static func upperRule(_ fits: [MPOTVExponent], threshold t: Double) -> Verdict {
    if fits.contains(where: { $0.lower > t }) { return .refuted }
    if fits.allSatisfy({ $0.upper <= t }) { return .confirmed }
    return .inconclusive
  }
}
