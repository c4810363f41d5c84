// The shifted data of claims/pipa.md pipa.empirical.m-vs-n-shift, per seed: the half-step
// SFT checkpoint they were drawn from and its accuracy ("The accuracy of the half-step
// checkpoint is reported, as a measure of the shift"), beside the fraction of correct
// samples in the shifted and in the shared (self) data.

/// The half-step SFT checkpoint of one seed and its samples.
public struct ShiftedSamplesRecord: Hashable, Sendable, Codable {
  public var seedIndex: Int
  /// SFT updates of the checkpoint, ⌊S/2⌋.
  public var halfStep: Int
  /// The SFT stage's S.
  public var sftSteps: Int
  /// Greedy exact-match accuracy of the checkpoint on the test prompts.
  public var testAccuracy: Double
  /// Greedy exact-match accuracy of the checkpoint on the validation prompts.
  public var validationAccuracy: Double
  /// Fraction of the shifted training samples the verifier marks correct.
  public var shiftedSampleAccuracy: Double
  /// Fraction of the shared (self) training samples the verifier marks correct.
  public var selfSampleAccuracy: Double

  public init(
    seedIndex: Int, halfStep: Int, sftSteps: Int, testAccuracy: Double,
    validationAccuracy: Double, shiftedSampleAccuracy: Double, selfSampleAccuracy: Double
  ) {
    self.seedIndex = seedIndex
    self.halfStep = halfStep
    self.sftSteps = sftSteps
    self.testAccuracy = testAccuracy
    self.validationAccuracy = validationAccuracy
    self.shiftedSampleAccuracy = shiftedSampleAccuracy
    self.selfSampleAccuracy = selfSampleAccuracy
  }
}
