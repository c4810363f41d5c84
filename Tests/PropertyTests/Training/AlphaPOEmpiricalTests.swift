// The alphapo.empirical.* decisions (Sources/Training/Empirical/AlphaPO) on fabricated
// results (AlphaPIPAFixtures): each claim is confirmed with its effect on the claimed side,
// refuted on the opposite side, inconclusive when noise hides it, inconclusive naming a
// missing run or too few seeds; and every run it reads is one the factory can name.
import Claims
import Testing
import Training

@Suite struct AlphaPOEmpiricalTests {
  typealias Point = AlphaPIPAFixtures.Point
  typealias Scenario = AlphaPIPAFixtures.Scenario

  /// α of a run of the sweep (SimPO = 0, the grid's AlphaPO = 0.25).
  static func alpha(_ spec: RunSpec) -> Double {
    spec.hyperparameters["alpha"] ?? (spec.objective == "SimPO" ? 0 : 0.25)
  }
  /// A displacement profile: largest at 0, smaller for α > 0 (falling with α), between for
  /// α < 0 (0.8 > every positive value).
  static func profile(_ a: Double) -> Double { a == 0 ? 1 : (a > 0 ? 0.5 - 0.1 * a : 0.8) }
  /// An accuracy profile over α peaking at 0.25, then 0.5, falling less steeply for α > 0.
  static func accuracyProfile(_ a: Double) -> Double {
    switch a {
    case 0.25: 0.1
    case 0.5: 0.08
    case 0: 0.02
    case let x where x > 0: 0.05
    default: 0
    }
  }
  static let isAlphaHat: @Sendable (RunSpec) -> Bool = { $0.label == "AlphaPO" }

  static let scenarios: [String: Scenario] = [
    "alphapo.empirical.simpo-likelihood-displacement": Scenario { _, _, t, e, n in
      Point(pw: -1 - t * (0.5 * e + n), pl: -1.5 - t * (1.5 * e + 2 * n))
    },
    "alphapo.empirical.alpha-controls-displacement": Scenario { spec, _, t, e, n in
      Point(pw: -1 - t * (e * profile(alpha(spec)) + n))
    },
    "alphapo.empirical.positive-alpha-less-displacement": Scenario { spec, _, t, e, n in
      Point(pw: -1 - t * (e * profile(alpha(spec)) + n))
    },
    "alphapo.empirical.large-alpha-regularization": Scenario { spec, _, t, e, n in
      let j = alpha(spec) == 0 ? 0.5 : -0.5
      let pw = -1 - t * (1 + e * j + n)
      return Point(pw: pw, pl: pw - t * (1 + e * j + n))
    },
    "alphapo.empirical.early-preferred-increase": Scenario { _, _, t, e, n in
      Point(pw: -1 + t * (e + n))
    },
    "alphapo.empirical.alphapo-beats-simpo": Scenario { spec, _, _, e, n in
      Point(accuracy: 0.5 + (isAlphaHat(spec) ? 0.1 * e : 0) + n)
    },
    "alphapo.empirical.best-alpha-slightly-positive": Scenario { spec, _, _, e, n in
      Point(accuracy: 0.5 + e * accuracyProfile(alpha(spec)) + n)
    },
    "alphapo.empirical.win-asymmetry": Scenario { spec, _, _, e, n in
      Point(accuracy: 0.5 + (isAlphaHat(spec) ? 0.1 * e : 0) + n)
    },
    "alphapo.empirical.reward-distribution": Scenario { spec, _, _, e, n in
      Point(reward: 0.5 + (isAlphaHat(spec) ? 0.1 * e : 0) + n)
    },
    "alphapo.empirical.gamma-effect": Scenario { spec, _, _, e, n in
      let ratio = (spec.hyperparameters["gamma"] ?? 0.25) / 2.5
      let interior = ratio == 0.1 ? 0.1 : (ratio == 0.5 ? 0.08 : 0)
      return Point(accuracy: 0.5 + e * interior + n, length: 10 + 2 * e * ratio + n)
    },
    "alphapo.empirical.kl-trajectory": Scenario { _, _, t, e, n in
      Point(kl: (1 - (1 - t) * (1 - t)) * (e + n))
    },
  ]

