// AdamW (Sources/Training/Optim/AdamW.swift) against a hand-computed two-step update, with
// decoupled weight decay on the weight matrix only and the warm-up schedule; the learning-rate
// schedule's shapes.
import Numerics
import TestSupport
import Testing
import Training

@Suite("Training AdamW and schedule")
struct ModelOptimizerTests {
  /// A Linear 2 → 1: weight [2, 1] (decays) then bias [1] (does not).
  static func store(_ values: [Double]) throws -> ParameterStore<Double> {
    var layout = ParameterLayout()
    _ = Linear(name: "lin", inputs: 2, outputs: 1, layout: &layout)
    let s = ParameterStore<Double>(layout: layout)
    try s.setValues(values)
    return s
  }

  /// Two steps from θ₀ = (0.5, −1.25, 0.75) with gradients g₁ = (0.1, −0.2, 0.3),
  /// g₂ = (−0.05, 0.4, 0); warm-up over 2 steps to η = 0.01 (η₁ = 0.005, η₂ = 0.01);
  /// β = (0.9, 0.999), ε = 1e-8, λ = 0.1, no clipping. Expected values (mpmath, mp.dps = 50):
  ///   th=[0.5,-1.25,0.75]; decays=[T,T,F]; m=v=[0]*3
  ///   per step t, i: if decays[i]: th[i]*=1-lr*wd
  ///     m=b1*m+(1-b1)*g; v=b2*v+(1-b2)*g**2; th-=lr*(m/(1-b1**t))/(sqrt(v/(1-b2**t))+eps)
  /// Tolerance: each coordinate goes through ≈ 20 rounded float64 operations per step, each
  /// ≤ ε/2 relative to a quantity no larger than |θ|; 64 ulps of |θ| covers two steps.
  @Test func twoStepsMatchHandComputedUpdate() throws {
    let s = try Self.store([0.5, -1.25, 0.75])
    let schedule = try LearningRateSchedule(peak: 0.01, warmupSteps: 2, totalSteps: 10)
    let config = try AdamWConfig(
      schedule: schedule, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.1,
      maxGradientNorm: nil)
    let opt = AdamW<Double>(config: config, layout: s.layout)
    let expected: [[Double]] = [
      [0.49475000049999995, -1.2443750002499999875, 0.74500000016666666111],
      [0.49159188043983912043, -1.2467916604043537169, 0.73829941794124873787],
    ]
    let grads: [[Double]] = [[0.1, -0.2, 0.3], [-0.05, 0.4, 0]]
    let tol = Tolerance.roundoff(ulps: 64, reason: "≈ 20 rounded operations per step, 2 steps")
    for (t, g) in grads.enumerated() {
      for i in 0..<3 { s.gradients[i] = g[i] }
      let report = try opt.update(s)
      #expect(report.step == t + 1)
      #expect(report.learningRate == [0.005, 0.01][t])
      #expect(!report.clipped)
      for i in 0..<3 {
        #expect(
          tol.accepts(s.values[i], expected[t][i]),
          "step \(t + 1) θ[\(i)]: \(tol.explain(s.values[i], expected[t][i]))")
      }
    }
  }

  /// The bias (kind .bias) is never decayed: with zero gradient it stays put, while the
  /// weight shrinks by exactly the factor (1 − ηλ) per step.
  @Test func decayOnlyOnWeights() throws {
    let s = try Self.store([2, -3, 5])
    let config = try AdamWConfig(
      schedule: LearningRateSchedule(peak: 0.1), weightDecay: 0.5, maxGradientNorm: nil)
    let opt = AdamW<Double>(config: config, layout: s.layout)
    try opt.update(s)
    #expect(s.values[0] == 2 * (1 - 0.1 * 0.5))
    #expect(s.values[1] == -3 * (1 - 0.1 * 0.5))
    #expect(s.values[2] == 5)
  }

  /// Clipping inside the optimizer: ‖g‖ = 13 with c = 1 reports the unclipped norm.
  @Test func optimizerClips() throws {
    let s = try Self.store([0, 0, 0])
    for (i, g) in [3.0, 4, 12].enumerated() { s.gradients[i] = g }
    let opt = AdamW<Double>(
      config: try AdamWConfig(schedule: LearningRateSchedule(peak: 1e-3), maxGradientNorm: 1),
      layout: s.layout)
    let r = try opt.update(s)
    #expect(r.gradientNorm == 13)
    #expect(r.clipped)
  }

  /// A non-finite gradient stops the step and leaves the parameters unchanged.
  @Test func nonFiniteGradientThrows() throws {
    let s = try Self.store([1, 2, 3])
    s.gradients[1] = .nan
    let opt = AdamW<Double>(
      config: try AdamWConfig(schedule: LearningRateSchedule(peak: 1e-3)), layout: s.layout)
    #expect(throws: ModelError.self) { try opt.update(s) }
    #expect(s.valuesAsDoubles == [1, 2, 3])
    #expect(opt.step == 0)
  }

  @Test func scheduleShapes() throws {
    let warm = try LearningRateSchedule.warmup(peak: 1e-4, fraction: 0.1, totalSteps: 100)
    #expect(warm.warmupSteps == 10)
    #expect(warm.rate(atStep: 1) == 1e-4 * 1 / 10)
    #expect(warm.rate(atStep: 10) == 1e-4)
    #expect(warm.rate(atStep: 100) == 1e-4)
    let lin = try LearningRateSchedule(peak: 1, warmupSteps: 0, decay: .linear, totalSteps: 4)
    #expect([1, 2, 3, 4].map { lin.rate(atStep: $0) } == [0.75, 0.5, 0.25, 0])
    let cosine = try LearningRateSchedule(peak: 2, warmupSteps: 2, decay: .cosine, totalSteps: 6)
    #expect(cosine.rate(atStep: 2) == 2)
    #expect(abs(cosine.rate(atStep: 4) - 1) <= 4 * Double.ulpOfOne, "cos(π/2) = 0 up to rounding")
    #expect(cosine.rate(atStep: 6) == 0)
    #expect(throws: ModelError.self) { try LearningRateSchedule(peak: -1) }
    #expect(throws: ModelError.self) {
      try LearningRateSchedule(peak: 1, warmupSteps: 5, totalSteps: 3)
    }
  }
}
