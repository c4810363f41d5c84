// pro.kto-saturation, pro.regularizer-gradient-cap, pro.regularizer-beta-accelerates and
// pro.fig3-curve-overlap in quick mode with a fixed seed, asserting the verdicts their
// full-mode runs compute (confirmed ×3; fig3 approximate: equal slopes 3/8 at 0, cubic gap),
// plus mutation tests injecting a non-saturating derivative or a wrong profile.
@testable import Claims
import Analytic
import Numerics
import Objectives
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct PROExProfileClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func ktoSaturationIsConfirmed() throws {
    #expect(try PROExistenceClaims.ktoSaturation.check(ctx).verdict == .confirmed)
  }

  // Mutation: a log-sigmoid-like KTO derivative −λσ(−t) does not decay as t → −∞.
  @Test func ktoSaturationRejectsAOneSidedDerivative() throws {
    let out = try PROExistenceClaims.ktoOutcome(ctx) { kto, x in
      -kto.lambdaD * sigmoid(-(try kto.shiftedReward(x)))
    }
    #expect(out.verdict == .refuted)
  }

  // Mutation: the optimizer derivative taken in logits (∂_z = ∂_u − π Σ∂_u) varies with π, so
  // the "constant −βµ̂ŝ" part, now on random M1 instances, must fail.
  @Test func ktoSaturationRejectsAPointDependentOptimizerDerivative() throws {
    let out = try PROExistenceClaims.ktoOutcome(ctx, optimizerDerivative: { loss, u in
      let g = try loss.parts(u).optimizerGradient
      let t = g.reduce(0, +)
      return u.indices.map { g[$0] - exp(u[$0]) * t }
    })
    #expect(out.verdict == .refuted)
  }

  @Test func gradientCapIsConfirmed() throws {
    #expect(try PROExistenceClaims.regularizerGradientCap.check(ctx).verdict == .confirmed)
  }

  // Mutation: a cap that depends on β (α/(4β)·tanh(βδ/2)).
  @Test func gradientCapRejectsABetaDependentCap() {
    let out = PROExistenceClaims.gradientCapOutcome(ctx) { a, b, d in a / (4 * b) * tanh(b * d / 2) }
    #expect(out.verdict == .refuted)
  }

  @Test func betaAcceleratesIsConfirmed() throws {
    #expect(try PROExistenceClaims.regularizerBetaAccelerates.check(ctx).verdict == .confirmed)
  }

  // Mutation: a profile whose gradient falls with β.
  @Test func betaAcceleratesRejectsADeceleratingProfile() throws {
    let out = try PROExistenceClaims.betaAcceleratesOutcome(ctx) { a, b, d in a / 4 * tanh(d / (2 * b)) }
    #expect(out.verdict == .refuted)
  }

  @Test func fig3IsApproximate() throws {
    #expect(try PROExistenceClaims.fig3CurveOverlap.check(ctx).verdict == .approximate)
  }

  // Mutation: without β inside σ the slopes at 0 differ (1/8 vs 3/8).
  @Test func fig3RejectsUnequalSlopes() throws {
    let out = try PROExistenceClaims.fig3Outcome(ctx) { a, b, d in a / 4 * tanh(d / 2) }
    #expect(out.verdict == .refuted)
  }
}
