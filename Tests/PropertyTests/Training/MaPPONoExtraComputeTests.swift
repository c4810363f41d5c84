// mappo.no-extra-compute (claims/mappo.md) decided from synthetic step-cost measurements:
// equal counts with ratios near 1 confirm, ratios well above 1.05 refute, differing counts
// refute naming them, ratios straddling 1.05 are inconclusive, and results without a
// measurement (or with its ratios stripped, as results.json stores it) are inconclusive.
import Claims
import Testing
import Training

@Suite struct MaPPONoExtraComputeTests {
  typealias R = MaPPOEmpiricalRuns

  static func claim() throws -> EmpiricalClaim {
    try #require(MaPPOEmpiricalClaims.all.first { $0.id == "mappo.no-extra-compute" })
  }

  /// Results of the claim's two runs with a step-cost measurement whose 30 ratios are
  /// `center` ± `spread` (a fixed zig-zag, so the median is `center`).
  static func results(
    center: Double, spread: Double, policy: [Double] = [2, 2], reference: [Double] = [2, 2]
  ) throws -> TrainingResults {
    var r = EmpCoreFixtures.results(try claim().runs, shift: { _ in EmpShift() })
    let ratios = (0..<30).map { i in center + spread * (Double(i % 5) - 2) / 2 }
    r.stepCost = StepCostMeasurement(
      baseline: R.dpo.label, candidate: R.mappo.label, pairs: 32, policyPerPair: policy,
      referencePerPair: reference, ratios: ratios)
    return r
  }

  @Test func equalCostConfirms() throws {
    let out = try Self.claim().decide(try Self.results(center: 1.0, spread: 0.02))
    #expect(out.verdict == .confirmed, "\(out.summary)")
    #expect(out.summary.contains("median ratio t_MaPPO/t_DPO 1"), "\(out.summary)")
  }

  @Test func slowerCandidateRefutes() throws {
    let out = try Self.claim().decide(try Self.results(center: 1.3, spread: 0.02))
    #expect(out.verdict == .refuted, "\(out.summary)")
  }

  /// Ratios from 0.95 to 1.15 around a median of 1.05: the CI contains the threshold.
  @Test func straddlingRatiosAreInconclusive() throws {
    let out = try Self.claim().decide(try Self.results(center: 1.05, spread: 0.1))
    #expect(out.verdict == .inconclusive, "\(out.summary)")
  }

  @Test func differentCountsRefuteNamingThem() throws {
    let out = try Self.claim().decide(
      try Self.results(center: 1.0, spread: 0.01, policy: [2, 3]))
    #expect(out.verdict == .refuted, "\(out.summary)")
    #expect(out.summary.contains("counts differ"))
    #expect(out.counterexample?.inputs.contains { $0.name == "policyPerPair.MaPPO" } == true)
  }

  @Test func noMeasurementOrStrippedRatiosAreInconclusive() throws {
    var r = try Self.results(center: 1.0, spread: 0.01)
    let stripped = TrainingOutput.deterministic(r)
    #expect(stripped.stepCost?.ratios == [] && stripped.stepCost?.policyPerPair == [2, 2])
    #expect(try Self.claim().decide(stripped).verdict == .inconclusive)
    r.stepCost = nil
    let out = try Self.claim().decide(r)
    #expect(out.verdict == .inconclusive && out.summary.contains("no step-cost measurement"))
  }

  /// The bootstrap flows from the results' seed: the same results give the same interval.
  @Test func decisionIsReproducible() throws {
    let r = try Self.results(center: 1.02, spread: 0.08)
    #expect(try Self.claim().decide(r).summary == (try Self.claim().decide(r).summary))
  }
}
