// InfoNCA (MPO eq. 3 / App. G.1) and NCA (Chen et al. 2024) over seeded inputs: InfoNCA with
// K = 2 and hard targets is DPO; InfoNCA ≥ H(p_target) (Gibbs); NCA ≥ 0; both invariant to
// shuffling responses; InfoNCA invariant to a common shift of the policy log-probabilities;
// NCA increasing in the log-probability of a zero-target response.
import Objectives
import PropertyBased
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct InfoNCAPropertyTests {
  typealias In = MPOFamilyInputs
  static let eps = Double.ulpOfOne

  /// [logProbs (6), refLogProbs (6), rewards (6) in [−30, 30], count control ×3].
  static let gen = EdgeGen.array(EdgeGen.double(in: -30...0), count: 21...21)

  static func decode(_ v: [Double]) -> RewardedResponseSet {
    let k = 1 + In.control(v, 0, modulo: 6)
    return RewardedResponseSet(
      logProbs: Array(v[0..<k]), refLogProbs: Array(v[6..<(6 + k)]),
      rewards: (0..<k).map { 2 * v[12 + $0] + 30 })
  }

  /// Rewards (1, 0) with τ = 2⁻¹⁰ give p_target = (1, e^{−1024}) = (1, 0) exactly in float64,
  /// and then ℓ = −log softmax(s)_1 = softplus(s_2 − s_1) = DPO. Rounding as in
  /// MPOPropertyTests.singletonSetsReduceToDPO (|Δt| ≤ ε(|s_1| + |s_2| + 2|t|)).
  @Test(arguments: [0.001, 0.1, 1.0, 10.0])
  func twoResponsesHardTargetsIsDPO(beta: Double) {
    let gen = EdgeGen.array(EdgeGen.logProbability(lowest: -1e4), count: 4...4)
    PropertyRunner.check(
      "infonca.k2-hard-is-dpo.beta=\(beta)", count: 1000, generator: gen,
      shrink: Shrinkers.doubles
    ) { v in
      let x = RewardedResponseSet(logProbs: [v[0], v[1]], refLogProbs: [v[2], v[3]], rewards: [1, 0])
      let pair = PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
      let nca = InfoNCA(beta: beta, tau: 0x1p-10)
      guard let p = try? nca.targetDistribution(x), p == [1, 0] else { return "targets not hard" }
      guard let li = try? nca.loss(x), let ld = try? DPO(beta: beta).loss(pair),
        let gi = try? nca.gradient(x), let gd = try? DPO(beta: beta).gradient(pair)
      else { return "threw" }
      let s1 = beta * (v[0] - v[2])
      let s2 = beta * (v[1] - v[3])
      let dt = Self.eps * (abs(s1) + abs(s2) + 2 * abs(s1 - s2))
      if abs(li - ld) > dt + 4 * Self.eps * ld { return "InfoNCA \(li) vs DPO \(ld)" }
      // ∂/∂s_i = p^model − p^target equals DPO's ±σ(−u) in real arithmetic; in float64 the
      // entries of p^model carry relative error |Δt| + 4ε and the difference 1 − p^model_1
      // loses up to ε absolute (cancellation), times β. Order (w, l, w_ref, l_ref).
      for (a, b) in zip(gi.prefix(4), gd)
      where abs(a - b) > abs(b) * (dt + 8 * Self.eps) + 2 * Self.eps * beta {
        return "gradient InfoNCA \(Array(gi.prefix(4))) vs DPO \(gd)"
      }
      // With hard targets the rewards' gradient p_j(ℓ_j − ℓ)/τ is exactly 0.
      return gi.suffix(2).allSatisfy { $0 == 0 } ? nil : "reward gradient \(gi.suffix(2))"
    }
  }

  /// ℓ − H(p_target) = KL(p_target ‖ p_model) ≥ 0. Rounding: each −log p_model,i is off by
  /// ≤ 2ε(K + max|s_j − s_i|), H by ≤ 4ε(1 + H) from the softmax of r/τ; so slack
  /// 4ε(K + max|Δs| + ℓ + H + 1).
  @Test(arguments: [(0.1, 0.5), (1.0, 1.0), (10.0, 4.0)])
  func lossAtLeastTargetEntropy(beta: Double, tau: Double) {
    PropertyRunner.check(
      "infonca.gibbs.beta=\(beta).tau=\(tau)", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      let o = InfoNCA(beta: beta, tau: tau)
      guard let l = try? o.loss(x), let p = try? o.targetDistribution(x) else { return "threw" }
      let h = -p.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
      let s = o.scores(x)
      let spread = (s.max() ?? 0) - (s.min() ?? 0)
      let slack = 4 * Self.eps * (Double(x.count) + spread + l + h + 1)
      return l >= h - slack ? nil : "loss \(l) < H(p) \(h)"
    }
  }

  /// Shuffling responses (with their rewards) permutes every term: only the summation order
  /// of ≤ K nonnegative terms and of the logSumExps changes, ≤ 2Kε relative per sum,
  /// bound 4Kε(ℓ + 1 + max|Δs|).
  @Test func permutationInvariance() {
    PropertyRunner.check(
      "infonca-nca.permutation", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      let p = In.permutation(x.count, seed: In.seed(v))
      let y = RewardedResponseSet(
        logProbs: p.map { x.logProbs[$0] }, refLogProbs: p.map { x.refLogProbs[$0] },
        rewards: p.map { x.rewards[$0] })
      for o in [InfoNCA(beta: 1, tau: 2), InfoNCA(beta: 0.1, tau: 0.25)] {
        guard let a = try? o.loss(x), let b = try? o.loss(y) else { return "threw" }
        let s = o.scores(x)
        let spread = (s.max() ?? 0) - (s.min() ?? 0)
        let bound = 4 * Double(x.count) * Self.eps * (a + 1 + spread)
        if abs(a - b) > bound { return "InfoNCA \(a) vs shuffled \(b)" }
      }
      let n = NCA(beta: 1, tau: 2)
      guard let a = try? n.loss(x), let b = try? n.loss(y) else { return "threw" }
      let bound = 4 * Double(x.count) * Self.eps * (a + 1)
      return abs(a - b) <= bound ? nil : "NCA \(a) vs shuffled \(b)"
    }
  }

  /// softmax(s + c) = softmax(s): shifting every log π_θ by c ≤ 0 leaves InfoNCA unchanged
  /// up to the rounding of the shifted differences, ≤ 2ε(|c| + max|lp|)·β per difference.
  @Test func invariantToCommonPolicyShift() {
    PropertyRunner.check(
      "infonca.shift", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      let x = Self.decode(v)
      let c = v[18]
      var y = x
      y.logProbs = x.logProbs.map { $0 + c }
      let o = InfoNCA(beta: 0.5, tau: 1)
      guard let a = try? o.loss(x), let b = try? o.loss(y) else { return "threw" }
      let big = abs(c) + ((x.logProbs + x.refLogProbs).map { abs($0) }.max() ?? 0)
      let bound = 4 * Double(x.count) * Self.eps * (a + 1 + 0.5 * 2 * big)
      return abs(a - b) <= bound ? nil : "loss \(a) vs shifted \(b), bound \(bound)"
    }
  }

  /// NCA ≥ 0 (every term is a softplus), and for a response with target 0 the loss is
  /// increasing in its score (∂ℓ/∂s_i = σ(s_i)/K > 0): raising its log π_θ by 1/4 raises
  /// the loss, up to the rounding of the K softplus terms (4Kε(ℓ + 1)).
  @Test func ncaNonNegativeAndIncreasingInZeroTargetResponse() {
    PropertyRunner.check(
      "nca.monotone", generator: Self.gen, shrink: Shrinkers.doubles
    ) { v in
      var x = Self.decode(v)
      if x.count < 2 { return nil }
      x.rewards = x.rewards.indices.map { $0 == 0 ? 1 : 0 }
      x.logProbs[1] = min(x.logProbs[1], -0.25)
      let o = NCA(beta: 1, tau: 0x1p-10)  // p_target = (1, 0, …, 0) exactly
      guard let l = try? o.loss(x) else { return "threw" }
      if l < 0 { return "negative loss \(l)" }
      var y = x
      y.logProbs[1] += 0.25
      guard let l2 = try? o.loss(y) else { return "threw" }
      let slack = 4 * Double(x.count) * Self.eps * (l + 1)
      return l2 >= l - slack ? nil : "raising a zero-target log-prob lowered NCA \(l) → \(l2)"
    }
  }
}
