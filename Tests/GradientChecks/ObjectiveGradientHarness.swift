// The generic gradient check for any `Objective`: draws seeded, edge-biased inputs, compares
// the analytic gradient with GSL's central difference and Ridders' extrapolation
// (TestSupport.GradientCheck), and runs the negative control — the same check on a
// slightly perturbed analytic gradient, which must be rejected, so the check can fail.
import Numerics
import Objectives
import PropertyBased
import Testing
import TestSupport

enum ObjectiveGradientHarness {
  /// Statistics of one run, for assertions and messages.
  struct Summary {
    var cases = 0
    var skipped = 0
    var failures = 0
    var controlsCaught = 0
    var controlsRun = 0
  }

  /// Checks `objective`'s gradient on `count` inputs from `generator` (seeded by `name`).
  /// Inputs on which the objective throws (outside its domain) are skipped and counted.
  /// `steps` gives per-variable initial steps when the default would cross a kink or a
  /// domain edge; `controls` inputs also run the negative control.
  @discardableResult
  static func run<O: Objective, S>(
    _ name: String, _ objective: O, count: Int = 1000, controls: Int = 200,
    generator: Generator<O.Input, S>, steps: ((O.Input) -> [Double])? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Summary {
    let master = TestSeed.master
    var box = SeedBox(TestSeed.seed(for: name, master: master))
    var s = Summary()
    for i in 0..<count {
      let input = generator.run(using: &box.rng)
      guard let analytic = try? objective.gradient(input), (try? objective.loss(input)) != nil
      else {
        s.skipped += 1
        continue
      }
      s.cases += 1
      let f: ([Double]) -> Double? = { v in try? objective.loss(input.replacing(variables: v)) }
      do {
        let checks = try GradientCheck.check(
          names: input.variableNames, at: input.variables, analytic: analytic,
          steps: steps?(input), f)
        if let bad = checks.first(where: { !$0.passed }) {
          s.failures += 1
          if s.failures <= 3 {
            Issue.record(
              "\(name): case \(i) (ALIGNCHECK_SEED=\(master)) input \(input): \(bad)",
              sourceLocation: sourceLocation)
          }
        }
        // Negative control: shift one partial derivative by 1e-4·‖g‖∞ + 1e-7 (a relative
        // error of 1e-4 — far below what a wrong formula produces) and require the check to
        // reject it. It runs on a partial computed by central differences whose tolerance
        // (the check's resolution there) is below half the shift: at a domain edge a
        // one-sided difference is an order less accurate, and where evaluation noise is large
        // (terms of 1e5 cancelling) a 1e-4 shift lies within the honest error bar. Those
        // partials are still checked, just not used as controls; the count of controls that
        // could run is asserted below, so a check whose tolerances are loose everywhere fails.
        let gmax = analytic.map { abs($0) }.max() ?? 0
        let shift = 1e-4 * gmax + 1e-7
        let eligible = checks.indices.filter { k in
          let c = checks[k]
          let resolution = max(
            c.centralTolerance.allowed(at: c.central.value), c.riddersTolerance.allowed(at: c.ridders.value))
          return c.method == .central && resolution < shift / 2
        }
        if s.controlsRun < controls, !eligible.isEmpty {
          let j = eligible[i % eligible.count]
          var wrong = analytic
          wrong[j] += shift
          let control = try GradientCheck.check(
            names: input.variableNames, at: input.variables, analytic: wrong,
            steps: steps?(input), f)
          s.controlsRun += 1
          if control.contains(where: { !$0.passed }) {
            s.controlsCaught += 1
          } else {
            Issue.record(
              """
              \(name): negative control not caught at case \(i) (ALIGNCHECK_SEED=\(master)) \
              input \(input), perturbed coordinate \(input.variableNames[j])
              """,
              sourceLocation: sourceLocation)
          }
        }
      } catch {
        s.failures += 1
        Issue.record(
          "\(name): numerical derivative failed at case \(i) input \(input): \(error)",
          sourceLocation: sourceLocation)
      }
    }
    #expect(s.failures == 0, "\(name): \(s.failures) of \(s.cases) cases failed")
    #expect(
      s.controlsRun >= min(controls, s.cases / 4),
      "\(name): only \(s.controlsRun) negative controls could run (too many inputs at domain edges or with a resolution coarser than half the 1e-4 shift)")
    #expect(
      s.cases >= count / 2,
      "\(name): only \(s.cases) of \(count) inputs were inside the domain; fix the generator")
    return s
  }
}
