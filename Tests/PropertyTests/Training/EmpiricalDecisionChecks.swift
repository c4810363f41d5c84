// The decision checks a paper's empirical claims share (claims/FORMAT.md verdicts): on
// fabricated results (``EmpCoreFixtures``) shifted to the claimed side a claim confirms, to
// the opposite side it refutes, with seed noise larger than the shift it is inconclusive,
// and without a run (or with one seed) it is inconclusive and names the missing run.
// A paper's suite supplies its claim and its scenario (shift k = 1 claimed, −1 opposite).
import Testing

import Claims
import Training

enum EmpiricalDecisionChecks {
  typealias Scenario = (_ k: Double) -> (String) -> EmpShift

  static func claimedSideConfirms(_ c: EmpiricalClaim, _ scenario: Scenario) throws {
    let out = try c.decide(EmpCoreFixtures.results(c.runs, jitter: 0.02, shift: scenario(1)))
    #expect(out.verdict == .confirmed, "\(c.id): \(out.summary)")
  }

  static func oppositeSideRefutes(_ c: EmpiricalClaim, _ scenario: Scenario) throws {
    let out = try c.decide(EmpCoreFixtures.results(c.runs, jitter: 0.02, shift: scenario(-1)))
    #expect(out.verdict == .refuted, "\(c.id): \(out.summary)")
  }

  static func noisySeedsAreInconclusive(_ c: EmpiricalClaim, _ scenario: Scenario) throws {
    let out = try c.decide(EmpCoreFixtures.results(c.runs, jitter: 0.3, shift: scenario(0)))
    #expect(out.verdict == .inconclusive, "\(c.id): \(out.summary)")
  }

  static func missingRunIsInconclusiveNamingIt(_ c: EmpiricalClaim, _ scenario: Scenario)
    throws
  {
    for spec in c.runs {
      let full = EmpCoreFixtures.results(c.runs, shift: scenario(1))
      let out = try c.decide(EmpCoreFixtures.dropping(spec.label, from: full))
      #expect(out.verdict == .inconclusive, "\(c.id) without \(spec.label): \(out.verdict)")
      #expect(out.summary.contains(spec.label), "\(c.id): \(out.summary)")
    }
    let one = try c.decide(EmpCoreFixtures.results(c.runs, seeds: 1, shift: scenario(1)))
    #expect(one.verdict == .inconclusive, "\(c.id) with one seed: \(one.summary)")
  }
}
