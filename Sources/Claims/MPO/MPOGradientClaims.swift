// MPO's gradient, dynamics and stationary-point claims (../shared/claims/mpo.md §4: Lemmas 1, 5–9, App. G–H, A.6). Each check lives in its own file under Sources/Claims/MPO/
// and is listed here in catalog order.

/// MPO §4 checks.
enum MPOGradientClaims {
  static let all: [Claim] = [
    lemma5InfoNCAGradient,
    lemma6WeightedGradient,
    lemma7ProbGradient,
    cor1GradientSigns,
    gScoreDefinition,
    lemma6ScoreDirection,
    lemma6ProbDirection,
    thm5InfoNCAStationary,
    remark5ModelProbExpansion,
    lemma8OneStep,
    cor2LinearTrajectory,
    cor3DPOCase,
    lemma9InitialGradient,
    lemma9LinearApprox,
    remark6SmallEta,
    stationaryNotAttained,
    negativesVanishNecessary,
    negativesVanishSufficient,
    stationaryGDTrajectory,
    betaGradientMagnitude,
  ]
}
