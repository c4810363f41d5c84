// CPO (MaPPO eq. 18): invariants, reference table, stability.
import Numerics
import Objectives
import PropertyBased
import TestSupport
import Testing

@Suite struct CPOPropertyTests {
  // mpmath f: CPO: nls(beta*v[0]-beta*v[1]) - lambda*v[0]; hyper {'beta': 0.5, 'lambda': 0.25}.
  static let rows: [PairwiseReferenceRow] = [
    PairwiseReferenceRow(
      variables: [-0.375, -1.5, -0.5, -1.25], lengths: [3, 5],
      loss: 0.54468728159512495993, lossSensitivity: 0.732,
      gradient: [-0.431484602759808405706, 0.181484602759808405706, 0, 0],
      gradientSensitivity: [0.475, 0.225, 0, 0]),
    PairwiseReferenceRow(
      variables: [-12.5, -0.0078125, -3.0, -0.25], lengths: [16, 2],
      loss: 9.37302988420204260733, lossSensitivity: 18.7,
      gradient: [-0.749032869448364834701, 0.499032869448364834701, 0, 0],
      gradientSensitivity: [0.761, 0.511, 0, 0]),
    PairwiseReferenceRow(
      variables: [-0.00390625, -40.0, -2.0, -37.5], lengths: [1, 8],
      loss: 0.000976564565183244874151, lossSensitivity: 0.00195,
      gradient: [-0.250000001032591621371, 1.0325916213708302505e-9, 0, 0],
      gradientSensitivity: [0.25, 4.03e-8, 0, 0]),
    PairwiseReferenceRow(
      variables: [-100.0, -100.0, -50.0, -75.5], lengths: [64, 64],
      loss: 25.6931471805599453094, lossSensitivity: 100.0,
      gradient: [-0.5, 0.25, 0, 0],
      gradientSensitivity: [13.0, 12.8, 0, 0]),
    PairwiseReferenceRow(
      variables: [0.0, -2.75, -6.5, 0.0], lengths: [10, 7],
      loss: 0.225412651601647926856, lossSensitivity: 0.555,
      gradient: [-0.350906611130189415039, 0.100906611130189415039, 0, 0],
      gradientSensitivity: [0.371, 0.121, 0, 0]),
    PairwiseReferenceRow(
      variables: [-99999.5, -0.5, -1.0, -20000.0], lengths: [10000, 1],
      loss: 74999.375, lossSensitivity: 1.5e+5,
      gradient: [-0.75, 0.5, 0, 0],
      gradientSensitivity: [0.75, 0.5, 0, 0]),
  ]

  @Test(arguments: rows) func reference(row: PairwiseReferenceRow) {
    row.check(CPO(beta: 0.5, lambda: 0.25), row.pair)
  }

  /// At λ = 0 and π_ref ≡ 1 (log π_ref = 0), CPO is DPO (two independent implementations).
  @Test func reducesToDPOWithoutNLLAndReference() {
    PropertyRunner.check(
      "cpo.dpo-at-lambda-0", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      var x = PairwiseProperty.pair(v)
      (x.refLogProbChosen, x.refLogProbRejected) = (0, 0)
      guard let a = try? CPO(beta: 0.5, lambda: 0).loss(x), let b = try? DPO(beta: 0.5).loss(x),
        let ga = try? CPO(beta: 0.5, lambda: 0).gradient(x),
        let gb = try? DPO(beta: 0.5).gradient(x)
      else { return "threw" }
      // Margins β(a − b) vs β((a − 0) − (b − 0)): identical operations, so equal bits.
      return a == b && ga[0] == gb[0] && ga[1] == gb[1] ? nil : "CPO \(a) \(ga) vs DPO \(b) \(gb)"
    }
  }

  /// ℓ ≥ 0 (both terms are), and the reference log-probabilities do not enter.
  @Test func nonNegativeAndReferenceFree() {
    PropertyRunner.check(
      "cpo.non-negative", generator: PairwiseProperty.inputs(),
      shrink: Shrinkers.doubles
    ) { v in
      let o = CPO(beta: 0.1, lambda: 0.2)
      let x = PairwiseProperty.pair(v)
      var y = x
      (y.refLogProbChosen, y.refLogProbRejected) = (y.refLogProbRejected, -3)
      guard let a = try? o.loss(x), let b = try? o.loss(y), let g = try? o.gradient(x) else {
        return "threw"
      }
      if a < 0 { return "loss \(a) < 0" }
      return a == b && g[2] == 0 && g[3] == 0 ? nil : "reference enters: \(a) vs \(b), \(g)"
    }
  }

  @Test func stability() {
    for x in PairwiseProperty.extremePairs {
      PairwiseProperty.expectFinite(CPO(beta: 10, lambda: 2), x)
    }
    for (x, field) in PairwiseProperty.badPairs {
      PairwiseProperty.expectRejects(CPO(beta: 1, lambda: 0.2), x, field: field)
    }
    let x = PreferencePair(logProbChosen: -1, logProbRejected: -1)
    PairwiseProperty.expectRejects(CPO(beta: 0, lambda: 0.2), x, field: "beta")
    PairwiseProperty.expectRejects(CPO(beta: 1, lambda: -0.2), x, field: "lambda")
  }
}
