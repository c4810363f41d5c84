// The checkpoint of an SFT run at half its steps (claims/pipa.md pipa.empirical.m-vs-n-shift:
// "the checkpoint of the same SFT run at half its steps (saved during SFT, so no second SFT
// training is needed)"). The SFT stage stops at a step S it only learns at its last
// evaluation (``SFTStage``: S is a multiple of the evaluation interval E, or the step
// budget), so the model after ⌊S/2⌋ updates is kept by recording, as SFT goes, the parameters
// at every step h that can still be half of a stop step: h = ⌊S/2⌋ for some possible stop S
// ∈ {kE ≤ budget} ∪ {budget}, dropping h once every stop step it could halve has passed
// (after a non-stopping evaluation at step t the later stops are S > t, so h is kept iff
// 2h ≥ t). With the defaults (E = 250, stops near 1000) that is about five parameter copies.
// The snapshots ride in the mid-SFT checkpoint (``SFTStage/Progress/halfStepSnapshots``), so
// a resumed stage ends with the same half-step model. Recording copies parameters and
// changes nothing the SFT stage computes: its model and record are the same bytes with or
// without it.

/// Records the SFT parameters at the candidate half steps (a reference type: the SFT stage
/// fills it, the grid reads it).
public final class HalfStepSnapshots {
  /// The parameters after `step` SFT updates.
  public struct Snapshot: Codable, Hashable, Sendable {
    public var step: Int
    public var parameters: FloatBits
  }

  /// The half-step model of a finished SFT stage.
  public struct HalfStep: Codable, Hashable, Sendable {
    /// ⌊S/2⌋ for the SFT stage's S steps.
    public var step: Int
    /// The SFT stage's S.
    public var sftSteps: Int
    public var parameters: FloatBits
  }

  let evalInterval: Int
  let maxSteps: Int
  /// The kept snapshots, by step ascending.
  public private(set) var kept: [Snapshot] = []
  /// Set by ``finish(steps:)``.
  public private(set) var halfStep: HalfStep?

  public init(settings: TrainingSettings) {
    evalInterval = settings.sftEvalInterval
    maxSteps = settings.sftMaxSteps
  }

  /// Whether `s` is a step at which the SFT stage can stop.
  func isStop(_ s: Int) -> Bool {
    s >= 1 && s <= maxSteps && (s % evalInterval == 0 || s == maxSteps)
  }

  /// Whether `h` is ⌊S/2⌋ for a possible stop step S.
  public func isCandidate(_ h: Int) -> Bool { h >= 0 && (isStop(2 * h) || isStop(2 * h + 1)) }

  /// Records the parameters after `step` updates when `step` is a candidate.
  func observe<S: ModelScalar>(step: Int, parameters: Buffer<S>) {
    guard isCandidate(step), kept.last.map({ $0.step < step }) ?? true else { return }
    kept.append(Snapshot(step: step, parameters: FloatBits(parameters)))
  }

  /// Drops the snapshots no later stop can halve, after a non-stopping evaluation at `t`.
  func prune(after t: Int) { kept.removeAll { 2 * $0.step < t } }

  /// Restores the snapshots of a resumed stage.
  func restore(_ snapshots: [Snapshot]) { kept = snapshots.sorted { $0.step < $1.step } }

  /// Keeps the snapshot at ⌊S/2⌋ as ``halfStep`` for a stage that stopped after `s` steps.
  /// - Throws: ``PipelineError/setting(field:value:rule:)`` when it was not recorded (a stage
  ///   resumed from a mid-SFT checkpoint written without snapshots).
  func finish(steps s: Int) throws {
    guard let snap = kept.first(where: { $0.step == s / 2 }) else {
      throw PipelineError.setting(
        field: "sft.halfStep", value: "step \(s / 2) of \(s)",
        rule: "must have been recorded during SFT (the mid-SFT checkpoint this stage resumed "
          + "from was written without half-step snapshots: use a fresh --out)")
    }
    halfStep = HalfStep(step: snap.step, sftSteps: s, parameters: snap.parameters)
    kept = []
  }
}
