// DPO (MaPPO eq. 3): analytic gradient versus GSL central differences and Ridders.
import Numerics
import Objectives
import Testing
import TestSupport

@Suite struct DPOGradientTests {
  @Test func gradientMatchesFiniteDifferences() throws {
    let dpo = DPO(beta: 0.1)
    let x = PreferencePair(
      logProbChosen: -12.5, logProbRejected: -40.25, refLogProbChosen: -14, refLogProbRejected: -38)
    let checks = try GradientCheck.check(
      names: x.variableNames, at: x.variables, analytic: try dpo.gradient(x)
    ) { v in try? dpo.loss(x.replacing(variables: v)) }
    for c in checks { #expect(c.passed, "\(c)") }
  }
}
