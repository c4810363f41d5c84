// pro.prob-existence-optbeta (confirmed: threshold α_B = 1 for s = −½, equal to the
// per-boundary bound) and pro.prob-existence-printed (refuted: with β on the regularizer the
// threshold is α_B = 1/β, so s = −½ has no minimiser at the paper's (α_B, β) such as (2.5, 0.003))
// in quick mode with a fixed seed, plus mutation tests of the one-dimensional M4 decision.
import Analytic
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct PROExProBExistenceClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func optBetaIsConfirmed() throws {
    #expect(try PROExistenceClaims.probExistenceOptBeta.check(ctx).verdict == .confirmed)
  }

  @Test func printedIsRefuted() throws {
    let out = try PROExistenceClaims.probExistencePrinted.check(ctx)
    #expect(out.verdict == .refuted)
    #expect(out.counterexample?.detail.contains("absent") == true)
  }

  // Mutation of the decision: below the βopt threshold (α_B = 0.5 < 1, s = −½) the ray
  // π(y) → 0 descends; above it (α_B = 2) a minimiser exists at log(π*/π_ref) finite.
  @Test func decisionSeparatesBothSidesOfTheThreshold() {
    let below = PROExProBLine(beta: 0.3, alphaB: 0.5, label: -0.5, refLogProb: log(0.5), printed: false)
    let above = PROExProBLine(beta: 0.3, alphaB: 2, label: -0.5, refLogProb: log(0.5), printed: false)
    #expect(below.decide().decision == .absent)
    #expect(above.decide().decision == .exists)
    #expect(abs((below.rayThreshold() ?? 0) - 1) < 1e-9)
  }
}
