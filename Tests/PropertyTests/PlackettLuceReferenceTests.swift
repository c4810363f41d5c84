// Reference rows (see MPOFamilyReferenceRow.swift for the tolerance and the generator) for
// Plackett–Luce (§3.2); Plackett–Luce over ordered bins (Fig. 7; claims/mpo.md §0.12).
// Formulas as given to the generator (mpmath, mp.dps = 50):
//   a_i = β(lp_i − ref_i) in rank order;  f = −Σ_i (a_i − lse(a[i:]))
//   A_ℓ = [β(lp − ref) for bin ℓ];  f = −Σ_{ℓ<b} (lse(A_ℓ) − lse(A_ℓ + … + A_b))
import Objectives
import Testing

@Suite struct PlackettLuceReferenceTests {
  static let plackettLuceRows: [MPOFamilyReferenceRow<PlackettLuce>] = [
    .init(
      PlackettLuce(beta: 0.5),
      Ranking(logProbs: [-0.375, -1.5, -12.5, -0.00390625], refLogProbs: [-0.5, -0.25, -1.0, -2.0]),
      loss: 9.9531215266878677281, lossScale: 20.1023,
      gradient0: -0.37667805313506053817, gradientScale: 1.36323),
    .init(
      PlackettLuce(beta: 1.0),
      Ranking(logProbs: [-1.0, -3.0], refLogProbs: [-2.0, -0.5]),
      loss: 0.029750418272620565195, lossScale: 0.22028,
      gradient0: -0.029312230751356318865, gradientScale: 0.214257),
    .init(
      PlackettLuce(beta: 0.125),
      Ranking(logProbs: [-1000.0, -0.25, -40.0], refLogProbs: [-3.0, -3.0, -0.5]),
      loss: 124.97889635773987812, lossScale: 250.807,
      gradient0: -0.125, gradientScale: 0.125),
    .init(
      PlackettLuce(beta: 2.0),
      Ranking(logProbs: [-12.5, -0.375, -0.375], refLogProbs: [0.0, 0.0, 0.0]),
      loss: 25.636294361134591008, lossScale: 51.3863,
      gradient0: -1.9999999999705992226, gradientScale: 2.0),
    .init(
      PlackettLuce(beta: 10.0),
      Ranking(logProbs: [-100.0, -20.0, -0.5, -1.0, -9.0], refLogProbs: [-100.25, -19.75, -0.25, -1.0, -9.0]),
      loss: 7.3620713286205411329, lossScale: 978.874,
      gradient0: -1.5084830895815063694, gradientScale: 2718.24),
  ]

  static let binnedPlackettLuceRows: [MPOFamilyReferenceRow<BinnedPlackettLuce>] = [
    .init(
      BinnedPlackettLuce(beta: 0.5),
      BinPartition(bins: [ResponseSet(logProbs: [-0.375, -1.5], refLogProbs: [-0.5, -0.25]), ResponseSet(logProbs: [-12.5], refLogProbs: [-1.0]), ResponseSet(logProbs: [-0.00390625, -3.0], refLogProbs: [-2.0, -0.125])]),
      loss: 7.8790837093813909978, lossScale: 16.7203,
      gradient0: -0.21581617160593868707, gradientScale: 0.931916),
    .init(
      BinnedPlackettLuce(beta: 1.0),
      BinPartition(bins: [ResponseSet(logProbs: [-1.0], refLogProbs: [-2.0]), ResponseSet(logProbs: [-3.0, -0.125, -7.5], refLogProbs: [-0.5, -1.0, -1.0])]),
      loss: 0.64880199227969773945, lossScale: 2.6574,
      gradient0: -0.47732843359250479399, gradientScale: 1.52717),
    .init(
      BinnedPlackettLuce(beta: 0.125),
      BinPartition(bins: [ResponseSet(logProbs: [-1000.0], refLogProbs: [-3.0]), ResponseSet(logProbs: [-0.25], refLogProbs: [-3.0]), ResponseSet(logProbs: [-40.0, -5.5], refLogProbs: [-0.5, -1.0])]),
      loss: 125.65468447230780994, lossScale: 251.703,
      gradient0: -0.125, gradientScale: 0.125),
    .init(
      BinnedPlackettLuce(beta: 2.0),
      BinPartition(bins: [ResponseSet(logProbs: [-12.5, -0.375], refLogProbs: [0.0, 0.0]), ResponseSet(logProbs: [-0.375], refLogProbs: [0.0]), ResponseSet(logProbs: [-2.0], refLogProbs: [0.0]), ResponseSet(logProbs: [-1.0], refLogProbs: [0.0])]),
      loss: 3.2523910517342209187, lossScale: 9.59816,
      gradient0: -0.000000000033513598084443249675, gradientScale: 2.44039),
    .init(
      BinnedPlackettLuce(beta: 10.0),
      BinPartition(bins: [ResponseSet(logProbs: [-100.0, -20.0], refLogProbs: [-100.25, -19.75]), ResponseSet(logProbs: [-0.5, -1.0, -9.0], refLogProbs: [-0.25, -1.0, -9.0])]),
      loss: 0.15680208989177161451, lossScale: 303.198,
      gradient0: -1.4415545803386578138, gradientScale: 2559.23),
  ]

  @Test(arguments: plackettLuceRows)
  func plackettLuceMatchesMpmath(row: MPOFamilyReferenceRow<PlackettLuce>) { row.check() }

  @Test(arguments: binnedPlackettLuceRows)
  func binnedPlackettLuceMatchesMpmath(row: MPOFamilyReferenceRow<BinnedPlackettLuce>) { row.check() }
}
