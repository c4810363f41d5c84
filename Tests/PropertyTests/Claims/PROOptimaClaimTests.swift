// PRO's optimum and existence checks that run M2/M4 (../shared/claims/pro.md:
// pro.dpo-no-minimizer, pro.edpo-optimality-condition, pro.edpo-optimality-uncentered,
// pro.cor33-ratio-ordering, pro.edpo-unique-optimum) and pro.hyper-reward-negligible: quick mode
// gives the full-mode verdict at seeds 20251130, 4242 and 77 (full mode was run at those seeds
// in release before these were written; PRODecClaimTests also runs the first five at seed 1),
// and mutations (a wrong formula or a wrong rule fed to the same logic) change the verdict.
import Analytic
@testable import Claims
import Numerics
import Objectives
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PROOptimaClaimTests {
  static let expected: [(String, Verdict)] = [
    ("pro.dpo-no-minimizer", .conditional),
    ("pro.edpo-optimality-condition", .confirmed),
    ("pro.edpo-optimality-uncentered", .conditional),
    ("pro.cor33-ratio-ordering", .confirmed),
    ("pro.edpo-unique-optimum", .confirmed),
    ("pro.hyper-reward-negligible", .conditional),
  ]
  static let seeds: [UInt64] = [20_251_130, 4242, 77]

  @Test(arguments: expected, seeds)
  func quickVerdictMatchesFullModeAcrossSeeds(entry: (String, Verdict), seed: UInt64) throws {
    let (id, verdict) = entry
    let claim = try #require(PROClaims.all.first { $0.id == id })
    let quick = try claim.check(CheckContext(seed: seed, mode: .quick))
    #expect(quick.verdict == verdict, "\(id) seed \(seed): \(quick.summary)")
    if verdict == .conditional { #expect(!quick.conditions.isEmpty) }
    #expect(quick.summary.contains("on the reconstructed form"))
    #expect(quick.notes.contains { $0.hasPrefix("provenance:") })
  }

  let ctx = CheckContext(seed: 7, mode: .quick)

  // stationarity (uncentred scores): the same optima judged with (P) replaced by (G)/µ make
  // (P) hold everywhere (confirmed), and (P) with α doubled fails at the centred optima too
  // (no longer conditional).
  @Test func uncenteredVerdictFollowsTheFormula() throws {
    let id = "pro.edpo-optimality-uncentered"
    let cases = (0..<6).map { PRODecompositionClaims.uncenteredCase(ctx, id, $0) }
    let prob = (0..<4).map { PRODecompositionClaims.probCase(ctx, id, $0) }
    let centred = (0..<4).map { PRODecEDPOOptima.solve(ctx, $0) }
    let right = try PRODecompositionClaims.uncenteredSweep(
      cases, prob: prob, centred: centred,
      pForm: { c, z, y in PRODecompositionClaims.eq2Residual(c, z, y, alphaFactor: 1) })
    #expect(right.verdict == .conditional, "\(right.summary)")
    let general = try PRODecompositionClaims.uncenteredSweep(
      cases, prob: prob, centred: centred,
      pForm: { c, z, y in
        let g = PRODecompositionClaims.generalResidual(c, z, y)
        return (g.rho / c.mu[y], g.round / c.mu[y])
      },
      probP: { l, w in PRODecompositionClaims.probResiduals(l, w).g })
    #expect(general.verdict == .confirmed, "\(general.summary)")
    let doubled = try PRODecompositionClaims.uncenteredSweep(
      cases, prob: prob, centred: centred,
      pForm: { c, z, y in PRODecompositionClaims.eq2Residual(c, z, y, alphaFactor: 2) })
    #expect(doubled.verdict != .conditional && doubled.verdict != .confirmed, "\(doubled.summary)")
  }

  // The rigorous e_z is never below M2's ‖∇L‖/λ_min, and it covers the gradient's rounding.
  @Test func rigorousDistanceAddsTheGradientRounding() {
    for j in 0..<4 {
      let c = PRODecEDPOOptima.solve(ctx, j)
      guard let opt = c.optimum else { continue }
      #expect(opt.ez >= opt.gradient2 / opt.lambdaMin)
      #expect(opt.ez * opt.lambdaMin - opt.gradient2 >= PRODecEDPOOptima.gradientRounding(c, opt.z) * (1 - 1e-12))
    }
  }

  // existence (DPO): a point where a separated pair's term is below the loss's rounding is at
  // numerical infinity (a 3-cycle plus one pair to an otherwise uncompared response, pushed to
  // margin 60); at margin 5, or at the 3-cycle's optimum, it is not.
  @Test func numericalInfinityRule() {
    let ref = [Double](repeating: log(0.25), count: 4)
    let data = PRODecDPODataset(pairs: [(0, 1), (1, 2), (2, 0), (0, 3)], logRef: ref, beta: 1)
    let loss = PRODecDPORayLoss(data: data)
    #expect(PRODecompositionClaims.atNumericalInfinity(loss, logSoftmax([0, 0, 0, -60])))
    #expect(!PRODecompositionClaims.atNumericalInfinity(loss, logSoftmax([0, 0, 0, -5])))
    let cycle = PRODecDPODataset(pairs: [(0, 1), (1, 2), (2, 0)], logRef: ref, beta: 1)
    #expect(!PRODecompositionClaims.atNumericalInfinity(PRODecDPORayLoss(data: cycle), ref))
  }

  // rate: a "zero-H" form off by 10⁻³ (an error that does not vanish as m → 0) is refuted.
  @Test func hyperRewardRateCatchesANonVanishingError() throws {
    let wrong = try PROExistenceClaims.hyperRewardOutcome(ctx, zeroHGap: 1e-3)
    #expect(wrong.verdict == .refuted, "\(wrong.summary)")
    #expect(wrong.counterexample != nil)
  }

  // The zero-H loss in r (used for r*) has the Objectives gradient ∂L/∂log π / β, and differences
  // of values, wherever log π = log π_ref + r/β ≤ 0.
  @Test func zeroHInRewardsMatchesObjectives() throws {
    for loss in PROExAppendixDLoss.all {
      let scores = loss.k == 4 ? [0.3, -0.1, -0.25, 0.05] : [0.2, -0.2]
      let lref = [Double](repeating: -30, count: loss.k)
      for beta in [0.1, 3] {
        let r0 = (0..<loss.k).map { 0.4 - 0.3 * Double($0) }
        let r1 = r0.map { $0 + 0.7 }
        func lp(_ r: [Double]) -> [Double] { (0..<loss.k).map { lref[$0] + r[$0] / beta } }
        let o0 = try loss.evaluate(lp(r0), lref, scores: Array(scores.prefix(loss.k)), beta: beta, exact: false)
        let o1 = try loss.evaluate(lp(r1), lref, scores: Array(scores.prefix(loss.k)), beta: beta, exact: false)
        let m0 = loss.zeroH(r0, scores: Array(scores.prefix(loss.k)), beta: beta)
        let m1 = loss.zeroH(r1, scores: Array(scores.prefix(loss.k)), beta: beta)
        // T-round of either side: N ≤ 12 terms with absolute sum S ≤ 40 (|β s log π| ≤ 16, pair
        // terms O(1)), so 4NεS ≤ 5e-13 relative to 1 + |L|; 1e-12 bounds the sum of both sides.
        #expect(abs((o1.value - o0.value) - (m1.value - m0.value)) <= 1e-12 * (1 + abs(o0.value) + abs(o1.value)))
        for y in 0..<loss.k {
          #expect(abs(o0.grad[y] / beta - m0.grad[y]) <= 1e-12 * (1 + abs(m0.grad[y])), "\(loss.name) β = \(beta)")
        }
      }
    }
  }
}
