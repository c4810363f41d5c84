// Greedy exact-match evaluation (shared/design/TRAINING.md pipeline steps 1 and 6: the SFT
// stop rule's validation accuracy; test accuracy, mean reward and response length): decode
// every prompt greedily with the key/value-cached ``Sampler`` in batches, and verify.
import Numerics

/// Greedy decoding of a set of problems and the verifier's verdicts.
public enum GreedyEvaluation {
  /// Accuracy, mean reward and mean length (tokens, EOS included) of greedy responses.
  public struct Outcome: Hashable, Sendable {
    public var accuracy: Double
    public var meanReward: Double
    public var meanLength: Double
    /// Response tokens decoded.
    public var tokens: Int
  }

  /// Decodes `problems` greedily from `model`, `batchSize` prompts per chunk.
  public static func run<S: ModelScalar>(
    _ model: Transformer<S>, problems: [AdditionProblem], batchSize: Int
  ) throws -> Outcome {
    precondition(!problems.isEmpty, "GreedyEvaluation needs at least one problem")
    let sampler = try Sampler(temperature: 0, eosToken: Vocabulary.eos, batchSize: batchSize)
    var unused = RandomStream(seed: 0)  // greedy decoding draws no random numbers
    let responses = try sampler.sample(
      from: model, prompts: problems.map(\.promptTokens), random: &unused)
    var correct = 0
    var reward = 0.0
    var length = 0
    for (p, r) in zip(problems, responses) {
      let v = Verifier.verify(p, response: r)
      if v.correct { correct += 1 }
      reward += v.reward
      length += r.count
    }
    let n = Double(problems.count)
    return Outcome(
      accuracy: Double(correct) / n, meanReward: reward / n, meanLength: Double(length) / n,
      tokens: length)
  }
}
