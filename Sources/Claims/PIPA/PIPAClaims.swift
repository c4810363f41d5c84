// PIPA's claims (../shared/claims/pipa.md; paper 004_fe2e5eb1635a4348.txt), registered in
// catalog order. Each check lives in a file under Sources/Claims/PIPA/. The empirical
// entries belong to the training pipeline and are not registered here.

/// The PIPA claim registry.
public enum PIPAClaims {
  public static let all: [Claim] = [
    sftIsMLEClaim,
    pipamKLReduction,
    thm21MarginalConstraint,
    thm21NonnegativityClipping,
    thm21ParameterizationConsistency,
    thm21ObjectiveDirection,
    pipamConstrainedMLEConsistency,
    pipamCouplingClaim,
    pipamAlgorithm1Loss,
    pipamFIsProbability,
    pipamClipEps,
    pipamPracticalVsTheorem,
    pipanBayesClosedForm,
    pipanUnconstrainedClaim,
    pipanConstrainedMLEConsistency,
    stepFactorizationClaim,
    stepBayesClaim,
    stepMarginalConstraintClaim,
    stepAnswerLevelEncoding,
    thmA1DPOEquivalence,
    thmA1DPOEquivalenceBeta,
    thmA2KTOEquivalence,
    thmA2KTOEquivalenceBeta,
    ktoPipanSpecialCase,
    ktoLossTypeClaim,
    stepDPOL0Masking,
    stepDPOL1Value,
    stepDPOL1Gradient,
    stepDPOTreeEquivalence,
    stepKTOReducesToKTO,
    stepKTOL1Negative,
    valueHeadParamFraction,
    table1BestInAllSettings,
    table1GainRange,
    table1MVsNByModel,
    table1StepVsAnswer,
    table2ValueModelAblation,
    table3PriorChoice,
    table4SFTLoss,
    tablesCrossConsistency,
  ]
}
