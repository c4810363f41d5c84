// PIPA's paired data (004_*.txt §3.1; claims/pipa.md "Empirical rule"): "per prompt,
// min(#correct, #incorrect) pairs, each correct sample matched with one incorrect sample of
// the same prompt in an order drawn from the seed; unmatched samples are discarded."
//
// Rule: the correct and the incorrect responses (verifier `correct`, never the noisy score)
// are each shuffled on the per-prompt stream TaskStream.PerPrompt.correctIncorrectPairing
// (correct list first, then incorrect), and matched position by position. A prompt with
// no correct or no incorrect response gives no pair (noCorrectIncorrectPair). The pair's
// scores are the S̃ of its two responses (so chosenScore may be ≤ rejectedScore under noise).

import Numerics

/// Builds PIPA's correct-vs-incorrect pairs.
public enum CorrectIncorrectPairs {
  /// The dataset of correct-vs-incorrect pairs of `source`.
  public static func build(_ source: ScoredSampleSet) -> FeedbackDataset<PairItem> {
    FeedbackDataset(kind: "correct-vs-incorrect pairs (PIPA)", source: source) { p in
      do throws(SkipError) {
        return .success(try pairs(p, seed: source.seed))
      } catch {
        return .failure(error)
      }
    }
  }

  /// The matched (correct, incorrect) index pairs of one prompt.
  static func pairs(_ p: ScoredPrompt, seed: UInt64) throws(SkipError) -> [PairItem] {
    var correct = p.responses.indices.filter { p.responses[$0].verdict.correct }
    var incorrect = p.responses.indices.filter { !p.responses[$0].verdict.correct }
    guard !correct.isEmpty, !incorrect.isEmpty else { throw SkipError(.noCorrectIncorrectPair) }
    var rng = RandomStream(
      seed: seed, stream: TaskStream.stream(.correctIncorrectPairing, prompt: p.promptIndex))
    rng.shuffle(&correct)
    rng.shuffle(&incorrect)
    return zip(correct, incorrect).map { PairItem(p, chosen: $0, rejected: $1) }
  }
}
