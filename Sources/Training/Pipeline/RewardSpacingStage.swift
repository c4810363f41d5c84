// The sampling stage of claims/mpo.md mpo.emp.reward-spacing (App. A.5 Fig. 10: "sample 32
// responses from π_ref (temperature 1.0) for each of 512 test prompts (chosen by the seed),
// in each of the pipeline's seeds, with clean S"; "Extra cost: sampling only"). It runs per
// seed after the SFT stage, only when the claim is selected (``TrainingGrid``), on its own
// stream (``PipelineStream/rewardSpacingSamples``), and checkpoints the response tokens like
// the shared samples (`checkpoints/seed-<i>/reward-spacing.ckpt`), verifying them again on
// load, so a killed run resumes to the same bytes.
import Numerics

extension PipelineStream {
  /// π_ref's samples on the test prompts for mpo.emp.reward-spacing. Disjoint from the other
  /// streams: bit 30 is set by no other id (``dedicatedSamples(temperature:responses:)`` uses
  /// bits 8–29, the others bits 0–26).
  static let rewardSpacingSamples: UInt64 = tag | (1 << 30)
}

/// Draws and scores the samples of mpo.emp.reward-spacing.
public enum RewardSpacingStage {
  /// Responses per prompt (the entry's 32; k ∈ {2, …, 32} uses the first k).
  public static let responses = 32
  /// Test prompts per seed (the entry's 512; fewer when the test split is smaller).
  public static let prompts = 512
  /// The sampling temperature of the entry.
  public static let temperature = 1.0
  static let checkpointName = "reward-spacing.ckpt"

  /// The test prompts the stage samples: the first min(512, |test|) of the seed's test split.
  static func problems(_ splits: PromptSplits) -> [AdditionProblem] {
    Array(splits.test.prefix(prompts))
  }

  /// The verifier rewards `[prompt][response]` of `model`'s samples on the seed's test
  /// prompts, loaded from the seed's checkpoint or drawn and checkpointed.
  static func rewards(
    model: Transformer<Float>, splits: PromptSplits, settings: TrainingSettings,
    seedIndex: Int, store: CheckpointStore
  ) throws -> [[Double]] {
    let problems = problems(splits)
    let tokens: [[[Int]]]
    if let done = try store.load(
      [[[Int]]].self, kind: "reward-spacing", seed: seedIndex, name: checkpointName)
    {
      guard done.count == problems.count, done.allSatisfy({ $0.count == responses }) else {
        throw PipelineError.corruptCheckpoint(
          path: store.url(seed: seedIndex, checkpointName).path,
          reason: "holds \(done.count) prompts, expected \(problems.count) × \(responses)")
      }
      tokens = done
    } else {
      tokens = try SampleStage.sampleTokens(
        model, problems: problems, n: responses, temperature: temperature, seed: splits.seed,
        stream: PipelineStream.rewardSpacingSamples, batchSize: settings.evaluationBatch)
      try store.save(tokens, kind: "reward-spacing", seed: seedIndex, name: checkpointName)
    }
    return zip(problems, tokens).map { p, rs in
      rs.map { Verifier.verify(p, response: $0).reward }
    }
  }

  /// The samples of every seed, as stored in ``TrainingResults/rewardSpacing``.
  static func record(_ perSeed: [[[Double]]], splits: PromptSplits) -> RewardSpacingSamples {
    RewardSpacingSamples(
      prompts: problems(splits).count, responses: responses, temperature: temperature,
      rewards: perSeed)
  }
}
