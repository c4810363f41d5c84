// The whole transformer's backward pass (Transformer.backward: LM head, value head, final
// LayerNorm, both blocks, both embedding tables) against finite differences in float64, for
// a loss that uses all three upstreams nonlinearly; negative controls include two plausible
// bugs (response mask off by one position; value-head gradient dropped), which must be
// rejected. Plus Float-vs-Double forward agreement within a rounding bound.
import Numerics
import TestSupport
import Testing
import Training

@Suite("Training model gradients (float64 vs finite differences)")
struct TrainingModelGradientTests {
  /// A tiny model (V = 7, L = 2, d = 8, 2 heads, context 6) keeps each forward pass cheap.
  static let config: TransformerConfig = {
    do {
      return try TransformerConfig(vocabSize: 7, layers: 2, modelWidth: 8, heads: 2, context: 6)
    } catch { fatalError("tiny config is valid: \(error)") }
  }()

  /// Three right-padded sequences of lengths 6, 4, 5 with response masks.
  static func batch() throws -> TokenBatch {
    try TokenBatch(
      sequences: [[1, 4, 2, 6, 3, 0], [2, 2, 5, 6], [1, 3, 3, 4, 6]],
      responseMasks: [
        [false, false, true, true, true, true], [false, true, true, true],
        [false, false, false, true, true],
      ], padToken: 0, config: config)
  }

  /// Fixed coefficients of the loss
  ///   L = Σ_b logσ(c_b·S_b) + Σ_{b,t} m_{b,t}·α_{b,t}·ℓ_{b,t}
  ///       + Σ_{b,t} w_{b,t}·logσ(s_{b,t}·z_{b,t})
  /// with S_b the sequence log-probability, ℓ the token log-probabilities, z the value logits.
  struct Loss {
    var c: [Double]
    var alpha: [Double]
    var w: [Double]
    var sign: [Double]

    func value(_ pass: ForwardPass<Double>) -> Double {
      var sum = 0.0
      for (b, s) in pass.sequenceLogProbs.enumerated() { sum += logSigmoid(c[b] * s) }
      for i in pass.tokenLogProbs.indices {
        if pass.batch.responseMask[i] { sum += alpha[i] * pass.tokenLogProbs[i] }
        sum += w[i] * logSigmoid(sign[i] * pass.valueLogits[i])
      }
      return sum
    }
    /// (∂L/∂S, ∂L/∂ℓ, ∂L/∂z): d/dx logσ(k·x) = k·σ(−k·x).
    func upstreams(_ pass: ForwardPass<Double>) -> ([Double], [Double], [Double]) {
      let a = pass.sequenceLogProbs.enumerated().map { c[$0] * sigmoid(-c[$0] * $1) }
      let z = pass.valueLogits.enumerated().map { w[$0] * sign[$0] * sigmoid(-sign[$0] * $1) }
      return (a, alpha, z)
    }
  }

  struct Setup {
    var model: Transformer<Double>
    var batch: TokenBatch
    var loss: Loss
    var problem: TrainingGradientHarness.Problem
  }

  static func setup(_ name: String) throws -> Setup {
    var r = RandomStream(seed: TestSeed.seed(for: name))
    let model = try Transformer<Double>(config: config)
    TrainingGradientHarness.randomize(model.parameters, &r)
    let batch = try batch()
    let rows = batch.rows
    let loss = Loss(
      c: TrainingGradientHarness.gaussians(batch.count, scale: 1, &r),
      alpha: TrainingGradientHarness.gaussians(rows, scale: 1, &r),
      w: TrainingGradientHarness.gaussians(rows, scale: 1, &r),
      sign: (0..<rows).map { _ in r.uniform() < 0.5 ? -1 : 1 })
    let point = model.parameters.valuesAsDoubles
    let pass = try model.forward(batch)
    let (a, alpha, z) = loss.upstreams(pass)
    model.parameters.zeroGradients()
    try model.backward(pass, sequenceGradients: a, tokenGradients: alpha, valueLogitGradients: z)
    let analytic = model.parameters.gradientsAsDoubles
    let f: ([Double]) -> Double = { v in
      for i in v.indices { model.parameters.values[i] = v[i] }
      guard let pass = try? model.forward(batch) else { return .nan }
      return loss.value(pass)
    }
    let names = model.parameters.layout.views.flatMap { v in
      (0..<v.count).map { "\(v.name)[\($0)]" }
    }
    return Setup(
      model: model, batch: batch, loss: loss,
      problem: .init(names: names, point: point, analytic: analytic, f: f))
  }

