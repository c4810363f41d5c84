// Every layer of the transformer (Sources/Training/Model) in float64: its hand-written
// backward pass against finite differences of its forward pass, for the loss
// L = Σ R ⊙ y with a fixed random upstream R (so ∂L/∂y = R), over the layer's input and all
// its parameters, with negative controls (see TrainingGradientHarness). Tiny shapes keep the
// suite fast in debug builds.
import Numerics
import TestSupport
import Testing
import Training

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Training layer gradients (float64 vs finite differences)")
struct TrainingLayerGradientTests {
  typealias Problem = TrainingGradientHarness.Problem

  /// The problem for a layer mapping an input of `inputCount` scalars to `outputCount`,
  /// with L = Σ R·y over variables input ++ parameters.
  static func problem(
    _ name: String, layout: ParameterLayout, inputCount: Int, outputCount: Int,
    forward: @escaping (ParameterStore<Double>, Buffer<Double>, Buffer<Double>) -> Void,
    backward:
      @escaping (ParameterStore<Double>, Buffer<Double>, Buffer<Double>, Buffer<Double>)
      -> Void
  ) -> Problem {
    var r = RandomStream(seed: TestSeed.seed(for: name))
    let store = ParameterStore<Double>(layout: layout)
    TrainingGradientHarness.randomize(store, &r)
    let params = store.valuesAsDoubles
    let input = TrainingGradientHarness.gaussians(inputCount, scale: 1, &r)
    let upstream = TrainingGradientHarness.gaussians(outputCount, scale: 1, &r)
    let f: ([Double]) -> Double = { v in
      let s = ParameterStore<Double>(layout: layout)
      for i in 0..<layout.count { s.values[i] = v[inputCount + i] }
      let x = Buffer<Double>(count: inputCount)
      for i in 0..<inputCount { x[i] = v[i] }
      let y = Buffer<Double>(count: outputCount)
      forward(s, x, y)
      var sum = 0.0
      for i in 0..<outputCount { sum += upstream[i] * y[i] }
      return sum
    }
    // Analytic: forward at the point, then backward with ∂L/∂y = R.
    let x = Buffer<Double>(count: inputCount)
    for i in 0..<inputCount { x[i] = input[i] }
    let y = Buffer<Double>(count: outputCount)
    forward(store, x, y)
    let dy = Buffer<Double>(count: outputCount)
    for i in 0..<outputCount { dy[i] = upstream[i] }
    let dx = Buffer<Double>(count: inputCount)
    backward(store, x, dy, dx)
    let names =
      (0..<inputCount).map { "x[\($0)]" }
      + layout.views.flatMap { v in (0..<v.count).map { "\(v.name)[\($0)]" } }
    return Problem(
      names: names, point: input + params, analytic: dx.array + store.gradientsAsDoubles, f: f)
  }

  @Test func linear() throws {
    var layout = ParameterLayout()
    let layer = Linear(name: "lin", inputs: 3, outputs: 4, layout: &layout)
    let rows = 3
    let p = Self.problem(
      "Training.linear", layout: layout, inputCount: rows * 3, outputCount: rows * 4,
      forward: { s, x, y in layer.forward(x.pointer, rows: rows, into: y.pointer, parameters: s) },
      backward: { s, x, dy, dx in
        layer.backward(
          input: x.pointer, outputGradient: dy.pointer, rows: rows, inputGradient: dx.pointer,
          accumulate: false, parameters: s)
      })
    try TrainingGradientHarness.check("Linear", p)
  }

  @Test func embedding() throws {
    var layout = ParameterLayout()
    let layer = Embedding(name: "emb", rows: 5, width: 3, layout: &layout)
    // Repeated ids (the scatter-add must sum) and one row never looked up (zero gradient).
    let ids: [Int32] = [2, 0, 2, 4, 1, 2]
    let p = Self.problem(
      "Training.embedding", layout: layout, inputCount: 0, outputCount: ids.count * 3,
      forward: { s, _, y in
        ids.withUnsafeBufferPointer {
          layer.forward(
            ids: $0.baseAddress!, count: ids.count, into: y.pointer, accumulate: false,
            parameters: s)
        }
      },
      backward: { s, _, dy, _ in
        ids.withUnsafeBufferPointer {
          layer.backward(
            ids: $0.baseAddress!, count: ids.count, outputGradient: dy.pointer, parameters: s)
        }
      })
    try TrainingGradientHarness.check("Embedding", p)
    // Row 3 is never looked up: its analytic gradient is exactly 0.
    #expect(p.analytic[9..<12].allSatisfy { $0 == 0 })
  }

