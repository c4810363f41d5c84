// Every alphapo.empirical.* entry of claims/alphapo.md, in catalog order, decided from the
// small-model experiment (§2.8; shared/design/TRAINING.md).

/// The empirical claims of AlphaPO.
public enum AlphaPOEmpiricalClaims {
  public static let all: [EmpiricalClaim] = [
    AlphaPODisplacement.simpoLikelihoodDisplacement,
    AlphaPODisplacement.alphaControlsDisplacement,
    AlphaPODisplacement.positiveAlphaLessDisplacement,
    AlphaPODisplacement.largeAlphaRegularization,
    AlphaPODisplacement.earlyPreferredIncrease,
    AlphaPOPerformance.alphaPOBeatsSimPO,
    AlphaPOPerformance.bestAlphaSlightlyPositive,
    AlphaPOPerformance.winAsymmetry,
    AlphaPOPerformance.rewardDistribution,
    AlphaPOGammaAndKL.gammaEffect,
    AlphaPOGammaAndKL.klTrajectory,
  ]
}
