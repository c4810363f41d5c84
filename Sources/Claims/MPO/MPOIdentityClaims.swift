// MPO's objective identities, reductions and definitions (../shared/claims/mpo.md §1). Each
// check lives in its own file under Sources/Claims/MPO/ and is listed here in catalog order.

/// MPO §1 checks: set-level probability, reductions, W-MPO variants, partition, Alg. 2, code,
/// PL, InfoNCA.
enum MPOIdentityClaims {
  static let all: [Claim] = [
    luceDraw,
    reducesToDPO,
    alpha0EqualsMPO,
    additiveMultiplicative,
    variantsAgree,
    outliersDominateGradient,
    partitionProperties,
    calibrationInvariance,
    alg2RatioRange,
    codeMatchesEq8,
    plLikelihoodAndBins,
    infoNCAEq3VsG1,
  ]
}
