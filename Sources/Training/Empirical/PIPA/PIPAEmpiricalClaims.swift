// Every pipa.empirical.* entry of claims/pipa.md, in catalog order, decided from the
// small-model experiment (claims/pipa.md "Empirical rule"; shared/design/TRAINING.md).

/// The empirical claims of PIPA.
public enum PIPAEmpiricalClaims {
  public static let all: [EmpiricalClaim] = [
    PIPAAccuracy.accuracyGain,
    PIPAValueHead.valueTrajectory,
    PIPAValueHead.valueHeadAblation,
    PIPAAccuracy.stepLabelsHelp,
    PIPARewardCurve.dpoPositiveReward,
    PIPAAblations.threshold,
    PIPAAblations.priorChoice,
    PIPAAblations.sftLoss,
    PIPAAblations.mVersusNShift,
    PIPASpeed.speed,
  ]
}
