// Reference rows (see MPOFamilyReferenceRow.swift for the tolerance and the generator) for
// InfoNCA (eq. 3 / App. G.1); NCA (Chen et al. 2024).
// Formulas as given to the generator (mpmath, mp.dps = 50):
//   s = β(lp − ref); p_i = exp(r_i/τ − lse(r/τ));  f = −Σ p_i (s_i − lse(s))
//   s = β(lp − ref); p_i = exp(r_i/τ − lse(r/τ));
//   f = −Σ p_i log σ(s_i) − (1/K) Σ log σ(−s_i)
import Objectives
import Testing

@Suite struct InfoNCAReferenceTests {
  static let infoNCARows: [MPOFamilyReferenceRow<InfoNCA>] = [
    .init(
      InfoNCA(beta: 0.5, tau: 1.0),
      RewardedResponseSet(logProbs: [-0.375, -1.5, -12.5, -0.00390625], refLogProbs: [-0.5, -0.25, -1.0, -2.0], rewards: [4.0, 1.0, 2.0, 9.0]),
      loss: 0.47716139374236590378, lossScale: 1.20825,
      gradient0: 0.1199796624807893681, gradientScale: 0.357183),
    .init(
      InfoNCA(beta: 1.0, tau: 0.125),
      RewardedResponseSet(logProbs: [-1.0, -3.0, -0.125], refLogProbs: [-2.0, -0.5, -1.0], rewards: [1.0, 0.0, 0.5]),
      loss: 0.65191302639180839328, lossScale: 2.61691,
      gradient0: -0.45886768805982239244, gradientScale: 1.72197),
    .init(
      InfoNCA(beta: 0.125, tau: 10.0),
      RewardedResponseSet(logProbs: [-1000.0, -0.25, -40.0], refLogProbs: [-3.0, -3.0, -0.5], rewards: [7.0, -7.0, 3.0]),
      loss: 67.044427034179068182, lossScale: 168.215,
      gradient0: -0.065208874118908140535, gradientScale: 3.05656),
    .init(
      InfoNCA(beta: 2.0, tau: 0.5),
      RewardedResponseSet(logProbs: [-12.5, -0.375], refLogProbs: [0.0, 0.0], rewards: [0.25, -0.75]),
      loss: 21.359329140993050046, lossScale: 49.132,
      gradient0: -1.7615941558969633333, gradientScale: 5.51216),
    .init(
      InfoNCA(beta: 10.0, tau: 2.0),
      RewardedResponseSet(logProbs: [-100.0, -20.0, -0.5, -1.0, -9.0], refLogProbs: [-100.25, -19.75, -0.25, -1.0, -9.0], rewards: [1.0, 2.0, 3.0, 4.0, 10.0]),
      loss: 2.7478056108048117949, lossScale: 1838.31,
      gradient0: 8.3913825536132135643, gradientScale: 2712.02),
    .init(
      InfoNCA(beta: 1.0, tau: 1.0),
      RewardedResponseSet(logProbs: [-0.5], refLogProbs: [-0.25], rewards: [3.0]),
      loss: 0.0, lossScale: 0.0,
      gradient0: 0.0, gradientScale: 0.0),
  ]

  static let nCARows: [MPOFamilyReferenceRow<NCA>] = [
    .init(
      NCA(beta: 0.5, tau: 1.0),
      RewardedResponseSet(logProbs: [-0.375, -1.5, -12.5, -0.00390625], refLogProbs: [-0.5, -0.25, -1.0, -2.0], rewards: [4.0, 1.0, 2.0, 9.0]),
      loss: 0.93843410167618781607, lossScale: 1.24104,
      gradient0: 0.062833553473704682337, gradientScale: 0.0977482),
    .init(
      NCA(beta: 1.0, tau: 0.125),
      RewardedResponseSet(logProbs: [-1.0, -3.0, -0.125], refLogProbs: [-2.0, -0.5, -1.0], rewards: [1.0, 0.0, 0.5]),
      loss: 1.1865057379261371063, lossScale: 1.60691,
      gradient0: -0.020331016715091764239, gradientScale: 1.06328),
    .init(
      NCA(beta: 0.125, tau: 10.0),
      RewardedResponseSet(logProbs: [-1000.0, -0.25, -40.0], refLogProbs: [-3.0, -3.0, -0.5], rewards: [7.0, -7.0, 3.0]),
      loss: 67.106894946469765147, lossScale: 167.885,
      gradient0: -0.065208874118908140535, gradientScale: 3.05052),
    .init(
      NCA(beta: 2.0, tau: 0.5),
      RewardedResponseSet(logProbs: [-12.5, -0.375], refLogProbs: [0.0, 0.0], rewards: [0.25, -0.75]),
      loss: 22.348880798414808255, lossScale: 49.4393,
      gradient0: -1.7615941559174120235, gradientScale: 5.43093),
    .init(
      NCA(beta: 10.0, tau: 2.0),
      RewardedResponseSet(logProbs: [-100.0, -20.0, -0.5, -1.0, -9.0], refLogProbs: [-100.25, -19.75, -0.25, -1.0, -9.0], rewards: [1.0, 2.0, 3.0, 4.0, 10.0]),
      loss: 1.5940501451082616982, lossScale: 435.434,
      gradient0: 1.8406876298926665281, gradientScale: 298.369),
    .init(
      NCA(beta: 1.0, tau: 1.0),
      RewardedResponseSet(logProbs: [-0.5], refLogProbs: [-0.25], rewards: [3.0]),
      loss: 1.4018788397576871244, lossScale: 1.49514,
      gradient0: -0.12435300177159620805, gradientScale: 0.493554),
  ]

  @Test(arguments: infoNCARows)
  func infoNCAMatchesMpmath(row: MPOFamilyReferenceRow<InfoNCA>) { row.check() }

  @Test(arguments: nCARows)
  func nCAMatchesMpmath(row: MPOFamilyReferenceRow<NCA>) { row.check() }
}
