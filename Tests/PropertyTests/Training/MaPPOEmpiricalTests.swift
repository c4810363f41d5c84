// MaPPO's empirical claims (claims/mappo.md mappo.empirical.*) decided on synthetic
// results: the effect on the claimed side confirms, on the opposite side refutes, noisy
// seeds are inconclusive, a missing run or a single seed is inconclusive naming it, and
// every run is buildable under FeedbackCatalog's names.
import Claims
import Testing
import Training

@Suite struct MaPPOEmpiricalTests {
  typealias R = MaPPOEmpiricalRuns

  /// The per-label effect of each claim's scenario at strength k (+1 claimed side, −1
  /// opposite, 0 none).
  static func scenario(_ id: String, _ k: Double) -> (String) -> EmpShift {
    switch id {
    case "mappo.empirical.squeezing-mitigation":
      // Both means fall under the squeezing run; the other keeps y_w up.
      let squeezed = EmpShift(logW: -2, logL: -4)
      let spared = EmpShift(logW: 1, logL: -3)
      return { label in
        if k == 0 { return EmpShift() }
        let dpoSqueezed = k > 0
        return (label == R.dpo.label) == dpoSqueezed ? squeezed : spared
      }
    case "mappo.empirical.alignment-gain":
      return {
        [R.mappo.label, R.iterativeMaPPO.label].contains($0) ? EmpShift(acc: 0.1 * k) : EmpShift()
      }
    case "mappo.empirical.online-mappo":
      return { $0.hasSuffix("[K=3]") ? EmpShift(acc: 0.1 * k) : EmpShift() }
    case "mappo.empirical.plugin-gain":
      let plus = [R.iterativeMaPPO, R.simpoPlus, R.ipoPlus, R.cpoPlus].map(\.label)
      return { plus.contains($0) ? EmpShift(acc: 0.1 * k) : EmpShift() }
    case "mappo.empirical.scale-trend":
      return { label in
        switch label {
        case R.mappo.label: EmpShift(acc: 0.2 * k)
        case R.narrowMaPPO.label: EmpShift(acc: 0.1 * k)
        default: EmpShift()
        }
      }
    default:
      Issue.record("no scenario for \(id)")
      return { _ in EmpShift() }
    }
  }

  /// The claims decided by paired comparisons of metrics (mappo.no-extra-compute is decided
  /// from the step-cost measurement: MaPPONoExtraComputeTests).
  static let ids = MaPPOEmpiricalClaims.all.map(\.id).filter { $0 != "mappo.no-extra-compute" }

  static func claim(_ id: String) throws -> EmpiricalClaim {
    try #require(MaPPOEmpiricalClaims.all.first { $0.id == id })
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

  @Test(arguments: MaPPOEmpiricalClaims.all.map(\.id))
  func runsAreBuildableAndDefaultGridIsHonest(_ id: String) throws {
    let c = try Self.claim(id)
    #expect(!c.runs.isEmpty)
    for spec in c.runs {
      #expect(EmpCoreFixtures.buildable(spec), "\(id): \(spec.label) has no catalog entry")
    }
    // A claim in the default grid reads only default-grid runs: catalog grid entries with
    // their grid label, default settings and no overrides.
    let gridOnly = c.runs.allSatisfy { s in
      s == EmpiricalRegistry.gridSpec(s.objective, paper: s.paper)
        && FeedbackCatalog.entries.contains {
          $0.objective == s.objective && $0.paper == s.paper && $0.inDefaultGrid
        }
    }
    #expect(c.inDefaultGrid == gridOnly, "\(id): inDefaultGrid \(c.inDefaultGrid)")
    #expect(c.paper == .mappo)
  }

  @Test func squeezingReportsItsReadingAndTable() throws {
    let c = try Self.claim("mappo.empirical.squeezing-mitigation")
    let out = try c.decide(EmpCoreFixtures.results(c.runs, shift: Self.scenario(c.id, 1)))
    #expect(out.notes.contains { $0.hasPrefix("reading:") })
    #expect(
      out.notes.contains { $0.contains("Table-1 block") && $0.contains("IT: log π(y_w) -10") })
  }

