// The Float tanh of the training path (Sources/Training/Model/RationalTanh.swift) against
// float64 libm tanh: within 4 Float ulps relative everywhere (the fit's measured maximum is
// 3.3 ulps; 4 leaves room for the last rounding of the comparison), odd, and ±1 in the tails.
import Numerics
import TestSupport
import Testing
import Training

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Training rational tanh (Float)")
struct ModelRationalTanhTests {
  static let ulps = 4.0

  @Test func withinFourUlps() {
    var r = RandomStream(seed: TestSeed.seed(for: "Training.rationalTanh"))
    var points: [Float] = [0, 1e-30, 1e-8, 4e-4, 0.5, 1, 2, 5, 7.9, 8, 9, 20, 1e30]
    for _ in 0..<20_000 { points.append(Float(r.uniform(in: -10..<10))) }
    for _ in 0..<5_000 { points.append(Float(Glibc.exp(r.uniform(in: -20..<2.3)))) }
    let tol = Tolerance.roundoff(
      ulps: Self.ulps * Double(Float.ulpOfOne) / Double.ulpOfOne,
      floor: Double(Float.leastNormalMagnitude),
      reason: "4 Float ulps: measured 3.3-ulp maximum of the rational fit")
    var worst = 0.0
    for x in points + points.map({ -$0 }) {
      let got = Double(RationalTanh.tanh(x))
      let want = Glibc.tanh(Double(x))
      worst = max(worst, abs(got - want) / max(abs(want), Double(Float.leastNormalMagnitude)))
      #expect(tol.accepts(got, want), "x = \(x): \(tol.explain(got, want))")
    }
    // Not vacuous: the rational form is not libm's tanhf; its error is visible.
    #expect(worst > Double(Float.ulpOfOne) / 4)
  }

  @Test func oddAndSaturating() {
    for x: Float in [0.1, 0.7, 3, 7.9, 100] {
      #expect(RationalTanh.tanh(-x) == -RationalTanh.tanh(x))
    }
    #expect(abs(RationalTanh.tanh(100) - 1) <= Float.ulpOfOne)
    #expect(RationalTanh.tanh(0) == 0)
  }
}
