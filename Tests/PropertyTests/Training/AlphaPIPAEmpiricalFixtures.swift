// Synthetic TrainingResults for the AlphaPO and PIPA empirical-claim tests: every run of a
// claim is fabricated with chosen per-seed metrics. A scenario maps (run, seed, fraction t
// of the steps, effect e, noise n) to a MetricPoint; e = +1 puts each claimed effect on its
// claimed side, e = −1 on the opposite side, and e = 0 with large noise leaves it
// undecided. The noise of a run in seed s is amp·p[(s + h) mod 5] with p = (1, −1, 0.6,
// −0.6, 0) and h a fixed hash of the label: over the 5 seeds every run's noise is a
// permutation of p, whose mean is exactly 0, so every paired or one-sample mean equals its
// effect and, with amp = 1, an effect-free interval always contains 0 without being a
// point (unless two runs share the noise, which makes the difference identically 0).
import Claims
import Testing
import Training

enum AlphaPIPAFixtures {
  static let seeds = 5
  static let steps = 100
  /// Metric steps: the §2.8 checkpoints t ∈ {0, 0.05, 0.1, 0.25, 0.5, 0.75, 1}.
  static let metricSteps = [0, 5, 10, 25, 50, 75, 100]
  static let pattern: [Double] = [1, -1, 0.6, -0.6, 0]

  /// Fields a scenario sets; the rest keep neutral defaults.
  struct Point {
    var pw = -1.0
    var pl = -2.0
    var chosen = -10.0
    var rejected = -20.0
    var kl = 0.0
    var accuracy = 0.5
    var reward = 0.5
    var length = 10.0
    var valueCorrect: Double? = nil
    var valueIncorrect: Double? = nil
  }

  /// (spec, seed, t, e, n) → point fields; tokens per step of the run (default 100).
  struct Scenario: Sendable {
    var point: @Sendable (RunSpec, Int, Double, Double, Double) -> Point
    var tokensPerStep: @Sendable (RunSpec, Double) -> Int = { _, _ in 100 }
  }

  static func hash(_ label: String) -> Int {
    label.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
  }

  static func noise(_ label: String, _ seed: Int, amp: Double) -> Double {
    amp * pattern[(seed + hash(label)) % pattern.count]
  }

  /// Results holding every run of `specs` for `seedCount` seeds, except `drop`.
  static func results(
    _ specs: [RunSpec], _ scenario: Scenario, effect e: Double, amp: Double,
    seedCount: Int = seeds, drop: String? = nil
  ) -> TrainingResults {
    var runs: [RunRecord] = []
    var seen = Set<String>()
    for spec in specs where spec.label != drop && seen.insert(spec.label).inserted {
      for s in 0..<seedCount {
        let n = noise(spec.label, s, amp: amp)
        let points = metricSteps.map { step -> MetricPoint in
          let t = Double(step) / Double(steps)
          let f = scenario.point(spec, s, t, e, n)
          return MetricPoint(
            step: step, trainLoss: step == 0 ? nil : 0.5, logProbChosen: f.chosen,
            logProbRejected: f.rejected, logProbChosenPerToken: f.pw,
            logProbRejectedPerToken: f.pl, margin: f.chosen - f.rejected, pairAccuracy: 0.5,
            kl: f.kl, testAccuracy: f.accuracy, testReward: f.reward, meanLength: f.length,
            valueCorrect: f.valueCorrect, valueIncorrect: f.valueIncorrect)
        }
        runs.append(
          RunRecord(
            spec: spec, seedIndex: s, points: points, steps: steps,
            tokens: steps * scenario.tokensPerStep(spec, e), seconds: 1))
      }
    }
    return TrainingResults(
      seed: 20_251_130, seedCount: seedCount, settings: [:], sft: [], runs: runs)
  }

  /// The default-grid labels by the factory's scheme (AlignmentObjectives.defaultGrid():
  /// one spec per FeedbackCatalog entry with inDefaultGrid, on its first feedback kind,
  /// labelled by the objective, or `Objective@Paper` when several papers train it in the
  /// grid), recomputed here from the catalog.
  static func defaultGridSpecs() -> [String: (
    objective: String, paper: String, feedback: FeedbackKind
  )] {
    let grid = FeedbackCatalog.entries.filter(\.inDefaultGrid)
    var out: [String: (String, String, FeedbackKind)] = [:]
    for e in grid {
      let shared = grid.filter { $0.objective == e.objective }.count > 1
      let short = e.paper.split(separator: " ").last.map(String.init) ?? e.paper
      out[shared ? "\(e.objective)@\(short)" : e.objective] = (e.objective, e.paper, e.feedback[0])
    }
    return out
  }
}

extension AlphaPIPAFixtures {
  /// Every run of `c` has a unique label and names an objective, paper and feedback of the
  /// factory catalog; `inDefaultGrid` is true exactly when every run is a default-grid spec.
  static func expectRunsNamedByTheFactoryCatalog(_ c: EmpiricalClaim) {
    #expect(!c.runs.isEmpty)
    #expect(Set(c.runs.map(\.label)).count == c.runs.count, "\(c.id): duplicate labels")
    for spec in c.runs {
      let entry = FeedbackCatalog.entries(for: spec.objective).first { $0.paper == spec.paper }
      #expect(entry != nil, "\(c.id): \(spec.label) names \(spec.objective) of \(spec.paper)")
      #expect(
        entry?.feedback.contains(spec.feedback) == true,
        "\(c.id): \(spec.label) trains on \(spec.feedback)")
    }
    // inDefaultGrid is true exactly when every run is a default-grid spec.
    let grid = AlphaPIPAFixtures.defaultGridSpecs()
    let allInGrid = c.runs.allSatisfy { s in
      guard let g = grid[s.label] else { return false }
      return g.objective == s.objective && g.paper == s.paper && g.feedback == s.feedback
        && s.hyperparameters.isEmpty
    }
    #expect(c.inDefaultGrid == allInGrid, "\(c.id): inDefaultGrid \(c.inDefaultGrid)")
  }
}
