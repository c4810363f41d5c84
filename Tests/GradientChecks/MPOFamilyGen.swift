// Seeded, edge-biased generators of the MPO family's inputs (SetPair, ScoredResponseSet,
// Ranking, BinPartition, RewardedResponseSet) for the gradient checks. Log-probabilities come
// from EdgeGen.logProbability down to −1e4 (0, −1e-300, −1, −30, −800, −1e4 and log-uniform
// magnitudes), so ties, saturation and logit gaps of ±1e4 all occur. Not −1e5: a variable
// near 0 whose partner in the log-ratio is −1e5 is rounded at ε·1e5 inside the logits, and
// the finite differences then carry noise ε·1e5·|f|/h ≈ 1e-8 that neither GSL's error
// estimate nor the harness's 64ε·max|x|·max|g| floor covers (reported to the lead; the
// analytic values in such cases agree with mpmath on the rounded log-ratios). Finiteness at
// −1e5 is covered by Tests/PropertyTests/MPOFamilyStabilityTests.swift.
import Objectives
import Numerics
import PropertyBased
import TestSupport

enum MPOFamilyGen {
  /// Initial finite-difference steps for set-level losses. GradientCheck.defaultStep makes
  /// x ± h resolvable at x's own magnitude (h = max(1e-3, 1e-7|x|)). In these losses every
  /// variable is rounded inside logits that are compared with the largest logit of the set
  /// (logSumExp subtracts the maximum), so the magnitude that matters is
  /// M = max(max_j |x_j|, extra), with `extra` the largest additive logit offset in units
  /// of the variables (α·max|ΔW|/β for W-MPO). The same rule is applied at M: every
  /// coordinate gets h = max(1e-3, 1e-7·M). Tolerances are unchanged.
  static func steps<I: ObjectiveInput>(extra: @escaping @Sendable (I) -> Double = { _ in 0 })
    -> @Sendable (I) -> [Double]
  {
    { x in
      let m = max(x.variables.map { abs($0) }.max() ?? 0, extra(x))
      return Array(repeating: GradientCheck.defaultStep(m), count: x.variables.count)
    }
  }

  static let logProb = EdgeGen.logProbability(lowest: -1e4)

  /// n log-probabilities.
  static func logProbs<G: SeededRandomNumberGenerator>(_ n: Int, _ rng: inout G) -> [Double] {
    (0..<n).map { _ in logProb.run(using: &rng) }
  }

  /// A response set of 1…maxCount responses.
  static func responseSet<G: SeededRandomNumberGenerator>(
    _ rng: inout G, maxCount: Int = 3) -> ResponseSet {
    let n = 1 + Int(rng.next() % UInt64(maxCount))
    return ResponseSet(logProbs: logProbs(n, &rng), refLogProbs: logProbs(n, &rng))
  }

  /// max_i |S_i − S_mean|.
  static func maxDeviation(_ x: ScoredResponseSet) -> Double {
    x.partition.deviations.map { abs($0) }.max() ?? 0
  }

  static func setPair() -> Generator<SetPair, Shrink.None<SetPair>> {
    Generator { rng in SetPair(positive: responseSet(&rng), negative: responseSet(&rng)) }
  }

  /// 2…5 responses with scores from a small integer (Likert-like, ties common) or an
  /// edge-biased real range.
  static func scoredSet() -> Generator<ScoredResponseSet, Shrink.None<ScoredResponseSet>> {
    let real = EdgeGen.double(in: -1e2...1e2)
    return Generator { rng in
      let n = 2 + Int(rng.next() % 4)
      let likert = rng.next() & 1 == 0
      let s = (0..<n).map { _ in
        likert ? Double(1 + Int(rng.next() % 10)) : real.run(using: &rng)
      }
      return ScoredResponseSet(logProbs: logProbs(n, &rng), refLogProbs: logProbs(n, &rng), scores: s)
    }
  }

  static func ranking() -> Generator<Ranking, Shrink.None<Ranking>> {
    Generator { rng in
      let n = 2 + Int(rng.next() % 4)
      return Ranking(logProbs: logProbs(n, &rng), refLogProbs: logProbs(n, &rng))
    }
  }

  static func binPartition() -> Generator<BinPartition, Shrink.None<BinPartition>> {
    Generator { rng in
      let b = 2 + Int(rng.next() % 3)
      return BinPartition(bins: (0..<b).map { _ in responseSet(&rng, maxCount: 2) })
    }
  }

  static func rewardedSet() -> Generator<RewardedResponseSet, Shrink.None<RewardedResponseSet>> {
    let reward = EdgeGen.double(in: -1e2...1e2)
    return Generator { rng in
      let n = 2 + Int(rng.next() % 3)  // K = 1 is trivial (InfoNCA ≡ 0) and has ∇ ≈ 0
      return RewardedResponseSet(
        logProbs: logProbs(n, &rng), refLogProbs: logProbs(n, &rng),
        rewards: (0..<n).map { _ in reward.run(using: &rng) })
    }
  }
}
