// The pipa.empirical.* decisions (Sources/Training/Empirical/PIPA) on fabricated results
// (AlphaPIPAFixtures): confirmed / refuted / inconclusive by the side of the effect,
// inconclusive naming a missing run or with too few seeds, and every run named by the
// factory's catalog.
import Claims
import Testing
import Training

@Suite struct PIPAEmpiricalTests {
  typealias Point = AlphaPIPAFixtures.Point
  typealias Scenario = AlphaPIPAFixtures.Scenario

  /// Accuracy 0.5 + 0.1·e for runs where `better` holds, 0.5 otherwise, plus noise.
  static func accuracy(_ better: @escaping @Sendable (RunSpec) -> Bool) -> Scenario {
    Scenario { spec, _, _, e, n in Point(accuracy: 0.5 + (better(spec) ? 0.1 * e : 0) + n) }
  }
  static func isPIPA(_ s: RunSpec) -> Bool { s.objective.hasPrefix("PIPA") }

  static let scenarios: [String: Scenario] = [
    "pipa.empirical.accuracy-gain": accuracy(isPIPA),
    "pipa.empirical.value-trajectory": Scenario { _, _, t, e, n in
      let shift = 0.2 * t.squareRoot() * (e + n)
      return Point(valueCorrect: 0.5 + shift, valueIncorrect: 0.5 - shift)
    },
    "pipa.empirical.value-head-ablation": accuracy { $0.hyperparameters["fixedValue"] == nil },
    "pipa.empirical.step-labels-help": accuracy {
      isPIPA($0) && $0.objective.hasSuffix("TokenLevel")
    },
    "pipa.empirical.dpo-positive-reward": Scenario { spec, _, t, e, n in
      let sign = spec.objective == "DPO" ? -1.0 : 1.0
      return Point(chosen: -10 + sign * t * (e + n))
    },
    "pipa.empirical.threshold": accuracy { $0.hyperparameters["stepThreshold"] == 0.5 },
    // Confirmed = no improvement: the fine-tuned prior loses 0.1 when e = 1.
    "pipa.empirical.prior-choice": Scenario { spec, _, _, e, n in
      Point(accuracy: 0.5 - (spec.hyperparameters["priorFineTune"] != nil ? 0.1 * e : 0) + n)
    },
    // KTO 0.4, KTO+SFT 0.4 + 0.1e, PIPA-M and PIPA-M+SFT 0.4 + 0.2e: E1 = E2 = 0.1e.
    "pipa.empirical.sft-loss": Scenario { spec, _, _, e, n in
      let sft = spec.hyperparameters["sftCoefficient"] != nil
      let base = spec.objective == "PIPAM" ? 0.4 + 0.2 * e : (sft ? 0.4 + 0.1 * e : 0.4)
      return Point(accuracy: base + n)
    },
    "pipa.empirical.m-vs-n-shift": accuracy {
      $0.objective == "PIPANTokenLevel" && $0.hyperparameters["shiftedSamples"] == nil
    },
    "pipa.empirical.speed": Scenario(
      point: { _, _, _, _, _ in Point() },
      tokensPerStep: { spec, e in spec.objective == "KTOPIPAForm" ? 100 + Int(10 * e) : 100 }),
  ]

  static let ids = PIPAEmpiricalClaims.all.map(\.id)

  static func claim(_ id: String) -> EmpiricalClaim {
    PIPAEmpiricalClaims.all.first { $0.id == id }!
  }

  @Test func everyCatalogEntryHasOneClaimAndAScenario() {
    // The 10 pipa.empirical.* ids of claims/pipa.md, in catalog order.
    #expect(
      Self.ids
        == [
          "accuracy-gain", "value-trajectory", "value-head-ablation", "step-labels-help",
          "dpo-positive-reward", "threshold", "prior-choice", "sft-loss", "m-vs-n-shift",
          "speed",
        ].map { "pipa.empirical.\($0)" })
    for id in Self.ids { #expect(Self.scenarios[id] != nil, "no scenario for \(id)") }
    for c in PIPAEmpiricalClaims.all { #expect(c.paper == .pipa) }
  }

  @Test(arguments: ids) func effectOnClaimedSideConfirms(_ id: String) throws {
    let c = Self.claim(id)
    let o = try c.decide(
      AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: 1, amp: 0.01))
    #expect(o.verdict == .confirmed, "\(id): \(o.summary)")
  }

