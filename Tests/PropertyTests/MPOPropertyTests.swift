// MPO (MPO eq. 4–5) invariants over seeded, edge-biased inputs: permutation invariance inside
// each set, the reduction to DPO (eq. 2) with singleton sets, complementarity of eq. (1), and
// monotonicity in each response's log-probability.
import Objectives
import PropertyBased
import Testing
import TestSupport

@Suite struct MPOPropertyTests {
  typealias In = MPOFamilyInputs
  static let m = 6

  @Test(arguments: [0.01, 1.0, 10.0])
  func permutationInvarianceInsideSets(beta: Double) {
    PropertyRunner.check(
      "mpo.permutation.beta=\(beta)", generator: In.flat(maxCount: Self.m),
      shrink: Shrinkers.doubles
    ) { v in
      let mpo = MPO(beta: beta)
      let x = In.setPair(v, maxCount: Self.m)
      let s = In.seed(v)
      let y = SetPair(
        positive: In.permuted(x.positive, In.permutation(x.positive.count, seed: s)),
        negative: In.permuted(x.negative, In.permutation(x.negative.count, seed: s &+ 1)))
      guard let a = try? mpo.loss(x), let b = try? mpo.loss(y) else { return "threw" }
      let (lg, mask) = mpo.logits(x)
      // Same logits summed in another order: the contrast rounding bound (MPOFamilyInputs).
      let bound = In.contrastBound(logits: lg, positive: mask, loss: a)
      return abs(a - b) <= bound ? nil : "loss \(a) vs shuffled \(b), bound \(bound)"
    }
  }

  /// With 𝒴⁺ = {y_w}, 𝒴⁻ = {y_l}, eq. (5) is −log σ(β(r_w − r_l)) = eq. (2) exactly in real
  /// arithmetic; the two implementations share no code (MPO: softplus(βr_l − βr_w) after two
  /// one-term logSumExps; DPO: softplus(−β(r_w − r_l))).
  @Test(arguments: [0.001, 0.1, 1.0, 10.0])
  func singletonSetsReduceToDPO(beta: Double) {
    let gen = EdgeGen.array(EdgeGen.logProbability(lowest: -1e4), count: 4...4)
    PropertyRunner.check(
      "mpo.reduces-to-dpo.beta=\(beta)", count: 1000, generator: gen, shrink: Shrinkers.doubles
    ) { v in
      let pair = PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
      let set = SetPair(
        positive: ResponseSet(logProbs: [v[0]], refLogProbs: [v[2]]),
        negative: ResponseSet(logProbs: [v[1]], refLogProbs: [v[3]]))
      guard let lm = try? MPO(beta: beta).loss(set), let ld = try? DPO(beta: beta).loss(pair),
        let gm = try? MPO(beta: beta).gradient(set), let gd = try? DPO(beta: beta).gradient(pair)
      else { return "threw" }
      // The log-ratios r_w, r_l are rounded identically in both. The margins differ by the
      // rounding of βr_w, βr_l, their difference, r_w − r_l and β·(r_w − r_l): ≤ ε/2 each of
      // |a_w|, |a_l|, |t| (twice), |t|; so |Δt| ≤ ε(|a_w| + |a_l| + 2|t|) with t the margin.
      // softplus has slope ≤ 1 and each evaluation rounds by ≤ 2ε·value (exp, log1p, add).
      let aw = beta * (v[0] - v[2])
      let al = beta * (v[1] - v[3])
      let t = abs(aw - al)
      let dt = Double.ulpOfOne * (abs(aw) + abs(al) + 2 * t)
      let lossBound = dt + 4 * Double.ulpOfOne * ld
      if abs(lm - ld) > lossBound { return "loss MPO \(lm) vs DPO \(ld), bound \(lossBound)" }
      // Gradients: β σ(·) with σ'/σ ≤ 1, so relative change ≤ |Δt| plus ≤ 4ε rounding of
      // σ and the products. The order of variables is (w, w_ref, l, l_ref) for MPO and
      // (w, l, w_ref, l_ref) for DPO.
      let mpoInDPOOrder = [gm[0], gm[2], gm[1], gm[3]]
      for (a, b) in zip(mpoInDPOOrder, gd) {
        let bound = abs(b) * (dt + 4 * Double.ulpOfOne)
        if abs(a - b) > bound { return "gradient MPO \(mpoInDPOOrder) vs DPO \(gd)" }
      }
      return nil
    }
  }

  /// Eq. (1): P(𝒴⁺ > 𝒴⁻) + P(𝒴⁻ > 𝒴⁺) = 1. Both are σ(±(A − B)) with exactly negated
  /// arguments; each exp(−softplus) has relative error ≤ 2ε(1 + softplus) + ε and
  /// P·(−log P) ≤ 1/e, so the sum is within 8ε of 1.
  @Test func complementaryProbabilitiesSumToOne() {
    PropertyRunner.check(
      "mpo.complement", generator: In.flat(maxCount: Self.m), shrink: Shrinkers.doubles
    ) { v in
      let mpo = MPO(beta: 1)
      let x = In.setPair(v, maxCount: Self.m)
      let y = SetPair(positive: x.negative, negative: x.positive)
      guard let p = try? mpo.setProbability(x), let q = try? mpo.setProbability(y) else {
        return "threw"
      }
      return abs(p + q - 1) <= 8 * Double.ulpOfOne ? nil : "P \(p) + P' \(q) = \(p + q)"
    }
  }

  /// −log P ≥ 0, and raising a chosen response's log π_θ never raises the loss while raising
  /// a rejected one's never lowers it (∂ℓ/∂a ≤ 0 on 𝒴⁺, ≥ 0 on 𝒴⁻); a step of 1/4 in
  /// log-probability (kept ≤ 0) changes the loss by far more than rounding wherever σ is not
  /// saturated, so a sign error fails. Slack: the contrast rounding bound.
  @Test(arguments: [0.1, 1.0])
  func monotoneInEachResponse(beta: Double) {
    PropertyRunner.check(
      "mpo.monotone.beta=\(beta)", generator: In.flat(maxCount: Self.m, lowest: -50),
      shrink: Shrinkers.doubles
    ) { v in
      let mpo = MPO(beta: beta)
      var x = In.setPair(v, maxCount: Self.m)
      x.positive.refLogProbs[0] = -1  // room to raise log π_θ by 1/4 within ≤ 0 after shift
      x.negative.refLogProbs[0] = -1
      x.positive.logProbs[0] = min(x.positive.logProbs[0], -0.25)
      x.negative.logProbs[0] = min(x.negative.logProbs[0], -0.25)
      guard let l0 = try? mpo.loss(x) else { return "threw" }
      if l0 < 0 { return "negative loss \(l0)" }
      var up = x
      up.positive.logProbs[0] += 0.25
      var down = x
      down.negative.logProbs[0] += 0.25
      guard let lu = try? mpo.loss(up), let ld = try? mpo.loss(down) else { return "threw" }
      let (lg, mask) = mpo.logits(x)
      let slack = In.contrastBound(logits: lg, positive: mask, loss: l0 + 1)
      if lu > l0 + slack { return "raising a chosen log-prob raised the loss \(l0) → \(lu)" }
      if ld < l0 - slack { return "raising a rejected log-prob lowered the loss \(l0) → \(ld)" }
      return nil
    }
  }
}
