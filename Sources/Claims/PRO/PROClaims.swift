// PRO's claims (../shared/claims/pro.md; paper 002_74b446355a07bf4a.txt with formulas restored
// in PRO-formulas.md), registered in catalog order. The empirical entries belong to the
// training pipeline and are not registered here.

/// The PRO claim registry.
public enum PROClaims {
  public static let all: [Claim] = PRODecompositionClaims.all + PROExistenceClaims.all
}
