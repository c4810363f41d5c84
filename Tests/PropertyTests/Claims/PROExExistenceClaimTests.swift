// pro.thm42-threshold-exists, pro.corb2-alpha0-sufficient and pro.thm43-existence in quick mode
// with a fixed seed, asserting the verdicts their full-mode runs compute, plus mutation tests of
// the M4 decision (a descending ray must make it ABSENT) and of Corollary B.2's α₀.
import Analytic
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct PROExExistenceClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func thm43ExistenceIsConfirmed() throws {
    #expect(try PROExistenceClaims.thm43Existence.check(ctx).verdict == .confirmed)
  }

  // Mutation: far below 1/η² (α = 10⁻³/η²) some instance has a descending ray.
  @Test func thm43ExistenceFailsFarBelowTheThreshold() {
    let out = PROExistenceClaims.thm43ExistenceOutcome(ctx, alphaFactors: [1e-3])
    #expect(out.verdict == .refuted)
  }

  @Test func thm42IsConfirmed() throws {
    let out = try PROExistenceClaims.thm42ThresholdExists.check(ctx)
    #expect(out.verdict == .confirmed)
    // The M7 exclusion count and the Lemma 3.1 diagnostic are reported.
    #expect(out.notes.contains { $0.hasPrefix("excluded instances (M4 UNDECIDED") })
    #expect(out.notes.contains { $0.hasPrefix("Lemma 3.1 diagnostic") && $0.contains("case ") })
  }

  @Test func corb2Alpha0IsConfirmed() throws {
    #expect(try PROExistenceClaims.corb2Alpha0Sufficient.check(ctx).verdict == .confirmed)
  }

  // Mutation: α₀ divided by 100 is not a valid threshold on the instances with ŝ < 0.
  @Test func corb2RejectsATooSmallAlpha0() {
    let out = PROExistenceClaims.corb2Outcome(ctx) {
      PROExThresholds.alpha0Threshold(muHat: $0.muHat, scores: $0.scores, mu: $0.mu) / 100
    }
    #expect(out.verdict == .refuted)
  }

  // The M4 decision on a two-element space: ŝ(y) = −½, µ = (½, ½): threshold α = 2·½/(½·½) = 4.
  @Test func decisionSeparatesBothSidesOfTheBoundaryThreshold() {
    let loss = PROExHyperLoss(
      beta: 1, mu: [0.5, 0.5], refLogProbs: [log(0.5), log(0.5)], weights: [-0.5, 0])
    var r = RandomStream(seed: 3)
    let starts = PROExExistence.starts(refLogProbs: loss.refLogProbs, random: &r)
    let bases = [loss.refLogProbs]
    #expect(PROExExistence.decide(loss, alpha: 3, starts: starts, bases: bases).decision == .absent)
    #expect(PROExExistence.decide(loss, alpha: 5, starts: starts, bases: bases).decision == .exists)
  }
}
