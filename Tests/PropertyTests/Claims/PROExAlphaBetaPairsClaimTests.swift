// pro.alpha-beta-equivalent-pairs in quick mode (approximate: the triples agree on existence
// under PRO-B/print, s = −½ has no minimiser in any of them, and the curves differ by ~10%),
// plus mutation tests: identical settings are confirmed, a triple whose printed existence
// differs is refuted.
@testable import Claims
import Testing

@Suite(.serialized) struct PROExAlphaBetaPairsClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func alphaBetaPairsIsApproximate() throws {
    #expect(try PROExistenceClaims.alphaBetaEquivalentPairs.check(ctx).verdict == .approximate)
  }

  @Test func identicalSettingsAreConfirmed() {
    let same = [[(alpha: 2.5, beta: 3e-3), (alpha: 2.5, beta: 3e-3), (alpha: 2.5, beta: 3e-3)]]
    #expect(PROExistenceClaims.alphaBetaOutcome(ctx, triples: same).verdict == .confirmed)
  }

  @Test func disagreeingExistenceIsRefuted() {
    let mixed = [[(alpha: 2.5, beta: 3e-3), (alpha: 500.0, beta: 3e-3), (alpha: 22.5, beta: 3e-4)]]
    let out = PROExistenceClaims.alphaBetaOutcome(ctx, triples: mixed)
    #expect(out.verdict == .refuted)
    #expect(out.counterexample != nil)
  }
}
