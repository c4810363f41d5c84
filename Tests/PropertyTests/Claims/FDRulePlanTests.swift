// FDRule.plan followed by FDRule.evaluate is FDRule.compare split at its draws (so that checks
// can draw every point's plan in serial order and evaluate elsewhere): the same comparisons and
// the same stream state afterwards, above the 64-coordinate budget (where the plan draws 32
// coordinates and 8 directions) and below it (where it draws nothing).
import Claims
import Numerics
import Testing

@Suite struct FDRulePlanTests {
  @Test(arguments: [10, 100])
  func planThenEvaluateIsCompare(n: Int) throws {
    var points = RandomStream(seed: 11)
    let theta = (0..<n).map { _ in points.gaussian() }
    let f: ([Double]) -> Double = { logSumExp($0) }
    let gradient = softmax(theta)
    var a = RandomStream(seed: 4)
    var b = a
    let whole = try FDRule.compare(f: f, gradient: gradient, at: theta, random: &a)
    let plan = FDRule.plan(count: n, random: &b)
    let split = try FDRule.evaluate(plan, f: f, gradient: gradient, at: theta)
    #expect(plan.coordinates.count == (n > 64 ? 32 : n))
    #expect(plan.directions.count == (n > 64 ? 8 : 0))
    let labels = (whole.map { $0.label }, split.map { $0.label })
    let values = (whole.map { $0.numeric.value }, split.map { $0.numeric.value })
    let errors = (whole.map { $0.numeric.error }, split.map { $0.numeric.error })
    let allPassed = whole.allSatisfy { $0.passed }
    #expect(labels.0 == labels.1)
    #expect(values.0 == values.1)
    #expect(errors.0 == errors.1)
    #expect(allPassed)
    let next = (a.uniform(), b.uniform())
    #expect(next.0 == next.1)
  }
}
