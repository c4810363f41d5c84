// pro.regularizer-boundary-divergence and pro.boundary-slope-threshold in quick mode with a
// fixed seed, asserting the verdicts their full-mode runs compute (both confirmed: every M3
// ray diverges for full-support µ; the measured threshold matches −2µ̂ŝ/(µ(y₀)µ(𝒴₊)) to
// ~1e-15), plus mutation tests that inject a wrong regularizer / a wrong closed form.
import Analytic
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct PROExBoundaryClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  @Test func boundaryDivergenceIsConfirmed() throws {
    let out = try PROExistenceClaims.regularizerBoundaryDivergence.check(ctx)
    #expect(out.verdict == .confirmed)
  }

  // Mutation: a bounded "regularizer" (tanh R) stays finite along every ray.
  @Test func boundaryDivergenceRejectsABoundedRegularizer() throws {
    let out = try PROExistenceClaims.boundaryDivergenceOutcome(ctx) { inst, u in
      tanh(try inst.loss.parts(u).regularizer)
    }
    #expect(out.verdict == .refuted)
    #expect(out.counterexample != nil)
  }

  @Test func boundarySlopeThresholdIsConfirmed() throws {
    let out = try PROExistenceClaims.boundarySlopeThreshold.check(ctx)
    #expect(out.verdict == .confirmed)
  }

  // Mutation: the closed form without its factor 2 (the α-vs-α/2 convention) is refuted.
  @Test func boundarySlopeThresholdRejectsTheFormulaWithoutFactor2() throws {
    let out = try PROExistenceClaims.boundarySlopeOutcome(ctx) { y0, i, f in
      PROExThresholds.boundaryThreshold(
        y0: y0, muHat: i.muHat, scores: i.scores, mu: i.mu, factor: f / 2)
    }
    #expect(out.verdict != .confirmed)
  }

  // The strict second link fails whenever 𝒴₊ holds an argmin of µ (already at m = 2).
  @Test func minMuInequalityIsRefuted() {
    let out = PROExistenceClaims.minMuOutcome(ctx)
    #expect(out.verdict == .refuted)
    #expect(out.notes.first == "link 1 sub-verdict: confirmed")
    #expect(out.counterexample?.inputs.count == 3)
  }

  // Mutation: with the non-strict comparison the same partitions all pass.
  @Test func minMuInequalityNonStrictIsConfirmed() {
    #expect(PROExistenceClaims.minMuOutcome(ctx, strict: { $0 >= $1 }).verdict == .confirmed)
  }
}
