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

  // The fixed scalings are evaluated, not only fitted: every statement holds at k = ½ and
  // fails at k = 1; the circularity of the inferred convention is stated.
  @Test func alphaConventionEvaluatesFixedScalings() throws {
    let out = try PROExistenceClaims.alphaConventionConsistency.check(ctx)
    let half = out.notes.first { $0.hasPrefix("at k = ½") } ?? ""
    let one = out.notes.first { $0.hasPrefix("at k = 1") } ?? ""
    #expect(half.components(separatedBy: " holds").count == 5)
    #expect(one.components(separatedBy: " fails").count == 5)
    #expect(out.notes.contains { $0.hasPrefix("circularity") })
  }
}
