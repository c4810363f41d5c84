// W-MPO invariants (MPO §4.4 eq. 8, App. D.2 eq. 16, App. G.1) over seeded inputs: α_w = 0
// gives MPO on the mean partition; G.1 equals eq. (8) at β = 1; the signed variant's loss
// does not increase with α_w; permutation invariance; D.2's additive = multiplicative
// statement; and the finding that eq. (8) and eq. (16) are different losses.
import Objectives
import PropertyBased
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct WeightedMPOPropertyTests {
  typealias In = MPOFamilyInputs

  /// [logProbs (6), refLogProbs (6), scores (6, mapped to integers 1…10), count control].
  static let gen = EdgeGen.array(EdgeGen.logProbability(lowest: -1e3), count: 19...19)

  /// 2…6 responses with integer scores 1…10 (ties and scores equal to the mean are common;
  /// integer sums are exact, so the mean does not depend on the order).
  static func decode(_ v: [Double]) -> ScoredResponseSet {
    let n = 2 + In.control(v, 2, modulo: 5)
    let s = (0..<n).map { Double(1 + Int((abs(v[12 + $0]) * 7).rounded(.down)) % 10) }
    return ScoredResponseSet(
      logProbs: Array(v[0..<n]), refLogProbs: Array(v[6..<(6 + n)]), scores: s)
  }

  static func mpoPair(_ x: ScoredResponseSet) -> SetPair {
    let p = x.partition
    let idx = x.scores.indices
    let pos = idx.filter { p.positive[$0] }
    let neg = idx.filter { !p.positive[$0] }
    return SetPair(
      positive: ResponseSet(logProbs: pos.map { x.logProbs[$0] }, refLogProbs: pos.map { x.refLogProbs[$0] }),
      negative: ResponseSet(logProbs: neg.map { x.logProbs[$0] }, refLogProbs: neg.map { x.refLogProbs[$0] }))
  }

  /// α_w = 0: every variant is MPO (eq. 5) on the partition (12)–(13). 0·ΔW adds exactly 0,
  /// so the logits are identical and only the summation order differs (MPO lists positives
  /// first): the contrast rounding bound applies.
  @Test(arguments: [0.01, 0.1, 1.0])
  func alphaZeroIsMPOOnTheMeanPartition(beta: Double) {
    PropertyRunner.check(
      "wmpo.alpha0.beta=\(beta)", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      // An empty 𝒴⁺ (all scores equal) is outside the domain of every variant.
      if !x.partition.positive.contains(true) { return nil }
      let pair = Self.mpoPair(x)
      let mpo = MPO(beta: beta)
      guard let lm = try? mpo.loss(pair),
        let la = try? WeightedMPOAbsolute(beta: beta, alphaW: 0).loss(x),
        let ls = try? WeightedMPOSigned(beta: beta, alphaW: 0).loss(x)
      else { return "threw" }
      let (lg, mask) = mpo.logits(pair)
      let bound = In.contrastBound(logits: lg, positive: mask, loss: lm)
      if abs(la - lm) > bound { return "abs \(la) vs MPO \(lm), bound \(bound)" }
      if abs(ls - lm) > bound { return "signed \(ls) vs MPO \(lm), bound \(bound)" }
      if beta == 1 {
        guard let lg1 = try? WeightedMPOG1(alpha: 0).loss(x) else { return "threw" }
        if abs(lg1 - lm) > bound { return "G.1 \(lg1) vs MPO \(lm), bound \(bound)" }
      }
      return nil
    }
  }

  /// G.1's δ_i is S_i − S_mean on Y⁺ and S_mean − S_i off it, i.e. |S_i − S_mean| = ΔW_abs,
  /// and 1·r = r exactly: G.1 at α is eq. (8) at β = 1, α_w = α, operation for operation, so
  /// the losses and gradients agree exactly (tolerance 0).
  @Test(arguments: [0.0, 0.1, 1.0, 10.0])
  func g1IsAbsoluteAtBetaOne(alpha: Double) {
    PropertyRunner.check(
      "wmpo.g1-equals-abs.alpha=\(alpha)", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      let g1 = WeightedMPOG1(alpha: alpha)
      let abs8 = WeightedMPOAbsolute(beta: 1, alphaW: alpha)
      let a = try? g1.loss(x)
      let b = try? abs8.loss(x)
      if a == nil && b == nil { return nil }  // both reject (empty Y⁺)
      guard let a, let b, let ga = try? g1.gradient(x), let gb = try? abs8.gradient(x) else {
        return "only one threw"
      }
      return a == b && ga == gb ? nil : "G.1 \(a) \(ga) vs eq. 8 \(b) \(gb)"
    }
  }

  /// Eq. (16): ∂ℓ/∂α_w = E_all[ΔW] − E_{𝒴⁺}[ΔW] ≤ 0 (softmax expectations; ΔW > 0 on 𝒴⁺,
  /// ≤ 0 on 𝒴⁻), so the loss does not increase with α_w. Slack: the contrast bound.
  @Test(arguments: [0.1, 1.0])
  func signedLossNonIncreasingInAlpha(beta: Double) {
    PropertyRunner.check(
      "wmpo-signed.monotone-alpha.beta=\(beta)", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      var prev: Double? = nil
      for alpha in [-1.0, 0, 0.125, 0.5, 2] {
        let o = WeightedMPOSigned(beta: beta, alphaW: alpha)
        guard let l = try? o.loss(x), let t = try? o.logits(x) else { return nil }
        let slack = In.contrastBound(logits: t.logits, positive: t.positive, loss: l)
        if let p = prev, l > p + slack { return "α_w = \(alpha): loss \(l) > \(p)" }
        prev = l
      }
      return nil
    }
  }

  /// Shuffling the responses (with their scores) leaves every variant unchanged: integer
  /// scores make the mean order-independent, and the logits are permuted exactly.
  @Test func permutationInvariance() {
    PropertyRunner.check(
      "wmpo.permutation", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      let p = In.permutation(x.count, seed: In.seed(v))
      let y = ScoredResponseSet(
        logProbs: p.map { x.logProbs[$0] }, refLogProbs: p.map { x.refLogProbs[$0] },
        scores: p.map { x.scores[$0] })
      let os: [(String, (ScoredResponseSet) throws -> Double)] = [
        ("abs", WeightedMPOAbsolute(beta: 0.5, alphaW: 1).loss),
        ("signed", WeightedMPOSigned(beta: 0.5, alphaW: 1).loss),
        ("g1", WeightedMPOG1(alpha: 1).loss),
      ]
      for (name, f) in os {
        guard let a = try? f(x) else { continue }
        guard let b = try? f(y) else { return "\(name): shuffled input threw" }
        guard let t = try? WeightedMPOSigned(beta: 0.5, alphaW: 1).logits(x) else {
          return "threw"
        }
        // The abs/G.1 logits differ from the signed ones only in the sign of α·ΔW on 𝒴⁻
        // (|α ΔW| ≤ 9), which moves |A|, |B| by ≤ 18 and |B − A| by ≤ 36: 2ε·72 more.
        let bound =
          In.contrastBound(logits: t.logits, positive: t.positive, loss: a) + 144 * Double.ulpOfOne
        if abs(a - b) > bound { return "\(name): \(a) vs shuffled \(b), bound \(bound)" }
      }
      return nil
    }
  }

  /// App. D.2: the additive logit (15) equals multiplying exp(β r_θ) by exp(α_w ΔW) in both
  /// sums. Linear-space evaluation on |β r| ≤ 40, |α ΔW| ≤ 20 (no overflow); the relative
  /// difference of the ratios is bounded by 16ε(N + max|β r + α ΔW|) (claims/mpo.md,
  /// mpo.wmpo.additive-multiplicative: e^{a+b} vs e^a·e^b rounding plus the sums).
  @Test func signedAdditiveEqualsMultiplicative() {
    let gen = EdgeGen.array(EdgeGen.logProbability(lowest: -40), count: 19...19)
    PropertyRunner.check(
      "wmpo-signed.additive-multiplicative", generator: gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      let o = WeightedMPOSigned(beta: 1, alphaW: 2)
      guard let lp = try? o.logSetProbability(x), let t = try? o.logits(x) else { return nil }
      let (lg, mask) = t
      let w = o.weights(x)
      let u = x.logRatios.map { exp($0) }
      var num = 0.0
      var den = 0.0
      for i in u.indices {
        den += w[i] * u[i]
        if mask[i] { num += w[i] * u[i] }
      }
      let ratio = num / den
      let bound =
        16 * Double.ulpOfOne * (Double(x.count) + (lg.map { Swift.abs($0) }.max() ?? 0))
      return Swift.abs(ratio / exp(lp) - 1) <= bound ? nil : "ratio \(ratio) vs \(exp(lp))"
    }
  }

  /// Finding (reported): eq. (8) (absolute deviation, §4.4) and eq. (16) (signed deviation,
  /// D.2) are different losses whenever a rejected response scores below the mean and
  /// α_w ≠ 0. Counterexample: S = (1, 0), r_θ = (0, 0), β = α_w = 1: S_mean = 1/2, logits
  /// (1/2, 1/2) under (8) but (1/2, −1/2) under (16), so ℓ_8 = log 2 and
  /// ℓ_16 = softplus(−1) = log(1 + e^{−1}). Reference values (mpmath, mp.dps = 50):
  ///   log(2) = 0.69314718055994530942, log(1 + exp(-1)) = 0.31326168751822283405.
  /// Tolerance 4 ulps: one logSumExp of two equal terms and one softplus.
  @Test func absoluteAndSignedVariantsDiffer() throws {
    let x = ScoredResponseSet(logProbs: [-1, -1], refLogProbs: [-1, -1], scores: [1, 0])
    let l8 = try WeightedMPOAbsolute(beta: 1, alphaW: 1).loss(x)
    let l16 = try WeightedMPOSigned(beta: 1, alphaW: 1).loss(x)
    #expect(Swift.abs(l8 - 0.69314718055994530942) <= 4 * 0.69314718055994530942.ulp)
    #expect(Swift.abs(l16 - 0.31326168751822283405) <= 4 * 0.31326168751822283405.ulp)
    #expect(l8 != l16)
  }
}
