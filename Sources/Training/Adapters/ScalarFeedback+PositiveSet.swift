// W-MPO's scalar data (001_*.txt Algorithm 2 / App. D.2: a prompt whose preferred set
// 𝒴⁺ = {S > S_mean} is empty is skipped): ``ScalarFeedback`` with those prompts left out and
// counted, so the W-MPO objectives never see an input outside their domain and the report
// states how many prompts they lost (claims/mpo.md EP-3).
import Objectives

extension ScalarFeedback {
  /// ``build(_:responsesPerPrompt:)`` without the prompts whose mean partition (Objectives'
  /// `MeanPartition`, the one W-MPO uses) has an empty 𝒴⁺: all scores equal
  /// (allScoresEqual), or, by rounding of the mean, none strictly above it
  /// (emptyPositiveSet).
  /// - Throws: ``TaskError`` for responsesPerPrompt < 2.
  public static func withPositiveSet(
    _ source: ScoredSampleSet, responsesPerPrompt: Int? = nil
  ) throws(TaskError) -> FeedbackDataset<ScalarItem> {
    let all = try build(source, responsesPerPrompt: responsesPerPrompt)
    let skipped = Dictionary(
      all.skipped.map { ($0.promptIndex, $0.reason) }, uniquingKeysWith: { a, _ in a })
    return FeedbackDataset(kind: all.kind + ", prompts with a non-empty 𝒴⁺", source: source) { p in
      if let reason = skipped[p.promptIndex] { return .failure(SkipError(reason)) }
      let items = Array(all.items(forPrompt: p.promptIndex))
      for item in items {
        if item.allScoresEqual { return .failure(SkipError(.allScoresEqual)) }
        if !MeanPartition(scores: item.scores).positive.contains(true) {
          return .failure(SkipError(.emptyPositiveSet))
        }
      }
      return .success(items)
    }
  }
}
