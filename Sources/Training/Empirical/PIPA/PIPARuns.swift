// The runs the pipa.empirical.* entries read (claims/pipa.md "Empirical rule" and each
// entry). The default grid (``AlignmentObjectives`` labels: objective name, or `DPO@PIPA`
// when several papers train the objective in the grid) trains every PIPA objective on its
// first feedback kind; the paired-data arms of pipa.empirical.accuracy-gain train the same
// objective on its second kind and are labelled `<grid label>[feedback=<kind>]`.
//
// The ablation and sweep runs (fixed g, step-label threshold, fine-tuned priors, an added
// SFT term, shifted data) ride in ``RunSpec/hyperparameters`` under names no objective has
// (`fixedValue`, `stepThreshold`, `priorFineTune`, `sftCoefficient`, `shiftedSamples`), all
// honoured (``AlignmentObjectives/SweepKey``): `stepThreshold` from the seed's Monte Carlo
// step values (``StepValueLabeller``), `shiftedSamples` and `priorFineTune` from per-seed
// stages that run only when such a run is selected (``PIPADataSweepStages``:
// `verify train --claims <id>`).

import Claims

enum PIPARuns {
  static let paper = "004 PIPA"

  static func spec(
    _ label: String, _ objective: String, _ feedback: FeedbackKind,
    _ hyperparameters: [String: Double] = [:]
  ) -> RunSpec {
    RunSpec(
      label: label, objective: objective, paper: paper, feedback: feedback,
      hyperparameters: hyperparameters)
  }

  // Default-grid runs (first feedback kind of each FeedbackCatalog PIPA entry).
  static let dpo = spec("DPO@PIPA", "DPO", .correctIncorrectPairs)
  static let ipo = spec("IPO@PIPA", "IPO", .correctIncorrectPairs)
  static let kto = spec("KTOPIPAForm", "KTOPIPAForm", .unpairedBinary)
  static let pipaM = spec("PIPAM", "PIPAM", .unpairedBinary)
  static let pipaN = spec("PIPAN", "PIPAN", .unpairedBinary)
  static let pipaMStep = spec("PIPAMTokenLevel", "PIPAMTokenLevel", .stepLabelledUnpaired)
  static let pipaNStep = spec("PIPANTokenLevel", "PIPANTokenLevel", .stepLabelledUnpaired)
  static let stepDPO = spec("StepDPOL1", "StepDPOL1", .stepLabelledPairs)
  static let stepKTO = spec("StepKTOL1", "StepKTOL1", .stepLabelledUnpaired)
  /// The labels of the default grid's PIPA runs.
  static let gridLabels: [String] = [
    dpo, ipo, kto, pipaM, pipaN, pipaMStep, pipaNStep, stepDPO, stepKTO,
  ].map(\.label)

  /// The default-grid run `base` on another feedback kind (the paired-data arms, §3.1).
  static func on(_ base: RunSpec, _ feedback: FeedbackKind) -> RunSpec {
    spec("\(base.label)[feedback=\(feedback.rawValue)]", base.objective, feedback)
  }
  static let ktoPaired = on(kto, .correctIncorrectPairs)
  static let pipaMPaired = on(pipaM, .correctIncorrectPairs)
  static let pipaNPaired = on(pipaN, .correctIncorrectPairs)
  static let pipaMStepPaired = on(pipaMStep, .stepLabelledPairs)
  static let pipaNStepPaired = on(pipaNStep, .stepLabelledPairs)
  static let stepKTOPaired = on(stepKTO, .stepLabelledPairs)

  /// pipa.empirical.value-head-ablation: PIPA-M, unpaired step level, g ≡ 0.5.
  static let pipaMStepFixedValue = spec(
    "PIPAMTokenLevel[g=0.5]", "PIPAMTokenLevel", .stepLabelledUnpaired, ["fixedValue": 0.5])

  /// pipa.empirical.threshold: PIPA-M, unpaired, step labels from Q ≥ τ.
  static func threshold(_ tau: Double) -> RunSpec {
    spec(
      "PIPAMTokenLevel[tau=\(formatNumber(tau))]", "PIPAMTokenLevel", .stepLabelledUnpaired,
      ["stepThreshold": tau])
  }
  static let thresholds: [Double] = [-0.5, 0.5, 1.0]

  /// pipa.empirical.prior-choice: `priorFineTune` 1 = the SFT model further trained on all
  /// samples (PIPA-M's p(y|x)), 2 = on the incorrect samples (PIPA-N's p(y|x,c=0)).
  static let pipaMStepAllSamplesPrior = spec(
    "PIPAMTokenLevel[prior=all-samples]", "PIPAMTokenLevel", .stepLabelledUnpaired,
    ["priorFineTune": 1])
  static let pipaNStepNegativePrior = spec(
    "PIPANTokenLevel[prior=negative-samples]", "PIPANTokenLevel", .stepLabelledUnpaired,
    ["priorFineTune": 2])

  /// pipa.empirical.sft-loss: the mean token NLL of the batch's correct samples, × 1.0.
  static let ktoSFT = spec(
    "KTOPIPAForm[sft=1]", "KTOPIPAForm", .unpairedBinary, ["sftCoefficient": 1])
  static let pipaMSFT = spec("PIPAM[sft=1]", "PIPAM", .unpairedBinary, ["sftCoefficient": 1])

  /// pipa.empirical.m-vs-n-shift: samples from the half-step SFT checkpoint.
  static let pipaMStepShifted = spec(
    "PIPAMTokenLevel[data=half-step-sft]", "PIPAMTokenLevel", .stepLabelledUnpaired,
    ["shiftedSamples": 1])
  static let pipaNStepShifted = spec(
    "PIPANTokenLevel[data=half-step-sft]", "PIPANTokenLevel", .stepLabelledUnpaired,
    ["shiftedSamples": 1])

  /// Final greedy test accuracy by seed.
  static func accuracy(_ results: TrainingResults, _ spec: RunSpec) throws -> [Double] {
    try AlphaPIPAStatistics.perSeed(results, spec.label) { run in
      guard let p = run.final else {
        throw AlphaPIPAMissingMeasurement(
          reason: "run \(run.spec.label) seed \(run.seedIndex) has no metric points")
      }
      return p.testAccuracy
    }
  }

  /// Accuracy is logged on the whole test set only.
  static let subsetReading =
    "reading: accuracy is the final greedy exact match on the whole test set; the results "
    + "do not split it into the easier (both operands ≤ 2 digits) and harder (an operand "
    + "with D digits) subsets, so each per-subset effect is tested once, on the whole set; "
    + "every interval keeps the entry's level (Bonferroni over the effects it lists)"
}
