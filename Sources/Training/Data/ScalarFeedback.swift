// Scalar feedback datasets (shared/design/TRAINING.md step 4: PRO-S, W-MPO, InfoNCA, NCA).
//
// Rule: one item per prompt with its first N responses (N = all by default; claims/pro.md
// M8 trains PRO-S on N = 4 of the n = 8, and the first N in sampling order keeps the data
// nested, as claims/mpo.md EP-2 does for k-response arms) and their S̃. Prompts with all
// scores equal are KEPT and flagged (ScalarItem.allScoresEqual): InfoNCA, NCA and PRO-S are
// defined on them; W-MPO must skip them (its 𝒴⁺ is empty, Algorithm 2), and the report
// counts them with ScoredSampleSet.allEqualCount. Fewer than 2 responses: tooFewResponses.

/// Builds scalar-feedback items.
public enum ScalarFeedback {
  /// One item per prompt with its first `responsesPerPrompt` responses (all when nil).
  /// - Throws: ``TaskError`` for responsesPerPrompt < 2.
  public static func build(
    _ source: ScoredSampleSet, responsesPerPrompt: Int? = nil
  ) throws(TaskError) -> FeedbackDataset<ScalarItem> {
    if let n = responsesPerPrompt { try TaskError.checkAtLeast(n, 2, "responsesPerPrompt") }
    let label = responsesPerPrompt.map { "scalar feedback, first \($0) responses" }
    return FeedbackDataset(kind: label ?? "scalar feedback", source: source) { p in
      let n = min(responsesPerPrompt ?? p.count, p.count)
      guard n >= 2 else { return .failure(SkipError(.tooFewResponses)) }
      return .success([
        ScalarItem(
          promptIndex: p.promptIndex, responses: Array(0..<n), scores: Array(p.scores[..<n]))
      ])
    }
  }
}
