// MaPPO eqs. (5)–(6): the MLE term, the prior term and their printed sum L_MLE + L_p, and
// the claimed identity eq. (6) second line = third line (= MaPPO at the reward level).
//
// FINDING: the identity does not hold as printed. With a = r_φ(y_w), b = r_φ(y_l):
//   L_MLE + L_p = [lse(a, b) − a] + [lse(a, b) − lse(a, Δ_r b)]
//   third line  =  lse(a, Δ_r b) − a,
// so (L_MLE + L_p) − third line = 2·[lse(a, b) − lse(a, Δ_r b)] = 2·L_p = −2 log p(r_φ),
// which is 0 only when b = Δ_r b (Δ_r = 1 or b = 0). What does hold is
// L_MLE − L_p = third line (the prior enters with the opposite sign). Counterexample:
// β = 1, ρ_w = 0, ρ_l = 1, Δ_r = 0 gives 2 log(1 + e) − log 2 = 1.9334 vs log 2 = 0.6931.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct MaPPOEq6PropertyTests {
  // mpmath f: MaPPOMLE: nls(beta*(v[0]-v[2]) - beta*(v[1]-v[3])); hyper {'beta': 0.5}.
  static let mleRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25, 0.75, 0.25], lengths: [3, 5],
      loss: 0.60378528955559474826, lossSensitivity: 0.907,
      gradient: [
        -0.226630924007693066742, 0.226630924007693066742, 0.226630924007693066742,
        -0.226630924007693066742, 0, 0,
      ],
      gradientSensitivity: [0.428, 0.428, 0.428, 0.428, 0, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25, 1.0, 0.0], lengths: [16, 2],
      loss: 4.87872950044840154895, lossSensitivity: 12.7,
      gradient: [
        -0.49619666391773836753, 0.49619666391773836753, 0.49619666391773836753,
        -0.49619666391773836753, 0, 0,
      ],
      gradientSensitivity: [0.544, 0.544, 0.544, 0.544, 0, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5, 0.5, 0.5], lengths: [1, 8],
      loss: 0.100392952951061743512, lossSensitivity: 4.01,
      gradient: [
        -0.0477590353239753646446, 0.0477590353239753646446, 0.0477590353239753646446,
        -0.0477590353239753646446, 0, 0,
      ],
      gradientSensitivity: [1.77, 1.77, 1.77, 1.77, 0, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5, 0.875, 0.0625], lengths: [64, 64],
      loss: 12.7500029023161969267, lossSensitivity: 175.0,
      gradient: [
        -0.499998548844007394452, 0.499998548844007394452, 0.499998548844007394452,
        -0.499998548844007394452, 0, 0,
      ],
      gradientSensitivity: [0.5, 0.5, 0.5, 0.5, 0, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0, 0.25, 0.75], lengths: [10, 7],
      loss: 0.00975591100022137549243, lossSensitivity: 0.0898,
      gradient: [
        -0.004854238240737033645, 0.004854238240737033645, 0.004854238240737033645,
        -0.004854238240737033645, 0, 0,
      ],
      gradientSensitivity: [0.0396, 0.0396, 0.0396, 0.0396, 0, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0, 0.9375, 0.125], lengths: [10000, 1],
      loss: 59999.0, lossSensitivity: 1.2e+5,
      gradient: [-0.5, 0.5, 0.5, -0.5, 0, 0],
      gradientSensitivity: [0.5, 0.5, 0.5, 0.5, 0, 0]),
  ]
  // mpmath f: MaPPOPrior: a=beta*(v[0]-v[2]); c=beta*(v[1]-v[3]); d=v[4]-v[5];
  //   -log((exp(a)+exp(d*c))/(exp(a)+exp(c)))   — eq. (5) literally; hyper {'beta': 0.5}.
  static let priorRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25, 0.75, 0.25], lengths: [3, 5],
      loss: -0.0288137457615743179832, lossSensitivity: 0.393,
      gradient: [
        0.00776438930542880463504, 0.109433267351132131054, -0.00776438930542880463504,
        -0.109433267351132131054, 0.0585988283282804678444, -0.0585988283282804678444,
      ],
      gradientSensitivity: [0.116, 0.475, 0.116, 0.475, 0.695, 0.695]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25, 1.0, 0.0], lengths: [16, 2],
      loss: 0, lossSensitivity: 0.12,
      gradient: [0, 0, 0, 0, -0.120172629542577260886, 0.120172629542577260886],
      gradientSensitivity: [0.000457, 0.497, 0.000457, 0.497, 0.26, 0.26]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5, 0.5, 0.5], lengths: [1, 8],
      loss: -0.21339438590107880546, lossSensitivity: 4.27,
      gradient: [
        0.0869037658288082765189, 0.0477590353239753646446, -0.0869037658288082765189,
        -0.0477590353239753646446, 0.336657002881959102909, -0.336657002881959102909,
      ],
      gradientSensitivity: [1.94, 1.9, 1.94, 1.9, 11.1, 11.1]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5, 0.875, 0.0625], lengths: [64, 64],
      loss: -2.29687238957779383055, lossSensitivity: 30.2,
      gradient: [
        1.30520901852745675506e-6, 0.093748667425923832901, -1.30520901852745675506e-6,
        -0.093748667425923832901, 12.2499964242991350868, -12.2499964242991350868,
      ],
      gradientSensitivity: [0.000232, 0.563, 0.000232, 0.563, 100.0, 100.0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0, 0.25, 0.75], lengths: [10, 7],
      loss: -0.0645272143552912136048, lossSensitivity: 0.501,
      gradient: [
        0.0309413614815392019617, 0.0227520381018751514484, -0.0309413614815392019617,
        -0.0227520381018751514484, 0.0984378992362596479185, -0.0984378992362596479185,
      ],
      gradientSensitivity: [0.2, 0.175, 0.2, 0.175, 0.72, 0.72]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0, 0.9375, 0.125], lengths: [10000, 1],
      loss: 1874.953125, lossSensitivity: 14400.0,
      gradient: [0, 0.09375, 0, -0.09375, -9999.75, 9999.75],
      gradientSensitivity: [0, 0.625, 0, 0.625, 20000.0, 20000.0]),
  ]
  // mpmath f: MaPPOMLEPlusPrior: MaPPOMLE + MaPPOPrior; hyper {'beta': 0.5}.
  static let sumRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25, 0.75, 0.25], lengths: [3, 5],
      loss: 0.574971543794020430277, lossSensitivity: 1.29,
      gradient: [
        -0.218866534702264262107, 0.336064191358825197796, 0.218866534702264262107,
        -0.336064191358825197796, 0.0585988283282804678444, -0.0585988283282804678444,
      ],
      gradientSensitivity: [0.513, 0.903, 0.513, 0.903, 0.695, 0.695]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25, 1.0, 0.0], lengths: [16, 2],
      loss: 4.87872950044840154895, lossSensitivity: 12.8,
      gradient: [
        -0.49619666391773836753, 0.49619666391773836753, 0.49619666391773836753,
        -0.49619666391773836753, -0.120172629542577260886, 0.120172629542577260886,
      ],
      gradientSensitivity: [0.545, 1.04, 0.545, 1.04, 0.26, 0.26]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5, 0.5, 0.5], lengths: [1, 8],
      loss: -0.113001432950017061948, lossSensitivity: 7.98,
      gradient: [
        0.0391447305048329118743, 0.0955180706479507292893, -0.0391447305048329118743,
        -0.0955180706479507292893, 0.336657002881959102909, -0.336657002881959102909,
      ],
      gradientSensitivity: [3.62, 3.67, 3.62, 3.67, 11.1, 11.1]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5, 0.875, 0.0625], lengths: [64, 64],
      loss: 10.4531305127384030961, lossSensitivity: 201.0,
      gradient: [
        -0.499997243634988866995, 0.593747216269931227353, 0.499997243634988866995,
        -0.593747216269931227353, 12.2499964242991350868, -12.2499964242991350868,
      ],
      gradientSensitivity: [0.5, 1.06, 0.5, 1.06, 100.0, 100.0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0, 0.25, 0.75], lengths: [10, 7],
      loss: -0.0547713033550698381123, lossSensitivity: 0.438,
      gradient: [
        0.0260871232408021683167, 0.0276062763426121850934, -0.0260871232408021683167,
        -0.0276062763426121850934, 0.0984378992362596479185, -0.0984378992362596479185,
      ],
      gradientSensitivity: [0.173, 0.205, 0.173, 0.205, 0.72, 0.72]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0, 0.9375, 0.125], lengths: [10000, 1],
      loss: 61873.953125, lossSensitivity: 1.34e+5,
      gradient: [-0.5, 0.59375, 0.5, -0.59375, -9999.75, 9999.75],
      gradientSensitivity: [0.5, 1.13, 0.5, 1.13, 20000.0, 20000.0]),
  ]

  @Test(arguments: mleRows) func mleReference(row: PairwiseReferenceRow) {
    row.check(MaPPOMLE(beta: 0.5), row.rewardedPair)
  }
  // L_p and its partials are differences of log-sum-exps / of softmax weights of size
  // ≤ 1 + |a| + |b| (a, b = βρ): those terms cancel, so they are the stated T.
  @Test(arguments: priorRows) func priorReference(row: PairwiseReferenceRow) {
    let x = row.rewardedPair
    let t = 1 + 0.5 * (abs(x.logRatioChosen) + abs(x.logRatioRejected)) * (1 + abs(x.deltaR))
    row.check(MaPPOPrior(beta: 0.5), x, cancelling: t)
  }
  @Test(arguments: sumRows) func mlePlusPriorReference(row: PairwiseReferenceRow) {
    let x = row.rewardedPair
    let t = 1 + 0.5 * (abs(x.logRatioChosen) + abs(x.logRatioRejected)) * (1 + abs(x.deltaR))
    row.check(MaPPOMLEPlusPrior(beta: 0.5), x, cancelling: t)
  }

  /// The printed identity eq. (6) (L_MLE + L_p = −log σ(r_w − Δ_r r_l)) fails: at
  /// β = 1, ρ_w = 0, ρ_l = 1, Δ_r = 0 the two sides differ by 2 log((1 + e)/2) ≈ 1.24.
  @Test func printedIdentityEq6DoesNotHold() throws {
    // mpmath (mp.dps = 50): lhs = 2*log(1+e) - log(2) = 1.93337619447650035868;
    // rhs = log(2) = 0.693147180559945309417; lhs - rhs = 2*log((1+e)/2) = 1.24022901391655504926.
    let x = RewardedPreferencePair(
      logProbChosen: -1, logProbRejected: -0.5, refLogProbChosen: -1, refLogProbRejected: -1.5,
      rewardChosen: 0.5, rewardRejected: 0.5)
    let lhs = try MaPPOMLEPlusPrior(beta: 1).loss(x)
    let rhs = try MaPPO(beta: 1).loss(x)
    let t = Tolerance.roundoff(ulps: 16, reason: "a few log-sum-exps of O(1) terms")
    #expect(t.accepts(lhs, 1.93337619447650035868), "\(t.explain(lhs, 1.93337619447650035868))")
    #expect(t.accepts(rhs, 0.693147180559945309417), "\(t.explain(rhs, 0.693147180559945309417))")
    #expect(abs(lhs - rhs) > 1.24, "eq. (6) sides differ by \(lhs - rhs)")
    // The same at the reward level, with the paper's symbols a, b, Δ_r.
    let l2 = MaPPOMLEPlusPrior.rewardLevelLoss(rPhiChosen: 0, rPhiRejected: 1, deltaR: 0)
    let r2 = MaPPO.rewardLevelLoss(rPhiChosen: 0, rPhiRejected: 1, deltaR: 0)
    #expect(
      t.accepts(l2 - r2, 1.24022901391655504926), "\(t.explain(l2 - r2, 1.24022901391655504926))")
  }

  /// The discrepancy is exactly 2·L_p = −2 log p on every input (so the identity can only
  /// hold where p = 1), and L_MLE − L_p equals the third line of eq. (6) everywhere.
  @Test func eq6SidesDifferByTwicePriorLoss() {
    PropertyRunner.check(
      "mappo.eq6-discrepancy", generator: PairwiseProperty.inputs(lowest: -40),
      shrink: Shrinkers.doubles
    ) { v in
      let beta = 0.5
      let x = PairwiseProperty.rewarded(v)
      guard let lhs = try? MaPPOMLEPlusPrior(beta: beta).loss(x),
        let mle = try? MaPPOMLE(beta: beta).loss(x), let lp = try? MaPPOPrior(beta: beta).loss(x),
        let rhs = try? MaPPO(beta: beta).loss(x)
      else { return "threw" }
      // Each side is ≤ 4 log-sum-exp/softplus evaluations of arguments ≤ A = |a| + |b| + 1;
      // each is accurate to a few ε·A absolute.
      let A = beta * (abs(x.logRatioChosen) + abs(x.logRatioRejected)) + 1
      return PairwiseProperty.agree(
        "(L_MLE + L_p) − MaPPO vs 2 L_p", lhs - rhs, 2 * lp,
        ulps: 32, scale: A + abs(lhs) + abs(rhs))
        ?? PairwiseProperty.agree(
          "L_MLE − L_p vs MaPPO", mle - lp, rhs, ulps: 32,
          scale: A + abs(mle) + abs(rhs))
    }
  }

  /// Where p = 1 exactly (Δ_r = 1, or ρ_l = 0 so b = 0), L_p = 0 and the identity holds.
  @Test func eq6HoldsWherePriorIsOne() {
    PropertyRunner.check(
      "mappo.eq6-special", generator: PairwiseProperty.inputs(lowest: -40),
      shrink: Shrinkers.doubles
    ) { v in
      var x = PairwiseProperty.rewarded(v)
      if v[5] < 5000 {
        (x.rewardChosen, x.rewardRejected) = (1, 0)
      } else {
        x.refLogProbRejected = x.logProbRejected
      }
      guard let lp = try? MaPPOPrior(beta: 0.5).loss(x),
        let lhs = try? MaPPOMLEPlusPrior(beta: 0.5).loss(x), let rhs = try? MaPPO(beta: 0.5).loss(x)
      else { return "threw" }
      if lp != 0 { return "L_p = \(lp) ≠ 0" }
      let A = 0.5 * (abs(x.logRatioChosen) + abs(x.logRatioRejected)) + 1
      return PairwiseProperty.agree("eq. 6 at p = 1", lhs, rhs, ulps: 16, scale: A + abs(rhs))
    }
  }

  /// L_MLE is DPO's loss with r_φ = βρ (independent code); its reward partials are 0.
  @Test func mleIsDPO() {
    PropertyRunner.check(
      "mappo.mle-dpo", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let x = PairwiseProperty.rewarded(v)
      guard let a = try? MaPPOMLE(beta: 0.5).loss(x), let b = try? DPO(beta: 0.5).loss(x.pair),
        let g = try? MaPPOMLE(beta: 0.5).gradient(x)
      else { return "threw" }
      if g[4] != 0 || g[5] != 0 { return "reward partials \(g)" }
      let U = 0.5 * (abs(x.logRatioChosen) + abs(x.logRatioRejected))
      return PairwiseProperty.agree("L_MLE vs DPO", a, b, ulps: 4, scale: U + b)
    }
  }

  /// p − 1 from the exact rewriting agrees with exp(log p) − 1 where both are accurate
  /// (10⁻⁶ ≤ |log p| ≤ 1), and its sign is −sign((1 − Δ_r)·b): p < 1 iff (1 − Δ_r)b > 0.
  /// So for Δ_r ∈ [0, 1) and r_φ(y_l) < 0 the "probability" p exceeds 1 (mappo.prior-in-
  /// unit-interval is conditional on b > 0).
  @Test func priorMinusOneIsConsistentAndSigned() {
    let gen = EdgeGen.array(EdgeGen.double(in: -20...20), count: 3...3)
    PropertyRunner.check("mappo.prior-minus-one", generator: gen, shrink: Shrinkers.doubles) { v in
      let (a, b) = (v[0], v[1])
      let d = min(1, abs(v[2]) / 20)
      let q = MaPPOPrior.priorMinusOne(rPhiChosen: a, rPhiRejected: b, deltaR: d)
      let lp = MaPPOPrior.logPrior(rPhiChosen: a, rPhiRejected: b, deltaR: d)
      let s = (1 - d) * b
      // |q| ≤ |(1 − Δ)b|·e^{|(1−Δ)b|}: below 1e-300 it may round to 0 (underflow), sign unjudged.
      if abs(s) < 1e-300 { return nil }
      if (s > 0 && !(q < 0)) || (s < 0 && !(q > 0)) || (s == 0 && q != 0) {
        return "sign of q = \(q) vs (1 − Δ)b = \(s)"
      }
      guard abs(lp) >= 1e-6 && abs(lp) <= 1 else { return nil }
      // log p = lse − lse has absolute error ≤ 4ε(|a| + |b| + 1); expm1 keeps it relative
      // to |log p| ≥ 1e-6, so allow 8ε(|a| + |b| + 1)·e (p ≤ e) absolute.
      return PairwiseProperty.agree(
        "q vs expm1(log p)", q, expm1(lp), ulps: 8,
        scale: (abs(a) + abs(b) + 1) * 2.72)
    }
  }

  /// Counterexample to "0 < p < 1": a = 0, b = −1, Δ_r = 0 gives p = 2/(1 + e^{−1}) > 1.
  @Test func priorExceedsOneForNegativeRejectedReward() {
    // mpmath: log(2/(1+exp(-1))) = 0.379885493041722475368 (mp.dps = 50).
    let lp = MaPPOPrior.logPrior(rPhiChosen: 0, rPhiRejected: -1, deltaR: 0)
    let t = Tolerance.roundoff(ulps: 8, reason: "two log-sum-exps of O(1) terms")
    #expect(t.accepts(lp, 0.379885493041722475368), "\(t.explain(lp, 0.379885493041722475368))")
    #expect(MaPPOPrior.priorMinusOne(rPhiChosen: 0, rPhiRejected: -1, deltaR: 0) > 0)
  }

  @Test func stability() {
    for x in PairwiseProperty.extremeRewardedPairs {
      for beta in [0.01, 10.0] {
        PairwiseProperty.expectFinite(MaPPOMLE(beta: beta), x)
        PairwiseProperty.expectFinite(MaPPOPrior(beta: beta), x)
        PairwiseProperty.expectFinite(MaPPOMLEPlusPrior(beta: beta), x)
      }
    }
    // p − 1 with e^{−(1−Δ)b} overflowing (b = −1e4): finite, and p ≫ 1.
    let q = MaPPOPrior.priorMinusOne(rPhiChosen: 0, rPhiRejected: -1e4, deltaR: 0)
    #expect(q.isFinite && q > 0)
    for (x, field) in PairwiseProperty.badRewardedPairs {
      PairwiseProperty.expectRejects(MaPPOPrior(beta: 1), x, field: field)
      PairwiseProperty.expectRejects(MaPPOMLEPlusPrior(beta: 1), x, field: field)
    }
    let x = RewardedPreferencePair(
      logProbChosen: -1, logProbRejected: -1, rewardChosen: 1, rewardRejected: 0)
    PairwiseProperty.expectRejects(MaPPOPrior(beta: -1), x, field: "beta")
    PairwiseProperty.expectRejects(MaPPOMLE(beta: 0), x, field: "beta")
  }
}