  @Test func layerNorm() throws {
    var layout = ParameterLayout()
    let layer = LayerNorm(name: "ln", width: 5, epsilon: 1e-5, layout: &layout)
    let rows = 3
    let p = Self.problem(
      "Training.layerNorm", layout: layout, inputCount: rows * 5, outputCount: rows * 5,
      forward: { s, x, y in
        let xhat = Buffer<Double>(count: rows * 5)
        let rstd = Buffer<Double>(count: rows)
        layer.forward(
          x.pointer, rows: rows, into: y.pointer, normalized: xhat.pointer,
          inverseStd: rstd.pointer, parameters: s)
      },
      backward: { s, x, dy, dx in
        let y = Buffer<Double>(count: rows * 5)
        let xhat = Buffer<Double>(count: rows * 5)
        let rstd = Buffer<Double>(count: rows)
        layer.forward(
          x.pointer, rows: rows, into: y.pointer, normalized: xhat.pointer,
          inverseStd: rstd.pointer, parameters: s)
        layer.backward(
          outputGradient: dy.pointer, normalized: xhat.pointer, inverseStd: rstd.pointer,
          rows: rows, inputGradient: dx.pointer, accumulate: false, parameters: s)
      })
    try TrainingGradientHarness.check("LayerNorm", p)
  }

  @Test func gelu() throws {
    let n = 9
    var r = RandomStream(seed: TestSeed.seed(for: "Training.gelu"))
    // Across the curve: deep negative tail, the minimum near −0.75, 0, and the linear regime.
    let x = [-6.0, -2.5, -0.75, -0.1, 0, 0.3, 1.1, 2.9, 7].map { $0 + 0.01 * r.gaussian() }
    let upstream = TrainingGradientHarness.gaussians(n, scale: 1, &r)
    func f(_ v: [Double]) -> Double {
      var y = [Double](repeating: 0, count: n)
      var t = [Double](repeating: 0, count: n)
      v.withUnsafeBufferPointer { vp in
        y.withUnsafeMutableBufferPointer { yp in
          t.withUnsafeMutableBufferPointer { tp in
            GELU.forward(vp.baseAddress!, count: n, into: yp.baseAddress!, tanh: tp.baseAddress!)
          }
        }
      }
      return zip(upstream, y).reduce(0) { $0 + $1.0 * $1.1 }
    }
    var y = [Double](repeating: 0, count: n)
    var t = [Double](repeating: 0, count: n)
    var dx = [Double](repeating: 0, count: n)
    x.withUnsafeBufferPointer { xp in
      y.withUnsafeMutableBufferPointer { yp in
        t.withUnsafeMutableBufferPointer { tp in
          GELU.forward(xp.baseAddress!, count: n, into: yp.baseAddress!, tanh: tp.baseAddress!)
        }
      }
      t.withUnsafeBufferPointer { tp in
        upstream.withUnsafeBufferPointer { up in
          dx.withUnsafeMutableBufferPointer { dp in
            GELU.backward(
              input: xp.baseAddress!, tanh: tp.baseAddress!, outputGradient: up.baseAddress!,
              count: n, inputGradient: dp.baseAddress!)
          }
        }
      }
    }
    let p = TrainingGradientHarness.Problem(
      names: (0..<n).map { "x[\($0)]" }, point: x, analytic: dx, f: f)
    try TrainingGradientHarness.check("GELU", p)
  }

