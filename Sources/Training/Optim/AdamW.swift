// AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019; Kingma & Ba
// 2015 for the moments), as PyTorch's torch.optim.AdamW computes it, with the learning-rate
// schedule and global-norm clipping of TRAINING.md. Goals, in order: 1) the published update
// exactly (a property test checks one step by hand); 2) decay only on matrices of linear maps
// (``ParameterKind/decays``); 3) a state that checkpoints and restores bit for bit.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Hyperparameters of ``AdamW``.
public struct AdamWConfig: Sendable, Equatable, Codable {
  public var schedule: LearningRateSchedule
  public var beta1: Double
  public var beta2: Double
  public var epsilon: Double
  /// λ of the decoupled decay θ ← θ − η·λ·θ.
  public var weightDecay: Double
  /// Global-norm clipping threshold c (nil: no clipping).
  public var maxGradientNorm: Double?

  /// - Throws: ``ModelError`` unless 0 ≤ β₁, β₂ < 1, ε > 0, λ ≥ 0 and c > 0 (all finite).
  public init(
    schedule: LearningRateSchedule, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8, weightDecay: Double = 0.01, maxGradientNorm: Double? = 1.0
  ) throws(ModelError) {
    try ModelError.require(beta1 >= 0 && beta1 < 1, "beta1", beta1, "must lie in [0, 1)")
    try ModelError.require(beta2 >= 0 && beta2 < 1, "beta2", beta2, "must lie in [0, 1)")
    try ModelError.require(
      epsilon > 0 && epsilon.isFinite, "epsilon", epsilon, "must be finite and > 0")
    try ModelError.require(
      weightDecay >= 0 && weightDecay.isFinite, "weightDecay", weightDecay,
      "must be finite and ≥ 0")
    if let c = maxGradientNorm {
      try ModelError.require(c > 0 && c.isFinite, "maxGradientNorm", c, "must be finite and > 0")
    }
    self.schedule = schedule
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.maxGradientNorm = maxGradientNorm
  }
}

/// What one optimizer step did.
public struct AdamWStepReport: Sendable, Equatable {
  /// The step number t (from 1).
  public var step: Int
  /// η(t).
  public var learningRate: Double
  /// ‖g‖₂ before clipping.
  public var gradientNorm: Double
  /// Whether clipping scaled the gradients.
  public var clipped: Bool
}

/// AdamW over one ``ParameterStore``. Step t (from 1), per parameter θ with gradient g
/// (after clipping), η = η(t):
///   θ ← θ − η·λ·θ            (only where the kind decays),
///   m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,
///   θ ← θ − η·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε).
public final class AdamW<S: ModelScalar> {
  public let config: AdamWConfig
  public private(set) var step = 0
  /// First and second moments, in the parameters' layout.
  public let firstMoment: Buffer<S>
  public let secondMoment: Buffer<S>
  private let decayMask: [Bool]

  public init(config: AdamWConfig, layout: ParameterLayout) {
    self.config = config
    firstMoment = Buffer(count: layout.count)
    secondMoment = Buffer(count: layout.count)
    var mask = [Bool](repeating: false, count: layout.count)
    for view in layout.views where view.kind.decays {
      for i in view.offset..<(view.offset + view.count) { mask[i] = true }
    }
    decayMask = mask
  }

  /// Clips (if configured) and applies one update to `parameters` from their gradients
  /// (which it leaves clipped, not zeroed).
  /// - Throws: ``ModelError`` when the store has another size or the gradient is not finite
  ///   (the parameters are then unchanged).
  @discardableResult
  @_specialize(where S == Float)
  public func update(_ parameters: ParameterStore<S>) throws(ModelError) -> AdamWStepReport {
    try ModelError.require(
      parameters.count == firstMoment.count, "parameters.count", parameters.count,
      "must equal the optimizer's \(firstMoment.count)")
    let norm: Double
    var clipped = false
    if let c = config.maxGradientNorm {
      norm = try GradientClipping.clip(parameters, maxNorm: c)
      clipped = norm > c
    } else {
      norm = GradientClipping.globalNorm(parameters)
      try ModelError.require(norm.isFinite, "gradient norm", norm, "must be finite")
    }
    step += 1
    let t = Double(step)
    let lr = config.schedule.rate(atStep: step)
    let b1 = S(config.beta1)
    let b2 = S(config.beta2)
    let correction1 = S(1 - pow(config.beta1, t))
    let correction2 = S(1 - pow(config.beta2, t))
    let eta = S(lr)
    let decay = S(1 - lr * config.weightDecay)
    let eps = S(config.epsilon)
    let p = parameters.values.pointer
    let g = parameters.gradients.pointer
    let m = firstMoment.pointer
    let v = secondMoment.pointer
    decayMask.withUnsafeBufferPointer { mask in
      for i in 0..<parameters.count {
        if mask[i] { p[i] *= decay }
        let gi = g[i]
        m[i] = b1 * m[i] + (1 - b1) * gi
        v[i] = b2 * v[i] + (1 - b2) * gi * gi
        let mHat = m[i] / correction1
        let vHat = v[i] / correction2
        p[i] -= eta * mHat / (vHat.squareRoot() + eps)
      }
    }
    return AdamWStepReport(step: step, learningRate: lr, gradientNorm: norm, clipped: clipped)
  }

  /// Restores a checkpointed state (step count and both moments, in the layout's order).
  public func restore(step: Int, first: [Double], second: [Double]) throws(ModelError) {
    try ModelError.require(step >= 0, "step", step, "must be ≥ 0")
    try ModelError.require(
      first.count == firstMoment.count, "first.count", first.count,
      "must equal \(firstMoment.count)")
    try ModelError.require(
      second.count == secondMoment.count, "second.count", second.count,
      "must equal \(secondMoment.count)")
    self.step = step
    for i in 0..<first.count {
      firstMoment.pointer[i] = S(first[i])
      secondMoment.pointer[i] = S(second[i])
    }
  }
}