  static let ids = AlphaPOEmpiricalClaims.all.map(\.id)

  static func claim(_ id: String) -> EmpiricalClaim {
    AlphaPOEmpiricalClaims.all.first { $0.id == id }!
  }

  @Test func everyCatalogEntryHasOneClaimAndAScenario() {
    // The 11 alphapo.empirical.* ids of claims/alphapo.md §3, in catalog order.
    #expect(
      Self.ids
        == [
          "simpo-likelihood-displacement", "alpha-controls-displacement",
          "positive-alpha-less-displacement", "large-alpha-regularization",
          "early-preferred-increase", "alphapo-beats-simpo", "best-alpha-slightly-positive",
          "win-asymmetry", "reward-distribution", "gamma-effect", "kl-trajectory",
        ].map { "alphapo.empirical.\($0)" })
    for id in Self.ids { #expect(Self.scenarios[id] != nil, "no scenario for \(id)") }
    for c in AlphaPOEmpiricalClaims.all { #expect(c.paper == .alphapo) }
  }

  @Test(arguments: ids) func effectOnClaimedSideConfirms(_ id: String) throws {
    let c = Self.claim(id)
    let r = AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: 1, amp: 0.01)
    let o = try c.decide(r)
    #expect(o.verdict == .confirmed, "\(id): \(o.summary)")
  }

