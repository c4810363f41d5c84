// What pipa.empirical.m-vs-n-shift reports beside its verdict (claims/pipa.md: "The accuracy
// of the half-step checkpoint is reported, as a measure of the shift"): per seed, the
// half-step SFT checkpoint's greedy test accuracy against the final SFT model's, and the
// fraction of correct answers in the shifted and in the self data (``ShiftedSamplesRecord``).
// And the readings of the two data-source sweeps the entries leave open.

import Claims

enum PIPAShiftMeasure {
  /// The shift measurement of `results`, or why it is missing.
  static func note(_ results: TrainingResults) -> String {
    guard let records = results.shiftedSamples, !records.isEmpty else {
      return "shift measure: the results hold no half-step SFT record (shiftedSamples)"
    }
    let sftTest = Dictionary(results.sft.map { ($0.seedIndex, $0.testAccuracy) }) { a, _ in a }
    let perSeed = records.sorted { $0.seedIndex < $1.seedIndex }.map { r in
      let sft = sftTest[r.seedIndex].map(formatNumber) ?? "?"
      return "seed \(r.seedIndex): step \(r.halfStep) of \(r.sftSteps), test accuracy "
        + "\(formatNumber(r.testAccuracy)) (final SFT \(sft)), "
        + "correct samples \(formatNumber(r.shiftedSampleAccuracy)) shifted vs "
        + "\(formatNumber(r.selfSampleAccuracy)) self"
    }
    let mean = AlphaPIPAStatistics.mean(records.map(\.testAccuracy))
    return "shift measure: half-step SFT checkpoint greedy test accuracy, mean "
      + "\(formatNumber(mean)) (\(perSeed.joined(separator: "; ")))"
  }

  /// How the shifted data are made (m-vs-n-shift).
  static let shiftedReading =
    "reading: the shifted data are, per training prompt, as many samples at the same "
    + "temperature as the self data "
    + "from the SFT parameters after ⌊S/2⌋ of the SFT stage's S updates (recorded during SFT), "
    + "drawn on their own stream and labelled by the verifier (answer and step labels); the "
    + "policy, f₀ and p^prior are the final SFT model, and the metrics' KL stays against it"

  /// How the priors are fine-tuned (prior-choice).
  static let priorReading =
    "reading: each prior is the SFT model fine-tuned with the SFT stage's AdamW settings "
    + "(peak rate, warm-up, weight decay, clipping; fresh moments) for the alignment run's step "
    + "count, each step on the samples of a batch of training prompts (a permutation on the "
    + "stage's own stream, the same for both priors): all n samples (PIPA-M's p(y|x)) or the "
    + "incorrect ones (PIPA-N's p(y|x,c=0)), SFT loss (mean token NLL); f starts from the SFT "
    + "model and the metrics' KL stays against it"
}