  @Test func mlp() throws {
    var layout = ParameterLayout()
    let layer = MLP(name: "mlp", width: 3, hidden: 6, layout: &layout)
    let rows = 2
    let p = Self.problem(
      "Training.mlp", layout: layout, inputCount: rows * 3, outputCount: rows * 3,
      forward: { s, x, y in
        layer.forward(
          x.pointer, rows: rows, into: y.pointer, cache: MLP.Cache(rows: rows, hidden: 6),
          parameters: s)
      },
      backward: { s, x, dy, dx in
        let cache = MLP.Cache<Double>(rows: rows, hidden: 6)
        let y = Buffer<Double>(count: rows * 3)
        layer.forward(x.pointer, rows: rows, into: y.pointer, cache: cache, parameters: s)
        layer.backward(
          input: x.pointer, outputGradient: dy.pointer, rows: rows, cache: cache,
          scratch: Buffer(count: rows * 6), inputGradient: dx.pointer, accumulate: false,
          parameters: s)
      })
    try TrainingGradientHarness.check("MLP", p)
  }

  @Test func causalSelfAttention() throws {
    var layout = ParameterLayout()
    let (width, heads, batch, length) = (4, 2, 2, 3)
    let layer = CausalSelfAttention(name: "attn", width: width, heads: heads, layout: &layout)
    let rows = batch * length
    func cache() -> CausalSelfAttention.Cache<Double> {
      CausalSelfAttention.Cache(batch: batch, length: length, width: width, heads: heads)
    }
    let p = Self.problem(
      "Training.attention", layout: layout, inputCount: rows * width,
      outputCount: rows * width,
      forward: { s, x, y in layer.forward(x.pointer, into: y.pointer, cache: cache(), parameters: s)
      },
      backward: { s, x, dy, dx in
        let c = cache()
        let y = Buffer<Double>(count: rows * width)
        layer.forward(x.pointer, into: y.pointer, cache: c, parameters: s)
        layer.backward(
          input: x.pointer, outputGradient: dy.pointer, cache: c,
          mixedGradient: Buffer(count: rows * width),
          packedGradient: Buffer(count: rows * 3 * width),
          scoreGradient: Buffer(count: length * length), inputGradient: dx.pointer,
          accumulate: false, parameters: s)
      })
    try TrainingGradientHarness.check("CausalSelfAttention", p)
  }

  /// Causality: the output at position t does not depend on inputs at positions > t, so
  /// ∂y_{b,0}/∂x_{b,t>0} = 0 exactly in the analytic backward (upstream only on row 0).
  @Test func attentionIsCausal() throws {
    var layout = ParameterLayout()
    let (width, heads, length) = (4, 2, 3)
    let layer = CausalSelfAttention(name: "attn", width: width, heads: heads, layout: &layout)
    var r = RandomStream(seed: TestSeed.seed(for: "Training.attention.causal"))
    let s = ParameterStore<Double>(layout: layout)
    TrainingGradientHarness.randomize(s, &r)
    let x = Buffer<Double>(count: length * width)
    for i in 0..<x.count { x[i] = r.gaussian() }
    let c = CausalSelfAttention.Cache<Double>(batch: 1, length: length, width: width, heads: heads)
    let y = Buffer<Double>(count: length * width)
    layer.forward(x.pointer, into: y.pointer, cache: c, parameters: s)
    let dy = Buffer<Double>(count: length * width)
    for j in 0..<width { dy[j] = 1 }
    let dx = Buffer<Double>(count: length * width)
    layer.backward(
      input: x.pointer, outputGradient: dy.pointer, cache: c,
      mixedGradient: Buffer(count: length * width),
      packedGradient: Buffer(count: length * 3 * width), scoreGradient: Buffer(count: 9),
      inputGradient: dx.pointer, accumulate: false, parameters: s)
    #expect(dx.array[width...].allSatisfy { $0 == 0 })
    #expect(dx.array[..<width].contains { $0 != 0 })
  }

