// The SFT stage of one seed (shared/design/TRAINING.md pipeline step 1): how long it
// trained, the accuracy band and stop rule, and where it stopped.

/// The SFT model of one seed.
public struct SFTRecord: Hashable, Sendable, Codable {
  public var seedIndex: Int
  /// Optimizer steps taken.
  public var steps: Int
  /// Held-out (validation) greedy exact-match accuracy at the stop.
  public var validationAccuracy: Double
  /// Test greedy exact-match accuracy at the stop.
  public var testAccuracy: Double
  /// The band the stop rule aims for (lower, upper), default (0.30, 0.70).
  public var band: [Double]
  /// Whether validation accuracy ended inside the band (false: the step budget ran out or
  /// the model overshot; the report says so).
  public var inBand: Bool
  /// The stop rule as applied, in words.
  public var stopRule: String

  public init(
    seedIndex: Int, steps: Int, validationAccuracy: Double, testAccuracy: Double,
    band: [Double], inBand: Bool, stopRule: String
  ) {
    self.seedIndex = seedIndex
    self.steps = steps
    self.validationAccuracy = validationAccuracy
    self.testAccuracy = testAccuracy
    self.band = band
    self.inBand = inBand
    self.stopRule = stopRule
  }
}
