// PRO's claims from pro.dpo-gradient through pro.kl-half-closed-form (../shared/claims/pro.md §3, first part). Each check lives in its own file under Sources/Claims/PRO/
// and is listed here in catalog order.

/// PRO checks, first part.
enum PRODecompositionClaims {
  static let all: [Claim] = [
    dpoGradient,
    dpoShiftInvariance,
    dpoWeightVanishes,
    dpoNoMinimizer,
    edpoGradientEquivalence,
    edpoConstantOffset,
    scoreZeroMean,
    scoreBounded,
    regularizerZeroIffReference,
    partialRegularizerUnderdetermined,
    footnoteRecoversDPO,
    edpoOptimalityCondition,
    edpoOptimalityUncentered,
    cor33RatioOrdering,
    edpoUniqueOptimum,
    singletonHyperResponseIsEDPO,
    hyperResponseLiftIdentity,
    thm41LabeledOptimum,
    thm41HyperMass,
    klHalfClosedForm,
  ]
}
