// The reward samples of claims/mpo.md mpo.emp.reward-spacing (App. A.5 Fig. 10): for each
// seed, `responses` responses from π_ref at `temperature` for each of the first `prompts`
// test prompts (the test split is drawn from the seed, so the seed chooses them), scored by
// the verifier's clean reward S (TRAINING.md "reward"). Drawn by ``RewardSpacingStage``
// when the claim is selected; ``TrainingResults/rewardSpacing`` is absent otherwise.

/// Verifier rewards of π_ref's samples on test prompts, per seed.
public struct RewardSpacingSamples: Hashable, Sendable, Codable {
  /// Test prompts per seed (512, or the whole test split when it is smaller).
  public var prompts: Int
  /// Responses per prompt (32).
  public var responses: Int
  /// The sampling temperature (1).
  public var temperature: Double
  /// `rewards[seedIndex][prompt][response]`, responses in sampling order.
  public var rewards: [[[Double]]]

  public init(prompts: Int, responses: Int, temperature: Double, rewards: [[[Double]]]) {
    self.prompts = prompts
    self.responses = responses
    self.temperature = temperature
    self.rewards = rewards
  }
}
