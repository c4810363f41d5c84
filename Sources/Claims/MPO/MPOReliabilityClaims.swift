// MPO's reliability claims under spacing-scaled noise (../shared/claims/mpo.md §3: Theorems 2 and 4, Lemma 4). Each check lives in its own file under Sources/Claims/MPO/
// and is listed here in catalog order.

/// MPO §3 checks.
enum MPOReliabilityClaims {
  static let all: [Claim] = []
}
