// The metrics of shared/design/TRAINING.md step 6, measured every M alignment steps (and at
// step 0, the SFT model): likelihoods of the held-out tracking pairs, their margin, a
// KL(π‖π_ref) estimate, greedy test accuracy and reward, response length, PIPA's
// value-head trajectory and PIPA-M's clip activity.

/// The metrics of one run at one step.
public struct MetricPoint: Hashable, Sendable, Codable {
  /// Alignment steps taken (0 = the SFT model before alignment).
  public var step: Int
  /// Mean training loss over the steps since the previous point (nil at step 0).
  public var trainLoss: Double?
  /// Mean log π(y_w) over the tracking pairs (best-vs-worst of the held-out prompts).
  public var logProbChosen: Double
  /// Mean log π(y_l) over the tracking pairs.
  public var logProbRejected: Double
  /// Mean log π(y_w)/|y_w|.
  public var logProbChosenPerToken: Double
  /// Mean log π(y_l)/|y_l|.
  public var logProbRejectedPerToken: Double
  /// Mean implicit-reward margin [log π/π_ref(y_w) − log π/π_ref(y_l)].
  public var margin: Double
  /// Fraction of tracking pairs with a positive margin.
  public var pairAccuracy: Double
  /// KL(π‖π_ref) estimate: mean of log π(y) − log π_ref(y) over samples y ~ π on held-out
  /// prompts.
  public var kl: Double
  /// Greedy exact-match accuracy on the test prompts.
  public var testAccuracy: Double
  /// Mean verifier reward of the greedy test responses.
  public var testReward: Double
  /// Mean greedy response length (tokens, EOS included) on the test prompts.
  public var meanLength: Double
  /// PIPA: mean value-head output g = σ(z) at the last response token of correct tracking
  /// responses (nil for runs that do not train the value head).
  public var valueCorrect: Double?
  /// PIPA: the same for incorrect tracking responses.
  public var valueIncorrect: Double?
  /// PIPA-M: how many of the training terms since the previous point came near or past
  /// F = 1 (``ClipActivity``; nil at step 0 and for objectives that do not clip F).
  public var clipActivity: ClipActivity?

  public init(
    step: Int, trainLoss: Double?, logProbChosen: Double, logProbRejected: Double,
    logProbChosenPerToken: Double, logProbRejectedPerToken: Double, margin: Double,
    pairAccuracy: Double, kl: Double, testAccuracy: Double, testReward: Double,
    meanLength: Double, valueCorrect: Double? = nil, valueIncorrect: Double? = nil,
    clipActivity: ClipActivity? = nil
  ) {
    self.step = step
    self.trainLoss = trainLoss
    self.logProbChosen = logProbChosen
    self.logProbRejected = logProbRejected
    self.logProbChosenPerToken = logProbChosenPerToken
    self.logProbRejectedPerToken = logProbRejectedPerToken
    self.margin = margin
    self.pairAccuracy = pairAccuracy
    self.kl = kl
    self.testAccuracy = testAccuracy
    self.testReward = testReward
    self.meanLength = meanLength
    self.valueCorrect = valueCorrect
    self.valueIncorrect = valueIncorrect
    self.clipActivity = clipActivity
  }
}
