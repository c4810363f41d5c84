// Pipeline step 3 of shared/design/TRAINING.md: n responses per prompt sampled at
// temperature T with the key/value-cached ``Sampler`` — from π_ref for the shared offline
// samples and the held-out tracking samples, from the current policy in the rounds of an
// iterative run — verified into ``PromptSamples``. Determinism: the prompts are laid out
// prompt by prompt, each repeated n times, and decoded in that order from one stream, so the
// tokens are a function of the model, the prompts, n, T and the stream alone.
import Numerics

/// Samples and verifies responses.
public enum SampleStage {
  /// `n` responses for each of `problems` (prompt indices `indices`) from `model` at
  /// temperature `temperature`, drawn from stream `stream` of `seed`.
  public static func sample<S: ModelScalar>(
    _ model: Transformer<S>, problems: [AdditionProblem], indices: [Int], n: Int,
    temperature: Double, seed: UInt64, stream: UInt64, batchSize: Int
  ) throws -> [PromptSamples] {
    precondition(problems.count == indices.count, "one prompt index per problem")
    let tokens = try sampleTokens(
      model, problems: problems, n: n, temperature: temperature, seed: seed, stream: stream,
      batchSize: batchSize)
    return try zip(indices, zip(problems, tokens)).map { i, pt in
      try PromptSamples(promptIndex: i, problem: pt.0, responses: pt.1)
    }
  }

  /// The response tokens only: `[prompt][response][token]`.
  public static func sampleTokens<S: ModelScalar>(
    _ model: Transformer<S>, problems: [AdditionProblem], n: Int, temperature: Double,
    seed: UInt64, stream: UInt64, batchSize: Int
  ) throws -> [[[Int]]] {
    precondition(n >= 1, "n must be ≥ 1")
    let sampler = try Sampler(
      temperature: temperature, eosToken: Vocabulary.eos, batchSize: batchSize)
    var random = RandomStream(seed: seed, stream: stream)
    let prompts = problems.flatMap { p in [[Int]](repeating: p.promptTokens, count: n) }
    let flat = try sampler.sample(from: model, prompts: prompts, random: &random)
    return (0..<problems.count).map { Array(flat[($0 * n)..<($0 * n + n)]) }
  }
}
