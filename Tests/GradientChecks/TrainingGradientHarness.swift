// Shared driver of the transformer's gradient checks (Tests/GradientChecks/Training*): a
// scalar function of a flat Double vector and its analytic gradient from a hand-written
// backward pass, compared coordinate by coordinate (or along directions) with GSL's central
// difference and Ridders' extrapolation by TestSupport.GradientCheck — tolerances from their
// error estimates plus float64 rounding, as for the objectives — and a negative control: one
// partial shifted by 1e-4·‖g‖∞ (far below what a wrong formula produces) must be rejected.
import Numerics
import TestSupport
import Testing
import Training

enum TrainingGradientHarness {
  /// A differentiable problem: f at `point`, its analytic gradient, coordinate names.
  struct Problem {
    var names: [String]
    var point: [Double]
    var analytic: [Double]
    var f: ([Double]) -> Double
  }

  /// Checks the coordinates `indices` (all when nil) and runs negative controls on up to
  /// `controls` of them; returns the number of controls caught.
  @discardableResult
  static func check(
    _ label: String, _ p: Problem, indices: [Int]? = nil, controls: Int = 3,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Int {
    let chosen = indices ?? Array(p.point.indices)
    let gmax = p.analytic.map { abs($0) }.max() ?? 0
    #expect(
      gmax > 0, "\(label): analytic gradient is identically zero", sourceLocation: sourceLocation)
    var failures = 0
    var eligible: [Int] = []
    let shift = 1e-4 * gmax + 1e-7
    for i in chosen {
      let c = try checkOne(p, i, analytic: p.analytic[i])
      if !c.passed {
        failures += 1
        if failures <= 3 {
          Issue.record("\(label): \(c)", sourceLocation: sourceLocation)
        }
      }
      let resolution = max(
        c.centralTolerance.allowed(at: c.central.value),
        c.riddersTolerance.allowed(at: c.ridders.value))
      if c.method == .central && resolution < shift / 2 { eligible.append(i) }
    }
    #expect(
      failures == 0, "\(label): \(failures) of \(chosen.count) partials failed",
      sourceLocation: sourceLocation)
    // Negative control: the same check on a shifted partial must fail.
    var caught = 0
    let picks = stride(from: 0, to: eligible.count, by: max(1, eligible.count / max(controls, 1)))
      .prefix(controls).map { eligible[$0] }
    for i in picks {
      let c = try checkOne(p, i, analytic: p.analytic[i] + shift)
      if c.passed {
        Issue.record(
          "\(label): negative control not caught at \(p.names[i]) (shift \(shift))",
          sourceLocation: sourceLocation)
      } else {
        caught += 1
      }
    }
    #expect(
      caught >= min(controls, chosen.count, 1),
      "\(label): only \(caught) negative controls ran and were caught (\(eligible.count) eligible)",
      sourceLocation: sourceLocation)
    return caught
  }

  /// One coordinate: ∂f/∂x_i against the numerical estimates (the other coordinates fixed).
  static func checkOne(_ p: Problem, _ i: Int, analytic: Double) throws -> PartialCheck {
    let base = p.point
    let f = p.f
    let checks = try GradientCheck.check(
      names: [p.names[i]], at: [base[i]], analytic: [analytic],
      scale: max(1, abs(analytic))
    ) { v in
      var x = base
      x[i] = v[0]
      return f(x)
    }
    return checks[0]
  }

  /// The directional derivative along `direction`: d/dt f(x + t·v) at 0 against v·∇f.
  static func checkDirection(
    _ p: Problem, direction v: [Double], analytic: Double? = nil
  ) throws -> PartialCheck {
    let base = p.point
    let f = p.f
    let a = analytic ?? zip(v, p.analytic).reduce(0) { $0 + $1.0 * $1.1 }
    let checks = try GradientCheck.check(
      names: ["direction"], at: [0], analytic: [a], scale: max(1, abs(a))
    ) { t in
      f(zip(base, v).map { $0 + t[0] * $1 })
    }
    return checks[0]
  }

  /// n standard normal draws times `scale`.
  static func gaussians(_ n: Int, scale: Double, _ r: inout RandomStream) -> [Double] {
    (0..<n).map { _ in scale * r.gaussian() }
  }

  /// Fills a store with random values: N(0, 0.5²) for matrices, embeddings and biases,
  /// 1 + N(0, 0.3²) for LayerNorm gains — every path contributes at O(1), unlike the
  /// training initialisation whose small weights would hide errors in second-order terms.
  static func randomize(_ store: ParameterStore<Double>, _ r: inout RandomStream) {
    for view in store.layout.views {
      for i in view.offset..<(view.offset + view.count) {
        store.values[i] = view.kind == .gain ? 1 + 0.3 * r.gaussian() : 0.5 * r.gaussian()
      }
    }
  }
}
