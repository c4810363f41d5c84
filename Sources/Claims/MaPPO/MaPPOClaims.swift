// MaPPO's claims (../shared/claims/mappo.md; paper 000_f3e0a040f5e536e0.txt), registered
// in catalog order. Each check lives in its own file under Sources/Claims/MaPPO/.

/// The MaPPO claim registry.
public enum MaPPOClaims {
  public static let all: [Claim] = [
    btPreferenceIdentity,
    priorInUnitInterval,
    mapLossIdentity,
    policySubstitution,
    deltaRRange,
    reducesToDPO,
    reducesToSFTLossForm,
    reducesToSFTGradientIdentity,
    reducesToSFTLearningRateFactor,
    gradientFormula,
    gradNormBoundedPointwise,
    gradNormBoundedSup,
    dpoGapInvariance,
    lipschitzSigmoidQuarter,
    lipschitzEq28Equality,
    lipschitzBound,
    lipschitzMapVsDPO,
    pluginSimPO,
    pluginIPO,
    pluginCPO,
    noAdditionalHyperparameter,
    table1Arithmetic,
    table1Direction,
    table2DeltaArithmetic,
    table3DeltaArithmetic,
    introMistralGains,
    introVariantGainMax,
    sec52ImprovementPattern,
    sec52SizeMonotonicity,
    sec52SmallerBeatsLargerBase,
    sec53VariantConsistency,
    sec54AcademicBenchmarks,
  ]
}
