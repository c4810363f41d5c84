// MPO's claims (../shared/claims/mpo.md; paper 001_0ef3930bdbd6a134.txt), registered in
// catalog order, one list per catalog section. The empirical entries (§5) belong to the
// training pipeline and are not registered here.

/// The MPO claim registry.
public enum MPOClaims {
  public static let all: [Claim] =
    MPOIdentityClaims.all + MPOConvergenceClaims.all + MPOReliabilityClaims.all
    + MPOGradientClaims.all
}
