// SimPO (MaPPO eq. 14 = AlphaPO eq. 2) and SimPO with reference (AlphaPO A.4): invariants,
// reference tables, stability.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct SimPOPropertyTests {
  // mpmath f: SimPO: nls(beta/n[0]*v[0]-beta/n[1]*v[1]-gamma); hyper {'beta': 2.5, 'gamma': 0.25}.
  static let rows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.60378528955559474826, lossSensitivity: 0.793,
      gradient: [-0.377718206679488444571, 0.226630924007693066742, 0, 0],
      gradientSensitivity: [0.558, 0.335, 0, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 2.29910708387528640212, lossSensitivity: 3.74,
      gradient: [-0.14057056149358501158, 1.12456449194868009264, 0, 0],
      gradientSensitivity: [0.199, 1.59, 0, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 4.83206429646279753836e-6, lossSensitivity: 0.000122,
      gradient: [-1.20801315551472969852e-5, 1.51001644439341212314e-6, 0, 0],
      gradientSensitivity: [0.000293, 3.66e-5, 0, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 0.825939419878843562208, lossSensitivity: 4.53,
      gradient: [-0.0219600195658514884386, 0.0219600195658514884386, 0, 0],
      gradientSensitivity: [0.0995, 0.0995, 0, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0.392634772645805944129, lossSensitivity: 0.719,
      gradient: [-0.0811811671058781990537, 0.115973095865540284362, 0, 0],
      gradientSensitivity: [0.0949, 0.136, 0, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 23.9998750000377560647, lossSensitivity: 50.2,
      gradient: [-0.000249999999990560983836, 2.49999999990560983836, 0, 0],
      gradientSensitivity: [0.00025, 2.5, 0, 0]),
  ]
  // mpmath f: SimPOWithReference: nls(beta/n[0]*(v[0]-v[2])-beta/n[1]*(v[1]-v[3])-gamma);
  // hyper {'beta': 2.5, 'gamma': 0.25}.
  static let refRows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.703618099717716170968, lossSensitivity: 1.31,
      gradient: [
        -0.42100678746783109306, 0.252604072480698655836, 0.42100678746783109306,
        -0.252604072480698655836,
      ],
      gradientSensitivity: [0.864, 0.518, 0.864, 0.518]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 2.15968545576249121088, lossSensitivity: 4.23,
      gradient: [
        -0.138224781000633416958, 1.10579824800506733567, 0.138224781000633416958,
        -1.10579824800506733567,
      ],
      gradientSensitivity: [0.214, 1.72, 0.214, 1.72]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 0.00399192781589708197613, lossSensitivity: 0.14,
      gradient: [
        -0.00995992665925115086025, 0.00124499083240639385753, 0.00995992665925115086025,
        -0.00124499083240639385753,
      ],
      gradientSensitivity: [0.34, 0.0425, 0.34, 0.0425]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 1.49889407540102154005, lossSensitivity: 10.8,
      gradient: [
        -0.030336833524084257423, 0.030336833524084257423, 0.030336833524084257423,
        -0.030336833524084257423,
      ],
      gradientSensitivity: [0.125, 0.125, 0.125, 0.125]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0.0904715662244576757994, lossSensitivity: 0.473,
      gradient: [
        -0.021624923051401782451, 0.0308927472162882606443, 0.021624923051401782451,
        -0.0308927472162882606443,
      ],
      gradientSensitivity: [0.0863, 0.123, 0.0863, 0.123]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 50023.999625, lossSensitivity: 1.0e+5,
      gradient: [-0.00025, 2.5, 0.00025, -2.5],
      gradientSensitivity: [0.00025, 2.5, 0.00025, 2.5]),
  ]

  @Test(arguments: rows) func reference(row: PairwiseReferenceRow) {
    row.check(SimPO(beta: 2.5, gamma: 0.25), row.pair)
  }
  @Test(arguments: refRows) func withReferenceReference(row: PairwiseReferenceRow) {
    row.check(SimPOWithReference(beta: 2.5, gamma: 0.25), row.pair)
  }

  /// With lengths 1, γ = 0 and log π_ref = 0, SimPO is DPO (independent implementations).
  @Test func reducesToDPO() {
    PropertyRunner.check(
      "simpo.dpo", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      var x = PairwiseProperty.pair(v, lengths: false)
      (x.refLogProbChosen, x.refLogProbRejected) = (0, 0)
      guard let a = try? SimPO(beta: 0.5, gamma: 0).loss(x), let b = try? DPO(beta: 0.5).loss(x)
      else { return "threw" }
      // βa − βb vs β(a − b): ≤ 2 roundings of terms ≤ β(|a| + |b|); softplus has slope ≤ 1.
      return PairwiseProperty.agree(
        "SimPO vs DPO", a, b, ulps: 4,
        scale: 0.5 * (abs(x.logProbChosen) + abs(x.logProbRejected)) + b)
    }
  }

  /// The loss decreases when log π_θ(y_w) grows and increases when log π_θ(y_l) grows:
  /// the analytic partials have these signs everywhere (strictly, unless σ underflows).
  @Test func monotoneInLogProbabilities() {
    PropertyRunner.check(
      "simpo.monotone", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      guard let g = try? SimPO(beta: 2.5, gamma: 1).gradient(PairwiseProperty.pair(v)) else {
        return "threw"
      }
      return g[0] <= 0 && g[1] >= 0 && g[2] == 0 && g[3] == 0 ? nil : "gradient signs \(g)"
    }
  }

  /// A.4, first line = second line: SimPO w ref's margin equals SimPO's at γ = 0 minus the
  /// per-pair margin γ′. Both are sums of four terms β·v/|y| (and γ), each rounded once.
  @Test func withReferenceIsSimPOWithPerPairMargin() {
    PropertyRunner.check(
      "simpo-ref.per-pair-margin", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let o = SimPOWithReference(beta: 2.5, gamma: 0.25)
      let x = PairwiseProperty.pair(v)
      let z1 = o.margin(x)
      let z2 = SimPO(beta: 2.5, gamma: 0).margin(x) - o.perPairMargin(x)
      // Terms t = β·v/|y| for the 4 log-probabilities and γ: each computation rounds each
      // term and ≤ 5 sums at ≤ ε/2 relative to the running sum ≤ Σ|t|.
      let n = [Double(x.lengthChosen), Double(x.lengthRejected)]
      let s =
        2.5
        * (abs(x.logProbChosen) / n[0] + abs(x.refLogProbChosen) / n[0]
          + abs(x.logProbRejected) / n[1] + abs(x.refLogProbRejected) / n[1]) + 0.25
      return PairwiseProperty.agree("z", z1, z2, ulps: 8, scale: s)
    }
  }

  @Test func stability() {
    for x in PairwiseProperty.extremePairs {
      PairwiseProperty.expectFinite(SimPO(beta: 10, gamma: 5), x)
      PairwiseProperty.expectFinite(SimPOWithReference(beta: 10, gamma: 5), x)
    }
    for (x, field) in PairwiseProperty.badPairs {
      PairwiseProperty.expectRejects(SimPO(beta: 1, gamma: 0), x, field: field)
      PairwiseProperty.expectRejects(SimPOWithReference(beta: 1, gamma: 0), x, field: field)
    }
    let x = PreferencePair(logProbChosen: -1, logProbRejected: -1)
    PairwiseProperty.expectRejects(SimPO(beta: 0, gamma: 0), x, field: "beta")
    PairwiseProperty.expectRejects(SimPO(beta: 1, gamma: -1), x, field: "gamma")
    PairwiseProperty.expectRejects(SimPOWithReference(beta: 1, gamma: .nan), x, field: "gamma")
  }
}
