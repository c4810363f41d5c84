// PRO-S (App. D, scalar feedback): reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def pros(b, al, mode, lps, refs, sc):
//       N=len(lps); rh=rh_exact(b,lps,refs) if mode=='exact' else 0
//       r=[b*(mpf(lps[k])-refs[k]) for k in range(N)]+[rh]
//       pairs=sum(lsig(r[x]-r[y])/2+lsig(r[y]-r[x])/2 for x in range(N+1) for y in range(x+1,N+1))
//       return -(b/mpf(N)*sum(mpf(sc[k])*lps[k] for k in range(N)) + 2*mpf(al)/(N*(N+1))*pairs)
import Objectives
import Testing

@Suite struct PROSReferenceTests {
  static let rows: [PROReferenceRow<PROS>] = [
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROScalarSample(logProbs: [-0.375], refLogProbs: [-1.5], scores: [0.5]),
      loss: 1.733428375358141405, lossScale: 1.73563,
      gradient0: -0.0014299344012679749418, gradientScale: 0.00297724),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-12.5, -0.0078125], refLogProbs: [-3.0, -0.25], scores: [-0.25, 0.25]),
      loss: 1.7284246764918664652, lossScale: 1.74647,
      gradient0: 0.00033733234152586217557, gradientScale: 0.0187371),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-2.5, -40.0, -2.0], refLogProbs: [-2.0, -37.5, -0.5],
        scores: [0.375, -0.125, -0.25]),
      loss: 1.7284250907895756965, lossScale: 1.7499,
      gradient0: -0.00036570143215064542125, gradientScale: 0.0395052),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-100.0, -5.5, -9.0, -30.0], refLogProbs: [-50.0, -75.5, -9.0, -1.0],
        scores: [0.5, -0.5, 0.0, 0.0]),
      loss: 1.7784728145192254103, lossScale: 1.96209,
      gradient0: -0.00049498179237579581458, gradientScale: 0.0739949),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-99999.5, -20000.0], refLogProbs: [-1.0, -0.5], scores: [1.0, -1.0]),
      loss: 361.33267958391392185, lossScale: 1191.47,
      gradient0: -0.00390625, gradientScale: 146.485),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROScalarSample(logProbs: [-0.375], refLogProbs: [-1.5], scores: [0.5]),
      loss: 1.7334206624753612428, lossScale: 1.73562,
      gradient0: -0.0014588087851796157131, gradientScale: 0.00293371),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-12.5, -0.0078125], refLogProbs: [-3.0, -0.25], scores: [-0.25, 0.25]),
      loss: 1.7284587687959074458, lossScale: 1.74645,
      gradient0: 0.00033180550394684822461, gradientScale: 0.0187326),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-2.5, -40.0, -2.0], refLogProbs: [-2.0, -37.5, -0.5],
        scores: [0.375, -0.125, -0.25]),
      loss: 1.7284189787474995334, lossScale: 1.74989,
      gradient0: -0.00036397576899636485771, gradientScale: 0.0395123),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-100.0, -5.5, -9.0, -30.0], refLogProbs: [-50.0, -75.5, -9.0, -1.0],
        scores: [0.5, -0.5, 0.0, 0.0]),
      loss: 1.7784703651015749659, lossScale: 1.96207,
      gradient0: -0.00049473921393013073342, gradientScale: 0.0739952),
    .init(
      PROS(beta: 0.0029296875, alpha: 2.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-99999.5, -20000.0], refLogProbs: [-1.0, -0.5], scores: [1.0, -1.0]),
      loss: 361.32373046875, lossScale: 1191.4,
      gradient0: -0.00390625, gradientScale: 146.485),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROScalarSample(logProbs: [-0.375], refLogProbs: [-1.5], scores: [0.5]),
      loss: 36.28373425534030705, lossScale: 89.9696,
      gradient0: 53.082957661902183395, gradientScale: 110.225),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-12.5, -0.0078125], refLogProbs: [-3.0, -0.25], scores: [-0.25, 0.25]),
      loss: 110.5432187286036688, lossScale: 300.608,
      gradient0: -11.416641949303290375, gradientScale: 12.7511),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-2.5, -40.0, -2.0], refLogProbs: [-2.0, -37.5, -0.5],
        scores: [0.375, -0.125, -0.25]),
      loss: 32.38048204891532599, lossScale: 682.207,
      gradient0: 1.2003968043127188888, gradientScale: 52.1957),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-100.0, -5.5, -9.0, -30.0], refLogProbs: [-50.0, -75.5, -9.0, -1.0],
        scores: [0.5, -0.5, 0.0, 0.0]),
      loss: 967.3086088261226367, lossScale: 2812.29,
      gradient0: -7.249999999999999998, gradientScale: 50.25),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .exact),
      PROScalarSample(
        logProbs: [-99999.5, -20000.0], refLogProbs: [-1.0, -0.5], scores: [1.0, -1.0]),
      loss: 1246691.4315049966612, lossScale: 2.81367e+6,
      gradient0: -12.666666666666666667, gradientScale: 100001.0),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROScalarSample(logProbs: [-0.375], refLogProbs: [-1.5], scores: [0.5]),
      loss: 21.816114781043076204, lossScale: 49.1213,
      gradient0: 13.162768728531167711, gradientScale: 26.4841),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-12.5, -0.0078125], refLogProbs: [-3.0, -0.25], scores: [-0.25, 0.25]),
      loss: 113.33583523050273043, lossScale: 302.276,
      gradient0: -11.416666561029909974, gradientScale: 12.75),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-2.5, -40.0, -2.0], refLogProbs: [-2.0, -37.5, -0.5],
        scores: [0.375, -0.125, -0.25]),
      loss: 23.618330151289109943, lossScale: 665.964,
      gradient0: 3.4352216880837517062, gradientScale: 62.7106),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-100.0, -5.5, -9.0, -30.0], refLogProbs: [-50.0, -75.5, -9.0, -1.0],
        scores: [0.5, -0.5, 0.0, 0.0]),
      loss: 966.33800756597990429, lossScale: 2823.34,
      gradient0: -7.249999999999999998, gradientScale: 50.25),
    .init(
      PROS(beta: 2.0, alpha: 17.5, hyperReward: .zero),
      PROScalarSample(
        logProbs: [-99999.5, -20000.0], refLogProbs: [-1.0, -0.5], scores: [1.0, -1.0]),
      loss: 1246648.6666666666667, lossScale: 2.81332e+6,
      gradient0: -12.666666666666666667, gradientScale: 100001.0),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<PROS>) { row.check() }
}
