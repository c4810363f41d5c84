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

  @Test func prosCoefficientIsConfirmed() throws {
    #expect(try PROExistenceClaims.prosCoefficient.check(ctx).verdict == .confirmed)
  }

  // Mutation: the strength α/(N+1) instead of α/(N+1)².
  @Test func prosCoefficientRejectsAWrongStrength() throws {
    let out = try PROExistenceClaims.prosOutcome(ctx) { a, n in a / Double(n + 1) }
    #expect(out.verdict == .refuted)
  }
}
