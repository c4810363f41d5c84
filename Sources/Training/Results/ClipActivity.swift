// How close PIPA-M's training terms come to its §2.6 clip (claims/pipa.md
// pipa.no-additional-hyperparameters (c), 004_fe2e5eb1635a4348.txt §2.6: negatives clip
// F = f·g/p^prior at 1 − ε, ε = 10⁻¹⁰; positives are not clipped, so F > 1 is possible):
// over the training terms of the steps since the previous metric point (the same window as
// ``MetricPoint/trainLoss``), the number of negative terms and how many had F ≥ 1 − 10⁻⁸
// (the clip is active there for some ε in 10⁻¹²..10⁻⁸), and the number of positive terms and
// how many had F > 1. A term is a token for PIPA-M at token level, an answer at answer level.
// F is evaluated where the loss reads it: at the policy before the step's update. Reported,
// never part of a verdict (the entry says so).
import Objectives

/// Counts of PIPA-M terms near or past F = 1.
public struct ClipActivity: Hashable, Sendable, Codable {
  /// Negative (c = 0) terms seen.
  public var negativeTerms: Int
  /// Negative terms with F ≥ 1 − 10⁻⁸.
  public var negativeNearOne: Int
  /// Positive (c = 1) terms seen.
  public var positiveTerms: Int
  /// Positive terms with F > 1.
  public var positiveAboveOne: Int

  public init(
    negativeTerms: Int = 0, negativeNearOne: Int = 0, positiveTerms: Int = 0,
    positiveAboveOne: Int = 0
  ) {
    self.negativeTerms = negativeTerms
    self.negativeNearOne = negativeNearOne
    self.positiveTerms = positiveTerms
    self.positiveAboveOne = positiveAboveOne
  }

  /// 10⁻⁸: the largest ε of the entry's range 10⁻¹²..10⁻⁸, so F ≥ 1 − this is where some ε
  /// of the range clips.
  public static let nearOneGap = 1e-8
  /// log(1 − 10⁻⁸): F ≥ 1 − 10⁻⁸ ⇔ log F ≥ this — PIPA-M's own clip threshold at ε = 10⁻⁸
  /// (``PIPAM/clipThreshold(epsilon:)``; F is formed in log space, so the comparison is made
  /// there; the one rounding of log1p moves the boundary by a relative 2⁻⁵³ of 10⁻⁸, far
  /// below any F the model produces near it).
  public static let nearOneLogThreshold = PIPAM.clipThreshold(epsilon: nearOneGap)

  /// The activity of one token-labelled answer: log F_t = ``PIPAM/logRatio(_:)`` of every
  /// token against its label c_t.
  public init(tokens x: PIPATokenInput) {
    self.init()
    for t in x.labels.indices { add(logRatio: PIPAM.logRatio(x.token(t)), positive: x.labels[t] == 1) }
  }

  /// Adds one term with log F = `logRatio` and label c = 1 (`positive`) or 0.
  public mutating func add(logRatio: Double, positive: Bool) {
    if positive {
      positiveTerms += 1
      if logRatio > 0 { positiveAboveOne += 1 }
    } else {
      negativeTerms += 1
      if logRatio >= Self.nearOneLogThreshold { negativeNearOne += 1 }
    }
  }

  /// The counts of `self` and `other` together.
  public func merged(with other: ClipActivity) -> ClipActivity {
    ClipActivity(
      negativeTerms: negativeTerms + other.negativeTerms,
      negativeNearOne: negativeNearOne + other.negativeNearOne,
      positiveTerms: positiveTerms + other.positiveTerms,
      positiveAboveOne: positiveAboveOne + other.positiveAboveOne)
  }

  /// `a` and `b` together; nil when both are nil (an objective that logs no clip activity).
  public static func merge(_ a: ClipActivity?, _ b: ClipActivity?) -> ClipActivity? {
    guard let a else { return b }
    guard let b else { return a }
    return a.merged(with: b)
  }

  /// The fraction of negative terms with F ≥ 1 − 10⁻⁸ (nil without negative terms).
  public var negativeNearOneFraction: Double? {
    negativeTerms > 0 ? Double(negativeNearOne) / Double(negativeTerms) : nil
  }

  /// The fraction of positive terms with F > 1 (nil without positive terms).
  public var positiveAboveOneFraction: Double? {
    positiveTerms > 0 ? Double(positiveAboveOne) / Double(positiveTerms) : nil
  }
}