  @Test(arguments: ids) func effectOnOppositeSideRefutes(_ id: String) throws {
    let c = Self.claim(id)
    let o = try c.decide(
      AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: -1, amp: 0.01))
    #expect(o.verdict == .refuted, "\(id): \(o.summary)")
  }

  @Test(arguments: ids) func noiseWithoutEffectIsInconclusive(_ id: String) throws {
    let c = Self.claim(id)
    let o = try c.decide(
      AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: 0, amp: 1))
    #expect(o.verdict == .inconclusive, "\(id): \(o.summary)")
  }

  @Test(arguments: ids) func missingRunIsInconclusiveAndNamed(_ id: String) throws {
    let c = Self.claim(id)
    let dropped = c.runs[0].label
    let o = try c.decide(
      AlphaPIPAFixtures.results(
        c.runs, Self.scenarios[id]!, effect: 1, amp: 0.01, drop: dropped))
    #expect(o.verdict == .inconclusive)
    #expect(o.summary.contains(dropped), "\(id): \(o.summary)")
  }

  @Test(arguments: ids) func oneSeedIsInconclusive(_ id: String) throws {
    let c = Self.claim(id)
    let r = AlphaPIPAFixtures.results(
      c.runs, Self.scenarios[id]!, effect: 1, amp: 0.01, seedCount: 1)
    #expect(try c.decide(r).verdict == .inconclusive)
  }

  @Test(arguments: ids) func runsAreNamedByTheFactoryCatalog(_ id: String) {
    AlphaPIPAFixtures.expectRunsNamedByTheFactoryCatalog(Self.claim(id))
  }

  /// A run that did not log the value head leaves value-trajectory inconclusive, naming
  /// the field.
  @Test func unloggedValueHeadIsInconclusive() throws {
    let c = Self.claim("pipa.empirical.value-trajectory")
    let o = try c.decide(
      AlphaPIPAFixtures.results(
        c.runs, Scenario { _, _, _, _, _ in Point() }, effect: 1, amp: 0.01))
    #expect(o.verdict == .inconclusive)
    #expect(o.summary.contains("valueCorrect"), "\(o.summary)")
  }

  /// accuracy-gain compares every PIPA variant with every baseline of its setting: 14.
  @Test func accuracyGainListsFourteenComparisons() throws {
    let c = Self.claim("pipa.empirical.accuracy-gain")
    let o = try c.decide(
      AlphaPIPAFixtures.results(c.runs, Self.scenarios[c.id]!, effect: 1, amp: 0.01))
    #expect(o.classes.count == 14)
    #expect(Set(c.runs.map(\.label)).count == 15)
  }

  /// m-vs-n-shift reports the half-step checkpoint's accuracy from the results (per seed and
  /// its mean), and says so when the results hold none.
  @Test func shiftReportsTheHalfStepAccuracy() throws {
    let c = Self.claim("pipa.empirical.m-vs-n-shift")
    var r = AlphaPIPAFixtures.results(c.runs, Self.scenarios[c.id]!, effect: 1, amp: 0.01)
    let without = try c.decide(r)
    #expect(without.notes.contains { $0.contains("no half-step SFT record") })
    r.shiftedSamples = (0..<r.seedCount).map {
      ShiftedSamplesRecord(
        seedIndex: $0, halfStep: 500, sftSteps: 1000, testAccuracy: 0.125 + 0.25 * Double($0 % 2),
        validationAccuracy: 0.2, shiftedSampleAccuracy: 0.1, selfSampleAccuracy: 0.4)
    }
    let with = try c.decide(r)
    #expect(with.verdict == without.verdict)
    let note = try #require(with.notes.first { $0.contains("half-step SFT checkpoint") })
    // Mean of 0.125 and 0.375 alternating over the seeds.
    let mean = r.shiftedSamples!.map(\.testAccuracy).reduce(0, +) / Double(r.seedCount)
    #expect(note.contains("mean \(formatNumber(mean))"), "\(note)")
    #expect(note.contains("seed 1: step 500 of 1000, test accuracy 0.375"), "\(note)")
  }

  /// prior-choice: a significant improvement of less than one point is "no improvement".
  @Test func priorChoiceSmallImprovementIsNoImprovement() throws {
    let c = Self.claim("pipa.empirical.prior-choice")
    let small = Scenario { spec, _, _, _, n in
      Point(accuracy: 0.5 + (spec.hyperparameters["priorFineTune"] != nil ? 0.005 : 0) + n)
    }
    let o = try c.decide(AlphaPIPAFixtures.results(c.runs, small, effect: 0, amp: 0.0001))
    #expect(o.verdict == .confirmed, "\(o.summary)")
  }

  /// Two records of one run for one seed cannot be paired: inconclusive naming the run,
  /// never a crash.
  @Test(arguments: ids) func duplicateRecordIsInconclusive(_ id: String) throws {
    let c = Self.claim(id)
    var r = AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: 1, amp: 0.01)
    let label = c.runs[0].label
    r.runs.append(r.runs.first { $0.spec.label == label }!)
    let o = try c.decide(r)
    #expect(o.verdict == .inconclusive)
    #expect(o.summary.contains(label), "\(id): \(o.summary)")
  }
}
