// PRO's claims from pro.regularizer-boundary-divergence through pro.alpha-beta-equivalent-pairs (../shared/claims/pro.md §3, second part). Each check lives in its own file under Sources/Claims/PRO/
// and is listed here in catalog order.

/// PRO checks, second part.
enum PROExistenceClaims {
  static let all: [Claim] = [
    regularizerBoundaryDivergence,
    boundarySlopeThreshold,
    thm42ThresholdExists,
    corb2Alpha0Sufficient,
    corb2MinMuInequality,
    thm43Existence,
    thm43PropEquivalence,
    rlhfSGGradient,
    regularizerGradientEq30,
    boundedWeights,
    reverseForwardKLLimits,
    propImplementedForm,
    equalPairWeightsEta,
    probCoefficientPrinted,
    probCoefficientOptBeta,
    prosCoefficient,
    probExistenceOptBeta,
    probExistencePrinted,
    hyperRewardNegligible,
    alphaConventionConsistency,
    ktoSaturation,
    regularizerGradientCap,
    regularizerBetaAccelerates,
    fig3CurveOverlap,
    alphaBetaEquivalentPairs,
  ]
}
