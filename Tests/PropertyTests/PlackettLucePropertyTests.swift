// Plackett–Luce (MPO §3.2) and its binned form (Fig. 7's intermediate bins; claims/mpo.md
// §0.12) over seeded inputs: K = 2 is Bradley–Terry/DPO; P_PL sums to 1 over all K!
// rankings; K singleton bins are PL; 2 bins are MPO; the top item's loss decreases and the
// bottom item's increases with its log-probability.
import Objectives
import PropertyBased
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PlackettLucePropertyTests {
  typealias In = MPOFamilyInputs
  static let eps = Double.ulpOfOne

  /// K = 2: −log P_PL = softplus(a_2 − a_1) = DPO (eq. 2) in real arithmetic. Rounding as
  /// in MPOPropertyTests.singletonSetsReduceToDPO: |Δt| ≤ ε(|a_1| + |a_2| + 2|t|), softplus
  /// slope ≤ 1, ≤ 4ε·value for the two softplus evaluations; gradients relative |Δt| + 4ε.
  @Test(arguments: [0.001, 0.1, 1.0, 10.0])
  func twoItemsIsBradleyTerryDPO(beta: Double) {
    let gen = EdgeGen.array(EdgeGen.logProbability(lowest: -1e4), count: 4...4)
    PropertyRunner.check(
      "pl.k2-is-dpo.beta=\(beta)", count: 1000, generator: gen, shrink: Shrinkers.doubles
    ) { v in
      let r = Ranking(logProbs: [v[0], v[1]], refLogProbs: [v[2], v[3]])
      let pair = PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
      guard let lp = try? PlackettLuce(beta: beta).loss(r),
        let ld = try? DPO(beta: beta).loss(pair),
        let gp = try? PlackettLuce(beta: beta).gradient(r),
        let gd = try? DPO(beta: beta).gradient(pair)
      else { return "threw" }
      let a1 = beta * (v[0] - v[2])
      let a2 = beta * (v[1] - v[3])
      let dt = Self.eps * (abs(a1) + abs(a2) + 2 * abs(a1 - a2))
      if abs(lp - ld) > dt + 4 * Self.eps * ld { return "PL \(lp) vs DPO \(ld)" }
      // Both gradients are ordered (w, l, w_ref, l_ref).
      for (a, b) in zip(gp, gd) where abs(a - b) > abs(b) * (dt + 4 * Self.eps) {
        return "gradient PL \(gp) vs DPO \(gd)"
      }
      return nil
    }
  }

  /// Σ over all K! rankings of P_PL = 1 (K = 2…5, logits |a| ≤ 30). Each ranking's loss is a
  /// sum of ≤ K softplus terms of suffix logSumExps, each off by ≤ 2ε(1 + max|a|), so each
  /// probability is off by ≤ 4Kε(1 + max|a|) relative; summing K! terms adds ≤ K!·ε.
  @Test func probabilitiesSumToOneOverRankings() {
    let gen = EdgeGen.array(EdgeGen.double(in: -30...0), count: 6...6)
    PropertyRunner.check(
      "pl.normalised", count: 100, generator: gen, shrink: Shrinkers.doubles
    ) { v in
      let k = 2 + In.control(v, 2, modulo: 4)
      let lp = Array(v[0..<k])
      var total = 0.0
      var count = 0
      func visit(_ prefix: [Int], _ rest: [Int]) {
        if rest.isEmpty {
          let r = Ranking(logProbs: prefix.map { lp[$0] })
          total += exp((try? PlackettLuce(beta: 1).logProbability(r)) ?? .nan)
          count += 1
          return
        }
        for (j, e) in rest.enumerated() {
          var r = rest
          r.remove(at: j)
          visit(prefix + [e], r)
        }
      }
      visit([], Array(0..<k))
      let maxA = lp.map { abs($0) }.max() ?? 0
      let bound = 4 * Double(k) * Self.eps * (1 + maxA) + Double(count) * Self.eps
      return abs(total - 1) <= bound ? nil : "Σ P = \(total) over \(count) rankings"
    }
  }

  /// K singleton bins perform PL's operations in the same order (a one-term logSumExp is
  /// the term itself; q = e^0 = 1), so the two agree exactly (tolerance 0).
  @Test func singletonBinsArePlackettLuce() {
    PropertyRunner.check(
      "pl.bins-k-is-pl", generator: In.flat(maxCount: 6), shrink: Shrinkers.doubles
    ) { v in
      let k = 2 + In.control(v, 0, modulo: 5)
      let r = Ranking(logProbs: Array(v[0..<k]), refLogProbs: Array(v[6..<(6 + k)]))
      let b = BinPartition(
        bins: (0..<k).map { ResponseSet(logProbs: [r.logProbs[$0]], refLogProbs: [r.refLogProbs[$0]]) })
      let pl = PlackettLuce(beta: 0.5)
      let bl = BinnedPlackettLuce(beta: 0.5)
      guard let l1 = try? pl.loss(r), let l2 = try? bl.loss(b), let g1 = try? pl.gradient(r),
        let g2 = try? bl.gradient(b)
      else { return "threw" }
      // Bins order the variables bin by bin (lp, ref); the ranking lists all lp then all ref.
      let g1ByBin = (0..<k).flatMap { [g1[$0], g1[k + $0]] }
      return l1 == l2 && g1ByBin == g2 ? nil : "PL \(l1) \(g1ByBin) vs bins \(l2) \(g2)"
    }
  }

  /// Two bins: ℓ_2 = softplus(B − A) = MPO (eq. 5) with 𝒴⁺ = B_1, 𝒴⁻ = B_2; the losses
  /// perform the same operations (tolerance 0). The rejected-bin gradient is computed as
  /// e^{a_j − T_1} by the bins and σ(B − A)·e^{a_j − B} by MPO: equal in real arithmetic,
  /// with relative rounding ≤ 4ε(2 + |a_j| + |T_1| + |B|) (exp of arguments rounded by
  /// ε·their magnitude, two products).
  @Test func twoBinsAreMPO() {
    PropertyRunner.check(
      "pl.bins-2-is-mpo", generator: In.flat(maxCount: 6), shrink: Shrinkers.doubles
    ) { v in
      let x = In.setPair(v, maxCount: 6)
      let b = BinPartition(bins: [x.positive, x.negative])
      guard let lm = try? MPO(beta: 2).loss(x), let lb = try? BinnedPlackettLuce(beta: 2).loss(b),
        let gm = try? MPO(beta: 2).gradient(x), let gb = try? BinnedPlackettLuce(beta: 2).gradient(b)
      else { return "threw" }
      if lm != lb { return "MPO \(lm) vs 2 bins \(lb)" }
      let (lg, _) = MPO(beta: 2).logits(x)
      let mag = 2 + 3 * (lg.map { abs($0) }.max() ?? 0)
      for (a, c) in zip(gm, gb) where abs(a - c) > 4 * Self.eps * mag * abs(a) {
        return "gradient MPO \(gm) vs bins \(gb)"
      }
      return nil
    }
  }

  /// ∂ℓ/∂a_1 = −σ(L_2 − a_1) < 0 and ∂ℓ/∂a_K = Σ_{i<K} e^{a_K − L_i} > 0: raising the top
  /// item's log-probability by 1/4 does not raise the loss; raising the bottom item's does
  /// not lower it. Slack: 2ε(K + Σ|L_i|) + 8ε·loss, the rounding of the K suffix sums.
  @Test func topAndBottomMonotone() {
    let gen = EdgeGen.array(EdgeGen.logProbability(lowest: -50), count: 9...9)
    PropertyRunner.check(
      "pl.monotone", generator: gen, shrink: Shrinkers.doubles
    ) { v in
      let k = 2 + In.control(v, 2, modulo: 4)
      let lp = (0..<k).map { min(v[$0], -0.25) }
      let r = Ranking(logProbs: lp)
      var top = r
      top.logProbs[0] += 0.25
      var bottom = r
      bottom.logProbs[k - 1] += 0.25
      let pl = PlackettLuce(beta: 1)
      guard let l0 = try? pl.loss(r), let lt = try? pl.loss(top), let lb = try? pl.loss(bottom)
      else { return "threw" }
      let slack = 2 * Self.eps * (Double(k) + Double(k) * 60) + 8 * Self.eps * (l0 + 1)
      if lt > l0 + slack { return "raising the top raised the loss \(l0) → \(lt)" }
      if lb < l0 - slack { return "raising the bottom lowered the loss \(l0) → \(lb)" }
      return nil
    }
  }
}
