// Every empirical claim of the MPO catalog (claims/mpo.md §5, protocol §0.14), decided from
// ``TrainingResults`` alone. One file per claim or small group, named after what it holds.

/// MPO's empirical claims, in catalog order.
public enum MPOEmpiricalClaims {
  public static let all: [EmpiricalClaim] = [
    moreResponses, twoBinsVsFiner, noiseRobustness, wmpoVsMPO, mpoVsDPO, isoInformation,
    limitedData, fixedCompute, partitionStatistic, rewardSpacing, oneVsK, decodingTemperature,
    betaSpeed, alphaIntermediate, rewardMargin, referenceFree, rewardFunctionStability,
    iterativeRounds,
  ]
}
