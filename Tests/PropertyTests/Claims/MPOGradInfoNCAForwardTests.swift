// MPOGradInfoNCAForward must reproduce the dual-number L_InfoNCA of MPOGradReference.infoNCA
// bit for bit (the speed-up of mpo.thm5.infonca-stationary may not change a single number):
// FS (identity tangents) and TAB (tangents through log softmax(θ)), over seeded GRAD-IN
// instances and edge-biased scores (huge spreads, ties, β ≠ 1). Exact equality, no tolerance.
import Analytic
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MPOGradInfoNCAForwardTests {
  static func context() -> CheckContext { CheckContext(seed: 20251130, mode: .quick) }

  /// Scores for case `c`: uniform, tied, or very spread.
  static func scores(_ r: inout RandomStream, k: Int, case c: Int) -> [Double] {
    switch c % 3 {
    case 0: return (0..<k).map { _ in Strata.uniform(&r, -20, 20) }
    case 1: return [Double](repeating: Strata.uniform(&r, -5, 5), count: k)
    default: return (0..<k).map { _ in Strata.uniform(&r, -700, 700) }
    }
  }

  @Test(arguments: 0..<60)
  func fsMatchesTheDualNumbers(_ i: Int) {
    let ctx = Self.context()
    let x = MPOGradInputs.instance(ctx, i, label: "forward-test")
    var r = ctx.stream("forward-test/scores", index: UInt64(i))
    let s = Self.scores(&r, k: x.k, case: i)
    let (l, lp) = MPOGradReference.infoNCA(MPOGradDual.variables(s), target: x.target)
    var fw = MPOGradInfoNCAForward(k: x.k, n: x.k)
    fw.setVariables(s)
    let v = fw.evaluate(target: x.target)
    #expect(v.bitPattern == l.v.bitPattern)
    #expect(fw.gradient.map(\.bitPattern) == l.d.map(\.bitPattern))
    #expect(fw.logModel.map(\.bitPattern) == lp.map { $0.v.bitPattern })
  }

  @Test(arguments: 0..<60)
  func tabMatchesTheDualNumbers(_ i: Int) {
    let ctx = Self.context()
    let x = MPOGradInputs.instance(ctx, i, label: "forward-test")
    var r = ctx.stream("forward-test/theta", index: UInt64(i))
    let logRef = r.dirichlet([Double](repeating: 1, count: x.m)).map { log(max($0, 1e-300)) }
    let theta = zip(logRef, Self.scores(&r, k: x.m, case: i)).map { $0 + $1 / 10 }
    let beta = [1.0, 0.1, 3.0][i % 3]
    let (g, pm) = MPOGradientClaims.thm5TabGradient(theta: theta, logRef: logRef, k: x.k, beta: beta,
      target: x.target)
    var fw = MPOGradInfoNCAForward(k: x.k, n: x.m)
    fw.setTabScores(theta: theta, logRef: logRef, beta: beta)
    fw.evaluate(target: x.target)
    #expect(fw.gradient.map(\.bitPattern) == g.map(\.bitPattern))
    #expect(fw.logModel.map { exp($0).bitPattern } == pm.map(\.bitPattern))
  }

  /// The buffers are reused: a second evaluation at other inputs gives that input's result.
  @Test func reuseGivesTheFreshResult() {
    let ctx = Self.context()
    let x = MPOGradInputs.instance(ctx, 3, label: "forward-test", k: 5)
    var fw = MPOGradInfoNCAForward(k: 5, n: 5)
    fw.setVariables([1, 2, 3, 4, 5])
    fw.evaluate(target: x.target)
    let s = [-3.0, 0.5, 7, 2, -1]
    fw.setVariables(s)
    fw.evaluate(target: x.target)
    let (l, _) = MPOGradReference.infoNCA(MPOGradDual.variables(s), target: x.target)
    #expect(fw.gradient.map(\.bitPattern) == l.d.map(\.bitPattern))
  }
}
