// PRO's empirical claims (claims/pro.md M8 and pro.empirical-*) decided on synthetic
// results: claimed side → confirmed, opposite → refuted, noisy → inconclusive, a missing
// run or a single seed → inconclusive naming it; the preferred-rises entry's conditional
// rule; every run buildable under FeedbackCatalog's names.
import Claims
import Testing
import Training

@Suite struct PROEmpiricalTests {
  typealias R = PROEmpiricalRuns

  /// The per-label effect of each claim's scenario at strength k (+1 claimed side, −1
  /// opposite, 0 none).
  static func scenario(_ id: String, _ k: Double) -> (String) -> EmpShift {
    switch id {
    case "pro.empirical-dpo-likelihoods-fall":
      return { $0 == R.dpo.label ? EmpShift(logW: -k, logL: -k) : EmpShift() }
    case "pro.empirical-pro-preferred-rises":
      return { $0 == R.dpo.label ? EmpShift() : EmpShift(logW: k) }
    case "pro.empirical-length-and-accuracy-drift":
      // DPO: length +25 % and accuracy −20 % (relative) at k = 1; PRO-P, PRO-B unchanged.
      return { $0 == R.dpo.label ? EmpShift(acc: -0.1 * k, length: 5 * k) : EmpShift() }
    case "pro.empirical-imbalanced-alpha":
      return { $0 == R.imbalancedAlpha17.label ? EmpShift(acc: 0.1 * k) : EmpShift() }
    default:
      Issue.record("no scenario for \(id)")
      return { _ in EmpShift() }
    }
  }

  static let ids = PROEmpiricalClaims.all.map(\.id)

  static func claim(_ id: String) throws -> EmpiricalClaim {
    try #require(PROEmpiricalClaims.all.first { $0.id == id })
  }

  @Test(arguments: ids) func claimedSideConfirms(_ id: String) throws {
    try EmpiricalDecisionChecks.claimedSideConfirms(try Self.claim(id)) { Self.scenario(id, $0) }
  }

  @Test(arguments: ids) func oppositeSideRefutes(_ id: String) throws {
    try EmpiricalDecisionChecks.oppositeSideRefutes(try Self.claim(id)) { Self.scenario(id, $0) }
  }

  @Test(arguments: ids) func noisySeedsAreInconclusive(_ id: String) throws {
    try EmpiricalDecisionChecks.noisySeedsAreInconclusive(try Self.claim(id)) { Self.scenario(id, $0) }
  }

  @Test(arguments: ids) func missingRunIsInconclusiveNamingIt(_ id: String) throws {
    try EmpiricalDecisionChecks.missingRunIsInconclusiveNamingIt(try Self.claim(id)) { Self.scenario(id, $0) }
  }

  @Test(arguments: ids) func runsAreBuildableAndDefaultGridIsHonest(_ id: String) throws {
    let c = try Self.claim(id)
    for spec in c.runs {
      #expect(EmpCoreFixtures.buildable(spec), "\(id): \(spec.label) has no catalog entry")
    }
    let gridOnly = c.runs.allSatisfy { s in
      s == EmpiricalRegistry.gridSpec(s.objective, paper: s.paper)
        && FeedbackCatalog.entries.contains {
          $0.objective == s.objective && $0.paper == s.paper && $0.inDefaultGrid
        }
    }
    #expect(c.inDefaultGrid == gridOnly, "\(id): inDefaultGrid \(c.inDefaultGrid)")
    #expect(c.paper == .pro)
  }

  /// PRO-P arms rise, PRO-B and PRO-S arms fall: one factor (feedback type) separates the
  /// confirming from the refuting arms, so the entry is conditional and names it.
  @Test func preferredRisesIsConditionalOnASeparatingFactor() throws {
    let c = try Self.claim("pro.empirical-pro-preferred-rises")
    let p = [R.propZero.label, R.propExact.label]
    let out = try c.decide(
      EmpCoreFixtures.results(c.runs) { p.contains($0) ? EmpShift(logW: 1) : EmpShift(logW: -1) })
    #expect(out.verdict == .conditional, "\(out.summary)")
    #expect(out.conditions.map(\.condition) == ["feedback type ∈ {pairwise}"])
    // PRO-P zero-H and PRO-B/print rise, PRO-S and PRO-P exact-H fall: no single factor
    // separates them (zero-H is on both sides, pairwise too) → inconclusive.
    let mixed = [R.propZero.label, R.probPrinted.label]
    let none = try c.decide(
      EmpCoreFixtures.results(c.runs) { label in
        if label == R.dpo.label { return EmpShift() }
        return mixed.contains(label) ? EmpShift(logW: 1) : EmpShift(logW: -1)
      })
    #expect(none.verdict == .inconclusive, "\(none.summary)")
  }

  @Test func driftRelativeChangeFromZeroIsAnErrorNamingTheField() throws {
    let c = try Self.claim("pro.empirical-length-and-accuracy-drift")
    var r = EmpCoreFixtures.results(c.runs) { _ in EmpShift() }
    r.runs[0].points[0].testAccuracy = 0
    #expect(throws: EmpiricalInputError.self) { try c.decide(r) }
    let decided = EmpiricalRegistry.decideAll(r, claims: [c])
    #expect(decided[0].verdict == .inconclusive)
    #expect(decided[0].evidence.contains("testAccuracy"))
  }

  /// A pipeline that does not declare `desiredFraction` honoured trained the "reduced" runs
  /// on the full data: the claim must not be decided from them.
  @Test func imbalancedNeedsTheReducedDataHonoured() throws {
    let c = try Self.claim("pro.empirical-imbalanced-alpha")
    var r = EmpCoreFixtures.results(c.runs, shift: Self.scenario(c.id, 1))
    r.settings[EmpiricalStatistics.honouredRunKeysSetting] = "modelWidth"
    let out = try c.decide(r)
    #expect(
      out.verdict == .inconclusive && out.summary.contains("desiredFraction"), "\(out.summary)")
  }

  @Test func labelsAndSweepSettings() {
    #expect(R.dpo.label == "DPO@PRO" && R.dpo.feedback == .bestVsRandomPairs)
    #expect(R.propZero.label == "PROPImplemented")
    #expect(R.propExact.hyperparameters["exactH"] == 1)
    #expect(
      R.imbalancedAlpha17.hyperparameters == [
        "desiredFraction": 0.01, "alpha": 17.5, "beta": 0.003,
      ])
    #expect(R.imbalancedBeta100.hyperparameters["beta"] == 100 * 0.003)
  }
}
