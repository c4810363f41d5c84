// The MaPPO plugins SimPO+ (eq. 15), IPO+ (eq. 17), CPO+ (eq. 19): reductions to the base
// objectives at Δ_r = 1 (separate implementations), reference tables, stability.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct MaPPOPluginPropertyTests {
  // mpmath f: SimPOPlus: nls(beta/n[0]*v[0]-(v[4]-v[5])*beta/n[1]*v[1]-gamma);
  // hyper {'beta': 2.5, 'gamma': 0.25}.
  static let simpoRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25, 0.75, 0.25], lengths: [3, 5],
      loss: 0.79128528955559474826, lossSensitivity: 0.957,
      gradient: [
        -0.455615126653844888763, 0.136684537996153466629, 0, 0, -0.410053613988460399886,
        0.410053613988460399886,
      ],
      gradientSensitivity: [0.791, 0.418, 0, 0, 0.983, 0.983]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25, 1.0, 0.0], lengths: [16, 2],
      loss: 2.29910708387528640212, lossSensitivity: 3.75,
      gradient: [
        -0.14057056149358501158, 1.12456449194868009264, 0, 0, -0.00878566009334906322378,
        0.00878566009334906322378,
      ],
      gradientSensitivity: [0.199, 2.72, 0, 0, 0.0212, 0.0212]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5, 0.5, 0.5], lengths: [1, 8],
      loss: 0.831441156562621284827, lossSensitivity: 7.21,
      gradient: [
        -1.41144669091028484577, 0, 0, 0, -7.05723345455142422887, 7.05723345455142422887,
      ],
      gradientSensitivity: [9.26, 0.176, 0, 0, 53.4, 53.4]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5, 0.875, 0.0625], lengths: [64, 64],
      loss: 1.30044150615472132158, lossSensitivity: 8.53,
      gradient: [
        -0.0284214259715578948641, 0.0230924086018907895771, 0, 0, -2.84214259715578948641,
        2.84214259715578948641,
      ],
      gradientSensitivity: [0.119, 0.0774, 0, 0, 9.85, 9.85]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0, 0.25, 0.75], lengths: [10, 7],
      loss: 1.13081560505964438752, lossSensitivity: 1.5,
      gradient: [
        -0.169307525930646488211, -0.120933947093318920151, 0, 0, -0.665136709013254060831,
        0.665136709013254060831,
      ],
      gradientSensitivity: [0.29, 0.449, 0, 0, 1.81, 1.81]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0, 0.9375, 0.125], lengths: [10000, 1],
      loss: 24.2342500000298675055, lossSensitivity: 51.6,
      gradient: [
        -0.000249999999992533123632, 2.03124999993933162951, 0, 0, -1.24999999996266561816,
        1.24999999996266561816,
      ],
      gradientSensitivity: [0.00025, 4.69, 0, 0, 2.5, 2.5]),
  ]
  // mpmath f: IPOPlus: ((v[0]-v[2])-(v[4]-v[5])*(v[1]-v[3])-1/(2*beta))**2; hyper {'beta': 0.5}.
  static let ipoRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25, 0.75, 0.25], lengths: [3, 5],
      loss: 0.5625, lossSensitivity: 5.25,
      gradient: [-1.5, 0.75, 1.5, -0.75, -0.375, 0.375],
      gradientSensitivity: [7.0, 4.5, 7.0, 4.5, 4.5, 4.5]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25, 1.0, 0.0], lengths: [16, 2],
      loss: 115.39459228515625, lossSensitivity: 365.0,
      gradient: [-21.484375, 21.484375, 21.484375, -21.484375, 5.2032470703125, -5.2032470703125],
      gradientSensitivity: [34.0, 55.5, 34.0, 55.5, 13.8, 13.8]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5, 0.5, 0.5], lengths: [1, 8],
      loss: 0.9922027587890625, lossSensitivity: 11.0,
      gradient: [1.9921875, 0, -1.9921875, 0, 4.98046875, -4.98046875],
      gradientSensitivity: [11.0, 1.99, 11.0, 1.99, 182.0, 182.0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5, 0.875, 0.0625], lengths: [64, 64],
      loss: 966.8212890625, lossSensitivity: 19700.0,
      gradient: [-62.1875, 50.52734375, 62.1875, -50.52734375, -1523.59375, 1523.59375],
      gradientSensitivity: [633.0, 498.0, 633.0, 498.0, 12500.0, 12500.0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0, 0.25, 0.75], lengths: [10, 7],
      loss: 17.015625, lossSensitivity: 95.9,
      gradient: [8.25, 4.125, -8.25, -4.125, 22.6875, -22.6875],
      gradientSensitivity: [23.3, 14.4, 23.3, 14.4, 71.5, 71.5]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0, 0.9375, 0.125], lengths: [10000, 1],
      loss: 1.35138517976962890625e+10, lossSensitivity: 3.2e+10,
      gradient: [
        -2.324981875e+5, 1.8890477734375e+5, 2.324981875e+5, -1.8890477734375e+5,
        4.64984750090625e+9, -4.64984750090625e+9,
      ],
      gradientSensitivity: [2.75e+5, 4.7e+5, 2.75e+5, 4.7e+5, 1.01e+10, 1.01e+10]),
  ]
  // mpmath f: CPOPlus: nls(beta*v[0]-beta*(v[4]-v[5])*v[1]) - lambda*v[0];
  // hyper {'beta': 0.5, 'lambda': 0.25}.
  static let cpoRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25, 0.75, 0.25], lengths: [3, 5],
      loss: 0.69753528955559474826, lossSensitivity: 0.867,
      gradient: [
        -0.476630924007693066742, 0.113315462003846533371, 0, 0, -0.339946386011539600114,
        0.339946386011539600114,
      ],
      gradientSensitivity: [0.616, 0.317, 0, 0, 0.75, 0.75]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25, 1.0, 0.0], lengths: [16, 2],
      loss: 9.37302988420204260733, lossSensitivity: 18.7,
      gradient: [
        -0.749032869448364834701, 0.499032869448364834701, 0, 0, -0.0038986942925653502711,
        0.0038986942925653502711,
      ],
      gradientSensitivity: [0.761, 1.01, 0, 0, 0.00789, 0.00789]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5, 0.5, 0.5], lengths: [1, 8],
      loss: 0.695100782397027721336, lossSensitivity: 10.0,
      gradient: [
        -0.500244140547389815055, 0, 0, 0, -10.0097656218955926022, 10.0097656218955926022,
      ],
      gradientSensitivity: [3.0, 0.25, 0, 0, 120.0, 120.0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5, 0.875, 0.0625], lengths: [64, 64],
      loss: 34.3750848146383833389, lossSensitivity: 197.0,
      gradient: [
        -0.749957594479138209624, 0.406215545514299795319, 0, 0, -49.9957594479138209624,
        49.9957594479138209624,
      ],
      gradientSensitivity: [0.756, 0.877, 0, 0, 100.0, 100.0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0, 0.25, 0.75], lengths: [10, 7],
      loss: 1.09485104725372648332, lossSensitivity: 1.83,
      gradient: [
        -0.582705279373407002049, -0.166352639686703501024, 0, 0, -0.914939518276869255634,
        0.914939518276869255634,
      ],
      gradientSensitivity: [0.889, 0.652, 0, 0, 2.67, 2.67]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0, 0.9375, 0.125], lengths: [10000, 1],
      loss: 74999.421875, lossSensitivity: 1.5e+5,
      gradient: [-0.75, 0.40625, 0, 0, -0.25, 0.25],
      gradientSensitivity: [0.75, 0.938, 0, 0, 0.5, 0.5]),
  ]

  @Test(arguments: simpoRows) func simpoPlusReference(row: PairwiseReferenceRow) {
    row.check(SimPOPlus(beta: 2.5, gamma: 0.25), row.rewardedPair)
  }
  @Test(arguments: ipoRows) func ipoPlusReference(row: PairwiseReferenceRow) {
    row.check(IPOPlus(beta: 0.5), row.rewardedPair)
  }
  @Test(arguments: cpoRows) func cpoPlusReference(row: PairwiseReferenceRow) {
    row.check(CPOPlus(beta: 0.5, lambda: 0.25), row.rewardedPair)
  }

  /// At Δ_r = 1 (r_w = 1, r_l = 0) each plugin equals its base objective in value and in the
  /// partials with respect to the four log-probabilities. The margins differ only by the
  /// rounding of one product by Δ_r = 1 (exact) and the order of ≤ 3 additions of terms
  /// ≤ M (M = Σ|terms| of the margin), so values agree to 4ε·(M·slope + ℓ).
  @Test func pluginsReduceToBaseAtDeltaROne() {
    PropertyRunner.check(
      "mappo-plugins.delta-1", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      var x = PairwiseProperty.rewarded(v)
      (x.rewardChosen, x.rewardRejected) = (1.0, 0.0)
      let p = x.pair
      let nw = Double(p.lengthChosen)
      let nl = Double(p.lengthRejected)
      do {
        let s1 = try SimPOPlus(beta: 2.5, gamma: 1).loss(x)
        let s0 = try SimPO(beta: 2.5, gamma: 1).loss(p)
        let gs1 = try SimPOPlus(beta: 2.5, gamma: 1).gradient(x)
        let gs0 = try SimPO(beta: 2.5, gamma: 1).gradient(p)
        let ms = 2.5 * (abs(p.logProbChosen) / nw + abs(p.logProbRejected) / nl) + 1
        let i1 = try IPOPlus(beta: 0.1).loss(x)
        let i0 = try IPO(beta: 0.1).loss(p)
        let gi1 = try IPOPlus(beta: 0.1).gradient(x)
        let gi0 = try IPO(beta: 0.1).gradient(p)
        let mi = abs(p.logRatioChosen) + abs(p.logRatioRejected) + 5
        let c1 = try CPOPlus(beta: 0.1, lambda: 0.2).loss(x)
        let c0 = try CPO(beta: 0.1, lambda: 0.2).loss(p)
        let gc1 = try CPOPlus(beta: 0.1, lambda: 0.2).gradient(x)
        let gc0 = try CPO(beta: 0.1, lambda: 0.2).gradient(p)
        let mc = 0.1 * (abs(p.logProbChosen) + abs(p.logProbRejected))
        let hi = 2 * i0.squareRoot()  // dℓ/dh for IPO
        return PairwiseProperty.agree("SimPO+", s1, s0, ulps: 4, scale: ms + s0)
          ?? PairwiseProperty.agree("SimPO+ ∇", gs1, gs0, count: 4, ulps: 4, scale: ms * 2.5 + 2.5)
          ?? PairwiseProperty.agree("IPO+", i1, i0, ulps: 8, scale: hi * mi + i0)
          ?? PairwiseProperty.agree("IPO+ ∇", gi1, gi0, count: 4, ulps: 8, scale: 2 * mi)
          ?? PairwiseProperty.agree("CPO+", c1, c0, ulps: 4, scale: mc + c0)
          ?? PairwiseProperty.agree("CPO+ ∇", gc1, gc0, count: 4, ulps: 4, scale: mc * 0.1 + 0.3)
      } catch {
        return "threw \(error)"
      }
    }
  }

  /// The prior reward only scales the rejected term: at Δ_r = 0 the rejected response drops
  /// out (its partials are exactly 0, and the loss does not depend on it).
  @Test func rejectedTermVanishesAtDeltaRZero() {
    PropertyRunner.check(
      "mappo-plugins.delta-0", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      var x = PairwiseProperty.rewarded(v)
      x.rewardRejected = x.rewardChosen
      do {
        let gs = try SimPOPlus(beta: 2.5, gamma: 1).gradient(x)
        let gi = try IPOPlus(beta: 0.1).gradient(x)
        let gc = try CPOPlus(beta: 0.1, lambda: 0.2).gradient(x)
        return gs[1] == 0 && gi[1] == 0 && gi[3] == 0 && gc[1] == 0
          ? nil : "rejected partials \(gs[1]), \(gi[1]), \(gi[3]), \(gc[1])"
      } catch {
        return "threw \(error)"
      }
    }
  }

  @Test func stability() {
    for x in PairwiseProperty.extremeRewardedPairs {
      PairwiseProperty.expectFinite(SimPOPlus(beta: 10, gamma: 5), x)
      PairwiseProperty.expectFinite(IPOPlus(beta: 0.01), x)
      PairwiseProperty.expectFinite(CPOPlus(beta: 10, lambda: 2), x)
    }
    for (x, field) in PairwiseProperty.badRewardedPairs {
      PairwiseProperty.expectRejects(SimPOPlus(beta: 1, gamma: 1), x, field: field)
      PairwiseProperty.expectRejects(IPOPlus(beta: 1), x, field: field)
      PairwiseProperty.expectRejects(CPOPlus(beta: 1, lambda: 0), x, field: field)
    }
    let x = RewardedPreferencePair(
      logProbChosen: -1, logProbRejected: -1, rewardChosen: 1, rewardRejected: 0)
    PairwiseProperty.expectRejects(SimPOPlus(beta: 1, gamma: -1), x, field: "gamma")
    PairwiseProperty.expectRejects(IPOPlus(beta: 0), x, field: "beta")
    PairwiseProperty.expectRejects(CPOPlus(beta: 1, lambda: .infinity), x, field: "lambda")
  }
}
