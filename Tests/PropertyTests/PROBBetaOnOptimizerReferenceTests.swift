// PRO-B with β on the optimizer only: reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def probo(b, al, mode, lp, lr, s):
//       ry=b*(mpf(lp)-lr); rh=rh_exact(b,[lp],[lr]) if mode=='exact' else 0; d=ry-rh
//       return -(b*s*mpf(lp) + al*(lsig(d)/2+lsig(-d)/2))
import Objectives
import Testing

@Suite struct PROBBetaOnOptimizerReferenceTests {
  static let rows: [PROReferenceRow<PROBBetaOnOptimizer>] = [
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 1.733428375358141405, lossScale: 1.73563,
      gradient0: -0.0014299344012679749418, gradientScale: 0.00297724),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: 1.7153645477432418363, lossScale: 1.78754,
      gradient0: 0.0013718008752505886583, gradientScale: 0.0381583),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 1.7384329497887544094, lossScale: 1.74845,
      gradient0: 0.061108687270809163909, gradientScale: 0.181192),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: 1.5879932268681125759, lossScale: 2.17071,
      gradient0: 0.0013334719055981770404, gradientScale: 0.295374),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 1.7336292734604274786, lossScale: 1.7366,
      gradient0: -0.00076027822398341958175, gradientScale: 0.00367365),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: 146.4832763671875, lossScale: 878.902,
      gradient0: -0.002197265625, gradientScale: 292.969),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 1.7334206624753612428, lossScale: 1.73562,
      gradient0: -0.0014588087851796157131, gradientScale: 0.00293371),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: 1.7149759526200119402, lossScale: 1.78738,
      gradient0: 0.0013978379131047276244, gradientScale: 0.038153),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 1.737161917288143277, lossScale: 1.74576,
      gradient0: -0.0012505331386026197969, gradientScale: 0.00292924),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: 1.5879932268681125759, lossScale: 2.17071,
      gradient0: 0.0013334719055981770404, gradientScale: 0.295374),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 1.7336027306843892849, lossScale: 1.73654,
      gradient0: -0.00073745101374139243398, gradientScale: 0.00366781),
    .init(
      PROBBetaOnOptimizer(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: 146.4832763671875, lossScale: 878.902,
      gradient0: -0.002197265625, gradientScale: 292.969),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 36.28373425534030705, lossScale: 89.9696,
      gradient0: 53.082957661902183395, gradientScale: 110.225),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: 291.09206052226248817, lossScale: 552.411,
      gradient0: -16.500065216673521399, gradientScale: 2249.76),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 797.01032071469339994, lossScale: 1514.55,
      gradient0: 4487.7556966131346099, gradientScale: 8968.75),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: 328.75, lossScale: 3600.0,
      gradient0: -16.5, gradientScale: 201.0),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 57.968401408448235616, lossScale: 105.577,
      gradient0: -28.106696805764600099, gradientScale: 304.509),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: 1299991.75, lossScale: 3.59998e+6,
      gradient0: -16.5, gradientScale: 200000.0),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 21.816114781043076204, lossScale: 49.1213,
      gradient0: 13.162768728531167711, gradientScale: 26.4841),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: 206.11328125024686633, lossScale: 450.0,
      gradient0: -16.499999999506267349, gradientScale: 26.0),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 699.935546875, lossScale: 1400.01,
      gradient0: 16.5, gradientScale: 18.5),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: 328.75, lossScale: 3600.0,
      gradient0: -16.5, gradientScale: 201.0),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 19.403063508098026635, lossScale: 35.0522,
      gradient0: -13.346251593075976121, gradientScale: 22.4206),
    .init(
      PROBBetaOnOptimizer(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: 1299991.75, lossScale: 3.59998e+6,
      gradient0: -16.5, gradientScale: 200000.0),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<PROBBetaOnOptimizer>) { row.check() }
}
