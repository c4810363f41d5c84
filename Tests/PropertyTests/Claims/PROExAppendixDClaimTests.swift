// pro.prop-implemented-form, pro.equal-pair-weights-eta, pro.prob-coefficient-printed,
// pro.prob-coefficient-optbeta and pro.pros-coefficient in quick mode with a fixed seed,
// asserting the verdicts their full-mode runs compute (printed PRO-B refuted: its regularizer
// carries an extra factor β; the others confirmed), plus mutation tests.
@testable import Claims
import Numerics
import Objectives
import Testing

@Suite(.serialized) struct PROExAppendixDClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func propImplementedFormIsConfirmed() throws {
    #expect(try PROExistenceClaims.propImplementedForm.check(ctx).verdict == .confirmed)
  }

  // Mutation: the zero-H implemented form is not a multiple of the Theorem 4.3 loss.
  @Test func propImplementedFormRejectsZeroH() throws {
    let out = try PROExistenceClaims.propImplementedOutcome(
      ctx, implemented: PROPImplemented(beta: 0.5, hyperReward: .zero))
    #expect(out.verdict == .refuted)
  }

  @Test func equalPairWeightsEtaIsConfirmed() throws {
    #expect(try PROExistenceClaims.equalPairWeightsEta.check(ctx).verdict == .confirmed)
  }

  // Mutation: a wrong stated value N/(N+2).
  @Test func equalPairWeightsEtaRejectsAWrongValue() throws {
    let out = try PROExistenceClaims.equalPairOutcome(ctx) { Double($0) / Double($0 + 2) }
    #expect(out.verdict == .refuted)
  }

  @Test func probCoefficientPrintedIsRefuted() throws {
    let out = try PROExistenceClaims.probCoefficientPrinted.check(ctx)
    #expect(out.verdict == .refuted)
    #expect(out.counterexample != nil)
  }

  @Test func probCoefficientOptBetaIsConfirmed() throws {
    #expect(try PROExistenceClaims.probCoefficientOptBeta.check(ctx).verdict == .confirmed)
  }

  // Mutation: α_B = 2αη(1−η) is refuted; for the printed form, α_B = αη(1−η)/β makes the
  // gradients equal (the β on the regularizer is the whole discrepancy).
  @Test func probCoefficientRejectsDoubleAndPrintedAcceptsOverBeta() throws {
    let wrong = try PROExistenceClaims.probCoefficientOutcome(
      ctx, printed: false, coefficient: { a, e in 2 * a * e * (1 - e) }, runControl: false)
    #expect(wrong.verdict == .refuted)
  }

  // Cases whose T-round reaches the regularizer gradient's size are excluded and reported,
  // not passed; a tolerance-blind coefficient (0: no regularizer) still fails on the others.
  @Test func probCoefficientReportsVacuousExclusions() throws {
    let out = try PROExistenceClaims.probCoefficientOptBeta.check(ctx)
    #expect(out.notes.contains { $0.hasPrefix("excluded (T-round ≥ max|∇ regularizer|") })
    let none = try PROExistenceClaims.probCoefficientOutcome(
      ctx, printed: false, coefficient: { _, _ in 1e-300 }, runControl: false)
    #expect(none.verdict == .refuted)
  }

  @Test func prosCoefficientIsConfirmed() throws {
    #expect(try PROExistenceClaims.prosCoefficient.check(ctx).verdict == .confirmed)
  }

  // Mutation: the strength α/(N+1) instead of α/(N+1)².
  @Test func prosCoefficientRejectsAWrongStrength() throws {
    let out = try PROExistenceClaims.prosOutcome(ctx) { a, n in a / Double(n + 1) }
    #expect(out.verdict == .refuted)
  }

  // Mutation: a PRO-S objective left at the unrescaled strength α/(N+1)² per pair (its α′ is
  // αN/(2(N+1))); (ii) and (iv), now read off the objective, must fail.
  @Test func prosCoefficientRejectsAnUnrescaledObjective() throws {
    @Sendable func wrong(_ b: Double, _ a: Double, _ n: Int) -> PROS {
      PROS(beta: b, alpha: a * Double(n) / (2 * Double(n + 1)))
    }
    let out = try PROExistenceClaims.prosOutcome(
      ctx, prosLoss: { b, a, x in try wrong(b, a, x.logProbs.count).loss(x) },
      prosGradient: { b, a, x in try wrong(b, a, x.logProbs.count).gradient(x) })
    #expect(out.verdict == .refuted)
  }
}
