// The MaPPO stationarity/optimum checks (kl-optimal-policy, reduces-to-sft.same-optimum,
// stationary.*) in quick mode with a fixed seed, each asserting the verdict its full-mode run
// computes (verified against the mathematics: see each claim file's notes), and mutation tests
// that feed the same checking logic a wrong formula or loss and see the verdict change.
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct MaPPOStationarityClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  // The KL-regularized optimum is a known result: (a)–(c) hold.
  @Test func klOptimalPolicyIsConfirmed() throws {
    #expect(try MaPPOClaims.klOptimalPolicy.check(ctx).verdict == .confirmed)
  }

  // Mutation: θ* = log π_ref + r/(2β) is not stationary and not the maximizer.
  @Test func klOptimalPolicyRejectsAWrongClosedForm() {
    let out = MaPPOClaims.klOptimalOutcome(
      ctx, optimalLogits: { r, lref, beta in zip(lref, r).map { $0 + $1 / (2 * beta) } },
      optimalValue: { r, lref, beta in beta * logSumExp(zip(lref, r).map { $0 + $1 / (2 * beta) }) })
    #expect(out.verdict == .refuted)
    #expect(out.counterexample != nil)
  }

  // (9) and (10) share their optimum only for a single distinct y_w per prompt with no
  // parameter sharing (the monotonicity argument is per example).
  @Test func sameOptimumIsConditional() throws {
    let out = try MaPPOClaims.reducesToSFTSameOptimum.check(ctx)
    #expect(out.verdict == .conditional)
    #expect(out.conditions.contains { $0.condition.hasSuffix("share no parameters (T1, or P = 1)") })
  }

  // Mutation: comparing (10) with itself must make every judged dataset equal.
  @Test func sameOptimumWithIdenticalLossesIsConfirmed() {
    #expect(MaPPOClaims.sameOptimumOutcome(ctx, loss9: MaPPOClaims.loss10).verdict == .confirmed)
  }

  // T1 never has a FOSP; T2 only sometimes.
  @Test func fospExistsIsRefuted() throws {
    let out = try MaPPOClaims.stationaryFOSPExists.check(ctx)
    #expect(out.verdict == .refuted)
    let rs = MaPPOFOSPSearch.results(ctx, loss: .mappo)
    #expect(rs.filter { $0.dataset.modelName == "T1" }.allSatisfy { $0.fosp == nil })
    #expect(rs.contains { $0.fosp != nil })
  }

  // Mutation for the existence logic: a loss with its infimum at infinity (T1 single pair,
  // Δr = 0.5) gives small-gradient plateau points but never a FOSP; a strictly convex
  // coercive T2 problem (Δr = 0, y_w inside the feature hull) gives one.
  @Test func searchRejectsPlateausAndFindsTrueStationaryPoints() {
    var r = RandomStream(seed: 11)
    let t1 = StationaryDataset(
      index: 0, modelName: "T1", k: 3, d: 3, beta: 1,
      pairs: [ModelPair(chosen: 0, rejected: 1, refLogProbChosen: log(1.0 / 3), refLogProbRejected: log(1.0 / 3), deltaR: 0.5)],
      features: nil)
    let a = MaPPOFOSPSearch.search(t1, loss: .mappo, random: &r)
    #expect(a.fosp == nil)
    // φ(y_w) = 0 is the centre of the square of the other four features.
    let features: [[Double]] = [[0, 0], [1, 1], [1, -1], [-1, 1], [-1, -1]]
    let ref = logSoftmax([Double](repeating: 0, count: 5))
    let t2 = StationaryDataset(
      index: 0, modelName: "T2", k: 5, d: 2, beta: 1,
      pairs: [ModelPair(chosen: 0, rejected: 1, refLogProbChosen: ref[0], refLogProbRejected: ref[1], deltaR: 0)],
      features: features)
    let b = MaPPOFOSPSearch.search(t2, loss: .mappo, random: &r)
    #expect(b.fosp != nil)
    // And the DPO loss on the same pair (linear in θ·(φ_w − φ_l)) has none.
    #expect(MaPPOFOSPSearch.search(t2, loss: .dpo, random: &r).fosp == nil)
  }

  // (22) is sufficient for one pair and holds at single-pair FOSPs, but not at multi-pair ones.
  @Test func perExampleConditionIsConditional() throws {
    let out = try MaPPOClaims.stationaryPerExampleCondition.check(ctx)
    #expect(out.verdict == .conditional)
    #expect(out.conditions.first?.condition == "the dataset has a single pair")
  }

  // Mutation: roots of a wrong condition (Δr halved) are not stationary points of L.
  @Test func sufficiencyRejectsAWrongCondition() throws {
    let wrong: (LinearSoftmax, [Double], ModelPair<Int>) -> (value: [Double], jacobian: [Double]) = { m, t, p in
      var q = p
      q.deltaR = p.deltaR / 2
      return MaPPOClaims.perExampleResidual(m, t, q)
    }
    let ok = try MaPPOClaims.perExampleSufficiency(ctx, condition: MaPPOClaims.perExampleResidual)
    let ko = try MaPPOClaims.perExampleSufficiency(ctx, condition: wrong)
    #expect(ok.verdict == .confirmed)
    #expect(ko.verdict == .refuted)
  }

  // (23) and (24) fail at multi-pair FOSPs: the c_i differ.
  @Test func logLinearIsRefuted() throws {
    #expect(try MaPPOClaims.stationaryLogLinear.check(ctx).verdict == .refuted)
    #expect(try MaPPOClaims.stationaryDPOLogLinear.check(ctx).verdict == .refuted)
  }

  // Mutation: the same spread logic fed per-pair constants that do coincide confirms.
  @Test func spreadLogicFollowsItsInput() {
    let rs = MaPPOFOSPSearch.results(ctx, loss: .mappo)
    let equalC = MaPPOClaims.logLinearSpreadOutcome(rs, loss: .mappo) { _, pairs, _ in pairs.map { _ in 0.25 } }
    #expect(equalC.verdict == .confirmed)
  }

  // MaPPO gaps grow without bound where no FOSP exists (e.g. every T1 dataset).
  @Test func boundedRatioIsRefuted() throws {
    let out = try MaPPOClaims.stationaryBoundedRatio.check(ctx)
    #expect(out.verdict == .refuted)
    #expect(out.counterexample != nil)
  }
}
