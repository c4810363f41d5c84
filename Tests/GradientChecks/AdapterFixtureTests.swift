// The shared fixture of the adapter tests (AdapterGradientTests, AdapterLossTests): a real
// ScoredSampleSet of three hand-made prompts (correct answers, a wrong answer digit, a wrong
// first step, a truncated response — so every dataset of TRAINING.md step 4 has items,
// including PIPA's correct-vs-incorrect pairs), every factory combination of
// FeedbackCatalog as a RunSpec, and small random float64 SequenceScores from a seed.
import Numerics
import Testing
import Training

enum AdapterFixture {
  /// Four responses to `p`: kinds picked by `kinds` (0 right, 1 wrong answer digit, 2 wrong
  /// first step, 3 truncated).
  static func responses(_ p: AdditionProblem, _ kinds: [Int]) -> [[Int]] {
    kinds.map { k in
      var t = Solution(p).responseTokens
      switch k {
      case 1:
        let i = t.count - 2
        t[i] = Vocabulary.token(digit: ((Vocabulary.digit(of: t[i]) ?? 0) + 3) % 10)
      case 2:
        t[4] = Vocabulary.token(digit: ((Vocabulary.digit(of: t[4]) ?? 0) + 1) % 10)
      case 3:
        t = Array(t[..<(t.count / 2)])
      default:
        break
      }
      return t
    }
  }

  /// Three short prompts × 4 responses (10–20 tokens each, so debug runs stay fast), each prompt with correct and incorrect answers and
  /// distinct rewards, scored without noise.
  static func samples() throws -> ScoredSampleSet {
    let spec: [(Int, Int, Int, [Int])] = [
      (3, 5, 7, [0, 1, 0, 2]), (11, 38, 4, [2, 0, 3, 1]), (20, 27, 56, [1, 3, 0, 0]),
    ]
    let prompts = try spec.map { i, a, b, kinds in
      let p = try AdditionProblem(a: a, b: b)
      return try PromptSamples(promptIndex: i, problem: p, responses: responses(p, kinds))
    }
    return try ScoredSampleSet(samples: prompts, seed: 7)
  }

  /// Every trainable (objective, paper, feedback) of the catalog as a spec with the default
  /// hyperparameters, plus the settings the claims sweep (PRO exact-H, PRO-S's first N, 4 bins).
  static func combinations() throws -> [RunSpec] {
    var out: [RunSpec] = []
    for e in FeedbackCatalog.entries {
      for k in e.feedback where k != .none && k != .sftCorpus {
        out.append(
          try AlignmentObjectives.spec(objective: e.objective, paper: e.paper, feedback: k))
      }
    }
    out.append(
      try AlignmentObjectives.spec(
        objective: "PROPImplemented", paper: "PRO", hyperparameters: ["exactH": 1]))
    out.append(
      try AlignmentObjectives.spec(objective: "PROS", paper: "PRO", hyperparameters: ["exactH": 1]))
    // PRO-S on the first 2 of the 4 responses, scores centred among those 2.
    out.append(
      try AlignmentObjectives.spec(objective: "PROS", paper: "PRO", hyperparameters: ["N": 2]))
    out.append(
      try AlignmentObjectives.spec(
        objective: "BinnedPlackettLuce", paper: "MPO", hyperparameters: ["bins": 4]))
    return out
  }

  /// The labels of ``combinations()`` (test arguments).
  static let labels: [String] = (try? combinations().map(\.label)) ?? []

  /// The claims' sweep settings the factory honours (SweepSettings.swift): MPO's
  /// reference-free logit, PIPA's fixed g and SFT term (loss-level), and one data-level
  /// setting per builder path. Kept apart from ``combinations()``: AdapterLossTests
  /// recomputes the plain objectives' losses and knows no sweep setting.
  static func sweepCombinations() throws -> [RunSpec] {
    var out: [RunSpec] = []
    let sweeps: [(String, String, FeedbackKind?, [String: Double])] = [
      ("MPO", "MPO", nil, ["referenceFree": 1]),
      ("MPO", "MPO", nil, ["thresholdMedian": 1]),
      ("MPO", "MPO", .rankCutSets, ["top": 1, "bottom": 2]),
      ("PIPAMTokenLevel", "PIPA", nil, ["fixedValue": 0.5]),
      ("PIPANTokenLevel", "PIPA", nil, ["fixedValue": 0.3]),
      ("PIPAM", "PIPA", nil, ["sftCoefficient": 1]),
      ("PIPAN", "PIPA", .correctIncorrectPairs, ["sftCoefficient": 0.5]),
      ("KTOPIPAForm", "PIPA", nil, ["sftCoefficient": 1]),
      ("PROBPrinted", "PRO", nil, ["desiredFraction": 0.5]),
      ("WeightedMPOAbsolute", "MPO", nil, ["alphaWTimesSBar": 0.1]),
    ]
    for (objective, paper, feedback, settings) in sweeps {
      out.append(
        try AlignmentObjectives.spec(
          objective: objective, paper: paper, feedback: feedback, hyperparameters: settings))
    }
    return out
  }

  /// The labels of ``sweepCombinations()`` (test arguments).
  static let sweepLabels: [String] = (try? sweepCombinations().map(\.label)) ?? []

  static func spec(_ label: String) throws -> RunSpec {
    try #require(try (combinations() + sweepCombinations()).first { $0.label == label })
  }

  /// Random scores for `keys`: per token log π_θ = −(0.3 + 1.5u), log π_ref = log π_θ +
  /// 0.3·N(0, 1) capped at −0.05, value logits N(0, 1); sequence values are the token sums.
  /// Token log-probabilities ≤ −0.3 keep every finite-difference step inside the domain.
  static func scores(
    _ keys: [SequenceKey], _ samples: ScoredSampleSet, seed: UInt64
  ) throws -> SequenceScores {
    var r = RandomStream(seed: seed)
    var lengths: [Int] = []
    var pt: [[Double]] = []
    var rt: [[Double]] = []
    var vl: [[Double]] = []
    for k in keys {
      let prompt = try #require(samples.prompt(k.promptIndex))
      let n = prompt.responses[k.response].tokens.count
      let p = (0..<n).map { _ in -(0.3 + 1.5 * r.uniform()) }
      lengths.append(n)
      pt.append(p)
      rt.append(p.map { min(-0.05, $0 + 0.3 * r.gaussian()) })
      vl.append((0..<n).map { _ in r.gaussian() })
    }
    return SequenceScores(
      keys: keys, policy: pt.map { $0.reduce(0, +) }, reference: rt.map { $0.reduce(0, +) },
      responseLengths: lengths, policyTokens: pt, referenceTokens: rt, valueLogits: vl)
  }

  /// `s` with the policy quantities replaced: sequence values, token values, value logits.
  static func replacing(
    _ s: SequenceScores, policy: [Double], tokens: [[Double]], valueLogits: [[Double]]
  ) -> SequenceScores {
    SequenceScores(
      keys: s.keys, policy: policy, reference: s.reference, responseLengths: s.responseLengths,
      policyTokens: tokens, referenceTokens: s.referenceTokens, valueLogits: valueLogits)
  }

  /// The batch of every fixture prompt.
  static let allPrompts = [3, 11, 20]
}
