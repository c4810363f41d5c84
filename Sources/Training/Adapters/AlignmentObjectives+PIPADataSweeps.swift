// How the factory reads PIPA's two data-source sweeps (claims/pipa.md), settings that change
// where a run's samples or its prior come from rather than its loss:
// - `shiftedSamples = 1` (pipa.empirical.m-vs-n-shift; PIPA §3.3.1 "PIPA-M vs. PIPA-N"): the
//   run trains on samples drawn, with the shared samples' prompts, n and temperature, from
//   the checkpoint of the same SFT run at half its steps (``ShiftedSampleStage``), labelled
//   by the verifier; the policy, f₀ and p^prior stay the final SFT model.
// - `priorFineTune = v` (pipa.empirical.prior-choice; §3.3.1 "Prior choices", Table 3): p^prior
//   is the SFT model further fine-tuned (``PriorFineTuneStage``) on all training samples
//   (v = 1, PIPA-M's p(y|x)) or on the incorrect ones (v = 2, PIPA-N's p(y|x,c=0)); f is
//   still initialised from the SFT model.
// Both apply to PIPA-M and PIPA-N token level on unpaired step-level data (the entries'
// setting), offline only, and not together (the prior is fine-tuned on the shared samples).
// The pipeline draws the samples or fine-tunes the prior once per seed, only when a selected
// spec carries the key, and hands the run its own sample set and scorer
// (``SeedContext/offlineSamples(for:)``).

extension AlignmentObjectives.SweepKey {
  /// pipa.empirical.m-vs-n-shift: 1 = samples from the half-step SFT checkpoint.
  public static let shiftedSamples = "shiftedSamples"
  /// pipa.empirical.prior-choice: 1 = prior fine-tuned on all samples, 2 = on the incorrect.
  public static let priorFineTune = "priorFineTune"
}

extension AlignmentObjectives {
  /// The prior a `priorFineTune` value names (the catalog entry's two variants).
  public enum PriorFineTune: Int, Sendable, CaseIterable, Codable {
    /// The SFT model further trained on every training sample: PIPA-M's p(y|x).
    case allSamples = 1
    /// The SFT model further trained on the incorrect training samples: PIPA-N's p(y|x,c=0).
    case incorrectSamples = 2
  }

  /// The PIPA data-source keys `spec` may carry (``sweepKeys(of:)``).
  static func pipaDataSweepKeys(of spec: RunSpec) -> Set<String> {
    switch (spec.objective, spec.feedback) {
    case ("PIPAMTokenLevel", .stepLabelledUnpaired), ("PIPANTokenLevel", .stepLabelledUnpaired):
      [SweepKey.shiftedSamples, SweepKey.priorFineTune]
    default:
      []
    }
  }

  /// Whether `spec` trains on the half-step SFT checkpoint's samples.
  /// - Throws: ``UnsupportedSpec`` for a value other than 0 or 1, an iterative spec, or a spec
  ///   that also fine-tunes its prior.
  public static func shiftedSamples(_ spec: RunSpec) throws -> Bool {
    guard try flag(SweepKey.shiftedSamples, of: spec) else { return false }
    guard spec.rounds == 1 else {
      throw badSweep(
        spec, SweepKey.shiftedSamples,
        "be set on an offline run only (rounds = 1; the shifted samples are drawn once per seed)")
    }
    guard sweep(SweepKey.priorFineTune, of: spec) == nil else {
      throw badSweep(
        spec, SweepKey.shiftedSamples,
        "not be combined with priorFineTune (the priors are fine-tuned on the shared samples)")
    }
    return true
  }

  /// The fine-tuned prior `spec` asks for, nil when it keeps the SFT prior.
  /// - Throws: ``UnsupportedSpec`` for a value other than 1 or 2, or an iterative spec.
  public static func priorFineTune(_ spec: RunSpec) throws -> PriorFineTune? {
    guard let v = sweep(SweepKey.priorFineTune, of: spec) else { return nil }
    guard v == v.rounded(), let variant = PriorFineTune(rawValue: Int(exactly: v) ?? 0) else {
      throw badSweep(
        spec, SweepKey.priorFineTune,
        "be 1 (prior fine-tuned on all samples) or 2 (on the incorrect samples)")
    }
    guard spec.rounds == 1 else {
      throw badSweep(
        spec, SweepKey.priorFineTune,
        "be set on an offline run only (rounds = 1; the prior scores the shared samples)")
    }
    return variant
  }

  /// Whether a spec of `specs` trains on the shifted samples.
  public static func needShiftedSamples(_ specs: [RunSpec]) -> Bool {
    specs.contains { (try? shiftedSamples($0)) == true }
  }

  /// The fine-tuned priors `specs` ask for, in variant order.
  public static func neededPriors(_ specs: [RunSpec]) -> [PriorFineTune] {
    let asked = Set(specs.compactMap { try? priorFineTune($0) })
    return PriorFineTune.allCases.filter(asked.contains)
  }
}
