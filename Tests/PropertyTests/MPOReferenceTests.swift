// Reference rows (see MPOFamilyReferenceRow.swift for the tolerance and the generator) for
// MPO (eq. 4–5); W-MPO, absolute deviation (§4.4 eq. 8); W-MPO, signed deviation (App. D.2 eq. 16); W-MPO weighted contrastive loss (App. G.1).
// Formulas as given to the generator (mpmath, mp.dps = 50):
//   mpo(beta):    a = β(lp⁺ − ref⁺), b = β(lp⁻ − ref⁻);  f = −(lse(a) − lse(a + b))
//   m = mean(S) (exact for these scores); pos = S > m
//   abs:    a_i = β(lp_i − ref_i) + α_w|S_i − m|;  f = −(lse(a[pos]) − lse(a))
//   m = mean(S) (exact for these scores); pos = S > m
//   signed: a_i = β(lp_i − ref_i) + α_w(S_i − m);  f = −(lse(a[pos]) − lse(a))
//   m = mean(S); pos = S > m; δ_i = S_i − m on pos, m − S_i off it; w = exp(αδ)
//   f = −log( Σ_pos w_i e^{lp_i − ref_i} / Σ_all w_i e^{lp_i − ref_i} )   (linear space)
import Objectives
import Testing

@Suite struct MPOReferenceTests {
  static let mPORows: [MPOFamilyReferenceRow<MPO>] = [
    .init(
      MPO(beta: 0.5),
      SetPair(positive: ResponseSet(logProbs: [-0.375, -1.5], refLogProbs: [-0.5, -0.25]), negative: ResponseSet(logProbs: [-12.5, -0.00390625], refLogProbs: [-1.0, -2.0])),
      loss: 0.99245866117701622052, lossScale: 1.99472,
      gradient0: -0.20938333250846754021, gradientScale: 0.484663),
    .init(
      MPO(beta: 1.0),
      SetPair(positive: ResponseSet(logProbs: [-1.0], refLogProbs: [-2.0]), negative: ResponseSet(logProbs: [-3.0, -0.125, -7.5], refLogProbs: [-0.5, -1.0, -1.0])),
      loss: 0.64880199227969773945, lossScale: 2.6574,
      gradient0: -0.47732843359250479399, gradientScale: 1.52717),
    .init(
      MPO(beta: 0.125),
      SetPair(positive: ResponseSet(logProbs: [-1000.0, -0.25], refLogProbs: [-3.0, -3.0]), negative: ResponseSet(logProbs: [-40.0], refLogProbs: [-0.5])),
      loss: 0.0050731788699390617039, lossScale: 0.0327469,
      gradient0: -3.3728742806007388053e-58, gradientScale: 0.000632542),
    .init(
      MPO(beta: 2.0),
      SetPair(positive: ResponseSet(logProbs: [-12.5], refLogProbs: [0.0]), negative: ResponseSet(logProbs: [-0.375], refLogProbs: [0.0])),
      loss: 24.250000000029400777, lossScale: 50.0,
      gradient0: -1.9999999999411984452, gradientScale: 2.0),
    .init(
      MPO(beta: 10.0),
      SetPair(positive: ResponseSet(logProbs: [-10000.0, -100.0], refLogProbs: [-9999.5, -100.25]), negative: ResponseSet(logProbs: [-0.5, -20.0], refLogProbs: [-0.25, -19.75])),
      loss: 0.013378551557783290553, lossScale: 30.7711,
      gradient0: -0.000073461276497466406623, gradientScale: 15.1153),
    .init(
      MPO(beta: 1.0),
      SetPair(positive: ResponseSet(logProbs: [-10000.0], refLogProbs: [0.0]), negative: ResponseSet(logProbs: [0.0], refLogProbs: [0.0])),
      loss: 10000.0, lossScale: 20000.0,
      gradient0: -1.0, gradientScale: 1.0),
  ]