  /// Two coordinates of every named tensor (a different sample per seed), checked one by
  /// one; for embedding tables, rows that the batch uses.
  @Test func everyTensorSampled() throws {
    let s = try Self.setup("Training.model.coordinates")
    var r = RandomStream(seed: TestSeed.seed(for: "Training.model.coordinates.pick"))
    var indices: [Int] = []
    for view in s.model.parameters.layout.views {
      for _ in 0..<2 {
        var k = r.uniformInt(in: 0..<view.count)
        if view.kind == .embedding {
          // Row of a token / position that occurs (others have zero gradient).
          let width = view.shape[1]
          let row =
            view.name.hasSuffix("token")
            ? Int(s.batch.tokens[k % s.batch.rows]) : k / width % s.batch.length
          k = row * width + k % width
        }
        indices.append(view.offset + k)
      }
    }
    try TrainingGradientHarness.check("Transformer", s.problem, indices: indices, controls: 4)
  }

  /// Directional derivatives along random directions in the full parameter space: every
  /// partial contributes, so a wrong gradient anywhere shows up.
  @Test func randomDirections() throws {
    let s = try Self.setup("Training.model.directions")
    var r = RandomStream(seed: TestSeed.seed(for: "Training.model.directions.v"))
    for k in 0..<3 {
      let v = TrainingGradientHarness.gaussians(s.problem.point.count, scale: 1, &r)
      let c = try TrainingGradientHarness.checkDirection(s.problem, direction: v)
      #expect(c.passed, "direction \(k): \(c)")
    }
  }

  /// Negative controls with plausible bugs: the backward pass run with the response mask
  /// shifted one position to the right (an off-by-one between predicting row and predicted
  /// token), and run without the value-head upstream. Both gradients are wrong and the
  /// directional check must reject them.
  @Test func perturbedBackwardIsDetected() throws {
    let s = try Self.setup("Training.model.negative")
    var r = RandomStream(seed: TestSeed.seed(for: "Training.model.negative.v"))
    let v = TrainingGradientHarness.gaussians(s.problem.point.count, scale: 1, &r)
    // Sanity: the correct gradient passes along this direction.
    #expect(try TrainingGradientHarness.checkDirection(s.problem, direction: v).passed)

    for i in s.problem.point.indices { s.model.parameters.values[i] = s.problem.point[i] }
    let b = s.batch
    var shiftedMasks: [[Bool]] = []
    var sequences: [[Int]] = []
    for q in 0..<b.count {
      let row = Array(b.responseMask[(q * b.length)..<(q * b.length + b.lengths[q])])
      shiftedMasks.append([false] + row.dropLast())
      sequences.append(b.tokens[(q * b.length)..<(q * b.length + b.lengths[q])].map { Int($0) })
    }
    let shifted = try TokenBatch(
      sequences: sequences, responseMasks: shiftedMasks, padToken: 0, config: Self.config)
    let pass = try s.model.forward(s.batch)
    let (a, alpha, z) = s.loss.upstreams(pass)
    let wrongPass = try s.model.forward(shifted)
    s.model.parameters.zeroGradients()
    try s.model.backward(
      wrongPass, sequenceGradients: a, tokenGradients: alpha, valueLogitGradients: z)
    let offByOne = s.model.parameters.gradientsAsDoubles
    let c1 = try TrainingGradientHarness.checkDirection(
      s.problem, direction: v, analytic: zip(v, offByOne).reduce(0) { $0 + $1.0 * $1.1 })
    #expect(!c1.passed, "off-by-one mask gradient was accepted: \(c1)")

    s.model.parameters.zeroGradients()
    try s.model.backward(pass, sequenceGradients: a, tokenGradients: alpha)
    let noValue = s.model.parameters.gradientsAsDoubles
    let c2 = try TrainingGradientHarness.checkDirection(
      s.problem, direction: v, analytic: zip(v, noValue).reduce(0) { $0 + $1.0 * $1.1 })
    #expect(!c2.passed, "gradient without the value head was accepted: \(c2)")
  }

