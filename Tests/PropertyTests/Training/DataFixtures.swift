// Random sampled data for the dataset-builder properties: prompts whose responses are
// variants of the reference solution (right, wrong answer digit, wrong step, truncated,
// empty, noise), so rewards take few values and ties — within a prompt and across all of
// it — are common, as with real samples.
import Numerics
import PropertyBased
import TestSupport
import Training

/// One random input of the data properties.
struct DataCase: CustomStringConvertible {
  let samples: [PromptSamples]
  let sigma: Double
  let seed: UInt64

  var description: String {
    "seed \(seed), σ \(sigma), prompts "
      + samples.map { s in
        "#\(s.promptIndex) \(s.problem): "
          + s.responses.map { "\($0.verdict.reward)" }.joined(separator: " ")
      }.joined(separator: " | ")
  }

  func scored() throws -> ScoredSampleSet {
    try ScoredSampleSet(samples: samples, noise: RewardNoise(sigma: sigma), seed: seed)
  }
}

enum DataFixtures {
  /// A response to `p` of one of seven kinds, drawn with `rng`.
  static func response<R: RandomNumberGenerator>(_ p: AdditionProblem, _ rng: inout R) -> [Int] {
    var t = Solution(p).responseTokens
    switch rng.next() % 7 {
    case 0, 1:
      return t  // right
    case 2:  // one answer digit changed: well formed, wrong, reward in [0, 0.5)
      let i = t.count - 2 - Int(rng.next() % 2)
      if let d = Vocabulary.digit(of: t[i]) {
        t[i] = Vocabulary.token(digit: (d + 1 + Int(rng.next() % 8)) % 10)
      }
      return t
    case 3:  // first step's sum wrong
      t[4] = Vocabulary.token(digit: ((Vocabulary.digit(of: t[4]) ?? 0) + 1) % 10)
      return t
    case 4:  // truncated
      return Array(t[..<Int(rng.next() % UInt64(t.count))])
    case 5:
      return []
    default:  // noise
      return (0..<Int(rng.next() % 12)).map { _ in Int(rng.next() % 16) }
    }
  }

  /// 1–6 prompts with distinct indices, n ∈ {1, 2, 3, 4, 6, 8} responses each (the same n
  /// for all prompts with probability ½), some prompts all-correct, σ ∈ {0, 0, 0.05, 0.3}.
  static let cases = Generator<DataCase, Shrink.None<DataCase>> { rng in
    let promptCount = Int(rng.next() % 6) + 1
    let sizes = [1, 2, 3, 4, 6, 8]
    let shared = rng.next() % 2 == 0
    let sharedN = sizes[Int(rng.next() % 6)]
    var used = Set<Int>()
    var out: [PromptSamples] = []
    for _ in 0..<promptCount {
      var index = Int(rng.next() % 5000)
      while !used.insert(index).inserted { index += 1 }
      let a = Int(rng.next() % 10_000)
      let b = Int(rng.next() % 1000)
      guard let p = try? AdditionProblem(a: a, b: b) else { continue }
      let n = shared ? sharedN : sizes[Int(rng.next() % 6)]
      let allRight = rng.next() % 5 == 0
      let responses = (0..<n).map { _ in
        allRight ? Solution(p).responseTokens : response(p, &rng)
      }
      if let s = try? PromptSamples(promptIndex: index, problem: p, responses: responses) {
        out.append(s)
      }
    }
    let sigmas = [0.0, 0.0, 0.05, 0.3]
    return DataCase(samples: out, sigma: sigmas[Int(rng.next() % 4)], seed: rng.next())
  }

  /// A fixed case of 40 prompts × 8 responses (every fifth all correct) for determinism tests.
  static func fixed(seed: UInt64, sigma: Double = 0) throws -> ScoredSampleSet {
    var rng = RandomStream(seed: 99)
    var samples: [PromptSamples] = []
    for i in 0..<40 {
      let p = try AdditionProblem.random(using: &rng)
      samples.append(
        try PromptSamples(
          promptIndex: i, problem: p,
          responses: (0..<8).map { _ in
            // Every fifth prompt is all correct: all scores equal when σ = 0.
            i % 5 == 0 ? Solution(p).responseTokens : response(p, &rng)
          }))
    }
    return try ScoredSampleSet(samples: samples, noise: RewardNoise(sigma: sigma), seed: seed)
  }
}