  static let weightedMPOAbsoluteRows: [MPOFamilyReferenceRow<WeightedMPOAbsolute>] = [
    .init(
      WeightedMPOAbsolute(beta: 0.5, alphaW: 1.0),
      ScoredResponseSet(logProbs: [-0.375, -1.5, -12.5, -0.00390625], refLogProbs: [-0.5, -0.25, -1.0, -2.0], scores: [4.0, 1.0, 2.0, 9.0]),
      loss: 0.028979394021294210728, lossScale: 0.0818015,
      gradient0: 0.0012841304920173932505, gradientScale: 0.0161216),
    .init(
      WeightedMPOAbsolute(beta: 1.0, alphaW: 0.125),
      ScoredResponseSet(logProbs: [-1.0, -3.0, -0.125], refLogProbs: [-2.0, -0.5, -1.0], scores: [1.0, 0.0, 0.0]),
      loss: 0.62884689061724772977, lossScale: 2.59105,
      gradient0: -0.46679370817070708549, gradientScale: 1.51305),
    .init(
      WeightedMPOAbsolute(beta: 0.125, alphaW: 10.0),
      ScoredResponseSet(logProbs: [-1000.0, -0.25, -40.0, -5.5], refLogProbs: [-3.0, -3.0, -0.5, -1.0], scores: [7.0, 7.0, 3.0, 3.0]),
      loss: 0.34296723615390497026, lossScale: 0.712157,
      gradient0: -1.9336153071370139512e-56, gradientScale: 0.0362923),
    .init(
      WeightedMPOAbsolute(beta: 2.0, alphaW: 0.5),
      ScoredResponseSet(logProbs: [-12.5, -0.375], refLogProbs: [0.0, 0.0], scores: [0.25, -0.75]),
      loss: 24.250000000029400777, lossScale: 50.0,
      gradient0: -1.9999999999411984452, gradientScale: 2.0),
    .init(
      WeightedMPOAbsolute(beta: 10.0, alphaW: 2.0),
      ScoredResponseSet(logProbs: [-100.0, -20.0, -0.5, -1.0, -9.0], refLogProbs: [-100.25, -19.75, -0.25, -1.0, -9.0], scores: [1.0, 2.0, 3.0, 4.0, 10.0]),
      loss: 0.029786728436428333406, lossScale: 64.0187,
      gradient0: 0.29311166438778964965, gradientScale: 621.26),
    .init(
      WeightedMPOAbsolute(beta: 1.0, alphaW: 0.0),
      ScoredResponseSet(logProbs: [-3.0, -1.0], refLogProbs: [0.0, 0.0], scores: [2.0, 1.0]),
      loss: 2.1269280110429724964, lossScale: 5.65012,
      gradient0: -0.88079707797788244406, gradientScale: 1.30077),
  ]

  static let weightedMPOSignedRows: [MPOFamilyReferenceRow<WeightedMPOSigned>] = [
    .init(
      WeightedMPOSigned(beta: 0.5, alphaW: 1.0),
      ScoredResponseSet(logProbs: [-0.375, -1.5, -12.5, -0.00390625], refLogProbs: [-0.5, -0.25, -1.0, -2.0], scores: [4.0, 1.0, 2.0, 9.0]),
      loss: 0.0027073637670223842999, lossScale: 0.00663483,
      gradient0: 0.0013183142797360177086, gradientScale: 0.0032445),
    .init(
      WeightedMPOSigned(beta: 1.0, alphaW: 0.125),
      ScoredResponseSet(logProbs: [-1.0, -3.0, -0.125], refLogProbs: [-2.0, -0.5, -1.0], scores: [1.0, 0.0, 0.0]),
      loss: 0.5908098019525466068, lossScale: 2.46612,
      gradient0: -0.44612142887392128682, gradientScale: 1.48481),
    .init(
      WeightedMPOSigned(beta: 0.125, alphaW: 10.0),
      ScoredResponseSet(logProbs: [-1000.0, -0.25, -40.0, -5.5], refLogProbs: [-3.0, -3.0, -0.5, -1.0], scores: [7.0, 7.0, 3.0, 3.0]),
      loss: 0.0000000000000000017380977084586606062, lossScale: 3.94824e-18,
      gradient0: 0.0, gradientScale: 2.17262e-19),
    .init(
      WeightedMPOSigned(beta: 2.0, alphaW: 0.5),
      ScoredResponseSet(logProbs: [-12.5, -0.375], refLogProbs: [0.0, 0.0], scores: [0.25, -0.75]),
      loss: 23.750000000048473687, lossScale: 49.5,
      gradient0: -1.9999999999030526259, gradientScale: 2.0),
    .init(
      WeightedMPOSigned(beta: 10.0, alphaW: 2.0),
      ScoredResponseSet(logProbs: [-100.0, -20.0, -0.5, -1.0, -9.0], refLogProbs: [-100.25, -19.75, -0.25, -1.0, -9.0], scores: [1.0, 2.0, 3.0, 4.0, 10.0]),
      loss: 0.0000064072244467087327636, lossScale: 0.00165831,
      gradient0: 0.0000018553794747451656443, gradientScale: 0.00411344),
    .init(
      WeightedMPOSigned(beta: 1.0, alphaW: 0.0),
      ScoredResponseSet(logProbs: [-3.0, -1.0], refLogProbs: [0.0, 0.0], scores: [2.0, 1.0]),
      loss: 2.1269280110429724964, lossScale: 5.65012,
      gradient0: -0.88079707797788244406, gradientScale: 1.30077),
  ]

