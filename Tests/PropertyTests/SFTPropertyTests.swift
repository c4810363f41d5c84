// SFT (MaPPO eq. 11), the eq. (9) loss SFTSigmoid and the eq. (10) loss SFTLogRatio:
// invariants, reference tables and stability.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct SFTPropertyTests {
  // mpmath f (see PairwiseReferenceRow.swift): SFT: -v[0]; hyper {}.
  static let sftRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.375, lossSensitivity: 0.375,
      gradient: [-1.0, 0, 0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 12.5, lossSensitivity: 12.5,
      gradient: [-1.0, 0, 0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 0.00390625, lossSensitivity: 0.00391,
      gradient: [-1.0, 0, 0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 100.0, lossSensitivity: 100.0,
      gradient: [-1.0, 0, 0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0, lossSensitivity: 0,
      gradient: [-1.0, 0, 0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 99999.5, lossSensitivity: 1.0e+5,
      gradient: [-1.0, 0, 0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
  ]
  // mpmath f: SFTSigmoid: nls(beta*(v[0]-v[2])); hyper {'beta': 0.5}.
  static let sigmoidRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.662385382357775532572, lossSensitivity: 0.242,
      gradient: [-0.242190042138492185808, 0, 0.242190042138492185808, 0],
      gradientSensitivity: [0.289, 0, 0.289, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 4.75861448376217555783, lossSensitivity: 12.4,
      gradient: [-0.495711257293144007506, 0, 0.495711257293144007506, 0],
      gradientSensitivity: [0.549, 0, 0.549, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 0.313787338852140548972, lossSensitivity: 0.539,
      gradient: [-0.134662801152783641164, 0, 0.134662801152783641164, 0],
      gradientSensitivity: [0.135, 0, 0.135, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 25.0000000000138879439, lossSensitivity: 100.0,
      gradient: [-0.499999999993056028068, 0, 0.499999999993056028068, 0],
      gradientSensitivity: [0.5, 0, 0.5, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0.0380413716877831285612, lossSensitivity: 0.243,
      gradient: [-0.0186634436720647300989, 0, 0.0186634436720647300989, 0],
      gradientSensitivity: [0.0981, 0, 0.0981, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 49999.25, lossSensitivity: 1.0e+5,
      gradient: [-0.5, 0, 0.5, 0],
      gradientSensitivity: [0.5, 0, 0.5, 0]),
  ]
  // mpmath f: SFTLogRatio: -(v[0]-v[2]); hyper {}.
  static let logRatioRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: -0.125, lossSensitivity: 0.875,
      gradient: [-1.0, 0, 1.0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 9.5, lossSensitivity: 15.5,
      gradient: [-1.0, 0, 1.0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: -1.99609375, lossSensitivity: 2.0,
      gradient: [-1.0, 0, 1.0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 50.0, lossSensitivity: 150.0,
      gradient: [-1.0, 0, 1.0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: -6.5, lossSensitivity: 6.5,
      gradient: [-1.0, 0, 1.0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 99998.5, lossSensitivity: 1.0e+5,
      gradient: [-1.0, 0, 1.0, 0],
      gradientSensitivity: [0, 0, 0, 0]),
  ]

  @Test(arguments: sftRows) func sftReference(row: PairwiseReferenceRow) {
    row.check(SFT(), row.pair)
  }
  @Test(arguments: sigmoidRows) func eq9Reference(row: PairwiseReferenceRow) {
    row.check(SFTSigmoid(beta: 0.5), row.pair)
  }
  @Test(arguments: logRatioRows) func eq10Reference(row: PairwiseReferenceRow) {
    row.check(SFTLogRatio(), row.pair)
  }

  /// Eq. (11): the gradient of (10) with respect to log π_θ(y_w) equals the SFT gradient,
  /// exactly (both are the constant −1), and (10) = SFT + log π_ref(y_w).
  @Test func eq10HasTheSFTGradient() {
    PropertyRunner.check(
      "sft.eq10-gradient", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let x = PairwiseProperty.pair(v)
      guard let g10 = try? SFTLogRatio().gradient(x), let g = try? SFT().gradient(x),
        let l10 = try? SFTLogRatio().loss(x), let l = try? SFT().loss(x)
      else { return "threw" }
      if g10[0] != g[0] || g10[1] != 0 || g[1] != 0 { return "gradients \(g10) vs \(g)" }
      // l10 = −(a − r) is one rounded subtraction of exact values: ≤ ε/2·|l10| from l + r.
      return PairwiseProperty.agree(
        "eq10 − SFT", l10, l + x.refLogProbChosen, ulps: 1, scale: abs(l10))
    }
  }

  /// Eq. (9)'s gradient is a positive multiple w ∈ (0, β] of eq. (10)'s (the same
  /// direction −∇log π_θ(y_w)), the "only differs in learning rates" statement per example.
  @Test func eq9GradientIsPositiveMultipleOfEq10() {
    PropertyRunner.check(
      "sft.eq9-multiple", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let beta = 0.1
      let x = PairwiseProperty.pair(v)
      guard let g9 = try? SFTSigmoid(beta: beta).gradient(x) else { return "threw" }
      let w = -g9[0]
      if !(w >= 0 && w <= beta) { return "weight \(w) outside [0, β]" }
      if g9[1] != 0 || g9[3] != 0 || g9[2] != w { return "not a multiple of (−1,0,1,0): \(g9)" }
      return nil
    }
  }

  /// Eq. (9) is positive and strictly decreasing in the chosen log-ratio while resolvable.
  @Test func eq9DecreasesInChosenLogRatio() {
    PropertyRunner.check(
      "sft.eq9-monotone", generator: PairwiseProperty.inputs(lowest: -50),
      shrink: Shrinkers.doubles
    ) { v in
      let o = SFTSigmoid(beta: 1)
      let x = PairwiseProperty.pair(v)
      var y = x
      y.refLogProbChosen = x.refLogProbChosen - 1  // ρ_w grows by 1
      guard let a = try? o.loss(x), let b = try? o.loss(y) else { return "threw" }
      // softplus(−u) ≥ e^{−u}/2 > 0 for u ≤ 50+; the step of 1 changes it by a factor ≥ 1.5
      // whenever u ≥ 0 and by ≥ 0.3 in absolute terms when u < 0: far above rounding.
      return (a > 0 && b < a) ? nil : "loss \(a) → \(b) when ρ_w grows"
    }
  }

  @Test func stability() {
    for x in PairwiseProperty.extremePairs {
      PairwiseProperty.expectFinite(SFT(), x)
      PairwiseProperty.expectFinite(SFTSigmoid(beta: 10), x)
      PairwiseProperty.expectFinite(SFTLogRatio(), x)
    }
    for (x, field) in PairwiseProperty.badPairs {
      PairwiseProperty.expectRejects(SFT(), x, field: field)
      PairwiseProperty.expectRejects(SFTSigmoid(beta: 1), x, field: field)
      PairwiseProperty.expectRejects(SFTLogRatio(), x, field: field)
    }
    let x = PreferencePair(logProbChosen: -1, logProbRejected: -1)
    PairwiseProperty.expectRejects(SFTSigmoid(beta: 0), x, field: "beta")
    PairwiseProperty.expectRejects(SFTSigmoid(beta: .nan), x, field: "beta")
  }
}
