// The language-model head: logits = h·W + b over the vocabulary, turned into log-probabilities
// by a stable log-softmax, and its backward pass from gradients on the log-probability of one
// target token per row (the only quantity every preference objective needs).

/// log p(· | row) = logSoftmax(h·W + b), computed as z − m − log Σ exp(z − m), m = max z.
///
/// Backward: for upstream a_r = ∂L/∂log p(y_r | r) on row r's target y_r,
///   ∂L/∂z_rk = a_r·(1[k = y_r] − p_rk),
/// then the Linear backward gives ∂L/∂W, ∂L/∂b and ∂L/∂h.
public struct LMHead: Sendable {
  public let width: Int
  public let vocabSize: Int
  public let linear: Linear

  /// Registers `name.weight` ([d, V]) and `name.bias` in `layout`.
  public init(name: String, width: Int, vocabSize: Int, layout: inout ParameterLayout) {
    self.width = width
    self.vocabSize = vocabSize
    linear = Linear(name: name, inputs: width, outputs: vocabSize, layout: &layout)
  }

  /// logProbs ← logSoftmax(h·W + b) for `rows` rows (rows × V).
  public func forward<S: ModelScalar>(
    _ h: UnsafePointer<S>, rows: Int, into logProbs: UnsafeMutablePointer<S>,
    parameters: ParameterStore<S>
  ) {
    linear.forward(h, rows: rows, into: logProbs, parameters: parameters)
    let v = vocabSize
    for r in 0..<rows {
      let z = logProbs + r * v
      var m = z[0]
      for k in 1..<v where z[k] > m { m = z[k] }
      var sum: S = 0
      for k in 0..<v { sum += S.exp(z[k] - m) }
      let shift = m + S.log(sum)
      for k in 0..<v { z[k] -= shift }
    }
  }

  /// Accumulates parameter gradients and writes ∂L/∂h into `dh` (added when `accumulate`),
  /// given per-row targets and upstream gradients a_r. `logitGradient` is scratch (rows × V).
  public func backward<S: ModelScalar>(
    input h: UnsafePointer<S>, logProbs: UnsafePointer<S>, targets: UnsafePointer<Int32>,
    targetGradients a: UnsafePointer<S>, rows: Int, logitGradient: Buffer<S>,
    inputGradient dh: UnsafeMutablePointer<S>, accumulate: Bool, parameters: ParameterStore<S>
  ) {
    let v = vocabSize
    let dz = logitGradient.pointer
    for r in 0..<rows {
      let lp = logProbs + r * v
      let out = dz + r * v
      let ar = a[r]
      if ar == 0 {
        out.update(repeating: 0, count: v)
        continue
      }
      for k in 0..<v { out[k] = -ar * S.exp(lp[k]) }
      out[Int(targets[r])] += ar
    }
    linear.backward(
      input: h, outputGradient: dz, rows: rows, inputGradient: dh, accumulate: accumulate,
      parameters: parameters)
  }
}