  static let weightedMPOG1Rows: [MPOFamilyReferenceRow<WeightedMPOG1>] = [
    .init(
      WeightedMPOG1(alpha: 1.0),
      ScoredResponseSet(logProbs: [-0.375, -1.5, -12.5, -0.00390625], refLogProbs: [-0.5, -0.25, -1.0, -2.0], scores: [4.0, 1.0, 2.0, 9.0]),
      loss: 0.006285670695981453653, lossScale: 0.0289063,
      gradient0: 0.0010308419116236030912, gradientScale: 0.00922923),
    .init(
      WeightedMPOG1(alpha: 0.125),
      ScoredResponseSet(logProbs: [-1.0, -3.0, -0.125], refLogProbs: [-2.0, -0.5, -1.0], scores: [1.0, 0.0, 0.0]),
      loss: 0.62884689061724772977, lossScale: 2.59105,
      gradient0: -0.46679370817070708549, gradientScale: 1.51305),
    .init(
      WeightedMPOG1(alpha: 10.0),
      ScoredResponseSet(logProbs: [-1000.0, -0.25, -40.0, -5.5], refLogProbs: [-3.0, -3.0, -0.5, -1.0], scores: [7.0, 7.0, 3.0, 3.0]),
      loss: 0.00070992233433930770948, lossScale: 0.00762921,
      gradient0: 0.0, gradientScale: 0.00070967),
    .init(
      WeightedMPOG1(alpha: 0.5),
      ScoredResponseSet(logProbs: [-12.5, -0.375], refLogProbs: [0.0, 0.0], scores: [0.25, -0.75]),
      loss: 12.125005422233670299, lossScale: 24.9999,
      gradient0: -0.99999457778102998382, gradientScale: 1.00006),
    .init(
      WeightedMPOG1(alpha: 2.0),
      ScoredResponseSet(logProbs: [-100.0, -20.0, -0.5, -1.0, -9.0], refLogProbs: [-100.25, -19.75, -0.25, -1.0, -9.0], scores: [1.0, 2.0, 3.0, 4.0, 10.0]),
      loss: 0.0034794806472286558277, lossScale: 0.711527,
      gradient0: 0.0031717256166196356235, gradientScale: 0.693523),
    .init(
      WeightedMPOG1(alpha: -1.0),
      ScoredResponseSet(logProbs: [-0.375, -2.0, -0.5], refLogProbs: [-1.0, -1.0, -0.25], scores: [3.0, 0.0, 0.0]),
      loss: 0.98148274503397578137, lossScale: 2.76146,
      gradient0: -0.62524497945356607549, gradientScale: 1.2923),
  ]

  @Test(arguments: mPORows)
  func mPOMatchesMpmath(row: MPOFamilyReferenceRow<MPO>) { row.check() }

  @Test(arguments: weightedMPOAbsoluteRows)
  func weightedMPOAbsoluteMatchesMpmath(row: MPOFamilyReferenceRow<WeightedMPOAbsolute>) { row.check() }

  @Test(arguments: weightedMPOSignedRows)
  func weightedMPOSignedMatchesMpmath(row: MPOFamilyReferenceRow<WeightedMPOSigned>) { row.check() }

  @Test(arguments: weightedMPOG1Rows)
  func weightedMPOG1MatchesMpmath(row: MPOFamilyReferenceRow<WeightedMPOG1>) { row.check() }
}
