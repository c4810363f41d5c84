// Monte Carlo estimates of a probability with binomial confidence intervals (Wilson and
// Clopper–Pearson, from Numerics.BinomialInterval) and sequential stopping: draw in batches
// until the interval is decisive against a claimed threshold or a budget runs out.
import Numerics

/// A Monte Carlo probability estimate.
public struct ProbabilityEstimate: Sendable, Codable {
  public var successes: Int
  public var trials: Int
  public var wilson: BinomialInterval
  public var clopperPearson: BinomialInterval
  public var estimate: Double { Double(successes) / Double(max(trials, 1)) }
}

/// Monte Carlo with intervals.
public enum MonteCarlo {
  /// Estimates P(event) from `trials` seeded draws, with both intervals at `level`.
  public static func probability(
    trials: Int, level: Double = 0.999, random r: inout RandomStream, event: (inout RandomStream) -> Bool
  ) throws -> ProbabilityEstimate {
    var k = 0
    for _ in 0..<trials where event(&r) { k += 1 }
    return ProbabilityEstimate(
      successes: k, trials: trials,
      wilson: try BinomialInterval.wilson(successes: k, trials: trials, level: level),
      clopperPearson: try BinomialInterval.clopperPearson(successes: k, trials: trials, level: level))
  }

  /// Sequential estimation: batches of `batch` draws until the Clopper–Pearson interval lies
  /// entirely above or below `threshold`, or `maxTrials` is reached. The level is
  /// Bonferroni-corrected over the looks (level_look = 1 − (1 − level)/looks) so the
  /// repeated testing keeps the overall error ≤ 1 − level.
  public static func sequential(
    threshold: Double, batch: Int, maxTrials: Int, level: Double = 0.999, random r: inout RandomStream,
    event: (inout RandomStream) -> Bool
  ) throws -> (estimate: ProbabilityEstimate, decided: Comparison) {
    let looks = max(1, maxTrials / batch)
    let perLook = 1 - (1 - level) / Double(looks)
    var k = 0
    var n = 0
    while true {
      for _ in 0..<batch where event(&r) { k += 1 }
      n += batch
      let cp = try BinomialInterval.clopperPearson(successes: k, trials: n, level: perLook)
      let est = ProbabilityEstimate(
        successes: k, trials: n, wilson: try BinomialInterval.wilson(successes: k, trials: n, level: perLook),
        clopperPearson: cp)
      // The interval ends carry GSL quantile error estimates; widen by them (conservative).
      if cp.lower.value - cp.lower.error > threshold { return (est, .holds) }
      if cp.upper.value + cp.upper.error < threshold { return (est, .fails) }
      if n >= maxTrials { return (est, .undecided) }
    }
  }
}