  @Test(arguments: ids) func effectOnOppositeSideRefutes(_ id: String) throws {
    let c = Self.claim(id)
    let r = AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: -1, amp: 0.01)
    let o = try c.decide(r)
    #expect(o.verdict == .refuted, "\(id): \(o.summary)")
  }

  @Test(arguments: ids) func noiseWithoutEffectIsInconclusive(_ id: String) throws {
    let c = Self.claim(id)
    let r = AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: 0, amp: 1)
    let o = try c.decide(r)
    #expect(o.verdict == .inconclusive, "\(id): \(o.summary)")
  }

  @Test(arguments: ids) func missingRunIsInconclusiveAndNamed(_ id: String) throws {
    let c = Self.claim(id)
    let dropped = c.runs[0].label
    let r = AlphaPIPAFixtures.results(
      c.runs, Self.scenarios[id]!, effect: 1, amp: 0.01, drop: dropped)
    let o = try c.decide(r)
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

  /// A label names one spec across every AlphaPO and PIPA claim.
  @Test func aLabelNamesOneSpec() {
    var byLabel: [String: RunSpec] = [:]
    for c in AlphaPOEmpiricalClaims.all + PIPAEmpiricalClaims.all {
      for s in c.runs {
        if let prior = byLabel[s.label] { #expect(prior == s, "\(s.label) differs") }
        // A label may name a checkpoint file.
        #expect(!s.label.contains("/") && !s.label.contains(" "), "\(s.label)")
        byLabel[s.label] = s
      }
    }
    // The α sweep covers 𝒜 = {−2, −1, −0.5, 0, 0.25, 0.5, 1, 2} with β = 2.5 and γ = 0.25.
    let sweep = Self.claim("alphapo.empirical.alpha-controls-displacement").runs
    #expect(sweep.map(Self.alpha) == [-2, -1, -0.5, 0, 0.25, 0.5, 1, 2])
    for s in sweep where s.objective == "AlphaPO" {
      #expect(s.hyperparameters["beta"] == nil && s.hyperparameters["gamma"] == nil)
    }
  }

  /// Readings where the entry cannot be tested as written are stated in the notes.
  @Test(arguments: ids) func readingsAreStated(_ id: String) throws {
    let c = Self.claim(id)
    let o = try c.decide(
      AlphaPIPAFixtures.results(c.runs, Self.scenarios[id]!, effect: 1, amp: 0.01))
    let expectsReading: Set<String> = [
      "alphapo.empirical.best-alpha-slightly-positive"
    ]
    if !expectsReading.contains(id) {
      #expect(o.notes.contains { $0.hasPrefix("reading:") }, "\(id) states no reading")
    }
  }

  /// The checkpoint at t = 0.1 needs a metric point after step 0 near it.
  @Test func coarseMetricIntervalIsInconclusive() throws {
    let c = Self.claim("alphapo.empirical.early-preferred-increase")
    var r = AlphaPIPAFixtures.results(
      c.runs, Self.scenarios[c.id]!, effect: 1, amp: 0.01)
    r.runs = r.runs.map { run in
      var run = run
      run.points = [run.points.first!, run.points.last!]
      return run
    }
    let o = try c.decide(r)
    #expect(o.verdict == .inconclusive)
    #expect(o.summary.contains("too coarse"), "\(o.summary)")
  }

  /// The bootstrap draws from the master seed: the same results give the same outcome; and
  /// a tie between j grid values gives each 1/j (all 8 equal: share of {0.25, 0.5} = 2/8).
  @Test func bootstrapIsSeededAndSplitsTies() throws {
    let c = Self.claim("alphapo.empirical.best-alpha-slightly-positive")
    let noisy = AlphaPIPAFixtures.results(c.runs, Self.scenarios[c.id]!, effect: 0, amp: 1)
    let a = try c.decide(noisy)
    let b = try c.decide(noisy)
    #expect(a.summary == b.summary && a.notes == b.notes)
    let flat = AlphaPIPAFixtures.results(
      c.runs, Scenario { _, _, _, _, _ in Point() }, effect: 0, amp: 0)
    let o = try c.decide(flat)
    #expect(o.verdict == .inconclusive)
    #expect(o.summary.contains("{0.25, 0.5}: 0.25 "), "\(o.summary)")
  }

  /// kl-trajectory: KL growing and levelling off in both runs, but AlphaPO's final KL
  /// twice SimPO's, is refuted by the equivalence part (a) alone.
  @Test func klOutsideTheEquivalenceBoundsRefutes() throws {
    let c = Self.claim("alphapo.empirical.kl-trajectory")
    let doubled = Scenario { spec, _, t, _, n in
      Point(kl: (1 - (1 - t) * (1 - t)) * (spec.label == "AlphaPO" ? 2 : 1) * (1 + n))
    }
    let o = try c.decide(AlphaPIPAFixtures.results(c.runs, doubled, effect: 1, amp: 0.01))
    #expect(o.verdict == .refuted, "\(o.summary)")
    // 1.1× lies inside [0.8, 1.25]: confirmed.
    let close = Scenario { spec, _, t, _, n in
      Point(kl: (1 - (1 - t) * (1 - t)) * (spec.label == "AlphaPO" ? 1.1 : 1) * (1 + n))
    }
    let k = try c.decide(AlphaPIPAFixtures.results(c.runs, close, effect: 1, amp: 0.01))
    #expect(k.verdict == .confirmed, "\(k.summary)")
  }

  /// reward-distribution is a non-inferiority test: a small loss within the 0.01 margin
  /// confirms, a loss beyond it refutes.
  @Test func rewardNonInferiorityMargin() throws {
    let c = Self.claim("alphapo.empirical.reward-distribution")
    func outcome(_ delta: Double) throws -> Verdict {
      let s = Scenario { spec, _, _, _, n in
        Point(reward: 0.5 + (spec.label == "AlphaPO" ? delta : 0) + n)
      }
      return try c.decide(AlphaPIPAFixtures.results(c.runs, s, effect: 0, amp: 0.0001)).verdict
    }
    #expect(try outcome(-0.005) == .confirmed)
    #expect(try outcome(-0.02) == .refuted)
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
