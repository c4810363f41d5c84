// Synthetic TrainingResults for the empirical-claim tests (MaPPO, PRO, the registry and
// the training report): every run of chosen specs for S seeds, three metric points each
// (step 0 = a shared SFT baseline, a midpoint, the final point), the final point shifted by
// a per-label effect and, for "noisy" results, by a seed pattern of alternating sign
// (mean ≈ 0.04·J, sd ≈ J) so paired intervals straddle 0.
import Claims
import Training

/// A per-run effect on the final metric point, relative to the step-0 baseline.
struct EmpShift {
  var logW = 0.0
  var logL = 0.0
  var acc = 0.0
  var reward = 0.0
  var length = 0.0
}

enum EmpCoreFixtures {
  static let baseline = MetricPoint(
    step: 0, trainLoss: nil, logProbChosen: -10, logProbRejected: -20,
    logProbChosenPerToken: -0.5, logProbRejectedPerToken: -1, margin: 0, pairAccuracy: 0.5,
    kl: 0, testAccuracy: 0.5, testReward: 0.6, meanLength: 20)

  /// The seed pattern of the noisy results.
  static let pattern = [1.0, -1, 1, -1, 0.2]

  /// Every run of `specs` for `seeds` seeds. The final point is baseline + shift(label) +
  /// jitter·pattern[s]·(±1 alternating over the specs); without jitter every seed is equal
  /// and each interval collapses to its mean, which the rule then places exactly.
  static func results(
    _ specs: [RunSpec], seeds: Int = 5, jitter: Double = 0, shift: (String) -> EmpShift
  ) -> TrainingResults {
    var runs: [RunRecord] = []
    for (i, spec) in specs.enumerated() {
      let sign = i % 2 == 0 ? 1.0 : -1.0
      let sh = shift(spec.label)
      for s in 0..<seeds {
        let j = jitter * pattern[s % pattern.count] * sign
        func point(_ step: Int, _ f: Double) -> MetricPoint {
          var p = baseline
          p.step = step
          p.trainLoss = step == 0 ? nil : 0.7
          p.logProbChosen += f * (sh.logW + j)
          p.logProbRejected += f * (sh.logL + j)
          p.logProbChosenPerToken += f * (sh.logW + j) / 20
          p.logProbRejectedPerToken += f * (sh.logL + j) / 20
          p.margin += f * ((sh.logW + j) - (sh.logL + j))
          p.testAccuracy += f * (sh.acc + j * 0.5)
          p.testReward += f * (sh.reward + sh.acc + j * 0.5)
          p.meanLength += f * (sh.length + j * 10)
          return p
        }
        runs.append(
          RunRecord(
            spec: spec, seedIndex: s, points: [point(0, 0), point(50, 0.5), point(100, 1)],
            steps: 100, tokens: 1000, seconds: 0))
      }
    }
    let sft = (0..<seeds).map {
      SFTRecord(
        seedIndex: $0, steps: 1000, validationAccuracy: 0.5, testAccuracy: 0.5,
        band: [0.3, 0.7], inBand: true, stopRule: "first evaluation inside the band")
    }
    return TrainingResults(
      seed: 7, seedCount: seeds,
      settings: [
        "model": "L=2 d=64", "seeds": "\(seeds)",
        EmpiricalStatistics.honouredRunKeysSetting: "modelWidth, desiredFraction",
      ], sft: sft,
      runs: runs)
  }

  /// `results` without the runs of `label`.
  static func dropping(_ label: String, from r: TrainingResults) -> TrainingResults {
    var out = r
    out.runs.removeAll { $0.spec.label == label }
    return out
  }

  /// The (objective, paper) entry of `spec` in FeedbackCatalog lists its feedback kind.
  static func buildable(_ spec: RunSpec) -> Bool {
    FeedbackCatalog.entries(for: spec.objective).contains {
      $0.paper == spec.paper && $0.feedback.contains(spec.feedback)
    }
  }
}
