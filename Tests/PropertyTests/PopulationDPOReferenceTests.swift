// Population DPO (PRO §3.1): reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def popdpo(b, th, thr, mu, p):
//       u, v = lsm(th), lsm(thr); r=[b*(u[i]-v[i]) for i in range(len(u))]
//       return -sum(mpf(mu[a])*mu[b_]*p[a][b_]*lsig(r[a]-r[b_]) for a in range(len(u)) for b_ in range(len(u)))
import Objectives
import Testing

@Suite struct PopulationDPOReferenceTests {
  static let rows: [PROReferenceRow<PopulationDPO>] = [
    .init(
      PopulationDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [-0.375, 0.0, 1.5], refLogits: [0.0, -12.5, 0.00390625], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 0.52729177367125898989, lossScale: 0.751081,
      gradient0: -0.017836424641553757188, gradientScale: 0.0222341),
    .init(
      PopulationDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 0.36158546796181439071, lossScale: 0.377932,
      gradient0: -0.013177904285305536895, gradientScale: 0.0146257),
    .init(
      PopulationDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [-40.0, 2.0, 0.00390625], refLogits: [5.5, -9.0, 0.0], mu: [0.375, 0.625, 0.0],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 1.8395913449445551632, lossScale: 3.49345,
      gradient0: -0.029271799786032854682, gradientScale: 0.0294487),
    .init(
      PopulationDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [1000.0, -1000.0, 0.5], refLogits: [0.0, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        preference: [[0.5, 0.0, 0.5], [1.0, 0.5, 1.0], [0.5, 0.0, 0.5]]),
      loss: 39.196371346354989746, lossScale: 78.2628,
      gradient0: 0.015625, gradientScale: 0.0234375),
    .init(
      PopulationDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [-0.375, 12.5], refLogits: [-0.00390625, 0.0], mu: [0.5, 0.5],
        preference: [[0.5, 1.0], [0.0, 0.5]]),
      loss: 0.62111183570468215481, lossScale: 0.956469,
      gradient0: -0.026039273893401723902, gradientScale: 0.0330291),
    .init(
      PopulationDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [-0.375, 0.0, 1.5], refLogits: [0.0, -12.5, 0.00390625], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 4.7340895931708122051, lossScale: 9.32514,
      gradient0: -0.43171164722515033425, gradientScale: 0.45296),
    .init(
      PopulationDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 0.81228283941527330614, lossScale: 1.41484,
      gradient0: -0.40320271700394772151, gradientScale: 0.473362),
    .init(
      PopulationDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [-40.0, 2.0, 0.00390625], refLogits: [5.5, -9.0, 0.0], mu: [0.375, 0.625, 0.0],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 26.668492219836235473, lossScale: 53.1529,
      gradient0: -0.46875, gradientScale: 0.46875),
    .init(
      PopulationDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [1000.0, -1000.0, 0.5], refLogits: [0.0, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        preference: [[0.5, 0.0, 0.5], [1.0, 0.5, 1.0], [0.5, 0.0, 0.5]]),
      loss: 625.19246509635498975, lossScale: 1250.25,
      gradient0: 0.25, gradientScale: 0.375),
    .init(
      PopulationDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [-0.375, 12.5], refLogits: [-0.00390625, 0.0], mu: [0.5, 0.5],
        preference: [[0.5, 1.0], [0.0, 0.5]]),
      loss: 6.6088336701416392405, lossScale: 13.0483,
      gradient0: -0.49999999999669417377, gradientScale: 0.5),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<PopulationDPO>) { row.check() }
}
