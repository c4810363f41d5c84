// Shared inputs and tolerances of the MPO §1 checks (../shared/claims/mpo.md §0.13 and §1):
// τ_LSE, score draws (N(0, 1), Likert {1..10}), scored-instance draws, and a keeper of the
// smallest failing case ("fewest responses first, then the simplest grid values", §0.13).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// Helpers of the MPO §1 checks (prefix MPOId).
enum MPOId {
  static let eps = Double.ulpOfOne

  /// τ_LSE(a) = 32ε(1 + max_j |a_j|) (§0.13): quantities computed from logits through
  /// log-sum-exp carry an absolute rounding error of a few ε times the largest |logit|.
  static func tauLSE(_ a: [Double], factor: Double = 1) -> Tolerance {
    let m = a.reduce(0) { max($0, abs($1)) }
    return Tolerance(
      absolute: factor * 32 * eps * (1 + m), relative: 0,
      reason: "\(factor == 1 ? "" : "\(formatNumber(factor))·")τ_LSE = 32ε(1 + max|a|), "
        + "max|a| = \(formatNumber(m)): log-sum-exp rounding (§0.13)")
  }

  /// An absolute tolerance with its reason.
  static func absolute(_ v: Double, _ reason: String) -> Tolerance {
    Tolerance(absolute: v, relative: 0, reason: reason)
  }

  /// Scores: N(0, 1) or integer Likert values uniform on {1..10}.
  enum ScoreKind: String, CaseIterable, Sendable {
    case normal = "N(0,1)"
    case likert = "Likert {1..10}"
  }

  static func scores(_ r: inout RandomStream, n: Int, kind: ScoreKind) -> [Double] {
    switch kind {
    case .normal: return (0..<n).map { _ in r.gaussian() }
    case .likert: return (0..<n).map { _ in Double(r.uniformInt(in: 1...10)) }
    }
  }

  /// Log-probabilities uniform on [−l, 0].
  static func logProbs(_ r: inout RandomStream, n: Int, l: Double) -> [Double] {
    (0..<n).map { _ in -l * r.uniform() }
  }

  /// A value of `grid` chosen uniformly, with its index.
  static func pick<T>(_ r: inout RandomStream, _ grid: [T]) -> (T, Int) {
    let i = r.uniformInt(in: 0..<grid.count)
    return (grid[i], i)
  }

  /// A scored W-MPO instance of `n` responses with non-empty 𝒴⁺ (redrawn until 𝒴⁺ ≠ ∅;
  /// returns the number of skipped draws, as Algorithm 2 skips such prompts).
  static func scoredSet(
    _ r: inout RandomStream, n: Int, kind: ScoreKind, logProbRange l: Double
  ) -> (set: ScoredResponseSet, skipped: Int) {
    var skipped = 0
    while true {
      let s = scores(&r, n: n, kind: kind)
      let lp = logProbs(&r, n: n, l: l)
      let rp = logProbs(&r, n: n, l: l)
      let x = ScoredResponseSet(logProbs: lp, refLogProbs: rp, scores: s)
      if x.partition.positive.contains(true) { return (x, skipped) }
      skipped += 1
    }
  }

  /// The MPO set pair of a scored set under the mean partition (eq. 12–13).
  static func meanSetPair(_ x: ScoredResponseSet) -> SetPair {
    let p = x.partition.positive
    let idx = Array(x.logProbs.indices)
    let pos = idx.filter { p[$0] }
    let neg = idx.filter { !p[$0] }
    return SetPair(
      positive: ResponseSet(
        logProbs: pos.map { x.logProbs[$0] }, refLogProbs: pos.map { x.refLogProbs[$0] }),
      negative: ResponseSet(
        logProbs: neg.map { x.logProbs[$0] }, refLogProbs: neg.map { x.refLogProbs[$0] }))
  }

  /// Inputs of a scored set, for counterexamples.
  static func describe(_ x: ScoredResponseSet) -> [NamedValue] {
    var v: [NamedValue] = [NamedValue("N", Double(x.count))]
    for i in 0..<x.count {
      v.append(NamedValue("logπθ[\(i)]", x.logProbs[i]))
      v.append(NamedValue("logπref[\(i)]", x.refLogProbs[i]))
      v.append(NamedValue("S[\(i)]", x.scores[i]))
    }
    return v
  }
}

/// Keeps the smallest failing case by a lexicographic key (§0.13: fewest responses first,
/// then the simplest parameter values in grid order).
struct MPOIdSmallest {
  private(set) var key: [Double]?
  private(set) var example: Counterexample?
  private(set) var count = 0

  mutating func offer(key k: [Double], _ make: @autoclosure () -> Counterexample) {
    count += 1
    if let cur = key, !k.lexicographicallyPrecedes(cur) { return }
    key = k
    example = make()
  }
}
