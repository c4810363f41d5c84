// eDPO (PRO Theorem 3.1): reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def edpo(b, th, thr, mu, p):
//       u, v = lsm(th), lsm(thr); n=len(u); r=[b*(u[i]-v[i]) for i in range(n)]
//       s=[sum(mpf(mu[j])*p[i][j] for j in range(n))-mpf(1)/2 for i in range(n)]
//       return -b*sum(mu[i]*s[i]*u[i] for i in range(n)) + sum(mpf(mu[a])*mu[c]*K(r[a]-r[c]) for a in range(n) for c in range(n))/2
import Objectives
import Testing

@Suite struct EDPOReferenceTests {
  static let rows: [PROReferenceRow<EDPO>] = [
    .init(
      EDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [-0.375, 0.0, 1.5], refLogits: [0.0, -12.5, 0.00390625], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 0.058655500285817585182, lossScale: 0.175027,
      gradient0: -0.017836424641553757188, gradientScale: 0.0222341),
    .init(
      EDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 0.0013400026818417360038, lossScale: 0.00401449,
      gradient0: -0.013177904285305536895, gradientScale: 0.0146257),
    .init(
      EDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [-40.0, 2.0, 0.00390625], refLogits: [5.5, -9.0, 0.0], mu: [0.375, 0.625, 0.0],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 1.2806154109145825085, lossScale: 3.95254,
      gradient0: -0.029271799786032854682, gradientScale: 0.0294487),
    .init(
      EDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [1000.0, -1000.0, 0.5], refLogits: [0.0, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        preference: [[0.5, 0.0, 0.5], [1.0, 0.5, 1.0], [0.5, 0.0, 0.5]]),
      loss: 38.849797756075017091, lossScale: 109.174,
      gradient0: 0.015625, gradientScale: 0.0234375),
    .init(
      EDPO(beta: 0.125),
      PopulationPreferenceInput(
        logits: [-0.375, 12.5], refLogits: [-0.00390625, 0.0], mu: [0.5, 0.5],
        preference: [[0.5, 1.0], [0.0, 0.5]]),
      loss: 0.2745992805809595001, lossScale: 1.01224,
      gradient0: -0.026039273893401723902, gradientScale: 0.0330291),
    .init(
      EDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [-0.375, 0.0, 1.5], refLogits: [0.0, -12.5, 0.00390625], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 2.4345130732033395504, lossScale: 5.30669,
      gradient0: -0.43171164722515033425, gradientScale: 0.45296),
    .init(
      EDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0], mu: [0.5, 0.25, 0.25],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 0.24695924913530065143, lossScale: 0.630765,
      gradient0: -0.40320271700394772151, gradientScale: 0.473362),
    .init(
      EDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [-40.0, 2.0, 0.00390625], refLogits: [5.5, -9.0, 0.0], mu: [0.375, 0.625, 0.0],
        preference: [[0.5, 1.0, 0.75], [0.0, 0.5, 0.25], [0.25, 0.75, 0.5]]),
      loss: 22.923481129556262818, lossScale: 65.6969,
      gradient0: -0.46875, gradientScale: 0.46875),
    .init(
      EDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [1000.0, -1000.0, 0.5], refLogits: [0.0, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        preference: [[0.5, 0.0, 0.5], [1.0, 0.5, 1.0], [0.5, 0.0, 0.5]]),
      loss: 624.84589150607501709, lossScale: 1750.03,
      gradient0: 0.25, gradientScale: 0.375),
    .init(
      EDPO(beta: 2.0),
      PopulationPreferenceInput(
        logits: [-0.375, 12.5], refLogits: [-0.00390625, 0.0], mu: [0.5, 0.5],
        preference: [[0.5, 1.0], [0.0, 0.5]]),
      loss: 6.2632366423616665858, lossScale: 19.1392,
      gradient0: -0.49999999999669417377, gradientScale: 0.5),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<EDPO>) { row.check() }
}