  /// Squeezing is both means falling together: DPO dropping y_l by 10 nats while y_w rises
  /// squeezes nothing, MaPPO dropping both by 1 squeezes 1, so E1 = 0 − 1 refutes.
  @Test func squeezeIsTheSimultaneousDropNotTheLargestDrop() throws {
    let c = try Self.claim("mappo.empirical.squeezing-mitigation")
    let out = try c.decide(
      EmpCoreFixtures.results(c.runs, jitter: 0.02) { label in
        label == R.dpo.label ? EmpShift(logW: 1, logL: -10) : EmpShift(logW: -1, logL: -1)
      })
    #expect(out.verdict == .refuted, "\(out.summary)")
    #expect(out.summary.contains("mean -1"), "\(out.summary)")
  }

  /// A pipeline that does not declare `modelWidth` honoured trained `MaPPO[d=32]` at the
  /// default width: the claim must not be decided from it.
  @Test func scaleTrendNeedsTheWidthHonoured() throws {
    let c = try Self.claim("mappo.empirical.scale-trend")
    var r = EmpCoreFixtures.results(c.runs, shift: Self.scenario(c.id, 1))
    r.settings.removeValue(forKey: EmpiricalStatistics.honouredRunKeysSetting)
    let out = try c.decide(r)
    #expect(out.verdict == .inconclusive && out.summary.contains("modelWidth"), "\(out.summary)")
  }

  /// The SFT accuracies at both widths are reported from the results (d = 64 from `sft`,
  /// d = 32 from `widthSFT`), and a d = 32 SFT that took another step count than its seed's
  /// d = 64 SFT (or a seed without one) makes the claim inconclusive, naming the seed.
  @Test func scaleTrendReportsBothSFTAccuraciesAndChecksTheStepCount() throws {
    let c = try Self.claim("mappo.empirical.scale-trend")
    var r = EmpCoreFixtures.results(c.runs, shift: Self.scenario(c.id, 1))
    r.settings["model.modelWidth"] = "64"
    let narrow = r.sft.map { s in
      var n = s
      n.testAccuracy = s.seedIndex.isMultiple(of: 2) ? 0.25 : 0.375  // sum 1.5 (exact), mean 0.3
      n.validationAccuracy = 0.125
      return WidthSFTRecord(modelWidth: 32, sft: n)
    }
    #expect(r.sft.count == 5)
    r.widthSFT = narrow
    let out = try c.decide(r)
    #expect(out.verdict == .confirmed, "\(out.summary)")
    // Fixture: every d = 64 SFT record has test and validation accuracy 0.5.
    let line = try #require(out.notes.first { $0.hasPrefix("reported: SFT accuracy") })
    #expect(line.contains("d = 32 0.3; 0.125") && line.contains("d = 64 0.5; 0.5"), "\(line)")
    var shorter = r
    shorter.widthSFT![3].sft.steps -= 1
    let bad = try c.decide(shorter)
    #expect(bad.verdict == .inconclusive && bad.summary.contains("seed 3"), "\(bad.summary)")
    var missing = r
    missing.widthSFT!.removeLast()
    let gone = try c.decide(missing)
    #expect(gone.verdict == .inconclusive && gone.summary.contains("seed 4"), "\(gone.summary)")
  }

  @Test func defaultGridLabelsFollowTheScheme() {
    #expect(R.dpo.label == "DPO@MaPPO")
    #expect(R.ipo.label == "IPO@MaPPO")
    #expect(R.mappo.label == "MaPPO" && R.mappo.hyperparameters == ["beta": 0.1])
    #expect(R.iterativeDPO.label == "DPO@MaPPO[K=3]" && R.iterativeDPO.rounds == 3)
    #expect(R.narrowMaPPO.hyperparameters["modelWidth"] == 32)
  }
}