  @Test func lmHead() throws {
    var layout = ParameterLayout()
    let (width, vocab, rows) = (4, 5, 3)
    let layer = LMHead(name: "lm", width: width, vocabSize: vocab, layout: &layout)
    let targets: [Int32] = [3, 0, 3]
    var r = RandomStream(seed: TestSeed.seed(for: "Training.lmHead.a"))
    let a = TrainingGradientHarness.gaussians(rows, scale: 1, &r)
    // L = Σ_r a_r·log p(target_r | row r): only the target entries of the output count.
    let p = Self.problem(
      "Training.lmHead", layout: layout, inputCount: rows * width, outputCount: 0,
      forward: { _, _, _ in }, backward: { _, _, _, _ in })
    func loss(_ v: [Double]) -> Double {
      let s = ParameterStore<Double>(layout: layout)
      for i in 0..<layout.count { s.values[i] = v[rows * width + i] }
      let x = Buffer<Double>(count: rows * width)
      for i in 0..<x.count { x[i] = v[i] }
      let lp = Buffer<Double>(count: rows * vocab)
      layer.forward(x.pointer, rows: rows, into: lp.pointer, parameters: s)
      return (0..<rows).reduce(0) { $0 + a[$1] * lp[$1 * vocab + Int(targets[$1])] }
    }
    let s = ParameterStore<Double>(layout: layout)
    for i in 0..<layout.count { s.values[i] = p.point[rows * width + i] }
    let x = Buffer<Double>(count: rows * width)
    for i in 0..<x.count { x[i] = p.point[i] }
    let lp = Buffer<Double>(count: rows * vocab)
    layer.forward(x.pointer, rows: rows, into: lp.pointer, parameters: s)
    // The log-softmax normalises: Σ_k p_k = 1 per row.
    for row in 0..<rows {
      let total = (0..<vocab).reduce(0.0) { $0 + exp(lp[row * vocab + $1]) }
      #expect(abs(total - 1) <= 16 * Double.ulpOfOne * Double(vocab), "row \(row) sums to \(total)")
    }
    let dx = Buffer<Double>(count: rows * width)
    let aBuf = Buffer<Double>(count: rows)
    for i in 0..<rows { aBuf[i] = a[i] }
    targets.withUnsafeBufferPointer {
      layer.backward(
        input: x.pointer, logProbs: lp.pointer, targets: $0.baseAddress!,
        targetGradients: aBuf.pointer, rows: rows, logitGradient: Buffer(count: rows * vocab),
        inputGradient: dx.pointer, accumulate: false, parameters: s)
    }
    let problem = Problem(
      names: p.names, point: p.point, analytic: dx.array + s.gradientsAsDoubles, f: loss)
    try TrainingGradientHarness.check("LMHead", problem)
  }

  @Test func valueHead() throws {
    var layout = ParameterLayout()
    let (width, rows) = (4, 3)
    let layer = ValueHead(name: "value", width: width, layout: &layout)
    // L = Σ_r y_r log σ(z_r) + (1 − y_r) log(1 − σ(z_r)) (PIPA-style binary targets), so
    // ∂L/∂z_r = y_r − σ(z_r).
    let labels = [1.0, 0.0, 1.0]
    let p0 = Self.problem(
      "Training.valueHead", layout: layout, inputCount: rows * width, outputCount: 0,
      forward: { _, _, _ in }, backward: { _, _, _, _ in })
    func logits(_ v: [Double], _ s: ParameterStore<Double>) -> Buffer<Double> {
      for i in 0..<layout.count { s.values[i] = v[rows * width + i] }
      let x = Buffer<Double>(count: rows * width)
      for i in 0..<x.count { x[i] = v[i] }
      let z = Buffer<Double>(count: rows)
      layer.forward(x.pointer, rows: rows, into: z.pointer, parameters: s)
      return z
    }
    func loss(_ v: [Double]) -> Double {
      let z = logits(v, ParameterStore<Double>(layout: layout))
      return (0..<rows).reduce(0) {
        $0 + labels[$1] * logSigmoid(z[$1]) + (1 - labels[$1]) * logSigmoid(-z[$1])
      }
    }
    let s = ParameterStore<Double>(layout: layout)
    let z = logits(p0.point, s)
    let dz = Buffer<Double>(count: rows)
    for i in 0..<rows { dz[i] = labels[i] - sigmoid(z[i]) }
    let x = Buffer<Double>(count: rows * width)
    for i in 0..<x.count { x[i] = p0.point[i] }
    let dx = Buffer<Double>(count: rows * width)
    layer.backward(
      input: x.pointer, logitGradients: dz.pointer, rows: rows, inputGradient: dx.pointer,
      accumulate: false, parameters: s)
    let problem = Problem(
      names: p0.names, point: p0.point, analytic: dx.array + s.gradientsAsDoubles, f: loss)
    try TrainingGradientHarness.check("ValueHead", problem)
  }
}
