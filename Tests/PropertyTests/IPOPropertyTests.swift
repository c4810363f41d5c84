// IPO (MaPPO eq. 16) and the token-averaged variant: invariants, reference tables, stability.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct IPOPropertyTests {
  // mpmath f: IPO: ((v[0]-v[2])-(v[1]-v[3])-1/(2*beta))**2; hyper {'beta': 0.5}.
  static let rows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.390625, lossSensitivity: 5.78,
      gradient: [-1.25, 1.25, 1.25, -1.25],
      gradientSensitivity: [9.25, 9.25, 9.25, 9.25]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 115.39459228515625, lossSensitivity: 360.0,
      gradient: [-21.484375, 21.484375, 21.484375, -21.484375],
      gradientSensitivity: [33.5, 33.5, 33.5, 33.5]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 12.2226715087890625, lossSensitivity: 563.0,
      gradient: [6.9921875, -6.9921875, -6.9921875, 6.9921875],
      gradientSensitivity: [161.0, 161.0, 161.0, 161.0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 702.25, lossSensitivity: 17300.0,
      gradient: [-53.0, 53.0, 53.0, -53.0],
      gradientSensitivity: [653.0, 653.0, 653.0, 653.0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 68.0625, lossSensitivity: 169.0,
      gradient: [16.5, -16.5, -16.5, 16.5],
      gradientSensitivity: [20.5, 20.5, 20.5, 20.5]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 1.4399760001e+10, lossSensitivity: 2.88e+10,
      gradient: [-2.39998e+5, 2.39998e+5, 2.39998e+5, -2.39998e+5],
      gradientSensitivity: [2.4e+5, 2.4e+5, 2.4e+5, 2.4e+5]),
  ]
  // mpmath f: TokenAveragedIPO: ((v[0]-v[2])/n[0]-(v[1]-v[3])/n[1]-1/(2*beta))**2;
  // hyper {'beta': 0.125}.
  static let tokenRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 15.2750694444444444444, lossSensitivity: 37.8,
      gradient: [
        -2.60555555555555555556, 1.56333333333333333333, 2.60555555555555555556,
        -1.56333333333333333333,
      ],
      gradientSensitivity: [3.23, 1.94, 3.23, 1.94]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 22.2297515869140625, lossSensitivity: 48.1,
      gradient: [-0.58935546875, 4.71484375, 0.58935546875, -4.71484375],
      gradientSensitivity: [0.637, 5.1, 0.637, 5.1]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 2.8608551025390625, lossSensitivity: 53.1,
      gradient: [-3.3828125, 0.4228515625, 3.3828125, -0.4228515625],
      gradientSensitivity: [31.4, 3.92, 31.4, 3.92]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 19.34625244140625, lossSensitivity: 79.9,
      gradient: [-0.137451171875, 0.137451171875, 0.137451171875, -0.137451171875],
      gradientSensitivity: [0.284, 0.284, 0.284, 0.284]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 8.74469387755102040816, lossSensitivity: 29.8,
      gradient: [
        -0.591428571428571428571, 0.844897959183673469388, 0.591428571428571428571,
        -0.844897959183673469388,
      ],
      gradientSensitivity: [1.01, 1.44, 1.01, 1.44]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 4.005401762459500225e+8, lossSensitivity: 8.01e+8,
      gradient: [-4.00269997, 40026.9997, 4.00269997, -40026.9997],
      gradientSensitivity: [4.0, 40000.0, 4.0, 40000.0]),
  ]

  // The residual h is a difference of log-ratios of size up to |v|; its rounding is
  // ε·Σ|v_j| absolute, which the sensitivity of h² (2|h|·Σ|v_j|) already covers.
  @Test(arguments: rows) func reference(row: PairwiseReferenceRow) {
    row.check(IPO(beta: 0.5), row.pair)
  }
  @Test(arguments: tokenRows) func tokenAveragedReference(row: PairwiseReferenceRow) {
    row.check(TokenAveragedIPO(beta: 0.125), row.pair)
  }

  /// ℓ ≥ 0, and = 0 exactly when the log-ratio gap equals 1/(2β) (here 1 at β = 0.5).
  @Test func nonNegativeAndZeroAtTarget() throws {
    PropertyRunner.check(
      "ipo.non-negative", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      guard let l = try? IPO(beta: 0.1).loss(PairwiseProperty.pair(v)) else { return "threw" }
      return l >= 0 ? nil : "loss \(l) < 0"
    }
    let x = PreferencePair(
      logProbChosen: -0.5, logProbRejected: -3.5, refLogProbChosen: -1, refLogProbRejected: -3)
    #expect(try IPO(beta: 0.5).loss(x) == 0)
  }

  /// Adding s to both policy log-probabilities leaves the loss unchanged (up to rounding).
  @Test func invariantToACommonShift() {
    PropertyRunner.check(
      "ipo.shift", generator: PairwiseProperty.inputs(lowest: -1e3),
      shrink: Shrinkers.doubles
    ) { v in
      let o = IPO(beta: 0.5)
      let x = PairwiseProperty.pair(v)
      let s = -abs(v[6]) * 10
      let y = x.replacing(variables: [
        x.logProbChosen + s, x.logProbRejected + s,
        x.refLogProbChosen, x.refLogProbRejected,
      ])
      guard let a = try? o.loss(x), let b = try? o.loss(y) else { return "threw" }
      // h differs by the rounding of 2 additions and 3 subtractions: ≤ 3ε(Σ|v| + 2|s| + 1);
      // ℓ = h² moves by ≤ 2|h|·that + its own rounding ε·ℓ.
      let sv =
        abs(x.logProbChosen) + abs(x.logProbRejected) + abs(x.refLogProbChosen)
        + abs(x.refLogProbRejected) + 2 * abs(s) + 1
      return PairwiseProperty.agree(
        "shifted loss", a, b, ulps: 8,
        scale: 2 * a.squareRoot() * sv + a)
    }
  }

  /// With lengths 1 the token-averaged variant is IPO itself (x/1 = x exactly).
  @Test func tokenAveragedEqualsIPOAtLengthOne() {
    PropertyRunner.check(
      "ipo.token-averaged-length-1", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let x = PairwiseProperty.pair(v, lengths: false)
      guard let a = try? IPO(beta: 0.3).loss(x), let b = try? TokenAveragedIPO(beta: 0.3).loss(x),
        let ga = try? IPO(beta: 0.3).gradient(x),
        let gb = try? TokenAveragedIPO(beta: 0.3).gradient(x)
      else { return "threw" }
      return (a == b && ga == gb) ? nil : "IPO \(a) \(ga) vs token-averaged \(b) \(gb)"
    }
  }

  @Test func stability() {
    for beta in [0.01, 10.0] {
      for x in PairwiseProperty.extremePairs {
        PairwiseProperty.expectFinite(IPO(beta: beta), x)
        PairwiseProperty.expectFinite(TokenAveragedIPO(beta: beta), x)
      }
    }
    for (x, field) in PairwiseProperty.badPairs {
      PairwiseProperty.expectRejects(IPO(beta: 1), x, field: field)
      PairwiseProperty.expectRejects(TokenAveragedIPO(beta: 1), x, field: field)
    }
    let x = PreferencePair(logProbChosen: -1, logProbRejected: -1)
    PairwiseProperty.expectRejects(IPO(beta: -1), x, field: "beta")
    PairwiseProperty.expectRejects(TokenAveragedIPO(beta: 0), x, field: "beta")
  }
}
