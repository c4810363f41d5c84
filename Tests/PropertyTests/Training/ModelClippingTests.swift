// Global-norm gradient clipping (Sources/Training/Optim/GradientClipping.swift).
import Numerics
import TestSupport
import Testing
import Training

@Suite("Training gradient clipping")
struct ModelClippingTests {
  static func store(_ grads: [Double]) throws -> ParameterStore<Double> {
    var layout = ParameterLayout()
    _ = Linear(name: "lin", inputs: 2, outputs: 1, layout: &layout)
    let s = ParameterStore<Double>(layout: layout)
    for (i, g) in grads.enumerated() { s.gradients[i] = g }
    return s
  }

  /// ‖(3, 4, 0)‖ = 5 > 1: scaled by 1/5 to (0.6, 0.8, 0) — within 2 ulps (one product).
  @Test func clipsAboveThreshold() throws {
    let s = try Self.store([3, 4, 0])
    let norm = try GradientClipping.clip(s, maxNorm: 1)
    #expect(norm == 5)
    let tol = Tolerance.roundoff(ulps: 2, reason: "one rounded product g·(c/‖g‖)")
    for (got, want) in zip(s.gradientsAsDoubles, [0.6, 0.8, 0]) {
      #expect(tol.accepts(got, want), "\(tol.explain(got, want))")
    }
    #expect(abs(GradientClipping.globalNorm(s) - 1) <= 4 * Double.ulpOfOne)
  }

  /// Below the threshold nothing changes, bit for bit.
  @Test func leavesSmallGradients() throws {
    let s = try Self.store([0.3, -0.4, 0.1])
    try GradientClipping.clip(s, maxNorm: 1)
    #expect(s.gradientsAsDoubles == [0.3, -0.4, 0.1])
  }

  /// Direction is preserved for every random gradient and the clipped norm is c (property).
  @Test func preservesDirection() throws {
    var r = RandomStream(seed: TestSeed.seed(for: "Training.clipping.direction"))
    for _ in 0..<200 {
      let g = (0..<3).map { _ in r.gaussian() * 10 }
      let s = try Self.store(g)
      let c = 0.5 + r.uniform()
      let n = try GradientClipping.clip(s, maxNorm: c)
      let after = s.gradientsAsDoubles
      let scale = n > c ? c / n : 1
      for (a, b) in zip(after, g) {
        #expect(abs(a - scale * b) <= 2 * Double.ulpOfOne * abs(scale * b))
      }
    }
  }

  @Test func rejectsBadInput() throws {
    let s = try Self.store([1, .infinity, 0])
    #expect(throws: ModelError.self) { try GradientClipping.clip(s, maxNorm: 1) }
    let t = try Self.store([1, 1, 0])
    #expect(
      throws: ModelError(field: "maxGradientNorm", value: "0.0", rule: "must be finite and > 0")
    ) {
      try GradientClipping.clip(t, maxNorm: 0)
    }
  }
}
