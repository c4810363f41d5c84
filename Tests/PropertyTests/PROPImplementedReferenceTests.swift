// PRO-P, App. D implemented form: reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def propimpl(b, mode, a, bb, c, d):
//       rw, rl = b*(mpf(a)-c), b*(mpf(bb)-d); rh = rh_exact(b,[a,bb],[c,d]) if mode=='exact' else 0
//       return -(lsig(rw-rl) + (lsig(rw-rh)+lsig(rh-rw)+lsig(rl-rh)+lsig(rh-rl))/2)
import Objectives
import Testing

@Suite struct PROPImplementedReferenceTests {
  static let rows: [PROReferenceRow<PROPImplemented>] = [
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -0.375, logProbRejected: -1.5, refLogProbChosen: -0.5,
        refLogProbRejected: -1.25),
      loss: 2.0564675267938005686, lossScale: 2.27714,
      gradient0: -0.05297090059683951347, gradientScale: 1.03284),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -12.5, logProbRejected: -0.0078125, refLogProbChosen: -3.0,
        refLogProbRejected: -0.25),
      loss: 2.9629569302158186914, lossScale: 4.86106,
      gradient0: -0.12023528075415349001, gradientScale: 1.38866),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -0.00390625, logProbRejected: -40.0, refLogProbChosen: -2.0,
        refLogProbRejected: -37.5),
      loss: 1.9570500584915221497, lossScale: 6.40623,
      gradient0: 9.7449703408829044297, gradientScale: 98.0821),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -100.0, logProbRejected: -100.0, refLogProbChosen: -50.0,
        refLogProbRejected: -75.5),
      loss: 7.9318342762726939206, lossScale: 46.3568,
      gradient0: -0.18230430327946281307, gradientScale: 0.380421),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -1.0, logProbRejected: -2.75, refLogProbChosen: -6.5,
        refLogProbRejected: -0.0625),
      loss: 1.7607581416827799585, lossScale: 1.96287,
      gradient0: -0.024633057827946004143, gradientScale: 0.163808),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -99999.5, logProbRejected: -0.5, refLogProbChosen: -1.0,
        refLogProbRejected: -20000.0),
      loss: 22499.625, lossScale: 44999.8,
      gradient0: -0.1875, gradientScale: 0.1875),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -0.375, logProbRejected: -1.5, refLogProbChosen: -0.5,
        refLogProbRejected: -1.25),
      loss: 2.0564312573543930681, lossScale: 2.27457,
      gradient0: -0.060547153095844270107, gradientScale: 0.0781173),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -12.5, logProbRejected: -0.0078125, refLogProbChosen: -3.0,
        refLogProbRejected: -0.25),
      loss: 3.0301713760328346614, lossScale: 5.06634,
      gradient0: -0.12974564019118620376, gradientScale: 0.2165),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -0.00390625, logProbRejected: -40.0, refLogProbChosen: -2.0,
        refLogProbRejected: -37.5),
      loss: 1.857328492089615497, lossScale: 4.69935,
      gradient0: -0.037628225016447635976, gradientScale: 0.33261),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -100.0, logProbRejected: -100.0, refLogProbChosen: -50.0,
        refLogProbRejected: -75.5),
      loss: 7.9318342762726939206, lossScale: 46.3568,
      gradient0: -0.18230430327946281307, gradientScale: 0.380421),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -1.0, logProbRejected: -2.75, refLogProbChosen: -6.5,
        refLogProbRejected: -0.0625),
      loss: 1.765301318301707328, lossScale: 1.92175,
      gradient0: -0.012368474939282661747, gradientScale: 0.0800709),
    .init(
      PROPImplemented(beta: 0.125, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -99999.5, logProbRejected: -0.5, refLogProbChosen: -1.0,
        refLogProbRejected: -20000.0),
      loss: 22499.625, lossScale: 44999.8,
      gradient0: -0.1875, gradientScale: 0.1875),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -0.375, logProbRejected: -1.5, refLogProbChosen: -0.5,
        refLogProbRejected: -1.25),
      loss: 1.8208319436692259263, lossScale: 5.9088,
      gradient0: 1.3470732386836552366, gradientScale: 238.565),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -12.5, logProbRejected: -0.0078125, refLogProbChosen: -3.0,
        refLogProbRejected: -0.25),
      loss: 29.227833032046343223, lossScale: 76.4974,
      gradient0: -2.9999957627377069213, gradientScale: 3.00092),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -0.00390625, logProbRejected: -40.0, refLogProbChosen: -2.0,
        refLogProbRejected: -37.5),
      loss: 10.302664083476439508, lossScale: 91.9734,
      gradient0: 510.46306714552797096, gradientScale: 1262.44),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -100.0, logProbRejected: -100.0, refLogProbChosen: -50.0,
        refLogProbRejected: -75.5),
      loss: 125.5, lossScale: 751.0,
      gradient0: -3.0, gradientScale: 3.0),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -1.0, logProbRejected: -2.75, refLogProbChosen: -6.5,
        refLogProbRejected: -0.0625),
      loss: 8.1890935706203134496, lossScale: 18.4796,
      gradient0: 0.99498317073537744278, gradientScale: 1.14179),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .exact),
      PreferencePair(
        logProbChosen: -99999.5, logProbRejected: -0.5, refLogProbChosen: -1.0,
        refLogProbRejected: -20000.0),
      loss: 359994.0, lossScale: 719997.0,
      gradient0: -3.0, gradientScale: 3.0),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -0.375, logProbRejected: -1.5, refLogProbChosen: -0.5,
        refLogProbRejected: -1.25),
      loss: 1.8118874101738501868, lossScale: 3.35551,
      gradient0: -0.51728959987761784563, gradientScale: 4.53824),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -12.5, logProbRejected: -0.0078125, refLogProbChosen: -3.0,
        refLogProbRejected: -0.25),
      loss: 29.706567289514753788, lossScale: 76.7834,
      gradient0: -2.9999999818908417099, gradientScale: 3.0),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -0.00390625, logProbRejected: -40.0, refLogProbChosen: -2.0,
        refLogProbRejected: -37.5),
      loss: 4.5212244540358479692, lossScale: 82.8953,
      gradient0: 0.96350183400849632544, gradientScale: 1.16856),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -100.0, logProbRejected: -100.0, refLogProbChosen: -50.0,
        refLogProbRejected: -75.5),
      loss: 125.5, lossScale: 751.0,
      gradient0: -3.0, gradientScale: 3.0),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -1.0, logProbRejected: -2.75, refLogProbChosen: -6.5,
        refLogProbRejected: -0.0625),
      loss: 8.1921370079243384016, lossScale: 18.4785,
      gradient0: 0.99996644246787763106, gradientScale: 1.00047),
    .init(
      PROPImplemented(beta: 2.0, hyperReward: .zero),
      PreferencePair(
        logProbChosen: -99999.5, logProbRejected: -0.5, refLogProbChosen: -1.0,
        refLogProbRejected: -20000.0),
      loss: 359994.0, lossScale: 719997.0,
      gradient0: -3.0, gradientScale: 3.0),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<PROPImplemented>) { row.check() }
}
