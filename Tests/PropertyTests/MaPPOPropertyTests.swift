// MaPPO (eq. 8): invariants and reductions (eq. 12 → DPO, eq. 9), reference table, stability.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct MaPPOPropertyTests {
  // mpmath f: MaPPO: nls(beta*(v[0]-v[2]) - (v[4]-v[5])*beta*(v[1]-v[3])); hyper {'beta': 0.5}.
  static let rows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25, 0.75, 0.25], lengths: [3, 5],
      loss: 0.632599035317169066244, lossSensitivity: 0.645,
      gradient: [
        -0.234395313313121871377, 0.117197656656560935689, 0.234395313313121871377,
        -0.117197656656560935689, -0.0585988283282804678444, 0.0585988283282804678444,
      ],
      gradientSensitivity: [0.374, 0.406, 0.374, 0.406, 0.695, 0.695]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25, 1.0, 0.0], lengths: [16, 2],
      loss: 4.87872950044840154895, lossSensitivity: 12.8,
      gradient: [
        -0.49619666391773836753, 0.49619666391773836753, 0.49619666391773836753,
        -0.49619666391773836753, 0.120172629542577260886, -0.120172629542577260886,
      ],
      gradientSensitivity: [0.545, 1.04, 0.545, 1.04, 0.26, 0.26]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5, 0.5, 0.5], lengths: [1, 8],
      loss: 0.313787338852140548972, lossSensitivity: 0.875,
      gradient: [
        -0.134662801152783641164, 0, 0.134662801152783641164, 0, -0.336657002881959102909,
        0.336657002881959102909,
      ],
      gradientSensitivity: [0.258, 0.135, 0.258, 0.135, 11.1, 11.1]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5, 0.875, 0.0625], lengths: [64, 64],
      loss: 15.0468752918939907572, lossSensitivity: 173.0,
      gradient: [
        -0.499999854053025921908, 0.40624988141808356155, 0.499999854053025921908,
        -0.40624988141808356155, -12.2499964242991350868, 12.2499964242991350868,
      ],
      gradientSensitivity: [0.5, 0.875, 0.5, 0.875, 100.0, 100.0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0, 0.25, 0.75], lengths: [10, 7],
      loss: 0.0742831253555125890972, lossSensitivity: 0.564,
      gradient: [
        -0.0357955997222762356067, -0.0178977998611381178034, 0.0357955997222762356067,
        0.0178977998611381178034, -0.0984378992362596479185, 0.0984378992362596479185,
      ],
      gradientSensitivity: [0.226, 0.149, 0.226, 0.149, 0.72, 0.72]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0, 0.9375, 0.125], lengths: [10000, 1],
      loss: 58124.046875, lossSensitivity: 1.27e+5,
      gradient: [-0.5, 0.40625, 0.5, -0.40625, 9999.75, -9999.75],
      gradientSensitivity: [0.5, 0.938, 0.5, 0.938, 20000.0, 20000.0]),
  ]

  @Test(arguments: rows) func reference(row: PairwiseReferenceRow) {
    row.check(MaPPO(beta: 0.5), row.rewardedPair)
  }

  /// Eq. (12): with r_w = 1, r_l = 0 (Δ_r = 1.0 − 0.0), MaPPO's value and its partials with
  /// respect to the four log-probabilities equal DPO's (independent implementations).
  @Test func reducesToDPOAtDeltaROne() {
    PropertyRunner.check(
      "mappo.dpo", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let beta = 0.1 + abs(v[6]) * 9.9
      var x = PairwiseProperty.rewarded(v)
      (x.rewardChosen, x.rewardRejected) = (1, 0)
      guard let a = try? MaPPO(beta: beta).loss(x), let b = try? DPO(beta: beta).loss(x.pair),
        let ga = try? MaPPO(beta: beta).gradient(x), let gb = try? DPO(beta: beta).gradient(x.pair)
      else { return "threw" }
      // u = βρ_w − 1·βρ_l vs β(ρ_w − ρ_l): ≤ 3 roundings of terms ≤ β(|ρ_w| + |ρ_l|) =: U;
      // softplus moves by ≤ |Δu| (+ ε·ℓ), w = βσ(−u) by ≤ β|Δu|/4 (+ 2ε·w).
      let U = beta * (abs(x.logRatioChosen) + abs(x.logRatioRejected))
      return PairwiseProperty.agree("loss", a, b, ulps: 4, scale: U + b)
        ?? PairwiseProperty.agree("gradient", ga, gb, count: 4, ulps: 4, scale: U * beta + beta)
    }
  }

  /// Eq. (9): with r_w = r_l (Δ_r = 0 computed in floating point), MaPPO equals the eq. (9)
  /// loss bit for bit (βρ_w − 0·βρ_l = βρ_w exactly) and ∂/∂log π_θ(y_l) = 0.
  @Test func reducesToEq9AtEqualRewards() {
    PropertyRunner.check(
      "mappo.eq9", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      var x = PairwiseProperty.rewarded(v)
      x.rewardRejected = x.rewardChosen
      guard let a = try? MaPPO(beta: 0.5).loss(x), let b = try? SFTSigmoid(beta: 0.5).loss(x.pair),
        let ga = try? MaPPO(beta: 0.5).gradient(x),
        let gb = try? SFTSigmoid(beta: 0.5).gradient(x.pair)
      else { return "threw" }
      return a == b && ga[0] == gb[0] && ga[1] == 0 && ga[2] == gb[2]
        ? nil : "MaPPO \(a) \(ga) vs eq. 9 \(b) \(gb)"
    }
  }

  /// §3.3/§1: for Δ_r < 1, lowering both policy log-probabilities by the same s > 0 raises
  /// the loss (DPO's does not change). Judged where the first-order change
  /// β(1 − Δ_r)·s·σ(−u) exceeds 64ε(1 + ℓ), i.e. is resolvable in float64.
  @Test func commonDecreaseRaisesLossBelowDeltaROne() {
    PropertyRunner.check(
      "mappo.gap-invariance", generator: PairwiseProperty.inputs(lowest: -1e3),
      shrink: Shrinkers.doubles
    ) { v in
      let beta = 0.5
      var x = PairwiseProperty.rewarded(v)
      x.rewardChosen = min(abs(x.rewardChosen), 0.999)
      x.rewardRejected = 0
      let s = 1 + abs(v[7]) * 19
      var y = x
      y.logProbChosen -= s
      y.logProbRejected -= s
      guard let a = try? MaPPO(beta: beta).loss(x), let b = try? MaPPO(beta: beta).loss(y),
        let w = Optional(MaPPO(beta: beta).gradientWeight(x))
      else { return "threw" }
      let first = (1 - x.deltaR) * s * w
      if first <= 64 * Double.ulpOfOne * (1 + a) { return nil }  // unresolvable, not judged
      return b > a ? nil : "loss \(a) → \(b) after common decrease \(s), Δr \(x.deltaR)"
    }
  }

  @Test func stability() {
    for x in PairwiseProperty.extremeRewardedPairs {
      PairwiseProperty.expectFinite(MaPPO(beta: 10), x)
      PairwiseProperty.expectFinite(MaPPO(beta: 0.01), x)
    }
    for (x, field) in PairwiseProperty.badRewardedPairs {
      PairwiseProperty.expectRejects(MaPPO(beta: 1), x, field: field)
    }
    let x = RewardedPreferencePair(
      logProbChosen: -1, logProbRejected: -1, rewardChosen: 1, rewardRejected: 0)
    PairwiseProperty.expectRejects(MaPPO(beta: 0), x, field: "beta")
  }
}
