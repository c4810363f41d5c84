// Unpaired binary feedback (shared/design/TRAINING.md step 4, "unpaired binary (KTO, PRO-B,
// PIPA answer-level)"; claims/pipa.md: "Unpaired data keep every sample"; claims/pro.md M8:
// correct = desired, incorrect = undesired).
//
// Rule: every response of every prompt, labelled by the verifier's `correct` (never by the
// noisy score), in sampling order. No prompt is skipped; prompts whose responses are all
// correct or all incorrect are kept (they are what unpaired methods can use that pairs
// cannot). `keepingDesired(fraction:)` gives PRO's imbalanced data (claims/pro.md
// pro.empirical-imbalanced-alpha, App. G).

import Numerics

/// Builds unpaired binary data.
public enum UnpairedBinary {
  /// Every response of `source` with its correctness label, weight 1.
  public static func build(_ source: ScoredSampleSet) -> FeedbackDataset<BinaryItem> {
    FeedbackDataset(kind: "unpaired binary", source: source) { p in
      .success(
        p.responses.indices.map {
          BinaryItem(
            promptIndex: p.promptIndex, response: $0, desirable: p.responses[$0].verdict.correct)
        })
    }
  }

  /// The samples of `pairs` as unpaired items (PIPA §3.1 / claims/pipa.md: "KTO and PIPA on
  /// paired data use the pairs' samples as unpaired examples"): per prompt, each pair's
  /// chosen then rejected response, labelled by the verifier's `correct`; prompts skipped by
  /// `pairs` are skipped here with the same reason.
  public static func fromPairs(
    _ source: ScoredSampleSet, pairs: FeedbackDataset<PairItem>
  ) -> FeedbackDataset<BinaryItem> {
    let skipped = Dictionary(
      pairs.skipped.map { ($0.promptIndex, $0.reason) }, uniquingKeysWith: { a, _ in a })
    return FeedbackDataset(kind: "unpaired binary from \(pairs.kind)", source: source) { p in
      if let reason = skipped[p.promptIndex] { return .failure(SkipError(reason)) }
      return .success(
        pairs.items(forPrompt: p.promptIndex).flatMap { pair in
          [pair.chosen, pair.rejected].map {
            BinaryItem(
              promptIndex: p.promptIndex, response: $0,
              desirable: p.responses[$0].verdict.correct)
          }
        })
    }
  }

  /// PRO App. G's imbalanced data: each desirable response kept independently with
  /// probability `fraction` (one uniform draw per response on the per-prompt stream
  /// TaskStream.PerPrompt.subsample), every undesirable one kept; the minority class's
  /// weight becomes the majority:minority count ratio of the kept data (1 for the
  /// majority; all weights 1 when a class is empty).
  /// - Throws: ``TaskError`` unless 0 < fraction ≤ 1.
  public static func keepingDesired(
    _ source: ScoredSampleSet, fraction: Double
  ) throws(TaskError) -> FeedbackDataset<BinaryItem> {
    if !(fraction > 0 && fraction <= 1) {
      throw TaskError(field: "fraction", value: "\(fraction)", rule: "must lie in (0, 1]")
    }
    var kept: [Int: [Int]] = [:]
    var desired = 0
    var undesired = 0
    for p in source.prompts {
      var rng = RandomStream(
        seed: source.seed, stream: TaskStream.stream(.subsample, prompt: p.promptIndex))
      var keep: [Int] = []
      for (i, r) in p.responses.enumerated() {
        let u = rng.uniform()
        if !r.verdict.correct {
          keep.append(i)
          undesired += 1
        } else if u < fraction {
          keep.append(i)
          desired += 1
        }
      }
      kept[p.promptIndex] = keep
    }
    var desiredWeight = 1.0
    var undesiredWeight = 1.0
    if desired > 0, undesired > 0 {
      if desired < undesired {
        desiredWeight = Double(undesired) / Double(desired)
      } else {
        undesiredWeight = Double(desired) / Double(undesired)
      }
    }
    return FeedbackDataset(
      kind: "unpaired binary, desired kept with probability \(fraction)", source: source
    ) { p in
      .success(
        (kept[p.promptIndex] ?? []).map { i in
          let c = p.responses[i].verdict.correct
          return BinaryItem(
            promptIndex: p.promptIndex, response: i, desirable: c,
            weight: c ? desiredWeight : undesiredWeight)
        })
    }
  }
}
