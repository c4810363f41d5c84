// Pairs best-vs-random (shared/design/TRAINING.md step 4, "the SimPO/PRO protocol";
// claims/pro.md M8: DPO and PRO-P train on the best-vs-random pairs).
//
// Rule: y_w = the first response of the rank order (highest S̃, ties by the shared tie
// keys); y_l = uniform among the responses whose score is strictly below S̃(y_w), drawn on
// the per-prompt stream TaskStream.PerPrompt.randomPartner. Excluding responses tied with
// the best keeps every pair informative (S̃(y_w) > S̃(y_l)); this is this file's choice, the
// papers draw "a random other response". All scores equal: no pair (allScoresEqual).

import Numerics

/// Builds one best-vs-random pair per prompt.
public enum BestVsRandomPairs {
  /// The dataset of best-vs-random pairs of `source` (random partner from `source.seed`).
  public static func build(_ source: ScoredSampleSet) -> FeedbackDataset<PairItem> {
    FeedbackDataset(kind: "best-vs-random pairs", source: source) { p in
      guard p.count >= 2 else { return .failure(SkipError(.tooFewResponses)) }
      guard !p.allScoresEqual, let best = p.rankOrder.first else {
        return .failure(SkipError(.allScoresEqual))
      }
      let lower = p.responses.indices.filter { p.scores[$0] < p.scores[best] }
      var rng = RandomStream(
        seed: source.seed, stream: TaskStream.stream(.randomPartner, prompt: p.promptIndex))
      let partner = lower[Int(rng.uniformInt(below: UInt64(lower.count)))]
      return .success([PairItem(p, chosen: best, rejected: partner)])
    }
  }
}
