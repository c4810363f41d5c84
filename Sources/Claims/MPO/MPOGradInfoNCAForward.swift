// The dual-number (forward-mode) evaluation of L_InfoNCA = −Σ p_i^target log softmax(s)_i
// (001_0ef3930bdbd6a134.txt App. H.1, eq. (54); ../shared/claims/mpo.md §0.13) without a
// tangent array per operation: the inputs are K values with their tangents (K×n, row-major)
// and every value and tangent entry goes through the same floating-point operations, in the
// same order, as MPOGradReference.infoNCA on MPOGradDual inputs, so the results are
// bit-identical (property-tested). It stays a second code path to Objectives.InfoNCA: the
// gradient is the forward-mode derivative of the printed loss, not Lemma 5's formula.
//
// Goals, in order: 1) the dual-number result, bit for bit; 2) no allocation per call (the
// buffers live in the workspace; mpo.thm5.infonca-stationary takes up to 4·10⁶ gradients);
// 3) brevity.
import Analytic

#if canImport(Glibc)
  import Glibc
#endif

/// Reusable buffers for L_InfoNCA in forward mode with n tangent directions.
struct MPOGradInfoNCAForward {
  /// Tangent count n.
  let n: Int
  /// The loss's tangent (its gradient when the tangents are the identity).
  var gradient: [Double]
  /// log softmax(s)_i (values).
  var logModel: [Double]
  /// The tangent of LSE(s).
  private var lzTangent: [Double]
  /// Input values and tangents (filled by the caller or by the `variables` helpers).
  var values: [Double]
  var tangents: [Double]

  init(k: Int, n: Int) {
    self.n = n
    gradient = [Double](repeating: 0, count: n)
    logModel = [Double](repeating: 0, count: k)
    lzTangent = [Double](repeating: 0, count: n)
    values = [Double](repeating: 0, count: k)
    tangents = [Double](repeating: 0, count: k * n)
  }

  /// Values `s` with identity tangents (MPOGradDual.variables(s)); K = n.
  mutating func setVariables(_ s: [Double]) {
    precondition(s.count == n && values.count == n, "setVariables: need K = n = \(n), got \(s.count)")
    for i in 0..<n {
      values[i] = s[i]
      for j in 0..<n { tangents[i * n + j] = i == j ? 1 : 0 }
    }
  }

  /// TAB scores s_i = β((θ_i − LSE(θ)) − log π_ref,i), i < K, as dual numbers of θ (n = M =
  /// θ.count): the operations of MPOGradientClaims.thm5TabGradient's dual path.
  mutating func setTabScores(theta: [Double], logRef: [Double], beta: Double) {
    let k = values.count
    precondition(theta.count == n, "setTabScores: θ has \(theta.count) entries, need \(n)")
    // LSE(θ) of variables: value m + log Σ e^{θ−m}; tangent softmax(θ) (the dual sum
    // 0 + Σ_i p_i·e_i[j] is exactly p_j).
    let (lzv, finite) = Self.lse(theta, tangentsInto: &lzTangent, identity: true, tangents: [])
    for i in 0..<k {
      values[i] = beta * ((theta[i] - lzv) - logRef[i])
      for j in 0..<n {
        let d = (i == j ? 1.0 : 0.0) - (finite ? lzTangent[j] : 0)
        tangents[i * n + j] = beta * d
      }
    }
  }

  /// L_InfoNCA at the current inputs; fills `gradient` (the loss's tangent) and `logModel`.
  @discardableResult
  mutating func evaluate(target: [Double]) -> Double {
    let k = values.count
    let (lzv, finite) = Self.lse(values, tangentsInto: &lzTangent, identity: false, tangents: tangents)
    var lv = 0.0
    for j in 0..<n { gradient[j] = 0 }
    for i in 0..<k { logModel[i] = values[i] - lzv }
    let terms = min(target.count, k)
    tangents.withUnsafeBufferPointer { td in
      lzTangent.withUnsafeBufferPointer { lz in
        gradient.withUnsafeMutableBufferPointer { g in
          for i in 0..<terms {
            let t = target[i]
            lv = lv - t * logModel[i]
            let row = i * n
            for j in 0..<n {
              let lp = td[row + j] - (finite ? lz[j] : 0)
              g[j] = g[j] - t * lp
            }
          }
        }
      }
    }
    return lv
  }

  /// MPOGradDual.logSumExp's value and tangent: m = max value; when m is not finite the
  /// value is m (−∞ when empty) with a zero tangent (`finite` false). Identity tangents
  /// (variables) give the tangent softmax(x) exactly.
  private static func lse(
    _ x: [Double], tangentsInto d: inout [Double], identity: Bool, tangents: [Double]
  ) -> (Double, Bool) {
    guard let m = x.max(), m.isFinite else { return (x.max() ?? -.infinity, false) }
    var s = 0.0
    for v in x { s += exp(v - m) }
    let n = d.count
    d.withUnsafeMutableBufferPointer { dd in
      for j in 0..<n { dd[j] = 0 }
      if identity {
        for i in 0..<x.count { dd[i] = exp(x[i] - m) / s }
        return
      }
      tangents.withUnsafeBufferPointer { td in
        for i in 0..<x.count {
          let p = exp(x[i] - m) / s
          let row = i * n
          for j in 0..<n { dd[j] += p * td[row + j] }
        }
      }
    }
    return (m + log(s), true)
  }
}
