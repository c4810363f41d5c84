// PRO-B as printed (β on both terms): reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def probp(b, al, mode, lp, lr, s):
//       ry=b*(mpf(lp)-lr); rh=rh_exact(b,[lp],[lr]) if mode=='exact' else 0; d=ry-rh
//       return -b*(s*mpf(lp) + al*(lsig(d)/2+lsig(-d)/2))
import Objectives
import Testing

@Suite struct PROBPrintedReferenceTests {
  static let rows: [PROReferenceRow<PROBPrinted>] = [
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 0.0056261105242731193506, lossScale: 0.0078234,
      gradient0: -0.0014647414765173866453, gradientScale: 0.00292983),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: -0.01323142062123561962, lossScale: 0.0864705,
      gradient0: 0.001464571163452882584, gradientScale: 0.0380861),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 0.0050987705646763358553, lossScale: 0.00514953,
      gradient0: -0.0012815228583374731526, gradientScale: 0.00309388),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: -0.14140289765077701394, lossScale: 0.727331,
      gradient0: 0.0014644588715496040343, gradientScale: 0.294436),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 0.0058092681198791820662, lossScale: 0.00873909,
      gradient0: -0.00073250348539741236206, gradientScale: 0.00366214),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: -145.62534105777740479, lossScale: 730.702,
      gradient0: 0.0014541149139404296875, gradientScale: 292.969),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 0.0056260879279368493441, lossScale: 0.00782337,
      gradient0: -0.0014648260694390027804, gradientScale: 0.0029297),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: -0.013232559083510707207, lossScale: 0.0864723,
      gradient0: 0.0014646474438372208817, gradientScale: 0.0380861),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 0.0050950468366472016782, lossScale: 0.00514305,
      gradient0: -0.0014642158868806717377, gradientScale: 0.00292969),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: -0.14140289765077701394, lossScale: 0.727331,
      gradient0: 0.0014644588715496040343, gradientScale: 0.294436),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 0.0058091903578400076707, lossScale: 0.00873889,
      gradient0: -0.00073243660880490642315, gradientScale: 0.00366213),
    .init(
      PROBPrinted(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: -145.62534105777740479, lossScale: 730.702,
      gradient0: 0.0014541149139404296875, gradientScale: 292.969),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 72.1924685106806141, lossScale: 178.814,
      gradient0: 107.16591532380436679, gradientScale: 220.449),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: 594.68412104452497633, lossScale: 1092.32,
      gradient0: -34.000130433347042798, gradientScale: 4498.52),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 1594.0167351793867999, lossScale: 3029.09,
      gradient0: 8976.5113932262692197, gradientScale: 17937.5),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: 757.5, lossScale: 7100.0,
      gradient0: -34.0, gradientScale: 201.0),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 115.43680281689647123, lossScale: 208.654,
      gradient0: -55.713393611529200198, gradientScale: 608.519),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: 2699983.0, lossScale: 7.09996e+6,
      gradient0: -34.0, gradientScale: 200000.0),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.375, refLogProb: -1.5, label: 0.5),
      loss: 43.257229562086152409, lossScale: 97.1176,
      gradient0: 27.325537457062335422, gradientScale: 51.9682),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -12.5, refLogProb: -0.0078125, label: -0.5),
      loss: 424.72656250049373265, lossScale: 887.5,
      gradient0: -33.999999999012534699, gradientScale: 36.0),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -0.00390625, refLogProb: -40.0, label: 0.5),
      loss: 1399.8671875, lossScale: 2800.01,
      gradient0: 34.0, gradientScale: 36.0),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -100.0, refLogProb: -75.5, label: -0.5),
      loss: 757.5, lossScale: 7100.0,
      gradient0: -34.0, gradientScale: 201.0),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -1.0, refLogProb: -0.0625, label: 0.25),
      loss: 38.306127016196053271, lossScale: 67.6044,
      gradient0: -26.192503186151952242, gradientScale: 43.8411),
    .init(
      PROBPrinted(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROBinarySample(logProb: -99999.5, refLogProb: -20000.0, label: -0.5),
      loss: 2699983.0, lossScale: 7.09996e+6,
      gradient0: -34.0, gradientScale: 200000.0),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<PROBPrinted>) { row.check() }
}
