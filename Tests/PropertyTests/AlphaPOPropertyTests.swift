// AlphaPO (eqs. 3–4) and AlphaPO with reference (A.4): special cases α = 0, ±1, reward
// difference against the printed rewards, reference tables, and the |α| = 1e3 stability
// cases (log-space reward difference; no ∞ − ∞, no −∞ where the value is finite).
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

@Suite struct AlphaPOPropertyTests {
  // mpmath f: AlphaPO: nls(-beta/alpha*exp(-alpha*v[0]/n[0]) + beta/alpha*exp(-alpha*v[1]/n[1])
  //   - gamma); hyper {'alpha': 0.25, 'beta': 2.5, 'gamma': 0.25}.
  static let rows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.593019728903745128965, lossSensitivity: 0.835,
      gradient: [-0.384620279059775827739, 0.241092562294496886913, 0, 0],
      gradientSensitivity: [0.599, 0.36, 0, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 2.48421242272689323953, lossSensitivity: 4.58,
      gradient: [-0.174111391630649695205, 1.14688044664597317072, 0, 0],
      gradientSensitivity: [0.315, 1.63, 0, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 1.98332919281379105632e-11, lossSensitivity: 1.74e-9,
      gradient: [-4.96316745935486387367e-11, 2.16328096262420191783e-11, 0, 0],
      gradientSensitivity: [4.29e-9, 1.82e-9, 0, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 0.825939419878843562208, lossSensitivity: 6.63,
      gradient: [-0.0324548050476957774411, 0.0324548050476957774411, 0, 0],
      gradientSensitivity: [0.225, 0.2, 0, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0.376718495315664642505, lossSensitivity: 0.759,
      gradient: [-0.078472702583973957883, 0.123672885060446573018, 0, 0],
      gradientSensitivity: [0.0975, 0.145, 0, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 110.741932274138917029, lossSensitivity: 609.0,
      gradient: [-0.00304558542012017950492, 2.83287113266706579207, 0, 0],
      gradientSensitivity: [0.0183, 3.54, 0, 0]),
  ]
  // Same f, hyper {'alpha': -2.0, 'beta': 2.5, 'gamma': 0.25}.
  static let negativeAlphaRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.674579607504407482811, lossSensitivity: 0.644,
      gradient: [-0.318418858432655351158, 0.134631586247592807547, 0, 0],
      gradientSensitivity: [0.479, 0.33, 0, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 1.48507025283120561681, lossSensitivity: 1.72,
      gradient: [-0.0253339457247573938576, 0.959367551034654368251, 0, 0],
      gradientSensitivity: [0.113, 1.46, 0, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 0.315902523653360763178, lossSensitivity: 0.745,
      gradient: [-0.671903893244266782297, 3.84295480662195499105e-6, 0, 0],
      gradientSensitivity: [0.794, 7.45e-5, 0, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 0.825939419878843562208, lossSensitivity: 0.334,
      gradient: [-0.000964855922033545017468, 0.000964855922033545017468, 0, 0],
      gradientSensitivity: [0.0071, 0.00725, 0, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0.500982311993842824579, lossSensitivity: 0.635,
      gradient: [-0.0985162125232344215707, 0.0641472862520313478245, 0, 0],
      gradientSensitivity: [0.113, 0.157, 0, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 1.10977797209923703907, lossSensitivity: 1.4,
      gradient: [-3.4546733050816709487e-13, 0.616536383845906368104, 0, 0],
      gradientSensitivity: [1.44e-11, 2.27, 0, 0]),
  ]
  // mpmath f: AlphaPOWithReference: x0=(v[0]-v[2])/n[0]; x1=(v[1]-v[3])/n[1];
  //   nls(-beta/alpha*exp(-alpha*x0) + beta/alpha*exp(-alpha*x1) - gamma);
  //   hyper {'alpha': 0.25, 'beta': 2.5, 'gamma': 0.25}.
  static let refRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.703494907299404495607, lossSensitivity: 1.31,
      gradient: [
        -0.416593789847937014847, 0.255750578004520996721, 0.416593789847937014847,
        -0.255750578004520996721,
      ],
      gradientSensitivity: [0.891, 0.494, 0.891, 0.494]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 2.25875237456630695662, lossSensitivity: 4.82,
      gradient: [
        -0.162315702585866505676, 1.08601881392000432992, 0.162315702585866505676,
        -1.08601881392000432992,
      ],
      gradientSensitivity: [0.317, 1.67, 0.317, 1.67]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 0.0111432401757413389328, lossSensitivity: 0.389,
      gradient: [
        -0.0168194154369568730855, 0.00374432288562573712173, 0.0168194154369568730855,
        -0.00374432288562573712173,
      ],
      gradientSensitivity: [0.567, 0.117, 0.567, 0.117]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 1.62249163229802601097, lossSensitivity: 13.0,
      gradient: [
        -0.0381135115799038889697, 0.0345000053430321755068, 0.0381135115799038889697,
        -0.0345000053430321755068,
      ],
      gradientSensitivity: [0.19, 0.125, 0.19, 0.125]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0.0972148438263762210167, lossSensitivity: 0.492,
      gradient: [
        -0.0196861507375791393007, 0.0364997207518917301089, 0.0196861507375791393007,
        -0.0364997207518917301089,
      ],
      gradientSensitivity: [0.0792, 0.139, 0.0792, 0.139]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 122.070371257456560522, lossSensitivity: 609.0,
      gradient: [-0.00304550928143641401306, 0, 0.00304550928143641401306, 0],
      gradientSensitivity: [0.0183, 0, 0.0183, 0]),
  ]

  @Test(arguments: rows) func reference(row: PairwiseReferenceRow) {
    row.check(AlphaPO(alpha: 0.25, beta: 2.5, gamma: 0.25), row.pair)
  }
  @Test(arguments: negativeAlphaRows) func negativeAlphaReference(row: PairwiseReferenceRow) {
    row.check(AlphaPO(alpha: -2, beta: 2.5, gamma: 0.25), row.pair)
  }
  @Test(arguments: refRows) func withReferenceReference(row: PairwiseReferenceRow) {
    row.check(AlphaPOWithReference(alpha: 0.25, beta: 2.5, gamma: 0.25), row.pair)
  }

  /// α = 0 is SimPO (eq. 2): value and gradient, independent implementations.
  @Test func alphaZeroIsSimPO() {
    PropertyRunner.check(
      "alphapo.alpha-0", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let x = PairwiseProperty.pair(v)
      do {
        let a = try AlphaPO(alpha: 0, beta: 2.5, gamma: 0.25).loss(x)
        let b = try SimPO(beta: 2.5, gamma: 0.25).loss(x)
        let ga = try AlphaPO(alpha: 0, beta: 2.5, gamma: 0.25).gradient(x)
        let gb = try SimPO(beta: 2.5, gamma: 0.25).gradient(x)
        // β(x_w − x_l) vs βx_w − βx_l: ≤ 3 roundings of terms ≤ M = β(|x_w| + |x_l|) + γ.
        let M =
          2.5
          * (abs(x.logProbChosen) / Double(x.lengthChosen)
            + abs(x.logProbRejected) / Double(x.lengthRejected)) + 0.25
        return PairwiseProperty.agree("loss", a, b, ulps: 4, scale: M + b)
          ?? PairwiseProperty.agree("gradient", ga, gb, count: 4, ulps: 4, scale: 2.5 * (M + 1))
      } catch {
        return "threw \(error)"
      }
    }
  }

  /// α = 1 and α = −1 give the printed inverse-linear β(1 − 1/π̄) and linear β(π̄ − 1)
  /// rewards, π̄ = π^{1/|y|} (§3.2), and δr equals r_α(y_w) − r_α(y_l) from eq. (3) where
  /// the rewards are moderate (|αx| ≤ 30, so no overflow and no huge cancellation).
  @Test func printedSpecialRewardsAndRewardDifference() {
    PropertyRunner.check(
      "alphapo.special-rewards", generator: PairwiseProperty.inputs(lowest: -30),
      shrink: Shrinkers.doubles
    ) { v in
      let x = PairwiseProperty.pair(v)
      let n = x.lengthChosen
      let pbar = exp(x.logProbChosen / Double(n))
      let inv = AlphaPO(alpha: 1, beta: 2.5, gamma: 0).reward(logProb: x.logProbChosen, length: n)
      let lin = AlphaPO(alpha: -1, beta: 2.5, gamma: 0).reward(logProb: x.logProbChosen, length: n)
      // 1/π̄ ≤ e^{30}: each form has ≤ 4 roundings relative to terms ≤ β(1 + 1/π̄).
      if let m = PairwiseProperty.agree(
        "inverse-linear", inv, 2.5 * (1 - 1 / pbar), ulps: 8,
        scale: 2.5 * (1 + 1 / pbar))
      {
        return m
      }
      if let m = PairwiseProperty.agree("linear", lin, 2.5 * (pbar - 1), ulps: 8, scale: 2.5 * 2) {
        return m
      }
      for alpha in [-1.0, 0.25, 1] {
        let o = AlphaPO(alpha: alpha, beta: 2.5, gamma: 0)
        let rw = o.reward(logProb: x.logProbChosen, length: x.lengthChosen)
        let rl = o.reward(logProb: x.logProbRejected, length: x.lengthRejected)
        // r = β·expm1(·)/α: relative error ≤ (2 + |αx|)ε each; the difference adds the
        // cancellation of |r_w| + |r_l|.
        if let m = PairwiseProperty.agree(
          "δr at α = \(alpha)", o.rewardDifference(x), rw - rl,
          ulps: 64, scale: abs(rw) + abs(rl))
        {
          return m
        }
      }
      return nil
    }
  }

  /// ∂ℓ/∂log π_θ(y_w) ≤ 0 ≤ ∂ℓ/∂log π_θ(y_l) for every α (r_α is increasing in π).
  @Test func monotoneForEveryAlpha() {
    PropertyRunner.check(
      "alphapo.monotone", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let alpha = (v[6] - 0.5) * 20
      guard
        let g = try? AlphaPO(alpha: alpha, beta: 2.5, gamma: 0.25).gradient(
          PairwiseProperty.pair(v))
      else { return "threw" }
      // Where the true partials exceed the double range they are ∓∞, never NaN.
      return g[0] <= 0 && g[1] >= 0 && !g.contains(where: { $0.isNaN })
        ? nil : "gradient \(g) at α = \(alpha)"
    }
  }

  /// With log π_ref = 0 the reference variant is AlphaPO itself (x = (v − 0)/|y| = v/|y|).
  @Test func withZeroReferenceIsAlphaPO() {
    PropertyRunner.check(
      "alphapo-ref.zero-ref", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      var x = PairwiseProperty.pair(v)
      (x.refLogProbChosen, x.refLogProbRejected) = (0, 0)
      let alpha = (v[6] - 0.5) * 4
      guard let a = try? AlphaPO(alpha: alpha, beta: 2.5, gamma: 0.25).loss(x),
        let b = try? AlphaPOWithReference(alpha: alpha, beta: 2.5, gamma: 0.25).loss(x)
      else { return "threw" }
      return a == b || (a.isInfinite && a == b) ? nil : "AlphaPO \(a) vs with-ref \(b)"
    }
  }

  /// The required extreme case α = ±1000, log π = −1e5, |y| = 1. A tie gives δr = 0 exactly
  /// (the naive r_w − r_l is ∞ − ∞ = NaN at α = 1000), so ℓ = softplus(γ).
  /// mpmath: log(1 + exp(0.25)) = 0.825939419878843562208.
  @Test func alphaThousandAtLogProbMinus1e5() throws {
    let tie = PreferencePair(logProbChosen: -1e5, logProbRejected: -1e5)
    let t = Tolerance.roundoff(ulps: 4, reason: "one softplus")
    for alpha in [-1000.0, 1000] {
      let o = AlphaPO(alpha: alpha, beta: 2.5, gamma: 0.25)
      let l = try o.loss(tie)
      #expect(
        t.accepts(l, 0.825939419878843562208),
        "α = \(alpha): \(t.explain(l, 0.825939419878843562208))")
      // The gradient is ∓σ(−z)βe^{1e8} at α = +1000 (beyond the double range: ∓∞, never
      // NaN) and ∓σ(−z)βe^{−1e8} (rounds to 0) at α = −1000.
      let g = try o.gradient(tie)
      #expect(!g.contains { $0.isNaN }, "α = \(alpha): \(g)")
      if alpha < 0 { #expect(g.allSatisfy { $0.isFinite }) }
    }
    // α = −1000, log π_w = −1e5, log π_l = 0: δr = −β/1000·(1 − e^{−1e8}); finite value and
    // gradient. mpmath: L = 0.827345630220168586523, ∂ℓ/∂log π_l = 1.40697935034661287091.
    let o = AlphaPO(alpha: -1000, beta: 2.5, gamma: 0.25)
    let x = PreferencePair(logProbChosen: -1e5, logProbRejected: 0)
    let l = try o.loss(x)
    let g = try o.gradient(x)
    #expect(t.accepts(l, 0.827345630220168586523), "\(t.explain(l, 0.827345630220168586523))")
    let tg = Tolerance.roundoff(ulps: 8, reason: "σ and a product")
    #expect(tg.accepts(g[1], 1.40697935034661287091), "\(tg.explain(g[1], 1.40697935034661287091))")
    #expect(g[0] == 0)  // −σ(−z)βe^{−1e8}: below the smallest subnormal
    // α = +1000 with y_w the likelier: δr = +huge, ℓ = e^{−huge} rounds to 0, ∇ to 0.
    let o2 = AlphaPO(alpha: 1000, beta: 2.5, gamma: 0.25)
    let y = PreferencePair(logProbChosen: 0, logProbRejected: -1e5)
    #expect(try o2.loss(y) == 0)
    #expect(try o2.gradient(y).allSatisfy { $0 == 0 })
    // α = +1000 with y_w the unlikelier: the true loss is ≈ 2.5e-3·e^{1e8}, beyond the
    // double range; it is +∞ (never NaN, never −∞).
    #expect(try o2.loss(PreferencePair(logProbChosen: -1e5, logProbRejected: 0)) == .infinity)
  }

  /// Where e^{−αx} overflows but δr is finite: α = 1000, log π_l = −0.705, log π_w the next
  /// double below, |y| = 1. Naively r_w = r_l = −∞ and δr = NaN; here ℓ ≈ 4.18e290 and the
  /// gradient ≈ ∓3.76e306, both finite. mpmath (dps 60, inputs exact doubles):
  /// L = 4.17791865843013937636e+290, ∂ℓ/∂log π_w = −3.76313458265825254637e+306,
  /// ∂ℓ/∂log π_l = 3.7631345826578347545e+306.
  @Test func finiteWhereRewardsOverflow() throws {
    let o = AlphaPO(alpha: 1000, beta: 2.5, gamma: 0.25)
    let x = PreferencePair(logProbChosen: (-0.705).nextDown, logProbRejected: -0.705)
    let l = try o.loss(x)
    let g = try o.gradient(x)
    // e^{αc} at αc = 705: the rounding of the product αc (ε/2 relative) moves e^{αc} by
    // 705·ε/2 relative; the log-space exp adds ≤ (705 + 40)ε; 2048 ulps covers both.
    let t = Tolerance.roundoff(ulps: 2048, reason: "conditioning of e^{αc} at αc = 705")
    #expect(
      t.accepts(l, 4.17791865843013937636e+290), "\(t.explain(l, 4.17791865843013937636e+290))")
    #expect(
      t.accepts(g[0], -3.76313458265825254637e+306),
      "\(t.explain(g[0], -3.76313458265825254637e+306))")
    #expect(
      t.accepts(g[1], 3.7631345826578347545e+306), "\(t.explain(g[1], 3.7631345826578347545e+306))")
  }

  @Test func stability() {
    // For α ≤ 0 every extreme pair has representable values (e^{−αx} ≤ 1). For α > 0 the
    // value is ≈ βe^{α|x|}/α, representable only for α|x| ≲ 709: use lengths 1e4 so that
    // |x| = |log π|/|y| ≤ 10.
    let long = PairwiseProperty.extremePairs.map { p -> PreferencePair in
      var q = p
      (q.lengthChosen, q.lengthRejected) = (10_000, 10_000)
      return q
    }
    for alpha in [-1000.0, -2, 0, 0.25, 2, 70] {
      for x in alpha > 0 ? long : PairwiseProperty.extremePairs {
        PairwiseProperty.expectFinite(AlphaPO(alpha: alpha, beta: 2.5, gamma: 0.25), x)
      }
    }
    // With a reference, x = log(π/π_ref)/|y| ∈ [−10, 10] on the long pairs, so e^{−αx}
    // overflows for |α| ≳ 71 whatever the sign of α; test |α| ≤ 70 there.
    for alpha in [-70.0, -2, 0, 0.25, 2, 70] {
      for x in long {
        PairwiseProperty.expectFinite(
          AlphaPOWithReference(alpha: alpha, beta: 2.5, gamma: 0.25), x)
      }
    }
    for (x, field) in PairwiseProperty.badPairs {
      PairwiseProperty.expectRejects(AlphaPO(alpha: 1, beta: 1, gamma: 0), x, field: field)
      PairwiseProperty.expectRejects(
        AlphaPOWithReference(alpha: 1, beta: 1, gamma: 0), x, field: field)
    }
    let x = PreferencePair(logProbChosen: -1, logProbRejected: -1)
    PairwiseProperty.expectRejects(AlphaPO(alpha: .nan, beta: 1, gamma: 0), x, field: "alpha")
    PairwiseProperty.expectRejects(AlphaPO(alpha: 1, beta: 0, gamma: 0), x, field: "beta")
    PairwiseProperty.expectRejects(
      AlphaPOWithReference(alpha: 1, beta: 1, gamma: -0.5), x, field: "gamma")
  }
}
