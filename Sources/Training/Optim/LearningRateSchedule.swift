// The learning rate as a function of the optimizer step: linear warm-up to a peak
// (TRAINING.md: 10% warm-up, then 1e-4), then constant, linearly decayed or cosine-decayed.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// η(t) for steps t = 1, 2, …
public struct LearningRateSchedule: Sendable, Equatable, Codable {
  /// What follows the warm-up.
  public enum Decay: String, Sendable, Equatable, Codable {
    /// η(t) = peak after the warm-up.
    case constant
    /// Linear from peak at the end of the warm-up to 0 at `totalSteps`.
    case linear
    /// ½·peak·(1 + cos(π·s)) with s the fraction of the post-warm-up steps done.
    case cosine
  }

  public var peak: Double
  public var warmupSteps: Int
  public var decay: Decay
  /// The last step (used by the decays; at least warmupSteps).
  public var totalSteps: Int

  /// - Throws: ``ModelError`` unless peak is finite and ≥ 0, warmupSteps ≥ 0 and
  ///   totalSteps ≥ max(1, warmupSteps).
  public init(
    peak: Double, warmupSteps: Int = 0, decay: Decay = .constant, totalSteps: Int = 1
  ) throws(ModelError) {
    try ModelError.require(peak >= 0 && peak.isFinite, "peak", peak, "must be finite and ≥ 0")
    try ModelError.require(warmupSteps >= 0, "warmupSteps", warmupSteps, "must be ≥ 0")
    try ModelError.require(
      totalSteps >= max(1, warmupSteps), "totalSteps", totalSteps,
      "must be ≥ max(1, warmupSteps = \(warmupSteps))")
    self.peak = peak
    self.warmupSteps = warmupSteps
    self.decay = decay
    self.totalSteps = totalSteps
  }

  /// A linear warm-up over `fraction` of `totalSteps` (rounded up) followed by `decay`.
  public static func warmup(
    peak: Double, fraction: Double, totalSteps: Int, decay: Decay = .constant
  ) throws(ModelError) -> LearningRateSchedule {
    try ModelError.require(
      fraction >= 0 && fraction <= 1, "fraction", fraction, "must lie in [0, 1]")
    let w = Int((fraction * Double(totalSteps)).rounded(.up))
    return try LearningRateSchedule(
      peak: peak, warmupSteps: w, decay: decay, totalSteps: max(totalSteps, w, 1))
  }

  /// η(t): peak·t/warmupSteps for t ≤ warmupSteps, then the decay (t ≥ 1).
  public func rate(atStep t: Int) -> Double {
    precondition(t >= 1, "steps count from 1, got \(t)")
    if t <= warmupSteps { return peak * Double(t) / Double(warmupSteps) }
    let span = totalSteps - warmupSteps
    let done = span > 0 ? min(1, Double(t - warmupSteps) / Double(span)) : 1
    switch decay {
    case .constant: return peak
    case .linear: return peak * (1 - done)
    case .cosine: return 0.5 * peak * (1 + cos(Double.pi * done))
    }
  }
}
