// Step labels from thresholded step values (claims/pipa.md pipa.empirical.threshold; PIPA
// §3.1 and Figure 5): every response of every prompt, unpaired as ``StepLevelData/unpaired(_:)``,
// but a step of an incorrect answer is labelled correct iff its Monte Carlo value Q ≥ τ
// (``StepValues``), and every token of a step carries the step's label; steps of correct
// answers are always correct (all labels 1). The first wrong step is the first step
// labelled 0 (nil when Q ≥ τ on every step of the incorrect answer).

/// Builds the step-labelled data of a threshold τ.
public enum ThresholdStepLabels {
  /// Every response with token labels from Q ≥ `threshold`.
  /// - Throws: ``TaskError`` unless τ is finite, and unless `values` holds an entry with the
  ///   same step starts for every incorrect response of `source`.
  public static func unpaired(
    _ source: ScoredSampleSet, values: StepValues?, threshold tau: Double
  ) throws(TaskError) -> FeedbackDataset<StepItem> {
    guard tau.isFinite else {
      throw TaskError(field: "stepThreshold", value: "\(tau)", rule: "be finite")
    }
    let table = values?.byResponse ?? [:]
    var labelled: [SequenceKeyPair: StepItem] = [:]
    for p in source.prompts {
      for (i, r) in p.responses.enumerated() where !r.verdict.correct {
        let key = SequenceKeyPair(prompt: p.promptIndex, response: i)
        guard let v = table[key], v.stepStarts == r.verdict.stepStarts,
          v.correctRollouts.count == v.stepStarts.count, let values
        else {
          throw TaskError(
            field: "stepValues[prompt \(p.promptIndex), response \(i)]",
            value: table[key] == nil ? "missing" : "steps \(table[key]!.stepStarts)",
            rule: "hold the Monte Carlo values of this incorrect response's steps "
              + "\(r.verdict.stepStarts) (StepValueLabeller on the same samples)")
        }
        let stepLabels = v.correctRollouts.map { values.q($0) >= tau ? 1 : 0 }
        var labels = [Int](repeating: 0, count: r.tokens.count)
        for (k, start) in v.stepStarts.enumerated() {
          let end = k + 1 < v.stepStarts.count ? v.stepStarts[k + 1] : r.tokens.count
          for t in start..<end { labels[t] = stepLabels[k] }
        }
        labelled[key] = StepItem(
          promptIndex: p.promptIndex, response: i, labels: labels, stepStarts: v.stepStarts,
          firstWrongStep: stepLabels.firstIndex(of: 0), correct: false)
      }
    }
    return FeedbackDataset(kind: "unpaired step labels from Q ≥ \(tau)", source: source) { p in
      .success(
        p.responses.indices.map {
          labelled[SequenceKeyPair(prompt: p.promptIndex, response: $0)]
            ?? StepItem(p, response: $0)
        })
    }
  }
}
