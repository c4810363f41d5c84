import Numerics
import Objectives
import Testing

// pipa.no-additional-hyperparameters (../shared/claims/pipa.md; 004_fe2e5eb1635a4348.txt §3.1,
// §2.6): the check's quick verdict, and a mutation (ε frozen) that changes it.
@testable import Claims

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PIPANoAdditionalHyperparametersTests {
  // Verdict: where the optimum is interior (F(y) = p*(c=1|y) ≤ 0.95 or n₁/(n₁ + n₀) < 1) the clip
  // is inactive and ε cannot enter the objective; but on a cell with many positives and few
  // negatives the practical objective gains d₁ log F > d₀ log ε for the larger ε, so its best
  // point moves into the clip (F > 1), e.g. coupling instance #8 (K = 6) at ε = 1e-6 →
  // conditional on the clip being inactive (full mode, seed 20251130, 100 instances per source:
  // 109 of 285 decided instances active, 15 undecided, conditional as well).
  @Test func quickVerdict() throws {
    let out = try PIPAClaims.noAdditionalHyperparameters.check(CheckContext(seed: 1, mode: .quick))
    #expect(out.verdict == .conditional, "\(out.summary)")
    #expect(!out.conditions.isEmpty)
    #expect(out.counterexample != nil)
  }

  @Test func confirmsWhenEpsilonCannotMatter() {
    // The same loss with ε frozen at 1e-10 whatever ε is tested: no instance can be active,
    // so the verdict is no longer conditional (the check detects ε-dependence, not its absence).
    let frozen = PIPAClaims.PracticalTokenLoss(
      value: { l, c, _ in PIPAM.tokenLoss(logRatio: l, label: c, epsilon: 1e-10) },
      slope: { l, c, _ in PIPAM.tokenSlope(logRatio: l, label: c, epsilon: 1e-10) })
    let out = PIPAClaims.noAdditionalHyperparametersCheck(CheckContext(seed: 1, mode: .quick), loss: frozen)
    // With the instances of the full-mode layout (quick mode takes its first 3 per source) a
    // frozen ε leaves no instance active; the undecided ones (a negative cell within 1e-6 of
    // F = 1 while the F-vectors agree) exceed 20 % of 9, so the verdict is inconclusive, not
    // conditional.
    #expect(out.verdict != .conditional, "\(out.summary)")
    #expect(out.verdict == .confirmed || out.verdict == .inconclusive, "\(out.summary)")
    #expect(out.notes.contains { $0.hasPrefix("(b) inert") && $0.contains("active 0,") }, "\(out.notes)")
  }
}
