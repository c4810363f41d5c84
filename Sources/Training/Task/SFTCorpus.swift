// The SFT corpus of shared/design/TRAINING.md ("Sizes": 50,000 correct solutions; pipeline
// step 1): problems drawn i.i.d. from the task distribution on stream TaskStream.sftCorpus,
// repeats allowed, with every validation, held-out and test problem rejected and redrawn
// so that accuracy is measured on prompts the model never saw solved. Training prompts may
// occur: their responses are sampled, not taught.

import Numerics

/// The problems whose reference solutions form the SFT corpus.
public enum SFTCorpus {
  /// TRAINING.md's default corpus size.
  public static let defaultCount = 50_000

  /// `count` problems for `splits` (same D, same seed), none of them an evaluation problem.
  /// - Throws: ``TaskError`` for count < 1.
  public static func problems(
    count: Int = defaultCount, splits: PromptSplits
  ) throws(TaskError) -> [AdditionProblem] {
    try TaskError.checkAtLeast(count, 1, "count")
    let excluded = splits.evaluationProblems
    var rng = RandomStream(seed: splits.seed, stream: TaskStream.sftCorpus)
    var out: [AdditionProblem] = []
    out.reserveCapacity(count)
    // The evaluation sets hold at most half of all problems (PromptSplitSizes.validate),
    // so each draw is accepted with probability ≥ 1/2 up to the digit-class weights; the
    // cap only guards the loop.
    let maxAttempts = 64 * count + 10_000
    var attempts = 0
    while out.count < count {
      attempts += 1
      if attempts > maxAttempts {
        throw TaskError(
          field: "count", value: "\(count)",
          rule: "could not be reached in \(maxAttempts) draws outside the evaluation sets")
      }
      let p = try AdditionProblem.random(maxDigits: splits.sizes.maxDigits, using: &rng)
      if !excluded.contains(p) { out.append(p) }
    }
    return out
  }
}
