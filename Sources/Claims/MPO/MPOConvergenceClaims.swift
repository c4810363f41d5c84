// MPO's total-variation convergence claims (../shared/claims/mpo.md §2: Theorems 1 and 3, Lemmas 2–3, Remarks 1–4). Each check lives in its own file under Sources/Claims/MPO/
// and is listed here in catalog order.

/// MPO §2 checks.
enum MPOConvergenceClaims {
  static let all: [Claim] = [
    thm1TVRateN,
    thm3KDependence,
    lemma2FirstInequality,
    lemma2Concentration,
    thm3Eq17Explicit,
    lemma3KLIdentity,
    lemma3KLQuadratic,
    lemma3Pinsker,
    remark1FiniteSupport,
    remark2L0Bound,
    remark3PreferenceDataRate,
    remark4SubGaussian,
  ]
}
