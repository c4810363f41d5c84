// MPO's reliability claims under spacing-scaled noise (../shared/claims/mpo.md §3: Theorems 2 and 4, Lemma 4). Each check lives in its own file under Sources/Claims/MPO/
// and is listed here in catalog order.

/// MPO §3 checks (the `*Check` functions take the piece a mutation test replaces).
public enum MPOReliabilityClaims {
  static let all: [Claim] = [
    flipProbability, crossPairCount, unionCoverage, truncatedSumBound, failureBound,
    lemma4GaussianTail, millsStep, sumToIntegral, integralClosedForm, cLeU, u1Value, uMonotone,
    positivityAllBeta, positivityBetaLe1, uniformInK, plPairCount, plBoundAppendix,
    plBoundMain, gammaQ, plExponentialDecay, meanPartitionTransfer, binsReliabilityMonotone,
  ]
}
