// KTO in the form PRO prints (App. E v1): reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def kto(b, lD, lU, z0, lp, lr, desired):
//       r=b*(mpf(lp)-lr)
//       return (lD - lD*sig(r-z0)) if desired else (lU - lU*sig(z0-r))
import Objectives
import Testing

@Suite struct KTOPROFormReferenceTests {
  static let rows: [PROReferenceRow<KTOPROForm>] = [
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -0.375, refLogProb: -1.5, desired: true),
      loss: 0.49121184263367161632, lossScale: 0.505856,
      gradient0: -0.0078100865090657702552, gradientScale: 0.00781813),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -12.5, refLogProb: -0.0078125, desired: true),
      loss: 0.59637438007465609009, lossScale: 0.690461,
      gradient0: -0.0075222493395383041001, gradientScale: 0.00808897),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -0.00390625, refLogProb: -40.0, desired: true),
      loss: 0.22272127049603479212, lossScale: 0.439138,
      gradient0: -0.0054098908176458404419, gradientScale: 0.00916038),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -100.0, refLogProb: -75.5, desired: true),
      loss: 0.68257373441232415176, lossScale: 1.87086,
      gradient0: -0.0067708384844605663693, gradientScale: 0.0203302),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -99999.5, refLogProb: -20000.0, desired: true),
      loss: 1.0, lossScale: 1.0,
      gradient0: 0.0, gradientScale: 0.0),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -0.375, refLogProb: -1.5, desired: false),
      loss: 0.50878815736632838368, lossScale: 0.523432,
      gradient0: 0.0078100865090657702552, gradientScale: 0.00781813),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -12.5, refLogProb: -0.0078125, desired: false),
      loss: 0.40362561992534390991, lossScale: 0.497713,
      gradient0: 0.0075222493395383041001, gradientScale: 0.00808897),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -0.00390625, refLogProb: -40.0, desired: false),
      loss: 0.77727872950396520788, lossScale: 0.993695,
      gradient0: 0.0054098908176458404419, gradientScale: 0.00916038),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -100.0, refLogProb: -75.5, desired: false),
      loss: 0.31742626558767584824, lossScale: 1.50571,
      gradient0: 0.0067708384844605663693, gradientScale: 0.0203302),
    .init(
      KTOPROForm(beta: 0.03125, lambdaD: 1.0, lambdaU: 1.0, z0: 0.0),
      KTOPROInput(logProb: -99999.5, refLogProb: -20000.0, desired: false),
      loss: 0.0, lossScale: 0.0,
      gradient0: 0.0, gradientScale: 0.0),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -0.375, refLogProb: -1.5, desired: true),
      loss: 0.18505899753961183713, lossScale: 0.77629,
      gradient0: -0.31532306296663797828, gradientScale: 1.14766),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -12.5, refLogProb: -0.0078125, desired: true),
      loss: 1.2499999999893048575, lossScale: 1.25,
      gradient0: -0.000000000021390285017045288289, gradientScale: 5.56482e-10),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -0.00390625, refLogProb: -40.0, desired: true),
      loss: 3.7487944417873736156e-35, lossScale: 3.03682e-33,
      gradient0: -7.4975888835747474128e-35, gradientScale: 6.07363e-33),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -100.0, refLogProb: -75.5, desired: true),
      loss: 1.25, lossScale: 1.25,
      gradient0: -0.00000000000000000000079499272504943737454, gradientScale: 2.79837e-19),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -99999.5, refLogProb: -20000.0, desired: true),
      loss: 1.25, lossScale: 1.25,
      gradient0: 0.0, gradientScale: 0.0),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -0.375, refLogProb: -1.5, desired: false),
      loss: 0.85195280196831053029, lossScale: 1.32494,
      gradient0: 0.25225845037331038263, gradientScale: 0.918131),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -12.5, refLogProb: -0.0078125, desired: false),
      loss: 0.0000000000085561140068913224025, lossScale: 2.22593e-10,
      gradient0: 0.000000000017112228013636230631, gradientScale: 4.45185e-10),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -0.00390625, refLogProb: -40.0, desired: false),
      loss: 1.0, lossScale: 1.0,
      gradient0: 5.9980711068597979303e-35, gradientScale: 4.85891e-33),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -100.0, refLogProb: -75.5, desired: false),
      loss: 0.00000000000000000000031799709001977494982, lossScale: 1.11935e-19,
      gradient0: 0.00000000000000000000063599418003954989964, gradientScale: 2.2387e-19),
    .init(
      KTOPROForm(beta: 2.0, lambdaD: 1.25, lambdaU: 1.0, z0: 0.5),
      KTOPROInput(logProb: -99999.5, refLogProb: -20000.0, desired: false),
      loss: 0.0, lossScale: 0.0,
      gradient0: 0.0, gradientScale: 0.0),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<KTOPROForm>) { row.check() }
}
