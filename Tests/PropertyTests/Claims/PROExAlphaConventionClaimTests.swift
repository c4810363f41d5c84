// pro.alpha-convention-consistency in quick mode (confirmed: all four statements fit k = ½, the
// footnote with c = ¼), plus a mutation: a binary coefficient 2αη(1−η) needs k = 1 and the
// statements disagree.
@testable import Claims
import Testing

@Suite(.serialized) struct PROExAlphaConventionClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func alphaConventionIsConfirmed() throws {
    let out = try PROExistenceClaims.alphaConventionConsistency.check(ctx)
    #expect(out.verdict == .confirmed)
    #expect(out.summary.contains("k = 0.5"))
  }

  @Test func alphaConventionRejectsAWrongBinaryCoefficient() throws {
    let out = try PROExistenceClaims.alphaConventionOutcome(ctx) { a, e in 2 * a * e * (1 - e) }
    #expect(out.verdict == .refuted)
  }
}
