// mappo.lipschitz.sigmoid-quarter — App. A.2 after eq. (28): "σ(u) is Lipschitz with
// constant 1/4", i.e. |σ(a) − σ(b)| ≤ ¼|a − b| for all real a, b.
import Numerics

extension MaPPOClaims {
  static let lipschitzSigmoidQuarter = Claim(
    id: "mappo.lipschitz.sigmoid-quarter", paper: .mappo,
    source: "App. A.2, after eq. (28)", kind: .inequality,
    statement: "|σ(a) − σ(b)| ≤ ¼·|a − b| for all real a, b."
  ) { ctx in
    var tally = Tally()
    var r = ctx.stream("pairs")
    var maxRatio = 0.0
    let wide = ctx.count(full: 100_000, quick: 10_000)
    let close = ctx.count(full: 10_000, quick: 2_000)
    func test(_ cls: String, _ a: Double, _ b: Double) {
      let lhs = abs(sigmoid(a) - sigmoid(b))
      let rhs = 0.25 * abs(a - b)
      // T_id with S = |σ(a)| + |σ(b)| + ¼|a − b|: the rounding of the two sigmoids and the
      // product.
      let tol = CatalogTolerance.identity(termSum: sigmoid(a) + sigmoid(b) + rhs)
      if a != b { maxRatio = max(maxRatio, lhs / rhs) }
      tally.record(
        cls, passed: lhs <= rhs + tol.absolute, residual: max(0, lhs - rhs), allowed: tol.absolute,
        reason: tol.reason, inputs: [NamedValue("a", a), NamedValue("b", b)],
        detail: "|σ(a) − σ(b)| = \(lhs) > ¼|a − b| = \(rhs)")
    }
    for _ in 0..<wide { test("pairs in [−50, 50]²", Strata.uniform(&r, -50, 50), Strata.uniform(&r, -50, 50)) }
    for _ in 0..<close {
      let a = Strata.uniform(&r, -1e-2, 1e-2)
      test("close pairs near 0, |a − b| ≤ 1e-3", a, a + Strata.uniform(&r, -1e-3, 1e-3))
    }
    return tally.outcome(
      claim: "σ is ¼-Lipschitz",
      notes: ["largest observed |σ(a) − σ(b)|/|a − b| = \(maxRatio) (tight: σ′(0) = ¼)"])
  }
}
