// mappo.lipschitz.map-vs-dpo part (ii)'s reused-buffer margin sums against the plain forms
// they replace (LipschitzPoints.inBall, MaPPOClaims.mappoWeights): the same draws and the
// same bits, so the workspace changes the check's speed and nothing else.
@testable import Claims
import Numerics
import Testing

@Suite struct T2MarginWorkspaceTests {
  @Test(arguments: [1, 4])
  func marginSumsMatchThePlainForms(pairs n: Int) throws {
    var r = RandomStream(seed: 31 + UInt64(n))
    for _ in 0..<20 {
      let radius = r.uniform() < 0.5 ? 1.0 : 3.0
      let dr = [0, 0.25, 0.95][r.uniformInt(in: 0...2)]
      let c = T2PairCase.draw(
        &r, k: r.uniformInt(in: 4...16), d: r.uniformInt(in: 2...6), pairs: n, radius: radius, near: false,
        deltaR: { _ in dr })
      let data = c.dataset()
      let dataDPO = c.dataset(deltaROverride: 1)
      var ws = T2MarginWorkspace(data, beta: c.beta)
      for _ in 0..<50 {
        var plain = r
        let (lm, ld) = ws.weightSums(&r, radius: radius)
        let t = LipschitzPoints.inBall(&plain, d: c.d, radius: radius)
        let wm = MaPPOClaims.mappoWeights(data, t, beta: c.beta)
        let wd = MaPPOClaims.mappoWeights(dataDPO, t, beta: c.beta)
        // Exact equality: the same operations in the same order.
        #expect(lm == zip(wm, c.deltaR).map { (1 + $1) * $0 }.reduce(0, +))
        #expect(ld == wd.map { 2 * $0 }.reduce(0, +))
        #expect(plain.next() == r.next())
      }
    }
  }
}
