// The registered AlphaPO claims (claims/alphapo.md), in catalog order. Empirical ids belong
// to the training run and are not listed here.

/// AlphaPO's checks (003_5c1a521bcc07b90e.txt).
public enum AlphaPOClaims {
  public static let all: [Claim] = [
    lossFromReward,
    dpoRewardPartitionCancels,
    dpoAsVariableMargin,
    simpoBetaHinge,
    rewardAlphaToZero,
    rewardAlphaOneInverseLinear,
    rewardAlphaMinusOneLinear,
    rewardIsAlphaDivergenceDerivative,
    alphaDivergenceKLLimits,
    rewardDerivative,
    deltaRClosedForm,
    eq32MatchesEq5,
    gradientMagnitudeEq6,
    gradientFactorizationT1T2,
    thm31LimitAlphaToMinusInf,
    thm31LimitPositiveMargin,
    thm31LimitNonpositiveMargin,
    thm31ZeroMarginIdentities,
    thm31ComponentLimits,
    decayRateByAlphaSign,
    illustration1ClosedForm,
    illustration1Values,
    illustration2ClosedForm,
    illustration2Values,
    illustrationsNonmonotonic,
    gradientNonmonotonicInAlpha,
    ratioEq25,
    alpha0IsBoundary,
    alpha0Threshold,
    alpha0DegenerateCases,
    lemmaA1MonotoneDerivative,
    lemmaA1Eq33,
    figure4LogRewardDifferences,
    reportedRelativeImprovements,
    reportedTableConsistency,
    reportedComparisons,
  ]
}
