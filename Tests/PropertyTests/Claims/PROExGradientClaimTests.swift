// pro.thm43-prop-equivalence, pro.rlhf-sg-gradient, pro.regularizer-gradient-eq30,
// pro.bounded-weights and pro.reverse-vs-forward-kl-limits in quick mode with a fixed seed,
// asserting the verdicts their full-mode runs compute (all confirmed), plus mutation tests
// that inject a wrong coefficient, a wrong gradient, a wrong bound or a bounded K.
@testable import Claims
import Numerics
import Objectives
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct PROExGradientClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func thm43PropEquivalenceIsConfirmed() throws {
    #expect(try PROExistenceClaims.thm43PropEquivalence.check(ctx).verdict == .confirmed)
  }

  // Mutation: α = 1.1/η² breaks the gradient identity.
  @Test func thm43RejectsAWrongAlpha() throws {
    let out = try PROExistenceClaims.thm43Outcome(ctx, alphaFactor: 1.1)
    #expect(out.verdict == .refuted)
  }

  @Test func rlhfSGGradientIsConfirmed() throws {
    #expect(try PROExistenceClaims.rlhfSGGradient.check(ctx).verdict == .confirmed)
  }

  // Mutation: differentiating through the stop-gradient on the log-ratio (2u − v).
  @Test func rlhfRejectsDifferentiatingThroughSG() throws {
    let out = try PROExistenceClaims.rlhfOutcome(ctx) { obj, x in
      let u = logSoftmax(x.logits)
      let v = logSoftmax(x.refLogits)
      let g = u.indices.map { exp(u[$0]) * (-x.rewards[$0] + obj.beta * (2 * u[$0] - v[$0])) }
      let t = g.reduce(0, +)
      return u.indices.map { g[$0] - exp(u[$0]) * t }
    }
    #expect(out.verdict != .confirmed)
  }

  @Test func eq30IsConfirmed() throws {
    #expect(try PROExistenceClaims.regularizerGradientEq30.check(ctx).verdict == .confirmed)
  }

  // Mutation: the right side with αβ/2.
  @Test func eq30RejectsHalfTheCoefficient() throws {
    #expect(try PROExistenceClaims.eq30Outcome(ctx, coefficientFactor: 0.5).verdict == .refuted)
  }

  @Test func boundedWeightsIsConfirmed() throws {
    #expect(try PROExistenceClaims.boundedWeights.check(ctx).verdict == .confirmed)
  }

  // Mutation: a bound of αβ/4 per pair is exceeded (the true bound αβ/2 is attained).
  @Test func boundedWeightsRejectsATooSmallBound() throws {
    let out = try PROExistenceClaims.boundedWeightsOutcome(ctx) { b, a, m, s in 0.25 * a * b * m * s }
    #expect(out.verdict == .refuted)
  }

  // Mutation: an RLHF objective whose KL weight is clipped, β·tanh(log π/π_ref), is bounded,
  // so part (b) (read off the injected gradient along the ray) must fail.
  @Test func boundedWeightsRejectsABoundedRLHFWeight() throws {
    let out = try PROExistenceClaims.boundedWeightsOutcome(ctx, rlhfGradient: { beta, x in
      let u = logSoftmax(x.logits)
      let v = logSoftmax(x.refLogits)
      let g = u.indices.map { exp(u[$0]) * beta * tanh(u[$0] - v[$0]) }
      let t = g.reduce(0, +)
      return u.indices.map { g[$0] - exp(u[$0]) * t }
    })
    #expect(out.verdict == .refuted)
  }

  @Test func reverseForwardIsConfirmed() throws {
    #expect(try PROExistenceClaims.reverseForwardKLLimits.check(ctx).verdict == .confirmed)
  }

  // Mutation: a bounded divergence (tanh K) never exceeds 10.
  @Test func reverseForwardRejectsABoundedDivergence() throws {
    let out = try PROExistenceClaims.reverseForwardOutcome(ctx) { tanh(BernoulliHalfKL.value($0)) }
    #expect(out.verdict == .refuted)
  }
}
