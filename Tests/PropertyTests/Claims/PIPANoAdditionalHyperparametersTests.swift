// pipa.no-additional-hyperparameters (../shared/claims/pipa.md; 004_fe2e5eb1635a4348.txt §3.1,
// §2.6): the check's quick verdict, and a mutation (ε entering the objective) that shows the
// check can fail.
@testable import Claims
import Numerics
import Objectives
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PIPANoAdditionalHyperparametersTests {
  // Verdict: on the instances the practical optimum is interior (F(y) = n₁/(n₁ + n₀) or
  // p*(c=1|y) ≤ 0.95 < 1 − ε for every tested ε), where the clip is inactive and ε cannot
  // enter the objective's value or gradient → confirmed (full mode: same verdict).
  @Test func quickVerdict() throws {
    let out = try PIPAClaims.noAdditionalHyperparameters.check(CheckContext(seed: 1, mode: .quick))
    #expect(out.verdict == .confirmed, "\(out.summary)")
  }

  @Test func failsWhenEpsilonEntersTheObjective() {
    // A negative term with an ε-weighted extra −10⁴ε·log F (a setting that does act as a
    // hyperparameter): at ε = 1e-6 it moves F by ~1e-2, so ε is no longer inert.
    let out = PIPAClaims.noAdditionalHyperparametersCheck(CheckContext(seed: 1, mode: .quick)) { l, c, e in
      let v = PIPAM.tokenLoss(logRatio: l, label: c, epsilon: e)
      let d = PIPAM.tokenSlope(logRatio: l, label: c, epsilon: e)
      return c == 1 ? (v, d) : (v - 1e4 * e * l, d - 1e4 * e)
    }
    #expect(out.verdict != .confirmed, "\(out.summary)")
  }
}
