// Injected reward noise for the noise-robustness claims (shared/design/TRAINING.md pipeline
// step 4, "Optional injected reward noise N(0, σ²)"; claims/mpo.md §0.14 EP-3,
// mpo.emp.noise-robustness, mpo.emp.two-bins-vs-finer): S̃ = S + σz with z ~ N(0, 1).
//
// z is drawn once per (seed, prompt, response) on stream TaskStream.PerPrompt.rewardNoise
// and only scaled by σ, so every σ of a seed shares the same draws (common random numbers)
// and a k-response arm sees the noise of its first k responses. σ is in reward units; the
// catalog's σ in units of s̄ is σ·s̄ with s̄ from
// ``ScoredSampleSet/medianWithinPromptStandardDeviation(_:)``.

/// The standard deviation σ ≥ 0 of the Gaussian noise added to each response's reward.
public struct RewardNoise: Hashable, Sendable, Codable {
  /// σ in reward units (0: clean scores).
  public let sigma: Double

  /// Noise of standard deviation `sigma`.
  /// - Throws: ``TaskError`` unless σ is finite and ≥ 0.
  public init(sigma: Double) throws(TaskError) {
    if !(sigma.isFinite && sigma >= 0) {
      throw TaskError(field: "sigma", value: "\(sigma)", rule: "must be finite and ≥ 0")
    }
    self.sigma = sigma
  }

  private init(uncheckedSigma: Double) { sigma = uncheckedSigma }

  /// No noise: S̃ = S.
  public static let none = RewardNoise(uncheckedSigma: 0)
}