  /// The backward pass accumulates: two calls give twice the gradient, up to the rounding
  /// of the second call's additions into non-zero accumulators (scatter-adds and gemm with
  /// β = 1 add term by term): a few ulps of each partial, plus an absolute floor for partials
  /// that cancel, relative to the largest partial.
  @Test func gradientsAccumulate() throws {
    let s = try Self.setup("Training.model.accumulate")
    for i in s.problem.point.indices { s.model.parameters.values[i] = s.problem.point[i] }
    let pass = try s.model.forward(s.batch)
    let (a, alpha, z) = s.loss.upstreams(pass)
    s.model.parameters.zeroGradients()
    try s.model.backward(pass, sequenceGradients: a, tokenGradients: alpha, valueLogitGradients: z)
    try s.model.backward(pass, sequenceGradients: a, tokenGradients: alpha, valueLogitGradients: z)
    let twice = s.model.parameters.gradientsAsDoubles
    let gmax = s.problem.analytic.map { abs($0) }.max() ?? 0
    let tol = Tolerance.roundoff(
      ulps: 64, floor: 64 * Double.ulpOfOne * gmax,
      reason: "64 ulps: re-associated additions into the accumulators")
    for (k, (t, g)) in zip(twice, s.problem.analytic).enumerated() {
      #expect(tol.accepts(t, 2 * g), "\(s.problem.names[k]): \(tol.explain(t, 2 * g))")
    }
  }

  /// Float and Double forward passes of the same parameters agree within a rounding bound.
  ///
  /// Bound (first-order rounding analysis): rounding the parameters to Float moves each
  /// log-probability S by ≤ u·Σ_i |θ_i ∂S/∂θ_i| (u = 2⁻²⁴, the Float unit roundoff; the sum is
  /// computed from the Double gradient). Each Float operation on the path rounds its result
  /// by ≤ u relative; the longest chains are the inner products (length ≤ max(4d, T, V)) and
  /// the ≈ 12 sequential stages per block, so the arithmetic adds at most
  /// γ = max(4d, T, V) + 12L + 8 such relative perturbations, each propagating like a
  /// parameter perturbation. Total: (1 + γ)·u·(Σ|θ ∂S/∂θ| + |S|). It is a worst case (all
  /// roundings aligned): observed |ΔS| ≈ 1e-6 against bounds ≈ 5e-3 for |S| ≈ 30–60 at the
  /// default seed; it still rejects any Float-specific defect beyond rounding (a wrong ε,
  /// an unstable log-softmax, overflow), which moves S by far more.
  @Test func floatMatchesDouble() throws {
    let config = try TransformerConfig(
      vocabSize: 16, layers: 2, modelWidth: 32, heads: 4, context: 24)
    var r = RandomStream(seed: TestSeed.seed(for: "Training.model.float"))
    let double = try Transformer<Double>(config: config, initialization: &r)
    // Larger than the training init so that attention is far from uniform.
    TrainingGradientHarness.randomize(double.parameters, &r)
    for i in 0..<double.parameterCount { double.parameters.values[i] *= 0.5 }
    let float = try Transformer<Float>(converting: double)
    var sequences: [[Int]] = []
    var masks: [[Bool]] = []
    for b in 0..<4 {
      let n = 24 - 3 * b
      sequences.append((0..<n).map { _ in r.uniformInt(in: 0..<16) })
      masks.append((0..<n).map { $0 >= 5 })
    }
    let batch = try TokenBatch(
      sequences: sequences, responseMasks: masks, padToken: 0, config: config)
    let pd = try double.forward(batch)
    let pf = try float.forward(batch)
    let u = Double(Float.ulpOfOne) / 2
    let gamma = Double(
      max(config.hiddenWidth, config.context, config.vocabSize) + 12 * config.layers + 8)
    for b in 0..<batch.count {
      var e = [Double](repeating: 0, count: batch.count)
      e[b] = 1
      double.parameters.zeroGradients()
      try double.backward(pd, sequenceGradients: e)
      let sensitivity = zip(double.parameters.valuesAsDoubles, double.parameters.gradientsAsDoubles)
        .reduce(0) { $0 + abs($1.0 * $1.1) }
      let s = pd.sequenceLogProbs[b]
      let tol = Tolerance(
        absolute: (1 + gamma) * u * (sensitivity + abs(s)), relative: 0,
        reason: "(1 + γ)·u·(Σ|θ ∂S/∂θ| + |S|), γ = \(gamma), u = 2⁻²⁴")
      #expect(
        tol.accepts(pf.sequenceLogProbs[b], s),
        "sequence \(b): \(tol.explain(pf.sequenceLogProbs[b], s))")
      // The bound must not be vacuous: it is far below |S| itself.
      #expect(
        tol.absolute < 0.05 * abs(s), "bound \(tol.absolute) is loose against |S| = \(abs(s))")
    }
  }
}
